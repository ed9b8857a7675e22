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
/** `value` (or `fallback` when undefined) if it is an integer ≥ `min`, else a ConfigError. */
export declare const integer: (value: number | undefined, fallback: number, name: string, min: number) => number;
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
export declare class ApiError extends OpenAISwitchError {
    /** HTTP status; 200 for an error sent inside a stream. */
    readonly status: number;
    readonly code?: string;
    readonly type?: string;
    readonly param?: string;
    /** `x-request-id`, else Azure's `apim-request-id`: quote it to support. */
    readonly requestId?: string;
    readonly provider: ProviderName;
    /** The response headers. */
    readonly headers: Headers;
    /** The response body: parsed JSON, or the text when it is not JSON (a gateway's HTML page). */
    readonly body: unknown;
    constructor({ message, ...init }: ApiErrorInit);
}
export declare class ConnectionError extends OpenAISwitchError {
}
/**
 * An attempt took longer than `timeoutMs`, and no retries were left.
 *
 * @example
 * ```ts
 * await client.chat(req, { timeoutMs: 5_000 }).catch((e) => e instanceof TimeoutError && console.error("slow"));
 * ```
 */
export declare class TimeoutError extends OpenAISwitchError {
}
