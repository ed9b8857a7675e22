// Sends one call: auth on every attempt, a timeout per attempt, retries with the services' own back-off hints,
// no redirects (fetch would forward `api-key` to another origin), and errors that never carry a secret.
import { ApiError, check, ConnectionError, type OpenAISwitchError, TimeoutError } from "./errors.ts";
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
  /** Embedding input limits learned per deployment (embedMany). */
  limits: Map<string, number>;
}

/** How long to wait before retry number `attempt` (0-based), from the response's hints when they are sane. */
export function retryDelay(headers: Headers | undefined, attempt: number): number {
  const after = headers?.get("retry-after");
  // retry-after-ms (Azure), else retry-after in seconds or as an HTTP date; only a sane 0–60 s is trusted.
  const hinted = +(headers?.get("retry-after-ms") ?? (after && (isNaN(+after) ? Date.parse(after) - Date.now() : +after * 1000)) ?? NaN);
  return hinted >= 0 && hinted <= 60_000 ? hinted : Math.min(500 * 2 ** attempt, 8000) * (1 - Math.random() * 0.25);
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
    signal?.addEventListener("abort", abort);
  });

/** `text` with the key and the latest token replaced by "[redacted]". */
const scrub = (c: Context, text: string): string => {
  for (const secret of c.secrets) if (secret) text = text.replaceAll(secret, "[redacted]");
  return text;
};

/** An ApiError from a response's status, headers and body text, with any echoed secret removed. */
export function apiError(c: Context, status: number, headers: Headers, text: string, fallback?: string): ApiError {
  let body: unknown = (text = scrub(c, text));
  try {
    body = JSON.parse(text);
  } catch {}
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  // Headers too: a redirect's location or a gateway's echo may carry a secret, and some runtimes' Headers have toJSON.
  headers = new Headers(JSON.parse(scrub(c, JSON.stringify([...headers]))));
  return new ApiError({ status, provider: c.provider.name, headers, body, message: typeof message == "string" ? message : (fallback ?? text) });
}

/** Counts HTTP requests for callers that report them (embedMany). */
export interface Tally {
  requests: number;
}

/** POSTs `body` to `url` with retries. Resolves to the parsed JSON body, or, with `stream`, to the response. */
export async function send(c: Context, url: string, body: string, o: RequestOptions = {}, stream?: boolean, tally?: Tally): Promise<any> {
  const { signal } = o;
  const retries = o.maxRetries ?? c.maxRetries;
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { ...c.headers, accept: stream ? "text/event-stream" : "application/json", ...o.headers };
    // Tokens expire: ask for one before every attempt (MSAL and @azure/identity cache).
    if (c.tokenProvider) {
      const token = await c.tokenProvider();
      check(token, "tokenProvider gave no token");
      // Remember recent tokens: a concurrent call's error must not show the one it was sent with.
      if (!c.secrets.includes(token) && c.secrets.push(token) > 9) c.secrets.splice(1, 1);
      headers.authorization = "Bearer " + token;
    }
    signal?.throwIfAborted();
    // The timeout covers this attempt up to the parsed body, or up to the response head of a stream.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), o.timeoutMs ?? c.timeoutMs);
    let failure: OpenAISwitchError;
    let response: Response | undefined;
    if (tally) tally.requests++;
    try {
      response = await (c.fetch ?? fetch)(url, {
        method: "POST",
        headers,
        body,
        signal: signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal,
        redirect: "manual",
      });
      if (response.ok) return stream ? response : await response.json();
      // A 3xx (or a browser's opaque redirect, status 0) is not followed: it would forward the credentials.
      failure = apiError(c, response.status, response.headers, await response.text(), response.status < 400 ? "redirect not followed" : "HTTP " + response.status);
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      failure = timeout.signal.aborted ? new TimeoutError("timed out") : new ConnectionError("request failed", { cause: e });
    } finally {
      clearTimeout(timer);
    }
    if (attempt >= retries || (response && !response.ok && !isRetryable(response.status, response.headers))) throw failure;
    await sleep(retryDelay(response?.headers, attempt), signal);
  }
}

