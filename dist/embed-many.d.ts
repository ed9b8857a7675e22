import { type EmbedCall } from "./embed.js";
import type { LearnedLimits } from "./learned-limits.js";
import type { EmbedFormat, EmbedManyRequest, EmbedManyResult, RequestOptions } from "./types.js";
/** What embedMany needs from the client. */
export interface EmbedTarget {
    call: EmbedCall;
    /** Azure only: the input limit a refusal names, or undefined for another error (see providers.ts). */
    inputLimit?: (status: number, body: unknown) => number | undefined;
    limits: LearnedLimits;
    /** The deployment: its URL, plus the body's model on Azure's v1 form. */
    key: string;
}
/**
 * Embeds `input` in calls cut to the deployment's limits, at most `concurrency` in flight, and hands each finished
 * batch to `onBatch` in input order. Learns limits from the service's refusals into `target.limits`.
 */
export declare function embedMany<F extends EmbedFormat = "number">(target: EmbedTarget, request: EmbedManyRequest<F>, options?: RequestOptions): Promise<EmbedManyResult<F>>;
