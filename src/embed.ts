// Embeddings: one call (embed), and what every call's answer goes through: the input check, the embeddings in input
// order (one per input, each at its own index), and the wire's base64 decoded. A corpus job is embed-many.ts.
import { check, ConnectionError } from "./errors.ts";
import type { SendOptions } from "./send.ts";
import type { EmbeddingResponse, RequestOptions } from "./types.ts";
import { VectorReader } from "./vector-reader.ts";

/**
 * Sends one embeddings body and resolves to the parsed JSON; provided by the client, so URL and auth stay there.
 * embedMany passes `tally` (its request count) and `retryRateLimited: false` (it handles 429s for the whole job).
 */
export type EmbedCall = (body: Record<string, unknown>, options: SendOptions) => Promise<unknown>;

// Guarded environment helper: Node, Bun and Deno have a native base64 decoder (several times faster than atob);
// browsers and workers, where it is undefined, use atob.
const { Buffer: nativeBuffer } = globalThis as { Buffer?: { from(text: string, encoding: "base64"): Uint8Array } };
const decodeBase64 = (text: string): Uint8Array =>
  nativeBuffer ? nativeBuffer.from(text, "base64") : Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/**
 * One embedding from the wire: base64 (little-endian float32), already decoded by a VectorReader, or, from servers
 * that ignore the field, floats.
 */
export function toFloat32(embedding: unknown): Float32Array {
  if (embedding instanceof Float32Array) return embedding;
  if (typeof embedding == "string") {
    const bytes = decodeBase64(embedding);
    // Node's small buffers share a pool (and Buffer#slice does not copy): give each vector its own bytes.
    return new Float32Array(bytes.buffer.byteLength == bytes.length ? bytes.buffer : new Uint8Array(bytes).buffer);
  }
  if (Array.isArray(embedding)) return new Float32Array(embedding);
  throw new ConnectionError("bad embedding");
}

/** One embedding as `number[]`, whatever the wire format. */
export const toNumbers = (embedding: unknown): number[] => {
  if (Array.isArray(embedding)) return embedding;
  const floats = toFloat32(embedding);
  // A plain loop: Array.from goes through the iterator protocol, ten times slower here.
  const numbers = new Array<number>(floats.length);
  for (let i = 0; i < floats.length; i++) numbers[i] = floats[i]!;
  return numbers;
};

/** Throws a ConfigError unless `input` is a list of non-empty strings. */
export const checkTexts = (input: unknown): void => {
  check(Array.isArray(input), "input must be an array");
  for (let i = 0; i < (input as unknown[]).length; i++) {
    const text = (input as unknown[])[i];
    if (!text || typeof text != "string") check(0, `input[${i}] must be a non-empty string`);
  }
};

/** Whether `index` names one of `count` inputs: an integer (not "0", not 1.5) in range. */
const isSlot = (index: unknown, count: number): index is number =>
  Number.isInteger(index) && (index as number) >= 0 && (index as number) < count;

/**
 * A response's embeddings in input order: one per input, each at its own integer index, or a ConnectionError. The
 * numbers a VectorReader left in the JSON are its `vectors`, in the order they came; they are put back in place.
 */
function embeddingsOf(response: unknown, count: number, vectors: Float32Array[]): unknown[] {
  const data = (response as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new ConnectionError("the embeddings response has no data list");
  if (data.length != count) throw new ConnectionError(`${count} inputs sent, ${data.length} embeddings received`);
  const slots: unknown[] = new Array(count);
  let taken = 0;
  for (let position = 0; position < count; position++) {
    const item = data[position] as { index?: unknown; embedding?: unknown } | null;
    const index = item?.index ?? position;
    if (!item || !isSlot(index, count) || index in slots) {
      throw new ConnectionError(`bad embedding at data[${position}]: a repeated or invalid index`);
    }
    if (typeof item.embedding == "number") {
      // Only the reader writes numbers here, one per vector, counting up; a server's own number is not a vector.
      if (item.embedding !== taken || taken >= vectors.length) {
        throw new ConnectionError(`bad embedding at data[${position}]: a number`);
      }
      item.embedding = vectors[taken];
      taken++;
    }
    slots[index] = item.embedding;
  }
  return slots;
}

/**
 * Sends one embeddings call asking for base64 (a quarter of the bytes of floats), its vectors decoded as the body
 * arrives, and resolves to the answer and its embeddings in input order (Float32Array, or floats as the wire had).
 */
export async function callEmbeddings(
  call: EmbedCall,
  body: Record<string, unknown>,
  count: number,
  options: SendOptions,
): Promise<{ response: EmbeddingResponse; embeddings: unknown[] }> {
  const reader = new VectorReader(toFloat32);
  const response = await call({ encoding_format: "base64", ...body }, { ...options, readAnswer: reader.read });
  const embeddings = embeddingsOf(response, count, reader.vectors);
  return { response: response as EmbeddingResponse, embeddings };
}

/** One embeddings call; `embedding` is `number[]` whatever the wire format. */
export async function embed(
  call: EmbedCall,
  body: Record<string, unknown>,
  options: RequestOptions = {},
): Promise<EmbeddingResponse> {
  const texts = [body?.input].flat();
  checkTexts(texts.length ? texts : [""]); // an empty list is refused like an empty string
  const { response } = await callEmbeddings(call, body, texts.length, options);
  for (const item of response.data) item.embedding = toNumbers(item.embedding);
  return response;
}
