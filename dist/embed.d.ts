import type { SendOptions } from "./send.js";
import type { EmbeddingResponse, RequestOptions } from "./types.js";
/**
 * Sends one embeddings body and resolves to the parsed JSON; provided by the client, so URL and auth stay there.
 * embedMany passes `tally` (its request count) and `retryRateLimited: false` (it handles 429s for the whole job).
 */
export type EmbedCall = (body: Record<string, unknown>, options: SendOptions) => Promise<unknown>;
/**
 * One embedding from the wire: base64 (little-endian float32), already decoded by a VectorReader, or, from servers
 * that ignore the field, floats.
 */
export declare function toFloat32(embedding: unknown): Float32Array;
/** One embedding as `number[]`, whatever the wire format. */
export declare const toNumbers: (embedding: unknown) => number[];
/** Throws a ConfigError unless `input` is a list of non-empty strings. */
export declare const checkTexts: (input: unknown) => void;
/**
 * Sends one embeddings call asking for base64 (a quarter of the bytes of floats), its vectors decoded as the body
 * arrives, and resolves to the answer and its embeddings in input order (Float32Array, or floats as the wire had).
 */
export declare function callEmbeddings(call: EmbedCall, body: Record<string, unknown>, count: number, options: SendOptions): Promise<{
    response: EmbeddingResponse;
    embeddings: unknown[];
}>;
/** One embeddings call; `embedding` is `number[]` whatever the wire format. */
export declare function embed(call: EmbedCall, body: Record<string, unknown>, options?: RequestOptions): Promise<EmbeddingResponse>;
