/** Which service's shapes to speak. */
export type Flavor = "openai" | "azure";
type Json = Record<string, unknown>;
/**
 * Azure's verdicts on content that passed every filter, as the emulator sends them.
 *
 * @example
 * ```ts
 * expect(reply.choices[0]?.content_filter_results).toEqual(PASSED_FILTERS);
 * ```
 */
export declare const PASSED_FILTERS: Json;
/** The reply's tokens: an echo of the prompt, or `replyTokens` filler words; cut at `max_tokens`. */
export declare function replyTokens(prompt: string, body: Json, fixed?: number): {
    tokens: string[];
    finish: string;
};
/** The text a chat or completion request is about: the last user message, or the prompt. */
export declare function promptOf(body: Json): string;
interface Shape {
    id: string;
    created: number;
    model: string;
    flavor: Flavor;
    chat: boolean;
}
/** A whole chat completion or completion. */
export declare function completion(s: Shape, body: Json, fixed?: number): Json;
/** The `data:` payloads of a streamed reply, in order, ending with `[DONE]`. */
export declare function streamEvents(s: Shape, body: Json, fixed?: number): Generator<string>;
/** An embeddings response, base64 or floats. */
export declare function embeddings(model: string, inputs: string[], dimensions: number, base64: boolean): Json;
export {};
