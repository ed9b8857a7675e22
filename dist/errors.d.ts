import type { ProviderName } from "./types.js";
/**
 * Base class of every error this library throws (an aborted call rejects with the signal's reason instead).
 *
 * @example
 * ```ts
 * try { await client.chat(req); } catch (e) { if (e instanceof OpenAISwitchError) console.error(e.name, e.message); }
 * ```
 */
export declare class OpenAISwitchError extends Error {
}
/**
 * Bad configuration or call arguments, thrown before any request is sent.
 *
 * @example
 * ```ts
 * createClient({ provider: "azure", endpoint: "https://x.openai.azure.com" } as ClientConfig); // throws ConfigError
 * ```
 */
export declare class ConfigError extends OpenAISwitchError {
}
/** Throws a ConfigError with `message` unless `ok`. */
export declare const check: (ok: unknown, message: string) => void;
/** `value` (or `fallback` when undefined) if it is an integer from `min` to `max`, else a ConfigError. */
export declare const integer: (value: number | undefined, fallback: number, name: string, min: number, max?: number) => number;
/**
 * `value` as it will be sent: trimmed (fetch trims, and the value that is sent is the value that is scrubbed), and a
 * ConfigError naming `what` (never the value) when it is not a string or holds a character a header cannot carry.
 */
export declare const headerValue: (value: unknown, what: string) => string;
/** Extra headers as they will be sent: names lower-cased and checked, values as {@link headerValue}. */
export declare const headerRecord: (headers: Record<string, string> | undefined, what: string) => Record<string, string>;
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
export declare class ApiError extends OpenAISwitchError {
    /** HTTP status; 200 for an error sent inside a stream. */
    readonly status: number;
    /** The service's error code: `"invalid_api_key"`, `"DeploymentNotFound"`, `"429"`, `"content_filter"`. */
    readonly code?: string;
    /** OpenAI's error type: `"invalid_request_error"`, `"server_error"`. */
    readonly type?: string;
    /** The request field the error is about: `"messages"`, `"input"`, `"prompt"`. */
    readonly param?: string;
    /** `x-request-id`, else Azure's `apim-request-id`: quote it to support. */
    readonly requestId?: string;
    /** Which service answered. */
    readonly provider: ProviderName;
    /** The response headers. */
    readonly headers: Headers;
    /** The response body: parsed JSON, or the text when it is not JSON (a gateway's HTML page). */
    readonly body: unknown;
    constructor(init: ApiErrorInit);
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
export declare class ConnectionError extends OpenAISwitchError {
    /** The status of a 2xx whose body was not the JSON expected; undefined for a network failure. */
    readonly status?: number;
    /** That body's text. */
    readonly body?: string;
    constructor(message: string, init?: ConnectionErrorInit);
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
export declare class TimeoutError extends OpenAISwitchError {
    /** The limit of each attempt, in ms. */
    readonly timeoutMs?: number;
    /** Attempts made. */
    readonly attempts?: number;
    constructor(message: string, init?: TimeoutErrorInit);
}
