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
    // "field: value", "field:value" or a bare "field"; a line starting with ":" is a comment (field "").
    const [, field, value] = /^([^:]*):? ?(.*)/s.exec(text) as unknown as [string, string, string];
    if (field == "data") data = data === undefined ? value : data + "\n" + value;
    else if (field == "event") event = value;
    else if (field == "id" && !value.includes("\0")) id = value;
  };

  return {
    feed(text) {
      if (!text) return;
      // A "\r" that ended the last piece may be the first half of "\r\n".
      if (afterCR && text.charCodeAt(0) == 10) text = text.slice(1);
      afterCR = text.charCodeAt(text.length - 1) == 13;
      const lines = (rest + text).split(/\r\n?|\n/);
      rest = lines.pop()!;
      for (const text of lines) line(text);
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
  }
}
