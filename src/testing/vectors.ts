// Deterministic embeddings and token counts for the emulator: the same text always gives the same vector.

/** FNV-1a hash of a string, the seed of its vector. */
const hash = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
};

/**
 * The emulator's embedding of `text`: `dimensions` float32 values in [-1, 1), from an xorshift32 stream seeded by the text.
 *
 * @example
 * ```ts
 * expect(result.embeddings[0]).toEqual(Array.from(embeddingOf("A", 1536)));
 * ```
 */
export function embeddingOf(text: string, dimensions: number): Float32Array {
  const out = new Float32Array(dimensions);
  let x = hash(text);
  for (let i = 0; i < dimensions; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x >>> 0) / 2147483648 - 1;
  }
  return out;
}

/**
 * Little-endian float32 bytes as base64, as the services send with `encoding_format: "base64"`.
 *
 * @example
 * ```ts
 * const wire = { object: "embedding", index: 0, embedding: float32ToBase64(embeddingOf("A", 8)) };
 * ```
 */
export function float32ToBase64(vector: Float32Array): string {
  // Node, Bun and Deno encode natively (about 50 times faster than building a binary string for btoa).
  const { Buffer } = globalThis as {
    Buffer?: {
      from(buffer: ArrayBufferLike, offset: number, length: number): { toString(encoding: "base64"): string };
    };
  };
  if (Buffer) return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("base64");
  const bytes = new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The emulator's token count (words and punctuation runs): stable and cheap, not a real tokenizer.
 *
 * @example
 * ```ts
 * expect(reply.usage?.prompt_tokens).toBe(countTokens("Hello, world")); // 3
 * ```
 */
export function countTokens(text: string): number {
  return text.match(/\w+|[^\s\w]+/g)?.length ?? 0;
}
