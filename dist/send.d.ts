import { ApiError, type ApiErrorInit, ConnectionError, TimeoutError } from "./errors.js";
import type { Method } from "./operations.js";
import type { Provider } from "./providers.js";
import { type SecretStore } from "./secrets.js";
import type { FetchLike, RequestOptions, TokenProvider } from "./types.js";
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
    toConnectionError(problem: string, init?: {
        cause?: unknown;
        status?: number;
        body?: string;
    }): ConnectionError;
    /** Builds the TimeoutError of a stream that went silent for `timeoutMs`; its message names the method and URL. */
    toTimeoutError(timeoutMs: number): TimeoutError;
    /**
     * Ends this attempt's link to the caller's signal. The reader calls it once the stream is over, however it ends:
     * until then an abort of the caller's signal also aborts the body.
     */
    release(): void;
}
/** The longest delay timers keep: above it they fire at once (2³¹−1 ms, about 24.8 days). */
export declare const MAX_TIMEOUT_MS: number;
/**
 * Sends `call` with retries. Resolves to the parsed JSON body, or, with `stream`, to the opened stream.
 *
 * @example
 * ```ts
 * const json = await send(settings, { method: "POST", url, body, returns: "choices" }, { maxRetries: 0 });
 * ```
 */
export declare function send(settings: Settings, call: Call & {
    stream: true;
}, options?: SendOptions): Promise<OpenedStream>;
export declare function send(settings: Settings, call: Call, options?: SendOptions): Promise<unknown>;
