// Sends one call: auth on every attempt, a timeout per attempt, retries with the services' own wait hints, no
// redirects (fetch would forward `api-key` to another origin), a 2xx never retried (it was billed), and errors
// scrubbed of exactly the secrets their own attempt sent.
import {
  ApiError,
  type ApiErrorInit,
  check,
  ConnectionError,
  headerRecord,
  headerValue,
  integer,
  TimeoutError,
} from "./errors.ts";
import type { Method } from "./operations.ts";
import type { Provider } from "./providers.ts";
import { isRetryable, retryDelay } from "./retry.ts";
import { headerSecrets, type Scrubber, type SecretStore } from "./secrets.ts";
import type { FetchLike, RequestOptions, TokenProvider } from "./types.ts";
import { abortable, onAbort, sleep } from "./abort.ts";

/** A client's resolved settings: checked once by createClient, read by every call. */
export interface Settings {
  provider: Provider;
  fetch?: FetchLike;
  /** Sent on every request: the provider's auth headers and the config's own, checked and trimmed. */
  headers: Record<string, string>;
  tokenProvider?: TokenProvider;
  maxRetries: number;
  timeoutMs: number;
  /** The client's fixed secrets (its own object: an attempt adds its token when it builds an error). */
  secrets: SecretStore;
}

/** One HTTP call, as built by the provider from the operations table. */
export interface Call {
  method: Method;
  url: string;
  /** Sent as JSON; undefined sends no body (and no content-type). */
  body?: unknown;
  /** Ask for server-sent events and hand back the open response instead of parsed JSON. */
  stream?: boolean;
  /** The array field a 2xx JSON body must have (see `Operation.returns`). */
  returns?: string;
  /** Azure: the deployment addressed, for the hints of a "not found". */
  deployment?: string;
}

/** Counts HTTP requests for callers that report them (embedMany). */
export interface Tally {
  requests: number;
}

/** Per-call options, plus what internal callers add. */
export interface SendOptions extends RequestOptions {
  /** Incremented once per HTTP request sent, retries included. */
  tally?: Tally;
  /** `false`: a 429 is thrown at once as its ApiError (embedMany pauses all its workers itself). Default true. */
  retryRateLimited?: boolean;
  /** Called with the status and headers of every answer (embedMany paces itself by the rate limits). */
  onAnswer?: (status: number, headers: Headers) => void;
  /**
   * Reads a 2xx answer's body to the JSON text to parse, within the attempt's timeout (default `response.text()`).
   * Embeddings take their vectors out as they arrive (vector-reader.ts).
   */
  readAnswer?: (response: Response) => Promise<string>;
}

/** The fields of an error a stream carried (the provider is the client's); see {@link OpenedStream.toError}. */
export type StreamErrorInit = Omit<ApiErrorInit, "provider">;

/** A stream whose head arrived with a 2xx: what the stream reader needs. */
export interface OpenedStream {
  response: Response;
  /** Builds the ApiError for an error the stream carried, scrubbed of the secrets this attempt sent. */
  toError(init: StreamErrorInit): ApiError;
  /**
   * Builds a ConnectionError for a stream that broke or was not a stream, scrubbed the same way; its message names
   * the method and URL, then `problem`.
   */
  toConnectionError(problem: string, init?: { cause?: unknown; status?: number; body?: string }): ConnectionError;
  /** Builds the TimeoutError of a stream that went silent for `timeoutMs`; its message names the method and URL. */
  toTimeoutError(timeoutMs: number): TimeoutError;
  /**
   * Ends this attempt's link to the caller's signal. The reader calls it once the stream is over, however it ends:
   * until then an abort of the caller's signal also aborts the body.
   */
  release(): void;
}

/** The longest delay timers keep: above it they fire at once (2³¹−1 ms, about 24.8 days). */
export const MAX_TIMEOUT_MS: number = 2 ** 31 - 1;

