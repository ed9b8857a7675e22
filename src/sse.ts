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

/** A push parser: feed it decoded text in pieces of any size, then `end()` it. */
export interface SSEParser {
  feed(text: string): void;
  end(): void;
}

/**
 * Parses SSE text (`\n`, `\r\n` or `\r` line endings, comments, multi-line data) into events.
 * An event the stream ends without a blank line after is still delivered.
 *
 * @example
 * ```ts
 * const parser = createSSEParser((e) => console.log(e.event, e.data));
 * parser.feed("data: hel"); parser.feed("lo\n\n"); parser.end();
 * ```
 */
export function createSSEParser(onEvent: (event: ServerSentEvent) => void): SSEParser {
  let rest = "";
  let afterCR = false;
  let data: string | undefined;
  let event: string | undefined;
  let id: string | undefined;

  const line = (text: string) => {
    if (!text) {
      if (data !== undefined) onEvent({ event, data, id });
      data = event = undefined;
      return;
    }
    let colon = text.indexOf(":");
    if (colon == 0) return; // a comment, such as a keep-alive
    if (colon < 0) colon = text.length;
    const field = text.slice(0, colon);
    const value = text.slice(text.charCodeAt(colon + 1) == 32 ? colon + 2 : colon + 1);
    if (field == "data") data = data === undefined ? value : data + "\n" + value;
    else if (field == "event") event = value;
    else if (field == "id" && !value.includes("\0")) id = value;
  };

  return {
    feed(text) {
      let start = 0;
      // A "\r" that ended the last piece may be the first half of "\r\n".
      if (afterCR && text.charCodeAt(0) == 10) start = 1;
      afterCR = false;
      if (rest) {
        text = rest + text.slice(start);
        start = 0;
      }
      if (text.indexOf("\r", start) < 0) {
        for (let nl; (nl = text.indexOf("\n", start)) >= 0; start = nl + 1) line(text.slice(start, nl));
      } else {
        const eol = /\r\n?|\n/g;
        eol.lastIndex = start;
        for (let m; (m = eol.exec(text)); start = eol.lastIndex) {
          if (m.index + 1 == text.length && m[0] == "\r") afterCR = true;
          line(text.slice(start, m.index));
        }
      }
      rest = text.slice(start);
    },
    end() {
      if (rest) line(rest);
      rest = "";
      line("");
    },
  };
}

/**
 * Reads a byte stream as Server-Sent Events. Cancelling the iteration (break, return) cancels the stream.
 *
 * @example
 * ```ts
 * for await (const e of parseSSE(response.body!)) console.log(e.data);
 * ```
 */
export async function* parseSSE(stream: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent, void, undefined> {
  const queue: ServerSentEvent[] = [];
  const parser = createSSEParser((e) => queue.push(e));
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let done = false;
  try {
    while (!done) {
      const chunk = await reader.read();
      done = chunk.done;
      if (done) {
        parser.feed(decoder.decode());
        parser.end();
      } else parser.feed(decoder.decode(chunk.value, { stream: true }));
      for (let i = 0; i < queue.length; i++) yield queue[i]!;
      queue.length = 0;
    }
  } finally {
    if (!done) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
