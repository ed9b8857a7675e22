// A Server-Sent Events parser that knows nothing of OpenAI: decoded text in, events out, split anywhere.
// It scans each piece once by index; the unfinished line at its end is kept as fragments, joined once when the
// line ends, so an event of any size costs time linear in its bytes.

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;
/** The field lines nearly every event is made of. */
const DATA_LINE = "data: ";
const EVENT_LINE = "event: ";

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
export function createSSEParser(): SSEParser {
  return new Parser();
}

/**
 * The parser's state between pieces. One class rather than closures per stream: its methods are compiled once
 * for every stream a process reads, and each read's lines are handled in one loop.
 */
class Parser implements SSEParser {
  /** The pieces of a line that has not ended yet. */
  #fragments: string[] = [];
  /** The last piece ended in "\r": a "\n" starting the next one belongs to that line ending. */
  #afterCR = false;
  #data: string | undefined = undefined;
  #event: string | undefined = undefined;
  #id: string | undefined = undefined;
  #events: ServerSentEvent[] = [];

  feed(text: string, end?: boolean): ServerSentEvent[] {
    this.#events = [];
    // The final "" a decoder gives is not searched: a string of another kind here would make V8 recompile the loop.
    if (text.length) this.#lines(text);
    if (end) {
      // The stream closed inside a line: the line ends there, and so does its event.
      if (this.#fragments.length) this.#joinedLine("");
      this.#dispatch();
      this.#afterCR = false;
    }
    return this.#events;
  }

  /** Handles each line of one piece, in one loop; the unfinished line at its end is kept as a fragment. */
  #lines(text: string) {
    let start = 0;
    if (this.#afterCR && text.charCodeAt(0) == LF) start = 1;
    this.#afterCR = false;
    // The next "\n" and "\r" at or after `start`, each searched again only once passed (-1: none left).
    let nextLF = text.indexOf("\n", start);
    let nextCR = text.indexOf("\r", start);
    while (nextLF != -1 || nextCR != -1) {
      // The line ends at the nearer of the two ("\r\n" is then taken as one ending).
      let stop = nextLF;
      if (stop == -1 || (nextCR != -1 && nextCR < stop)) stop = nextCR;
      if (this.#fragments.length) this.#joinedLine(text.slice(start, stop));
      else if (start == stop) this.#dispatch();
      // Nearly every line is "data: …" or "event: …": taken here in one comparison each; any other line goes to
      // #field, which such a stream never calls (so it adds nothing to the hot loop).
      else if (text.startsWith(DATA_LINE, start)) this.#addData(text.slice(start + DATA_LINE.length, stop));
      else if (text.startsWith(EVENT_LINE, start)) this.#event = text.slice(start + EVENT_LINE.length, stop);
      else this.#field(text, start, stop);
      start = stop + 1;
      if (text.charCodeAt(stop) == CR) {
        if (start == text.length) this.#afterCR = true;
        else if (text.charCodeAt(start) == LF) start++;
      }
      if (nextLF != -1 && nextLF < start) nextLF = text.indexOf("\n", start);
      if (nextCR != -1 && nextCR < start) nextCR = text.indexOf("\r", start);
    }
    if (start < text.length) this.#fragments.push(text.slice(start));
  }

  #dispatch() {
    // An event without a data line is not dispatched (WHATWG), and its type does not carry over.
    const data = this.#data;
    if (data !== undefined) this.#events.push({ event: this.#event || undefined, data, id: this.#id });
    this.#data = undefined;
    this.#event = undefined;
  }

  #addData(value: string) {
    const data = this.#data;
    this.#data = data === undefined ? value : data + "\n" + value;
  }

  /** The line whose start is in earlier pieces, ending with `last`. */
  #joinedLine(last: string) {
    this.#fragments.push(last);
    const whole = this.#fragments.join("");
    // Emptied, not replaced: a new [] would be an array of another kind at the push in #lines, and V8 would recompile.
    this.#fragments.length = 0;
    if (!whole) this.#dispatch();
    else if (whole.startsWith(DATA_LINE)) this.#addData(whole.slice(DATA_LINE.length));
    else this.#field(whole, 0, whole.length);
  }

  /** Any line but a blank one or "data: …": a comment, `data` without its space, `event`, `id`, or another field. */
  #field(text: string, from: number, to: number) {
    // A line starting with ":" is a comment; only three fields matter, so no search for the colon is needed.
    if (text.charCodeAt(from) == COLON) return;
    const dataValue = valueOf(text, from, to, "data");
    if (dataValue !== undefined) return this.#addData(dataValue);
    const eventValue = valueOf(text, from, to, "event");
    if (eventValue !== undefined) {
      this.#event = eventValue;
      return;
    }
    const idValue = valueOf(text, from, to, "id");
    if (idValue !== undefined && !idValue.includes("\0")) this.#id = idValue;
  }
}

/** The value if `text[from, to)` is a line of field `name` ("name", "name:value" or "name: value"), else undefined. */
function valueOf(text: string, from: number, to: number, name: string): string | undefined {
  const nameEnd = from + name.length;
  if (nameEnd > to || !text.startsWith(name, from)) return undefined;
  if (nameEnd == to) return "";
  if (text.charCodeAt(nameEnd) != COLON) return undefined;
  // One space after the colon is not part of the value.
  const valueStart = text.charCodeAt(nameEnd + 1) == SPACE && nameEnd + 1 < to ? nameEnd + 2 : nameEnd + 1;
  return text.slice(valueStart, to);
}

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
