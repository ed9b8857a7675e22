// Sends one call: auth on every attempt, a timeout per attempt, retries with the services' own back-off hints,
// no redirects (fetch would forward `api-key` to another origin), and errors that never carry a secret.
import { ApiError, ConfigError, ConnectionError, OpenAISwitchError, TimeoutError } from "./errors.ts";
import type { Provider } from "./providers.ts";
import type { FetchLike, RequestOptions, TokenProvider } from "./types.ts";

/** A client's resolved settings, shared by every call it makes. */
export interface Context {
  provider: Provider;
  fetch?: FetchLike;
  headers: Record<string, string>;
  tokenProvider?: TokenProvider;
  maxRetries: number;
  timeoutMs: number;
  /** The key and the latest tokens: scrubbed out of anything an error carries. */
  secrets: string[];
}

/** A streamed response, and what to call once its body is done with. */
export interface Streaming {
  response: Response;
  release: () => void;
}

/** How long to wait before retry number `attempt` (0-based), from the response's hints when they are sane. */
export function retryDelay(headers: Headers | undefined, attempt: number): number {
  const ms = headers?.get("retry-after-ms");
  const after = headers?.get("retry-after");
  const hinted = ms ? +ms : after ? +after * 1000 || Date.parse(after) - Date.now() : NaN;
  if (hinted >= 0 && hinted <= 60_000) return hinted;
  return Math.min(500 * 2 ** attempt, 8000) * (1 - Math.random() * 0.25);
}

/** Whether a failed response may be retried: the server's `x-should-retry` first, then the status. */
export function isRetryable(status: number, headers: Headers): boolean {
  const hint = headers.get("x-should-retry");
  return hint ? hint == "true" : status == 408 || status == 409 || status == 429 || status >= 500;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", abort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", abort, { once: true });
  });

const scrub = (c: Context, text: string): string => {
  for (const secret of c.secrets) if (secret) text = text.split(secret).join("[redacted]");
  return text;
};

/** Builds the ApiError for a non-2xx response, with any echoed secret removed. */
export async function toApiError(c: Context, response: Response): Promise<ApiError> {
  const { status, headers } = response;
  let body: unknown = scrub(c, await response.text().catch(() => ""));
  try {
    body = JSON.parse(body as string);
  } catch {}
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  const location = headers.get("location");
  const message =
    typeof error?.message == "string"
      ? error.message
      : status > 299 && status < 400 || response.type == "opaqueredirect"
        ? `redirect${location ? " to " + scrub(c, location) : ""} not followed: it would send the credentials on`
        : `HTTP ${status} ${response.statusText}`.trim();
  return new ApiError({ status, provider: c.provider.name, headers, body, message });
}

/** Counts HTTP requests for callers that report them (embedMany). */
export interface Tally {
  requests: number;
}

/**
 * POSTs `body` to `url` with retries. Resolves to the parsed JSON body, or, with `stream`, to the response
 * whose body the caller reads and then `release`s.
 */
export async function send(c: Context, url: string, body: string, o: RequestOptions = {}, stream?: boolean, tally?: Tally): Promise<any> {
  const { signal } = o;
  const retries = o.maxRetries ?? c.maxRetries;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    const headers = { ...c.headers, accept: stream ? "text/event-stream" : "application/json", ...o.headers };
    if (c.tokenProvider) {
      const token = await c.tokenProvider();
      if (typeof token != "string" || !token) throw new ConfigError("tokenProvider must return a non-empty string");
      c.secrets[1] = token;
      Object.assign(headers, c.provider.bearer(token));
    }
    signal?.throwIfAborted();
    const controller = new AbortController();
    const abort = () => controller.abort(signal!.reason);
    signal?.addEventListener("abort", abort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, o.timeoutMs ?? c.timeoutMs);
    const release = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    };
    let failure: OpenAISwitchError;
    let response: Response | undefined;
    if (tally) tally.requests++;
    try {
      response = await (c.fetch ?? fetch)(url, { method: "POST", headers, body, signal: controller.signal, redirect: "manual" });
      if (response.ok) {
        if (stream) {
          clearTimeout(timer);
          return { response, release } satisfies Streaming;
        }
        return await response.json();
      }
      failure = await toApiError(c, response);
      if (!isRetryable(response.status, response.headers)) throw failure;
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (e instanceof OpenAISwitchError) throw e;
      failure = timedOut
        ? new TimeoutError(`no answer within ${o.timeoutMs ?? c.timeoutMs} ms`)
        : new ConnectionError(e instanceof SyntaxError ? "response body is not valid JSON" : "request failed: " + scrub(c, String((e as Error)?.message ?? e)), { cause: e });
    } finally {
      if (!stream || !response?.ok) release();
    }
    if (attempt >= retries) throw failure;
    await sleep(retryDelay(response?.headers, attempt), signal);
  }
}

