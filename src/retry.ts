// When a failed attempt is worth another, and how long to wait first: the service's own hint, else a back-off.

/** Statuses another attempt may fix (the server may override with `x-should-retry`). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  408, // Request Timeout: the server gave up waiting for the request
  409, // Conflict: OpenAI's lock on a resource that another request holds for a moment
  429, // Too Many Requests: a rate limit; the answer says how long to wait
  500, // Internal Server Error: usually transient on both services
  502, // Bad Gateway: a proxy or API Management gateway lost its backend
  503, // Service Unavailable: overloaded or restarting
  504, // Gateway Timeout: the backend was too slow for the gateway
  520, // Cloudflare: the origin sent something unexpected
  522, // Cloudflare: the origin did not accept the connection in time
  524, // Cloudflare: the origin accepted but did not answer in time
  529, // Overloaded (some gateways and model hosts)
]);

/** Whether a failed response may be retried: the server's `x-should-retry` first, then the status. */
export function isRetryable(status: number, headers: Headers): boolean {
  const hint = headers.get("x-should-retry");
  if (hint == "true") return true;
  if (hint == "false") return false;
  return RETRYABLE_STATUSES.has(status);
}

/** Waits the service asks for are trusted up to this long; a longer one means "not soon": back off instead. */
export const MAX_HINTED_DELAY_MS = 60_000;

const NUMBER = /^\d+(?:\.\d+)?$/;
// A Go duration as OpenAI writes x-ratelimit-reset-*: "1s", "20ms", "6m0s", "1m30.5s".
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|h|m|s))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

const milliseconds = (value: string | null): number | undefined => (value && NUMBER.test(value) ? +value : undefined);

const seconds = (value: string | null): number | undefined => {
  const count = milliseconds(value);
  return count === undefined ? undefined : count * 1000;
};

const untilDate = (value: string | null): number | undefined => {
  const at = value ? Date.parse(value) : NaN;
  const wait = at - Date.now();
  return wait >= 0 ? wait : undefined; // NaN (junk) and dates in the past are no hint
};

/** A Go duration as OpenAI writes `x-ratelimit-reset-*` (`20ms`, `1s`, `6m0s`) in ms; undefined for anything else. */
export const duration = (value: string | null): number | undefined => {
  if (!value || !DURATION.test(value)) return undefined;
  let total = 0;
  for (const [, count, unit] of value.matchAll(DURATION_PART)) total += +count! * UNIT_MS[unit!]!;
  return total;
};

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
export function hintedDelay(headers: Headers): number | undefined {
  // Azure: milliseconds.
  const ms = milliseconds(headers.get("retry-after-ms"));
  if (ms !== undefined) return ms;
  // RFC 9110: seconds, or an HTTP date.
  const after = headers.get("retry-after");
  const afterSeconds = seconds(after);
  if (afterSeconds !== undefined) return afterSeconds;
  const afterDate = untilDate(after);
  if (afterDate !== undefined) return afterDate;
  // OpenAI: when the request budget refills.
  const requests = duration(headers.get("x-ratelimit-reset-requests"));
  if (requests !== undefined) return requests;
  // OpenAI: when the token budget refills.
  return duration(headers.get("x-ratelimit-reset-tokens"));
}

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
export function backoffDelay(attempt: number): number {
  const ceiling = Math.min(500 * 2 ** attempt, 8000);
  return ceiling * (1 - Math.random() * 0.25);
}

/** The wait before retry number `attempt` (0-based): the service's hint when it is 0–60 s, else the back-off. */
export function retryDelay(headers: Headers | undefined, attempt: number): number {
  const hinted = headers && hintedDelay(headers);
  return hinted !== undefined && hinted <= MAX_HINTED_DELAY_MS ? hinted : backoffDelay(attempt);
}
