// createClient: checks the config once, then each method is build (providers.ts) → send (send.ts) → parse.
import { type EmbedCall, embed, embedMany, type LearnedLimits } from "./embed.ts";
import { check, integer } from "./errors.ts";
import { resolveProvider } from "./providers.ts";
import { type Context, send } from "./send.ts";
import { chunks } from "./stream.ts";
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatRequest,
  ClientConfig,
  Completion,
  CompletionRequest,
  EmbedFormat,
  EmbeddingRequest,
  EmbeddingResponse,
  EmbedManyRequest,
  EmbedManyResult,
  ModelRequest,
  ProviderName,
  RequestOptions,
} from "./types.ts";

/** One client for either provider: the same calls, whichever the config names. */
export interface Client {
  readonly provider: ProviderName;
  /** `POST …/chat/completions`. */
  chat(request: ChatRequest, options?: RequestOptions): Promise<ChatCompletion>;
  /** `POST …/completions` (legacy completions). */
  complete(request: CompletionRequest, options?: RequestOptions): Promise<Completion>;
  /** `POST …/embeddings`, one HTTP call; each `embedding` is `number[]`. */
  embed(request: EmbeddingRequest, options?: RequestOptions): Promise<EmbeddingResponse>;
  /** Streams a chat; the request is sent at the first `next()`, bad arguments throw at once. */
  chatStream(request: ChatRequest, options?: RequestOptions): AsyncIterableIterator<ChatCompletionChunk>;
  /** Streams a legacy completion; sent at the first `next()`. */
  completeStream(request: CompletionRequest, options?: RequestOptions): AsyncIterableIterator<Completion>;
  /** Embeds many inputs in batches, in order, adapting to Azure deployments that take fewer inputs per call. */
  embedMany<F extends EmbedFormat = "number">(request: EmbedManyRequest<F>, options?: RequestOptions): Promise<EmbedManyResult<F>>;
}

/**
 * Creates a client for OpenAI or Azure OpenAI. Throws {@link ConfigError} on a bad config.
 *
 * @example
 * ```ts
 * const client = createClient({ provider: "azure", endpoint: "https://NAME.openai.azure.com", apiVersion: "2024-10-21", apiKey });
 * const reply = await client.chat({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
 * console.log(reply.choices[0]?.message.content);
 * ```
 */
export function createClient(config: ClientConfig): Client {
  const provider = resolveProvider(config);
  const { apiKey, tokenProvider } = config;
  check(tokenProvider ? !apiKey && typeof tokenProvider == "function" : apiKey, "give an apiKey or a tokenProvider function, not both");
  // A key in a browser bundle is anyone's key; tokens are short-lived and per user.
  check(!apiKey || config.dangerouslyAllowBrowser || !("document" in globalThis), "an apiKey in a browser needs dangerouslyAllowBrowser (anyone can read it)");
  const c: Context = {
    provider,
    fetch: config.fetch,
    headers: { "content-type": "application/json", ...provider.headers, ...config.headers },
    tokenProvider,
    maxRetries: integer(config.maxRetries, 2, "maxRetries", 0),
    timeoutMs: integer(config.timeoutMs, 600_000, "timeoutMs", 1),
    secrets: [apiKey!],
    limits: new Map(),
  };

  const target = (op: string, request: ModelRequest) => {
    check(request?.model || request?.deployment, "model is required");
    return provider.target(op, request);
  };
  // Async, so that bad arguments reject the promise like every other failure.
  const post = async (op: string, request: ModelRequest, o?: RequestOptions) => {
    const [url, body] = target(op, request);
    return send(c, url, JSON.stringify(body), o);
  };
  const stream = <T>(op: string, request: ModelRequest, o?: RequestOptions) => {
    const [url, body] = target(op, request);
    body.stream = true;
    const json = JSON.stringify(body);
    return chunks<T>(c, () => send(c, url, json, o, true), o?.signal);
  };
  // BRIDGE until core's send() takes `retryRateLimited` (seam 1): the lead replaces this with
  // `send(c, { url, method: "POST", body }, o)`. Here a 429 is marked not retryable, so embedMany sees it at once.
  const rateLimitsReturned: Context = {
    ...c,
    fetch: async (url, init) => {
      const response = await (c.fetch ?? globalThis.fetch)(url, init);
      if (response.status != 429) return response;
      const headers = new Headers(response.headers);
      headers.set("x-should-retry", "false");
      return new Response(response.body, { status: 429, statusText: response.statusText, headers });
    },
  };
  const embedCall: EmbedCall = (request, o) => {
    const [url, body] = target("embeddings", request as ModelRequest);
    const context = o.retryRateLimited === false ? rateLimitsReturned : c;
    return send(context, url, JSON.stringify(body), o, false, o.tally);
  };
  // Learned per deployment by embedMany: a store of its own, apart from the settings and secrets in `c`.
  const embedLimits: LearnedLimits = new Map();
  const messages = (request: ChatRequest) => {
    check(Array.isArray(request?.messages) && request.messages.length, "messages must be a non-empty array");
    return request;
  };

  return {
    provider: provider.name,
    chat: async (request, o) => post("chat/completions", messages(request), o),
    complete: (request, o) => post("completions", request, o),
    embed: async (request, o) => embed(embedCall, request, o),
    chatStream: (request, o) => stream("chat/completions", messages(request), o),
    completeStream: (request, o) => stream("completions", request, o),
    embedMany(request, o) {
      // Input limits belong to a deployment: its URL, plus the body's model on Azure's v1 form.
      const [url, body] = provider.target("embeddings", request as unknown as ModelRequest);
      const key = url + " " + body.model;
      return embedMany({ call: embedCall, inputLimit: provider.inputLimit, limits: embedLimits, key }, request, o);
    },
  };
}