/** The cause of a failure in a few words: the innermost error's message (or code), first line, scrubbed. */
function inWords(error: unknown, scrub: Scrubber): string {
  let inner = error;
  for (let depth = 0; depth < 4 && inner instanceof Error && inner.cause instanceof Error; depth++) inner = inner.cause;
  const code = (inner as { code?: unknown } | null)?.code;
  const codeText = typeof code == "string" ? code : "";
  const message = inner instanceof Error ? inner.message || codeText || inner.name : String(inner);
  const line = message.split("\n")[0] ?? "";
  return scrub.text(line.length > 120 ? line.slice(0, 117) + "..." : line);
}

/** Builds an ApiError from an answer, scrubbed, with the provider's hint after the service's message. */
function apiError(settings: Settings, scrub: Scrubber, call: Call, init: StreamErrorInit): ApiError {
  const { status, headers, body, message, ...fields } = scrub.value(init);
  const hint = settings.provider.hint?.({ status, code: fields.code ?? codeOf(body), message }, call);
  return new ApiError({
    ...fields,
    status,
    provider: settings.provider.name,
    headers,
    body,
    message: hint ? `${message} (${scrub.text(hint)})` : message,
  });
}

const codeOf = (body: unknown): string | undefined => {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return code == null ? undefined : String(code);
};

/** The ApiError of a non-2xx answer: the service's `error.message` when it has one. */
function answerError(settings: Settings, scrub: Scrubber, call: Call, response: Response, text: string, where: string) {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  const serviceMessage = (body as { error?: { message?: unknown } } | null)?.error?.message;
  const status = response.status;
  // A 3xx (or a browser's opaque redirect, status 0) is not followed: it would forward the credentials.
  const fallback = (status < 400 ? "redirect not followed: " : "") + `HTTP ${status} from ${where}`;
  const message = typeof serviceMessage == "string" && serviceMessage ? serviceMessage : fallback;
  return apiError(settings, scrub, call, { status, headers: response.headers, body, message });
}

// What a timeout aborts an attempt with, so that it is told apart from the caller's abort.
const TIMED_OUT: unique symbol = Symbol("timed out");

const plural = (count: number, word: string) => `${count} ${word}${count == 1 ? "" : "s"}`;

/**
 * Sends `call` with retries. Resolves to the parsed JSON body, or, with `stream`, to the opened stream.
 *
 * @example
 * ```ts
 * const json = await send(settings, { method: "POST", url, body, returns: "choices" }, { maxRetries: 0 });
 * ```
 */
