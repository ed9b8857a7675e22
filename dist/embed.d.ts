import type { Context, Tally } from "./send.js";
import type { EmbedFormat, EmbeddingResponse, EmbedManyRequest, EmbedManyResult, RequestOptions } from "./types.js";
/** Sends one embeddings body; provided by the client so that URL and auth stay in one place. */
export type EmbedCall = (body: Record<string, unknown>, o?: RequestOptions, tally?: Tally) => Promise<EmbeddingResponse>;
/** One embedding from the wire: base64 (little-endian float32) or, from servers that ignore the field, floats. */
export declare function toFloat32(embedding: unknown): Float32Array;
/** One embeddings call; `embedding` is `number[]` whatever the wire format. */
export declare function embed(call: EmbedCall, body: Record<string, unknown>, o?: RequestOptions): Promise<EmbeddingResponse>;
/**
 * Embeds `input` in calls of at most `batchSize` inputs, `concurrency` at a time. When the service answers that a
 * deployment takes fewer inputs per call, splits to that size, goes on, and remembers the size in `limits`.
 */
export declare function embedMany<F extends EmbedFormat = "number">(c: Context, call: EmbedCall, key: string, request: EmbedManyRequest<F>, o?: RequestOptions): Promise<EmbedManyResult<F>>;
