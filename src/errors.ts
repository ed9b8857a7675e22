// The error classes (a shallow tree: one base, four kinds) and the two argument checks that throw ConfigError.
import type { ProviderName } from "./types.ts";

/**
 * Base class of every error this library throws (an aborted call rejects with the signal's reason instead).
 *
 * @example
 * ```ts
 * try { await client.chat(req); } catch (e) { if (e instanceof OpenAISwitchError) console.error(e.name, e.message); }
 * ```
 */
export class OpenAISwitchError extends Error {}

/**
 * Bad configuration or call arguments, thrown before any request is sent.
 *
 * @example
 * ```ts
 * createClient({ provider: "azure", endpoint: "https://x.openai.azure.com" } as ClientConfig); // throws ConfigError
 * ```
 */
export class ConfigError extends OpenAISwitchError {}

/** Throws a ConfigError with `message` unless `ok`. */
export const check = (ok: unknown, message: string): void => {
  if (!ok) throw new ConfigError(message);
};

/** `value` (or `fallback` when undefined) if it is an integer from `min` to `max`, else a ConfigError. */
export const integer = (
  value: number | undefined,
  fallback: number,
  name: string,
  min: number,
  max?: number,
): number => {
  const resolved = value ?? fallback;
  const ok = Number.isInteger(resolved) && resolved >= min && resolved <= (max ?? resolved);
  check(ok, `${name} must be an integer >= ${min}` + (max ? ` and <= ${max}` : ""));
  return resolved;
};

// A header value may hold tabs, spaces and visible Latin-1; anything else (CR, LF, NUL, other controls, code points
// above 255) would make fetch throw, or split the header, with the value in its message.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~\w-]+$/;

/**
 * `value` as it will be sent: trimmed (fetch trims, and the value that is sent is the value that is scrubbed), and a
 * ConfigError naming `what` (never the value) when it is not a string or holds a character a header cannot carry.
 */
export const headerValue = (value: unknown, what: string): string => {
  check(typeof value == "string", what + " must be a string");
  const trimmed = (value as string).trim();
  check(HEADER_VALUE.test(trimmed), what + " holds a line break, NUL or other character a header cannot carry");
  return trimmed;
};

/** Extra headers as they will be sent: names lower-cased and checked, values as {@link headerValue}. */
export const headerRecord = (headers: Record<string, string> | undefined, what: string): Record<string, string> => {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    check(HEADER_NAME.test(name), `${what}: ${JSON.stringify(name)} is not a header name`);
    clean[name.toLowerCase()] = headerValue(value, `${what}[${JSON.stringify(name)}]`);
  }
  return clean;
};

/** What the service said, as {@link ApiError} exposes it; explicit `code`, `param`, `type` win over `body.error`'s. */
export interface ApiErrorInit {
  status: number;
  provider: ProviderName;
  headers: Headers;
  body: unknown;
  message: string;
  code?: string;
  param?: string;
  type?: string;
}

/**
 * The service answered with a non-2xx status (after retries), or sent an error inside a stream.
 * `code` is always a string: Azure sends `"429"` or `"DeploymentNotFound"`, OpenAI `"invalid_api_key"`.
 *
 * @example
 * ```ts
 * try { await client.chat(req); } catch (e) {
 *   if (e instanceof ApiError && e.status === 404) console.error("no such deployment:", e.code, e.requestId);
 * }
 * ```
 */
export class ApiError extends OpenAISwitchError {
  /** HTTP status; 200 for an error sent inside a stream. */
  declare readonly status: number;
  /** The service's error code: `"invalid_api_key"`, `"DeploymentNotFound"`, `"429"`, `"content_filter"`. */
  declare readonly code?: string;
  /** OpenAI's error type: `"invalid_request_error"`, `"server_error"`. */
  declare readonly type?: string;
  /** The request field the error is about: `"messages"`, `"input"`, `"prompt"`. */
  declare readonly param?: string;
  /** `x-request-id`, else Azure's `apim-request-id`: quote it to support. */
  declare readonly requestId?: string;
  /** Which service answered. */
  declare readonly provider: ProviderName;
  /** The response headers. */
  declare readonly headers: Headers;
  /** The response body: parsed JSON, or the text when it is not JSON (a gateway's HTML page). */
  declare readonly body: unknown;

