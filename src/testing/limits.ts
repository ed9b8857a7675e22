// The services' limits: tokens per embeddings call and per input (HTTP 400), and requests / tokens per minute over
// a sliding window, 60 s unless `rateWindowMs` says (HTTP 429 with each service's body and headers). Tokens are
// estimated, not tokenized.
import { type Flavor, invalid, openaiDuration, openaiError, rateLimited, Refusal } from "./refusals.ts";
import type { LimitOptions } from "./types.ts";

/**
 * The emulator's token estimate for limits: characters / 4, rounded up (OpenAI's rule of thumb for English).
 *
 * @example
 * ```ts
 * expect(estimateTokens("x".repeat(800))).toBe(200);
 * ```
 */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

/** What the services enforce on embeddings unless a test says otherwise: OpenAI's 300 000 per call; 8192 per input. */
export function embeddingLimits(flavor: Flavor, limits: LimitOptions): LimitOptions {
  const defaults: LimitOptions = flavor == "openai"
    ? { maxTokensPerRequest: 300_000, maxInputTokens: 8192 }
    : { maxInputTokens: 8192 };
  return { ...defaults, ...limits };
}

/** Refuses an embeddings call over its token caps: the whole call first, then each input. */
export function checkEmbeddingTokens(inputs: string[], limits: LimitOptions): void {
  const counts = inputs.map(estimateTokens);
  const total = counts.reduce((sum, n) => sum + n, 0);
  const max = limits.maxTokensPerRequest;
  if (max !== undefined && total > max) {
    const message = `Requested ${total} tokens, max ${max} tokens per request`;
    throw new Refusal(400, openaiError(message, { type: "max_tokens_per_request", code: "max_tokens_per_request" }));
  }
  const context = limits.maxInputTokens;
  const longest = Math.max(...counts);
  if (context !== undefined && longest > context) {
    invalid(
      `This model's maximum context length is ${context} tokens, however you requested ${longest} tokens (${longest} in your prompt; 0 for the completion). Please reduce your prompt; or completion length.`,
    );
  }
}

/** Refuses a chat, completion or Responses prompt longer than `maxInputTokens` (only when a test sets it). */
export function checkPromptTokens(prompt: string, limits: LimitOptions, param: string): void {
  const max = limits.maxInputTokens;
  const tokens = estimateTokens(prompt);
  if (max === undefined || tokens <= max) return;
  invalid(
    `This model's maximum context length is ${max} tokens. However, your messages resulted in ${tokens} tokens. Please reduce the length of the messages.`,
    param,
    "context_length_exceeded",
  );
}

const WINDOW_MS = 60_000;

/** One admitted call in a window. */
interface Use {
  at: number;
  tokens: number;
}

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
export class RateLimiter {
  #windows = new Map<string, Use[]>();

  constructor(private readonly now: () => number) {}

  /**
   * Admits a call of `tokens` under `limits`, or throws the service's 429. Returns the `x-ratelimit-*` headers
   * of the answer (none when no rate limit is set).
   */
  admit(caller: Caller, limits: LimitOptions, tokens: number): Record<string, string> {
    // Over a window shorter than a minute (Azure evaluates over 1 or 10 s), that window's share of each limit.
    const span = limits.rateWindowMs ?? WINDOW_MS;
    const share = (perMinute: number | undefined) =>
      perMinute === undefined ? undefined : Math.max(1, Math.round((perMinute * span) / WINDOW_MS));
    const rpm = share(limits.requestsPerMinute);
    const tpm = share(limits.tokensPerMinute);
    if (rpm === undefined && tpm === undefined) return {};
    const now = this.now();
    const window = (this.#windows.get(caller.key) ?? []).filter((use) => use.at > now - span);
    this.#windows.set(caller.key, window);
    const used = window.reduce((sum, use) => sum + use.tokens, 0);
    const headersBefore = () => rateHeaders(window, now, span, rpm, tpm, used);
    if (rpm !== undefined && window.length >= rpm) {
      const waitMs = expiryOf(window, 0, now, span);
      throw rateLimited(caller.flavor, {
        kind: "requests",
        limit: rpm,
        used: window.length,
        requested: 1,
        waitMs,
        model: caller.name,
        apiVersion: caller.apiVersion,
      }, headersBefore());
    }
    if (tpm !== undefined && used + tokens > tpm) {
      const waitMs = tokens > tpm ? span : expiryOf(window, freedAfter(window, used + tokens - tpm), now, span);
      // The tokens' reset is the wait for this call's tokens, not for one more token.
      const headers = { ...headersBefore(), "x-ratelimit-reset-tokens": openaiDuration(waitMs) };
      throw rateLimited(caller.flavor, {
        kind: "tokens",
        limit: tpm,
        used,
        requested: tokens,
        waitMs,
        model: caller.name,
        apiVersion: caller.apiVersion,
      }, headers);
    }
    window.push({ at: now, tokens });
    return rateHeaders(window, now, span, rpm, tpm, used + tokens);
  }

  clear(): void {
    this.#windows.clear();
  }
}

/** How long until the `index`-th oldest use leaves the window. */
const expiryOf = (window: Use[], index: number, now: number, span: number) =>
  Math.max(0, (window[index]?.at ?? now) + span - now);

/** The index of the use whose expiry frees at least `excess` tokens (counting from the oldest). */
function freedAfter(window: Use[], excess: number): number {
  let freed = 0;
  for (const [index, use] of window.entries()) {
    freed += use.tokens;
    if (freed >= excess) return index;
  }
  return window.length - 1;
}

/**
 * `x-ratelimit-limit|remaining|reset-requests|tokens`, as both services send them. A reset is how long until that
 * limit admits one more call (OpenAI's duration format: `0ms`, `20ms`, `1s`, `6m0s`).
 */
function rateHeaders(
  window: Use[],
  now: number,
  span: number,
  rpm: number | undefined,
  tpm: number | undefined,
  used: number,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (rpm !== undefined) {
    const full = window.length >= rpm;
    headers["x-ratelimit-limit-requests"] = String(rpm);
    headers["x-ratelimit-remaining-requests"] = String(Math.max(0, rpm - window.length));
    headers["x-ratelimit-reset-requests"] = openaiDuration(full ? expiryOf(window, window.length - rpm, now, span) : 0);
  }
  if (tpm !== undefined) {
    const full = used >= tpm;
    headers["x-ratelimit-limit-tokens"] = String(tpm);
    headers["x-ratelimit-remaining-tokens"] = String(Math.max(0, tpm - used));
    headers["x-ratelimit-reset-tokens"] = openaiDuration(
      full ? expiryOf(window, freedAfter(window, used - tpm + 1), now, span) : 0,
    );
  }
  return headers;
}
