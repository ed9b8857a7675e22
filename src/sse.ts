// A Server-Sent Events parser that knows nothing of OpenAI: bytes in, events out, split anywhere.

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
export function createSSEParser(): SSEParser {
  let rest = "";
  let afterCR = false;
  let data: string | undefined;
  let event: string | undefined;
  let id: string | undefined;
  let events: ServerSentEvent[];

  const line = (text: string) => {
    if (!text) {
      if (data !== undefined) events.push({ event, data, id });
      data = event = undefined;
      return;
    }
    // "field: value", "field:value" or a bare "field"; a line starting with ":" is a comment (field "").
    const colon = text.indexOf(":") + 1 || text.length + 1;
    const field = text.slice(0, colon - 1);
    const value = text.slice(text.charCodeAt(colon) == 32 ? colon + 1 : colon);
    if (field == "data") data = data === undefined ? value : data + "\n" + value;
    else if (field == "event") event = value;
    else if (field == "id" && !value.includes("\0")) id = value;
  };

  return {
    feed(text, end) {
      events = [];
      if (text) {
        // A "\r" that ended the last piece may be the first half of "\r\n".
        if (afterCR && text.charCodeAt(0) == 10) text = text.slice(1);
        afterCR = text.charCodeAt(text.length - 1) == 13;
      }
      text = rest + text;
      const lines = text.split(/\r\n?|\n/);
      rest = end ? "" : lines.pop()!;
      if (end) lines.push("");
      for (const text of lines) line(text);
      return events;
    },
  };
}

/**
 * Reads a byte stream as Server-Sent Events. Ending the iteration early (break, return) cancels the stream.
 *
 * @example
 * ```ts
 * for await (const e of parseSSE(response.body!)) console.log(e.data);
 * ```
 */
export async function* parseSSE(stream: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent, void, undefined> {
  const parser = createSSEParser();
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let done = false;
  try {
    while (!done) {
      const chunk = await reader.read();
      done = chunk.done;
      for (const event of parser.feed(decoder.decode(chunk.value, { stream: !done }), done)) yield event;
    }
  } finally {
    if (!done) reader.cancel().catch(() => {});
  }
}