  constructor(init: ApiErrorInit) {
    super(init.message);
    const error = (init.body as { error?: Record<string, unknown> } | null)?.error;
    const field = (name: "code" | "type" | "param"): string | undefined => {
      // Azure sends `code` as "429" or 429; both become a string. Null means none.
      const value = init[name] ?? error?.[name];
      return value == null ? undefined : String(value);
    };
    Object.assign(this, {
      status: init.status,
      provider: init.provider,
      headers: init.headers,
      body: init.body,
      code: field("code"),
      type: field("type"),
      param: field("param"),
      requestId: init.headers.get("x-request-id") ?? init.headers.get("apim-request-id") ?? undefined,
    });
  }
}

/**
 * What a {@link ConnectionError} carries besides its message.
 *
 * @example
 * ```ts
 * new ConnectionError("POST https://x/v1/embeddings: the 200 answer is not JSON", { status: 200, body: "<html>" });
 * ```
 */
export interface ConnectionErrorInit {
  /** The network error (secrets scrubbed). */
  cause?: unknown;
  /** The status of a 2xx answer whose body was not what was expected. */
  status?: number;
  /** The text of that body (secrets scrubbed). */
  body?: string;
}

/**
 * The connection failed (refused, reset, a body cut off), or a 2xx answer was not the JSON expected (then `status`
 * and `body` say what came; it is not retried, since it was billed).
 *
 * @example
 * ```ts
 * await client.chat(req).catch((e) => e instanceof ConnectionError && console.error(e.message, e.status, e.cause));
 * ```
 */
export class ConnectionError extends OpenAISwitchError {
  /** The status of a 2xx whose body was not the JSON expected; undefined for a network failure. */
  declare readonly status?: number;
  /** That body's text. */
  declare readonly body?: string;

  constructor(message: string, init: ConnectionErrorInit = {}) {
    super(message, "cause" in init ? { cause: init.cause } : undefined);
    if (init.status !== undefined) Object.assign(this, { status: init.status, body: init.body });
  }
}

/**
 * What a {@link TimeoutError} carries besides its message.
 *
 * @example
 * ```ts
 * new TimeoutError("POST https://x/v1/chat/completions timed out", { timeoutMs: 30_000, attempts: 3 });
 * ```
 */
export interface TimeoutErrorInit {
  /** The limit of each attempt, in ms. */
  timeoutMs: number;
  /** Attempts made, the timed-out one included. */
  attempts: number;
}

/**
 * An attempt took longer than `timeoutMs`, and no retries were left.
 *
 * @example
 * ```ts
 * await client.chat(req, { timeoutMs: 5_000 }).catch((e) => e instanceof TimeoutError && console.error(e.attempts));
 * ```
 */
export class TimeoutError extends OpenAISwitchError {
  /** The limit of each attempt, in ms. */
  declare readonly timeoutMs?: number;
  /** Attempts made. */
  declare readonly attempts?: number;

  constructor(message: string, init?: TimeoutErrorInit) {
    super(message);
    if (init) Object.assign(this, { timeoutMs: init.timeoutMs, attempts: init.attempts });
  }
}

// Names live on the prototypes (minifiers rename classes): `err.name` and `String(err)` read them.
for (const [type, name] of [
  [OpenAISwitchError, "OpenAISwitchError"],
  [ConfigError, "ConfigError"],
  [ApiError, "ApiError"],
  [ConnectionError, "ConnectionError"],
  [TimeoutError, "TimeoutError"],
] as const) type.prototype.name = name;
