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

/** Fields every request has: OpenAI reads `model`; Azure addresses `deployment ?? deployments[model] ?? model`. */
export interface ModelRequest {
  model: string;
  /** Azure only: the deployment to call; never sent in the body. */
  deployment?: string;
  user?: string;
  [field: string]: unknown;
}

export interface ContentPart {
  type: string;
  text?: string;
  image_url?: { url: string; detail?: string };
  [field: string]: unknown;
}

export interface ToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export interface ChatMessage {
  role: "system" | "developer" | "user" | "assistant" | "tool" | "function";
  content: string | ContentPart[] | null;
  name?: string;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
  refusal?: string | null;
}

export interface ChatRequest extends ModelRequest {
  messages: ChatMessage[];
  temperature?: number;
  top_p?: number;
  n?: number;
  stop?: string | string[];
  max_tokens?: number;
  max_completion_tokens?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
  logit_bias?: Record<string, number>;
  seed?: number;
  response_format?: { type: string; [field: string]: unknown };
  tools?: { type: "function"; function: { name: string; description?: string; parameters?: unknown } }[];
  tool_choice?: unknown;
  stream_options?: { include_usage?: boolean };
}

export interface CompletionRequest extends ModelRequest {
  prompt: string | string[];
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  n?: number;
  stop?: string | string[];
  suffix?: string;
  echo?: boolean;
  logprobs?: number;
  stream_options?: { include_usage?: boolean };
}

export interface EmbeddingRequest extends ModelRequest {
  input: string | string[];
  dimensions?: number;
  encoding_format?: "float" | "base64";
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens?: number;
  total_tokens: number;
  [field: string]: unknown;
}

/** Azure's content-filter verdicts (`hate`, `sexual`, `violence`, `self_harm`, …). */
export type ContentFilterResults = Record<string, unknown>;

/** Azure sends these on the prompt. */
export interface PromptFilterResult {
  prompt_index: number;
  content_filter_results?: ContentFilterResults;
}

export interface ChatCompletion {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: {
    index: number;
    message: { role: string; content: string | null; tool_calls?: ToolCall[]; refusal?: string | null };
    finish_reason: string | null;
    logprobs?: unknown;
    content_filter_results?: ContentFilterResults;
  }[];
  usage?: Usage;
  system_fingerprint?: string | null;
  prompt_filter_results?: PromptFilterResult[];
}

/** One streamed chat event; Azure's first has `choices: []` and `prompt_filter_results`. */
export interface ChatCompletionChunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: {
    index: number;
    delta?: { role?: string; content?: string | null; tool_calls?: (Partial<ToolCall> & { index: number })[]; refusal?: string | null };
    finish_reason: string | null;
    logprobs?: unknown;
    content_filter_results?: ContentFilterResults;
  }[];
  usage?: Usage | null;
  system_fingerprint?: string | null;
  prompt_filter_results?: PromptFilterResult[];
}

/** A legacy completion, or one streamed event of it. */
export interface Completion {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: { text: string; index: number; finish_reason: string | null; logprobs?: unknown; content_filter_results?: ContentFilterResults }[];
  usage?: Usage | null;
  prompt_filter_results?: PromptFilterResult[];
}

export interface EmbeddingResponse {
  object: string;
  data: { object: string; index: number; embedding: number[] }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

/** `"number"` gives `number[][]`, `"float32"` gives `Float32Array[]` (a quarter of the memory). */
export type EmbedFormat = "number" | "float32";

export interface EmbedManyRequest<F extends EmbedFormat = "number"> {
  model: string;
  deployment?: string;
  input: readonly string[];
  dimensions?: number;
  user?: string;
  encoding_format?: "float" | "base64";
  /** Most inputs per HTTP call. Default 2048. */
  batchSize?: number;
  /**
   * Most HTTP calls in flight at once. Default 4. A 429 halves the calls in flight (then they grow back by one).
   *
   * @example
   * ```ts
   * await client.embedMany({ model: "text-embedding-3-small", input: texts, concurrency: 8 });
   * ```
   */
  concurrency?: number;
  format?: F;
  /**
   * Keep every embedding for the result. Default true; with false, `embeddings` comes back empty and the job holds
   * only what is in flight or waiting for `onBatch`.
   *
   * @example
   * ```ts
   * await client.embedMany({ model: "text-embedding-3-small", input: texts, keep: false, onBatch: save });
   * ```
   */
  keep?: boolean;
  /**
   * Called once per finished batch, in input order (`start` ascending, each batch starting where the last ended),
   * and awaited: a slow sink slows the job. `embeddings[i]` belongs to `input[start + i]`.
   *
   * @example
   * ```ts
   * onBatch: async (embeddings, start) => { await sink.write(start, embeddings); }
   * ```
   */
  onBatch?: (embeddings: F extends "float32" ? Float32Array[] : number[][], start: number) => void | Promise<void>;
  /**
   * Called after each `onBatch` with the inputs delivered so far: `input.slice(done)` is what a resumed job needs.
   *
   * @example
   * ```ts
   * onProgress: (done, total) => bar.update(done / total)
   * ```
   */
  onProgress?: (done: number, total: number) => void;
}

export interface EmbedManyResult<F extends EmbedFormat = "number"> {
  /** `embeddings[i]` belongs to `input[i]`; empty with `keep: false`. */
  embeddings: F extends "float32" ? Float32Array[] : number[][];
  usage: { prompt_tokens: number; total_tokens: number };
  /** HTTP requests sent, failed probes and retries included. */
  requests: number;
}
