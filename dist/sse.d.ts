/**
 * One event of an SSE stream.
 *
 * @example
 * ```ts
 * const event: ServerSentEvent = { event: "response.completed", data: '{"type":"response.completed"}', id: "7" };
 * ```
 */
export interface ServerSentEvent {
    /** The `event:` field; undefined for the default "message" type (no `event:` line, or an empty one). */
    event?: string;
    /** The `data:` lines, joined by "\n". */
    data: string;
    /** The last `id:` seen, if any. */
    id?: string;
}
/**
 * A push parser: feed it decoded text in pieces of any size; each call returns the events it completed.
 *
 * @example
 * ```ts
 * const parser: SSEParser = createSSEParser();
 * for (const event of parser.feed("data: 1\n\n")) console.log(event.data); // "1"
 * ```
 */
export interface SSEParser {
    /**
     * Parses the next piece of text. The text must already be decoded: a `TextDecoder` (with `{ stream: true }`
     * between pieces) strips a leading byte order mark; the parser does not. With `end`, the stream closed after
     * this piece, and an event it left without a blank line after is delivered.
     *
     * @example
     * ```ts
     * const parser = createSSEParser();
     * parser.feed("data: a\n\ndata: b"); // [{ data: "a" }]
     * parser.feed("", true); // [{ data: "b" }]
     * ```
     */
    feed(text: string, end?: boolean): ServerSentEvent[];
}
/**
 * Parses SSE text (`\n`, `\r\n` or `\r` line endings, comments, multi-line data) into events.
 * An event the stream ends without a blank line after is still delivered.
 *
 * @example
 * ```ts
 * const parser = createSSEParser();
 * parser.feed("data: hel"); // []
 * parser.feed("lo\n\n"); // [{ data: "hello" }]
 * ```
 */
export declare function createSSEParser(): SSEParser;
/**
 * Reads a byte stream as Server-Sent Events. Ending the iteration early (break, return) cancels the stream.
 * (A reader that needs every event of each read at once, as the client's stream reader does, drives
 * {@link createSSEParser} itself: `feed` returns each read's events in one array.)
 *
 * @example
 * ```ts
 * for await (const e of parseSSE(response.body!)) console.log(e.data);
 * ```
 */
export declare function parseSSE(stream: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent, void, undefined>;
