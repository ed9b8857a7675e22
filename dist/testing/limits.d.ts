import { type Flavor } from "./refusals.js";
import type { LimitOptions } from "./types.js";
/**
 * The emulator's token estimate for limits: characters / 4, rounded up (OpenAI's rule of thumb for English).
 *
 * @example
 * ```ts
 * expect(estimateTokens("x".repeat(800))).toBe(200);
 * ```
 */
export declare const estimateTokens: (text: string) => number;
/** What the services enforce on embeddings unless a test says otherwise: OpenAI's 300 000 per call; 8192 per input. */
export declare function embeddingLimits(flavor: Flavor, limits: LimitOptions): LimitOptions;
/** Refuses an embeddings call over its token caps: the whole call first, then each input. */
export declare function checkEmbeddingTokens(inputs: string[], limits: LimitOptions): void;
/** Refuses a chat, completion or Responses prompt longer than `maxInputTokens` (only when a test sets it). */
export declare function checkPromptTokens(prompt: string, limits: LimitOptions, param: string): void;
/** Who is asking, for the 429's words. */
export interface Caller {
    flavor: Flavor;
    /** The window's key: one per Azure deployment, one per OpenAI model. */
    key: string;
    /** What the message names: the model (OpenAI) or the operation (Azure). */
    name: string;
    apiVersion?: string;
}
/** Sliding 60 s windows of requests and tokens, one per deployment (Azure) or model (OpenAI). */
export declare class RateLimiter {
    #private;
    private readonly now;
    constructor(now: () => number);
    /**
     * Admits a call of `tokens` under `limits`, or throws the service's 429. Returns the `x-ratelimit-*` headers
     * of the answer (none when no rate limit is set).
     */
    admit(caller: Caller, limits: LimitOptions, tokens: number): Record<string, string>;
    clear(): void;
}
