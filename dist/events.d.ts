import type { OpenedStream } from "./send.js";
import { type EndRule } from "./end-rules.js";
import type { EventStream } from "./types.js";
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