export async function send(
  settings: Settings,
  call: Call & { stream: true },
  options?: SendOptions,
): Promise<OpenedStream>;
export async function send(settings: Settings, call: Call, options?: SendOptions): Promise<unknown>;
export async function send(settings: Settings, call: Call, options: SendOptions = {}): Promise<unknown> {
  const { signal, tally } = options;
  const retries = integer(options.maxRetries, settings.maxRetries, "maxRetries", 0);
  const timeoutMs = integer(options.timeoutMs, settings.timeoutMs, "timeoutMs", 1, MAX_TIMEOUT_MS);
  const callHeaders = headerRecord(options.headers, "headers");
  const callSecrets = headerSecrets(callHeaders);
  const json = call.body === undefined ? undefined : JSON.stringify(call.body);
  const accept = call.stream ? "text/event-stream" : "application/json";
  const headers: Record<string, string> = { ...settings.headers, accept };
  if (json !== undefined) headers["content-type"] = "application/json";
  Object.assign(headers, callHeaders);
  signal?.throwIfAborted();

  for (let attempt = 1; ; attempt++) {
    let token: string | undefined;
    // Tokens expire: ask for one before every attempt (MSAL and @azure/identity cache).
    if (settings.tokenProvider) {
      const given = await abortable(Promise.resolve(settings.tokenProvider()), signal);
      check(typeof given == "string" && given.trim(), "tokenProvider gave no token");
      token = headerValue(given, "the token from tokenProvider");
      headers.authorization = "Bearer " + token;
    }
    signal?.throwIfAborted();
    const scrub = settings.secrets.scrubber(token ? [...callSecrets, token] : callSecrets);
    // For messages only, so built only for an error: the method and the URL with secret query values redacted.
    const where = () => `${call.method} ${scrub.url(call.url)}`;

    // The timeout covers this attempt up to the parsed body, or up to the response head of a stream.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
    const unlink = signal ? onAbort(signal, () => controller.abort(signal.reason)) : () => {};
    const timedOut = () => controller.signal.reason === TIMED_OUT;
    let keepLink = false;
    let response: Response | undefined;
    let failure: Error;
    if (tally) tally.requests++;
    try {
      response = await (settings.fetch ?? fetch)(call.url, {
        method: call.method,
        headers,
        body: json,
        signal: controller.signal,
        redirect: "manual",
      });
      options.onAnswer?.(response.status, response.headers);
      if (response.ok && call.stream) {
        keepLink = true;
        const opened = response;
        return {
          response: opened,
          toError: (init) => apiError(settings, scrub, call, init),
          toConnectionError: (problem, init = {}) => new ConnectionError(`${where()}: ${problem}`, scrub.value(init)),
          toTimeoutError: (ms) => {
            const message = `${where()}: the stream sent nothing for ${ms} ms (timeoutMs)`;
            return new TimeoutError(message, { timeoutMs: ms, attempts: attempt });
          },
          release: unlink,
        } satisfies OpenedStream;
      }
      const text = response.ok && options.readAnswer ? await options.readAnswer(response) : await response.text();
      if (response.ok) {
        const outcome = parseAnswer(text, call.returns);
        if (outcome.problem === undefined) return outcome.json;
        const cause = outcome.cause === undefined ? {} : { cause: outcome.cause };
        const message = `${where()}: the ${response.status} answer ${outcome.problem}`;
        failure = new ConnectionError(message, { status: response.status, body: scrub.text(text), ...cause });
      } else {
        failure = answerError(settings, scrub, call, response, text, where());
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const attempts = plural(attempt, "attempt");
      // A 2xx head came, and then its body broke or was too slow.
      const answer = response?.ok ? `the ${response.status} answer's body` : undefined;
      if (timedOut()) {
        const what = answer ? `reading ${answer}` : "waiting for an answer";
        failure = new TimeoutError(`${where()} timed out ${what}: timeoutMs is ${timeoutMs} (${attempts})`, {
          timeoutMs,
          attempts: attempt,
        });
      } else {
        const status = response?.ok ? { status: response.status } : {};
        const words = (answer ? answer + " broke: " : "") + inWords(error, scrub);
        const message = `${where()} failed: ${words} (${attempts})`;
        failure = new ConnectionError(message, { cause: scrub.value(error), ...status });
      }
    } finally {
      clearTimeout(timer);
      if (!keepLink) unlink();
    }
    // Once a 2xx head has come, the call was billed: whatever is wrong with its body, it is not sent again.
    if (response?.ok) throw failure;
    const status = response?.status;
    const retryable = !response || isRetryable(response.status, response.headers);
    const rateLimitedNow = status == 429 && options.retryRateLimited === false;
    if (attempt > retries || !retryable || rateLimitedNow) throw failure;
    await sleep(retryDelay(response?.headers, attempt - 1), signal);
  }
}

/** A 2xx body as JSON: an object with the `returns` list when one is expected; else what is wrong with it. */
function parseAnswer(text: string, returns?: string): { json?: unknown; problem?: string; cause?: unknown } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return { problem: "is not JSON", cause };
  }
  if (json === null || typeof json != "object" || Array.isArray(json)) return { problem: "is not a JSON object" };
  const list = returns && (json as Record<string, unknown>)[returns];
  if (returns && !Array.isArray(list)) return { problem: `has no "${returns}" list` };
  return { json };
}
