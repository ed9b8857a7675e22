/**
 * The emulator's embedding of `text`: `dimensions` float32 values in [-1, 1), from an xorshift32 stream seeded by the text.
 *
 * @example
 * ```ts
 * expect(result.embeddings[0]).toEqual(Array.from(embeddingOf("A", 1536)));
 * ```
 */
export declare function embeddingOf(text: string, dimensions: number): Float32Array;
/**
 * Little-endian float32 bytes as base64, as the services send with `encoding_format: "base64"`.
 *
 * @example
 * ```ts
 * const wire = { object: "embedding", index: 0, embedding: float32ToBase64(embeddingOf("A", 8)) };
 * ```
 */
export declare function float32ToBase64(vector: Float32Array): string;
/**
 * The emulator's token count (words and punctuation runs): stable and cheap, not a real tokenizer.
 *
 * @example
 * ```ts
 * expect(reply.usage?.prompt_tokens).toBe(countTokens("Hello, world")); // 3
 * ```
 */
export declare function countTokens(text: string): number;
