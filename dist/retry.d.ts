/** Statuses another attempt may fix (the server may override with `x-should-retry`). */
export declare const RETRYABLE_STATUSES: ReadonlySet<number>;
/** Whether a failed response may be retried: the server's `x-should-retry` first, then the status. */
export declare function isRetryable(status: number, headers: Headers): boolean;
/** Waits the service asks for are trusted up to this long; a longer one means "not soon": back off instead. */
export declare const MAX_HINTED_DELAY_MS = 60000;
/** A Go duration as OpenAI writes `x-ratelimit-reset-*` (`20ms`, `1s`, `6m0s`) in ms; undefined for anything else. */
export declare const duration: (value: string | null) => number | undefined;
/**
 * The wait in ms the service asked for, or undefined when it gave no readable hint. Read in this order, the first
 * readable one wins (an empty or junk value is skipped, so a junk `retry-after-ms` does not hide a good `retry-after`).
 *
 * @example
 * ```ts
 * hintedDelay(new Headers({ "retry-after-ms": "250" })); // 250
 * hintedDelay(new Headers({ "retry-after": "2" })); // 2000
 * hintedDelay(new Headers({ "x-ratelimit-reset-tokens": "1m30.5s" })); // 90500
 * ```
 */
export declare function hintedDelay(headers: Headers): number | undefined;
/**
 * The back-off before retry number `attempt` (0-based) when the service gave no usable hint: 0.5 s × 2ⁿ, capped at
 * 8 s, minus up to 25 % jitter so that clients that failed together do not come back together.
 *
 * @example
 * ```ts
 * backoffDelay(0); // 375–500
 * backoffDelay(5); // 6000–8000
 * ```
 */
export declare function backoffDelay(attempt: number): number;
/** The wait before retry number `attempt` (0-based): the service's hint when it is 0–60 s, else the back-off. */
export declare function retryDelay(headers: Headers | undefined, attempt: number): number;
