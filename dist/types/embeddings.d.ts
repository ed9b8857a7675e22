import type { ModelRequest } from "./shared.js";
export interface EmbeddingRequest extends ModelRequest {
    input: string | string[];
    dimensions?: number;
    encoding_format?: "float" | "base64";
}
export interface EmbeddingResponse {
    object: string;
    data: {
        object: string;
        index: number;
        embedding: number[];
    }[];
    model: string;
    usage: {
        prompt_tokens: number;
        total_tokens: number;
    };
}
/** `"number"` gives `number[][]`, `"float32"` gives `Float32Array[]` (a quarter of the memory). */
export type EmbedFormat = "number" | "float32";
export interface EmbedManyRequest<F extends EmbedFormat = "number"> {
    model: string;
    deployment?: string;
    input: readonly string[];
    dimensions?: number;
    user?: string;
    encoding_format?: "float" | "base64";
    /** Fields the types do not list yet, sent in every call's body (see {@link ModelRequest.extra_body}). */
    extra_body?: Record<string, unknown>;
    /**
     * Most inputs per HTTP call. Default 2048, the most the services take; 512 with `keep: false`, where the job's
     * memory is its batches in flight (concurrency × batch × dimensions).
     *
     * @example
     * ```ts
     * await client.embedMany({ model: "text-embedding-3-small", input: texts, batchSize: 256 });
     * ```
     */
    batchSize?: number;
    /**
     * Most HTTP calls in flight at once. Default 4. A 429 halves the calls in flight (then they grow back by one).
     *
     * @example
     * ```ts
     * await client.embedMany({ model: "text-embedding-3-small", input: texts, concurrency: 8 });
     * ```
     */
    concurrency?: number;
    format?: F;
    /**
     * Keep every embedding for the result. Default true; with false, `embeddings` comes back empty and the job holds
     * only what is in flight or waiting for `onBatch`.
     *
     * @example
     * ```ts
     * await client.embedMany({ model: "text-embedding-3-small", input: texts, keep: false, onBatch: save });
     * ```
     */
    keep?: boolean;
    /**
     * Called once per finished batch, in input order (`start` ascending, each batch starting where the last ended),
     * and awaited: a slow sink slows the job. `embeddings[i]` belongs to `input[start + i]`.
     *
     * @example
     * ```ts
     * onBatch: async (embeddings, start) => { await sink.write(start, embeddings); }
     * ```
     */
    onBatch?: (embeddings: F extends "float32" ? Float32Array[] : number[][], start: number) => void | Promise<void>;
    /**
     * Called after each `onBatch` with the inputs delivered so far: `input.slice(done)` is what a resumed job needs.
     *
     * @example
     * ```ts
     * onProgress: (done, total) => bar.update(done / total)
     * ```
     */
    onProgress?: (done: number, total: number) => void;
}
export interface EmbedManyResult<F extends EmbedFormat = "number"> {
    /** `embeddings[i]` belongs to `input[i]`; empty with `keep: false`. */
    embeddings: F extends "float32" ? Float32Array[] : number[][];
    usage: {
        prompt_tokens: number;
        total_tokens: number;
    };
    /** HTTP requests sent, failed probes and retries included. */
    requests: number;
}
