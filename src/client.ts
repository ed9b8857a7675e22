// createClient: checks the config once, then each method is build (providers.ts) → send (send.ts) → parse.
import { embed, embedMany } from "./embed.ts";
import { ConfigError } from "./errors.ts";
import { resolveProvider } from "./providers.ts";
import { type Context, send, type Streaming } from "./send.ts";
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

const check = (ok: unknown, message: string): void => {
  if (!ok) throw new ConfigError(message);
};

const count = (value: number | undefined, fallback: number, name: string, min: number): number => {
  value ??= fallback;
  check(Number.isInteger(value) && value >= min, `${name} must be an integer ≥ ${min}`);
  return value;
};

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
  check(config && typeof config == "object", "createClient needs a config object");
  const provider = resolveProvider(config);
  const { apiKey, tokenProvider } = config;
  check(!(apiKey && tokenProvider), "give apiKey or tokenProvider, not both");
  check(typeof apiKey == "string" ? apiKey : typeof tokenProvider == "function", `${provider.name} needs an apiKey (a non-empty string) or a tokenProvider (a function)`);
  check(
    !apiKey || config.dangerouslyAllowBrowser || !("document" in globalThis),
    "an apiKey in a browser is readable by anyone: use a tokenProvider, or set dangerouslyAllowBrowser: true",
  );
  const c: Context & { limits: Map<string, number> } = {
    provider,
    fetch: config.fetch,
    headers: { "content-type": "application/json", ...provider.headers, ...config.headers },
    tokenProvider,
    maxRetries: count(config.maxRetries, 2, "maxRetries", 0),
    timeoutMs: count(config.timeoutMs, 600_000, "timeoutMs", 1),
    secrets: [apiKey ?? ""],
    limits: new Map(),
  };

  const target = (op: string, request: ModelRequest) => {
    check(request && typeof request == "object", "a request must be an object");
    check(typeof request.model == "string" && request.model || (provider.name == "azure" && request.deployment), "model is required");
    return provider.target(op, request);
  };
  const post = (op: string, request: ModelRequest, o?: RequestOptions) => {
    const [url, body] = target(op, request);
    return send(c, url, JSON.stringify(body), o);
  };
  const stream = <T>(op: string, request: ModelRequest, o?: RequestOptions) => {
    const [url, body] = target(op, request);
    body.stream = true;
    const json = JSON.stringify(body);
    return chunks<T>(c, () => send(c, url, json, o, true) as Promise<Streaming>, o?.signal);
  };
  const embedCall = (body: Record<string, unknown>, o: RequestOptions, tally?: { requests: number }) => {
    const [url, payload] = target("embeddings", body as ModelRequest);
    return send(c, url, JSON.stringify(payload), o, false, tally);
  };
  const messages = (request: ChatRequest) => {
    check(Array.isArray(request?.messages) && request.messages.length, "messages must be a non-empty array");
    return request;
  };

  return {
    provider: provider.name,
    chat: (request, o) => post("chat/completions", messages(request), o),
    complete: (request, o) => post("completions", request, o),
    embed: (request, o) => embed(embedCall, request, o),
    chatStream: (request, o) => stream("chat/completions", messages(request), o),
    completeStream: (request, o) => stream("completions", request, o),
    embedMany(request, o) {
      const [url, body] = target("embeddings", request as unknown as ModelRequest);
      return embedMany(c, embedCall, url + " " + body.model, request, o);
    },
  };
}
