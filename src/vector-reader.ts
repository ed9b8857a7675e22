// The body of an embeddings answer, read as it arrives. Each base64 `embedding` is decoded to a Float32Array as soon
// as its closing quote comes, so an answer of 2048 vectors (17 MB of base64) is never one string, nor 2048 strings
// alive at once: what a call holds is its vectors, not its wire text. What is left is the answer's JSON with each
// vector replaced by its number in `vectors`, parsed like any answer (send.ts); embeddingsOf puts the vectors back.
// Anything unusual (an escape inside the value, a key that is not one) stays in the JSON, decoded the usual way.

/** What comes before each vector on the wire; the services write no space after the colon, others may. */
const KEY = '"embedding":';
const QUOTE = '"';
const BACKSLASH = "\\";
const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** `decode` options between the pieces of a body (one object, not one per read). */
const STREAMING = { stream: true };

const isSpace = (code: number) => code == SPACE || code == TAB || code == LINE_FEED || code == CARRIAGE_RETURN;

/**
 * Takes the base64 vectors out of an embeddings answer's text as it is fed, piece by piece.
 *
 * @example
 * ```ts
 * const reader = new VectorReader(toFloat32);
 * reader.feed('{"data":[{"index":0,"embedding":"AACAPw=="}]}');
 * reader.end(); // '{"data":[{"index":0,"embedding":0}]}', and reader.vectors[0] is Float32Array [1]
 * ```
 */
export class VectorReader {
  /** The vectors taken out, in the order they came: `vectors[k]` stands where the JSON says `k`. */
  readonly vectors: Float32Array[] = [];
  readonly #decode: (base64: string) => Float32Array;
  /** The JSON settled so far: nothing in it can still become part of a vector. */
  #json = "";
  /** Text that may still begin a key (it is joined to the next piece before it is searched). */
  #tail = "";
  /** The character before `#tail`: a key's quote after a backslash is escaped, not a key. */
  #before = "";
  /** The pieces of a value whose closing quote has not come yet; undefined between values. */
  #value: string[] | undefined = undefined;

  constructor(decode: (base64: string) => Float32Array) {
    this.#decode = decode;
  }

  /** Reads a response's body through {@link feed}, and resolves to the JSON text that is left. */
  readonly read = async (response: Response): Promise<string> => {
    if (!response.body) return "";
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      this.feed(decoder.decode(chunk.value, STREAMING));
    }
    this.feed(decoder.decode());
    return this.end();
  };

  /** Takes the next piece of the answer's text. */
  feed(piece: string): void {
    let text = piece;
    if (this.#value) {
      const close = text.indexOf(QUOTE);
      if (close < 0) {
        this.#value.push(text);
        return;
      }
      this.#value.push(text.slice(0, close));
      this.#json += this.#settleValue(this.#value.join(""));
      this.#value = undefined;
      text = text.slice(close + 1);
    }
    text = this.#tail + text;
    // The settled part of this piece, joined once at the end: one flat string, not slices that keep `text` alive.
    const settled: string[] = [];
    let from = 0; // the text before `from` is settled
    let search = 0; // where the next key may begin
    let keep = text.length; // where the text that stays unsettled (the next tail) begins
    for (;;) {
      const key = text.indexOf(KEY, search);
      if (key < 0) {
        keep = Math.max(from, text.length - KEY.length + 1);
        break;
      }
      let open = key + KEY.length;
      while (open < text.length && isSpace(text.charCodeAt(open))) open++;
      if (open == text.length) {
        keep = key; // the spaces after the colon may go on in the next piece
        break;
      }
      const escaped = (key > 0 ? text[key - 1] : this.#before) == BACKSLASH;
      if (text[open] != QUOTE || escaped) {
        search = open;
        continue;
      }
      settled.push(text.slice(from, open));
      const close = text.indexOf(QUOTE, open + 1);
      if (close < 0) {
        this.#value = [text.slice(open + 1)];
        from = text.length;
        break;
      }
      settled.push(this.#settleValue(text.slice(open + 1, close)));
      from = close + 1;
      search = from;
    }
    settled.push(text.slice(from, keep));
    this.#json += settled.join("");
    this.#before = keep > 0 ? text[keep - 1]! : this.#before;
    this.#tail = text.slice(keep);
  }

  /** The JSON text left once the whole answer has been fed (an answer cut inside a value stays cut, and fails). */
  end(): string {
    const unfinished = this.#value ? QUOTE + this.#value.join("") : "";
    this.#value = undefined;
    const json = this.#json + unfinished + this.#tail;
    this.#json = "";
    this.#tail = "";
    return json;
  }

  /** A value's place in the JSON: its vector's number, or the value itself when it holds an escape. */
  #settleValue(value: string): string {
    if (value.includes(BACKSLASH)) return QUOTE + value + QUOTE;
    this.vectors.push(this.#decode(value));
    return String(this.vectors.length - 1);
  }
}
