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

/** `value` (or `fallback` when undefined) if it is an integer ≥ `min`, else a ConfigError. */
export const integer = (value: number | undefined, fallback: number, name: string, min: number): number => {
  value ??= fallback;
  check(Number.isInteger(value) && value >= min, name + " must be an integer >= " + min);
  return value;
};

/** What the service said, as {@link ApiError} exposes it. */
export interface ApiErrorInit {
  status: number;
  provider: ProviderName;
  headers: Headers;
  body: unknown;
  message: string;
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
  declare readonly code?: string;
  declare readonly type?: string;
  declare readonly param?: string;
  /** `x-request-id`, else Azure's `apim-request-id`: quote it to support. */
  declare readonly requestId?: string;
  declare readonly provider: ProviderName;
  /** The response headers. */
  declare readonly headers: Headers;
  /** The response body: parsed JSON, or the text when it is not JSON (a gateway's HTML page). */
  declare readonly body: unknown;

  constructor({ message, ...init }: ApiErrorInit) {
    super(message);
    const error = (init.body as { error?: Record<string, unknown> } | null)?.error;
    Object.assign(this, init, { requestId: init.headers.get("x-request-id") ?? init.headers.get("apim-request-id") ?? undefined });
    // Azure sends `code` as "429" or 429; both become a string.
    for (const field of ["code", "type", "param"] as const) this[field] = error?.[field] == null ? undefined : String(error[field]);
  }
}

export class ConnectionError extends OpenAISwitchError {}

/**
 * An attempt took longer than `timeoutMs`, and no retries were left.
 *
 * @example
 * ```ts
 * await client.chat(req, { timeoutMs: 5_000 }).catch((e) => e instanceof TimeoutError && console.error("slow"));
 * ```
 */
export class TimeoutError extends OpenAISwitchError {}

// Names live on the prototypes (minifiers rename classes): `err.name` and `String(err)` read them.
for (const [type, name] of [
  [OpenAISwitchError, "OpenAISwitchError"],
  [ConfigError, "ConfigError"],
  [ApiError, "ApiError"],
  [ConnectionError, "ConnectionError"],
  [TimeoutError, "TimeoutError"],
] as const) type.prototype.name = name;
