import { PASSED_FILTERS } from "./filters.js";
import type { Flavor } from "./refusals.js";
import { type Said } from "./script.js";
import type { RequestBody } from "./types.js";
export { PASSED_FILTERS };
type Json = Record<string, unknown>;
/** The text a chat or completion request is about: the last user message, or the prompt. */
export declare function promptOf(body: RequestBody): string;
/** Every text a chat or completion request sends (for the token estimate of limits). */
export declare const conversationText: (body: RequestBody) => string;
/** A chat or completion request's prompt tokens: the services count a few per message for the roles. */
export declare const promptTokens: (body: RequestBody) => number;
/** What a reply says, cut into the tokens a stream sends. */
export interface Spoken {
    said: Said;
    /** The text's stream deltas, already cut at the request's token limit. */
    tokens: string[];
    finish: string;
    /** The content filter stopped the output. */
    filtered: boolean;
}
/** Identity of one reply. */
export interface Shape {
    id: string;
    created: number;
    model: string;
    flavor: Flavor;
    chat: boolean;
}
/** `usage`, with the token details the services send. */
export declare function usageOf(body: RequestBody, spoken: Spoken): Json;
/** A whole chat completion or completion. */
export declare function completion(s: Shape, body: RequestBody, spoken: Spoken): Json;
/** The `data:` payloads of a streamed reply, in order, ending with `[DONE]`. */
export declare function streamEvents(s: Shape, body: RequestBody, spoken: Spoken): Generator<string>;
/** An embeddings response, base64 or floats. */
export declare function embeddings(model: string, inputs: string[], dimensions: number, base64: boolean): Json;
