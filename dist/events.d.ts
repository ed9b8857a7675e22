import type { OpenedStream } from "./send.js";
import type { EventStream } from "./types.js";
/**
 * How a stream of JSON events ends, and which of its events are errors: data read by {@link readEvents}.
 * A stream that closes before its end (`doneData` or a `terminalTypes` event) is a `ConnectionError`.
 *
 * @example
 * ```ts
 * const rule: EndRule = { doneData: "[DONE]", errorKey: "error", errorEvent: "error" }; // = CHAT_END
 * ```
 */
export interface EndRule {
    /**
     * A `data:` payload that ends the stream, not yielded.
     * @example "[DONE]"
     */
    doneData?: string;
    /**
     * A `data:` payload passed over wherever it comes.
     * @example "[DONE]"
     */
    ignoredData?: string;
    /**
     * Event `type`s that are yielded, then end the stream.
     * @example ["response.completed", "response.incomplete"]
     */
    terminalTypes?: readonly string[];
    /**
     * Event `type`s that are failures, each with the keys that lead from the event to the object holding the error's
     * `code`, `message` and `param` (`[]`: the event itself).
     * @example { "response.failed": ["response", "error"], error: [] }
     */
    failureTypes?: Readonly<Record<string, readonly string[]>>;
    /**
     * A key whose value, when it is an object, makes any event an error the stream carried (its `code`, `message`…).
     * @example "error"
     */
    errorKey?: string;
    /**
     * An SSE `event:` name whose data is an error: JSON as above, or plain text (the message).
     * @example "error"
     */
    errorEvent?: string;
}
/**
 * Chat and legacy completions: the stream ends at `data: [DONE]`; an event with an `error` object, or an
 * `event: error`, is the `ApiError` it describes.
 *
 * @example
 * ```ts
 * for await (const chunk of readEvents<ChatCompletionChunk>(open, CHAT_END, { timeoutMs: 60_000 })) print(chunk);
 * ```
 */
export declare const CHAT_END: EndRule;
/**
 * The Responses API: `response.completed` and `response.incomplete` are yielded and end the stream;
 * `response.failed` is an `ApiError` from its `response.error`, an `error` event one from its own `code`,
 * `message` and `param` (the `body` is the event); a `data: [DONE]` is tolerated and not yielded.
 *
 * @example
 * ```ts
 * for await (const event of readEvents<ResponseEvent>(open, RESPONSES_END, { timeoutMs: 60_000 })) print(event.type);
 * ```
 */
export declare const RESPONSES_END: EndRule;
/**
 * Options of {@link readEvents}.
 *
 * @example
 * ```ts
 * const options: ReadEventsOptions = { signal: controller.signal, timeoutMs: 60_000 };
 * ```
 */
export interface ReadEventsOptions {
    /** Aborting rejects the next `next()` with the signal's reason and cancels the body. */
    signal?: AbortSignal;
    /** The longest silence between reads of the body: a stream that stalls longer ends in `TimeoutError`. */
    timeoutMs: number;
}
/**
 * The JSON events of a streamed response, as an iterator. `open` is called at the first `next()` (so the request
 * is sent then); each event is yielded until the stream's end as `rule` defines it.
 * - An error the stream carries rejects with the `ApiError` `toError` builds, after the events before it.
 * - A stream that closes before its end, or breaks, rejects with `ConnectionError`.
 * - Silence longer than `timeoutMs` while waiting for the next read rejects with `TimeoutError` (the body is
 *   cancelled); a consumer that is slow to call `next()` is never timed out.
 * - A 200 that is `application/json` rather than a stream: the `ApiError` its `error` object describes, else a
 *   `ConnectionError` saying the server did not stream, with the `status` and the `body` text.
 * - `return()` (a `break`) cancels the body at once, even while a `next()` waits for data (that `next()` then
 *   resolves done); aborting `signal` rejects the next `next()` with its reason, and events that arrived with or
 *   after the abort are not handed out.
 *
 * @example
 * ```ts
 * const open = () => send(settings, { method: "POST", url, body, stream: true });
 * for await (const chunk of readEvents<ChatCompletionChunk>(open, CHAT_END, { timeoutMs: 60_000 })) {
 *   console.log(chunk.choices[0]?.delta?.content);
 * }
 * ```
 */
export declare function readEvents<T>(open: () => Promise<OpenedStream>, rule: EndRule, options: ReadEventsOptions): EventStream<T>;
