// How a client is set up (provider, auth, fetch, defaults) and what every call takes and streams return.

/** Which service a client talks to. */
export type ProviderName = "openai" | "azure";

/**
 * Any function that returns a bearer token, or a promise of one: MSAL's `acquireTokenSilent`,
 * `@azure/identity`'s `getBearerTokenProvider`, your own. Called before every attempt, so it must cache.
 */
export type TokenProvider = () => string | Promise<string>;

/** The part of `fetch` this library uses; `globalThis.fetch` and any wrapper of it fit. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Settings shared by both providers. */
export interface SharedConfig {
  /** Defaults to `globalThis.fetch`, looked up at call time (so late polyfills and test spies work). */
  fetch?: FetchLike;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** Time limit of each attempt in ms. Default 600000. */
  timeoutMs?: number;
  /** Allow an `apiKey` in a browser, where anyone can read it from the bundle. Tokens need no flag. */
  dangerouslyAllowBrowser?: boolean;
}

/** Talk to the OpenAI API (or any server that speaks it, via `baseURL`). */
export interface OpenAIConfig extends SharedConfig {
  provider: "openai";
  apiKey?: string;
  tokenProvider?: TokenProvider;
  /** Default `https://api.openai.com/v1`. */
  baseURL?: string;
  organization?: string;
  project?: string;
}

/** Talk to an Azure OpenAI resource (or an API Management gateway in front of one). */
export interface AzureConfig extends SharedConfig {
  provider: "azure";
  /** `https://NAME.openai.azure.com`, `https://NAME.cognitiveservices.azure.com` or a gateway URL. */
  endpoint: string;
  /** A dated version (`2024-10-21`, `2025-01-01-preview`) or `v1` for the `/openai/v1` API. */
  apiVersion: string;
  /** Sent as the `api-key` header. */
  apiKey?: string;
  /** Entra ID token for scope `AZURE_SCOPE`, sent as `Authorization: Bearer`. */
  tokenProvider?: TokenProvider;
  /** Model name → deployment name, so OpenAI-style `model` values address the right deployment. */
  deployments?: Record<string, string>;
}

/** What `createClient` takes: a union on `provider`. */
export type ClientConfig = OpenAIConfig | AzureConfig;

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxRetries?: number;
}

/**
 * What a streaming method returns: an async iterator of parsed events. Its `return()` (what `break` calls) always
 * exists and cancels the stream, which releases the connection.
 *
 * @example
 * ```ts
 * const chunks = client.chatStream({ model: "gpt-4o", messages });
 * const first = await chunks.next();
 * await chunks.return(); // done early: the body is cancelled
 * ```
 */
export interface EventStream<T> extends AsyncIterableIterator<T> {
  return(value?: unknown): Promise<IteratorResult<T>>;
}
