import { type EmbedCall } from "./embed.js";
import type { EmbedFormat, EmbedManyRequest, EmbedManyResult, RequestOptions } from "./types.js";
/** What the service has said about one deployment's embeddings calls. */
export interface DeploymentLimits {
    /** Most inputs per call ("Too many inputs. The max number of inputs is N."). */
    inputs?: number;
    /**
     * Most characters of input per call: the token cap ("Requested N tokens, max M tokens per request") less a
     * margin, over the tokens per character the service counted in the refused call.
     */
    chars?: number;
    /** A call has succeeded: later jobs need not send their first call alone. */
    probed?: boolean;
}
/**
 * Limits learned per deployment key over a client's life: what the services said, a store of its own apart from
 * the client's settings and secrets. The client creates it (`new Map()`); embedMany reads and updates it.
 */
export type LearnedLimits = Map<string, DeploymentLimits>;
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
