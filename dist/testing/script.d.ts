import type { Flavor } from "./refusals.js";
import type { RequestBody } from "./types.js";
/**
 * The request a `reply` function is asked to answer.
 *
 * @example
 * ```ts
 * createEmulator({ reply: (request) => (request.operation == "responses" ? "from Responses" : `${request.model} says hi`) });
 * ```
 */
export interface ReplyRequest {
    /** `"chat/completions"`, `"completions"` or `"responses"`. */
    operation: "chat/completions" | "completions" | "responses";
    provider: Flavor;
    /** The model the body names, or on Azure's dated routes the deployment in the path. */
    model: string;
    /** The Azure deployment (the path's, or the body's `model` on v1 and Responses routes); undefined on OpenAI. */
    deployment?: string;
    /** The text the request is about: the last user message, the prompt, or the Responses input's last user text. */
    prompt: string;
    stream: boolean;
    body: RequestBody;
}
/**
 * A tool call the model makes.
 *
 * @example
 * ```ts
 * const call: ToolCallReply = { name: "lookup_order", arguments: { order_id: "4711" } };
 * ```
 */
export interface ToolCallReply {
    name: string;
    /** An object is sent as its JSON. Default `{}`. */
    arguments?: string | Record<string, unknown>;
    /** Default: `call_emu…`, numbered. */
    id?: string;
}
/**
 * What the model answers: text, tool calls, or a refusal. `finishReason` overrides the one the emulator picks
 * (`"stop"`, `"tool_calls"`, `"length"` when `max_tokens` cuts the text).
 *
 * @example
 * ```ts
 * const reply: Reply = { toolCalls: [{ name: "lookup", arguments: { q: "x" } }] };
 * ```
 */
export type Reply = string | {
    text?: string;
    toolCalls?: ToolCallReply[];
    refusal?: string;
    finishReason?: string;
};
/** A reply in one shape, with tool arguments as the JSON text the services send. */
export interface Said {
    text?: string;
    toolCalls: {
        id: string;
        name: string;
        arguments: string;
    }[];
    refusal?: string;
    finishReason?: string;
}
/** Normalizes what a `reply` function returned; `callId` numbers the tool calls that have no id. */
export declare function said(reply: Reply, callId: () => string): Said;
/**
 * The default reply: "You said: <prompt>"; with function tools and no tool result yet, a call of the first
 * one whose string parameters all carry the prompt (so a test sees arguments that come in pieces).
 */
export declare function defaultReply(request: ReplyRequest, callId: () => string): Said;
/** Splits a tool call's arguments into the pieces a stream sends them in. */
export declare function argumentPieces(text: string, size?: number): string[];
