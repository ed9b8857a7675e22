/** One event of an SSE stream. */
export interface ServerSentEvent {
    /** The `event:` field; undefined for the default "message" type. */
    event?: string;
    /** The `data:` lines, joined by "\n". */
    data: string;
    /** The last `id:` seen, if any. */
    id?: string;
}
/** A push parser: feed it decoded text in pieces of any size; each call returns the events it completed. */
export interface SSEParser {
    /** Parses the next piece; with `end`, the stream closed after it and a last unterminated event is delivered. */
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
 *
 * @example
 * ```ts
 * for await (const e of parseSSE(response.body!)) console.log(e.data);
 * ```
 */
export declare function parseSSE(stream: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent, void, undefined>;
