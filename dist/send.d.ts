import { ApiError } from "./errors.js";
import type { Provider } from "./providers.js";
import type { FetchLike, RequestOptions, TokenProvider } from "./types.js";
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
export declare function retryDelay(headers: Headers | undefined, attempt: number): number;
/** Whether a failed response may be retried: the server's `x-should-retry` first, then the status. */
export declare function isRetryable(status: number, headers: Headers): boolean;
/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export declare const sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
/** An ApiError from a response's status, headers and body text, with any echoed secret removed. */
export declare function apiError(c: Context, status: number, headers: Headers, text: string, fallback?: string): ApiError;
/** Counts HTTP requests for callers that report them (embedMany). */
export interface Tally {
    requests: number;
}
/** POSTs `body` to `url` with retries. Resolves to the parsed JSON body, or, with `stream`, to the response. */
export declare function send(c: Context, url: string, body: string, o?: RequestOptions, stream?: boolean, tally?: Tally): Promise<any>;
