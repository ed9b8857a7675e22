// createClient: checks the config once, then every method is one `call` (or `open` for a stream): the provider
// builds the target from the operations table (providers.ts), send.ts sends it.
import { type EmbedCall, embed } from "./embed.ts";
import { embedMany } from "./embed-many.ts";
import type { LearnedLimits } from "./learned-limits.ts";
import { check, headerRecord, integer } from "./errors.ts";
import { CHAT_END } from "./end-rules.ts";
import { readEvents } from "./events.ts";
import { OPERATIONS, type OperationName } from "./operations.ts";
import { resolveProvider, type Where } from "./providers.ts";
import { createResponses, type Responses } from "./responses.ts";
import { headerSecrets, createSecretStore } from "./secrets.ts";
import { MAX_TIMEOUT_MS, type OpenedStream, send, type SendOptions, type Settings } from "./send.ts";
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
  EventStream,
  ProviderName,
  RequestOptions,
} from "./types.ts";

/** One client for either provider: the same calls, whichever the config names. */
export interface Client {
  readonly provider: ProviderName;
  /** `POST …/chat/completions`. A request with `stream: true` is refused: use {@link Client.chatStream}. */
  chat(request: ChatRequest, options?: RequestOptions): Promise<ChatCompletion>;
  /** `POST …/completions` (legacy completions; not on Azure's v1 API). `stream: true`: use `completeStream`. */
  complete(request: CompletionRequest, options?: RequestOptions): Promise<Completion>;
  /** `POST …/embeddings`, one HTTP call; each `embedding` is `number[]`. */
  embed(request: EmbeddingRequest, options?: RequestOptions): Promise<EmbeddingResponse>;
  /** Streams a chat; the request is sent at the first `next()`, bad arguments throw at once. */
  chatStream(request: ChatRequest, options?: RequestOptions): EventStream<ChatCompletionChunk>;
  /** Streams a legacy completion; sent at the first `next()`. */
  completeStream(request: CompletionRequest, options?: RequestOptions): EventStream<Completion>;
  /**
   * OpenAI's Responses API on every route form: `create`, `stream`, `retrieve`, `resume`, `cancel`, `delete`,
   * `inputItems`.
   */
  readonly responses: Responses;
  /**
   * Embeds many inputs in batches, in order: it adapts to Azure deployments that take fewer inputs per call and to
   * the token cap, pauses the whole job on a 429, and can deliver each batch to `onBatch` as it is done.
   */
  embedMany<F extends EmbedFormat = "number">(
    request: EmbedManyRequest<F>,
    options?: RequestOptions,
  ): Promise<EmbedManyResult<F>>;
}

/**
 * How every method of a client reaches the service; namespaces (such as `responses`) are built on it.
 * `call` resolves to the parsed JSON; `open` to a stream whose head came with a 2xx (the request gets `stream: true`
 * when it has a body). Both throw ConfigError before any request on bad input.
 */
export interface Calls {
  call(operation: OperationName, request: object | undefined, options?: SendOptions, where?: Where): Promise<unknown>;
  open(
    operation: OperationName,
    request: object | undefined,
    options?: SendOptions,
    where?: Where,
  ): Promise<OpenedStream>;
  /** The time limit of an attempt for these options (a stream reader uses it between reads). */
  timeoutMs(options?: RequestOptions): number;
  /** Throws the ConfigError `call` or `open` would, without sending: for streams, which open at the first next(). */
  validate(operation: OperationName, request: object | undefined, where?: Where): void;
}

/** The resolved settings of `config`; throws ConfigError. */
function settingsOf(config: ClientConfig): Settings {
  const provider = resolveProvider(config);
  const { apiKey, tokenProvider } = config;
  const fromEnv = provider.name == "azure" ? "AZURE_OPENAI_API_KEY" : "OPENAI_API_KEY";
  check(!(apiKey && tokenProvider), "give an apiKey or a tokenProvider, not both");
  check(
    apiKey || tokenProvider,
    `give an apiKey or a tokenProvider function (fromEnv reads the key from ${fromEnv})`,
  );
  check(!tokenProvider || typeof tokenProvider == "function", "tokenProvider must be a function");
  // A key in a browser bundle is anyone's key; tokens are short-lived and per user.
  const inBrowser = "document" in globalThis;
  const browserMessage = "an apiKey in a browser needs dangerouslyAllowBrowser (anyone can read it)";
  check(!apiKey || config.dangerouslyAllowBrowser || !inBrowser, browserMessage);
  const headers = { ...provider.headers, ...headerRecord(config.headers, "headers") };
  return {
    provider,
    fetch: config.fetch,
    headers,
    tokenProvider,
    maxRetries: integer(config.maxRetries, 2, "maxRetries", 0),
    timeoutMs: integer(config.timeoutMs, 600_000, "timeoutMs", 1, MAX_TIMEOUT_MS),
    secrets: createSecretStore([...provider.secrets, ...headerSecrets(headers)]),
  };
}

/**
 * Creates a client for OpenAI or Azure OpenAI. Throws {@link ConfigError} on a bad config.
 *
 * @example
 * ```ts
 * const endpoint = "https://NAME.openai.azure.com";
 * const client = createClient({ provider: "azure", endpoint, apiVersion: "2024-10-21", apiKey });
 * const reply = await client.chat({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
 * console.log(reply.choices[0]?.message.content);
 * ```
 */
export function createClient(config: ClientConfig): Client {
  const settings = settingsOf(config);
  const { provider } = settings;
  // What embedMany learns per deployment (inputs and characters per call): its own store, for the client's life.
  const limits: LearnedLimits = new Map();

  const calls: Calls = {
    // Async, so that bad arguments reject the promise like every other failure.
    async call(operation, request, options, where) {
      const { method, returns } = OPERATIONS[operation];
      const { url, body, deployment } = provider.target(operation, request, where);
      return send(settings, { method, url, body, returns, deployment }, options);
    },
    async open(operation, request, options, where) {
      const { method } = OPERATIONS[operation];
      const { url, body, deployment } = provider.target(operation, request, where);
      const streamed = body && { ...body, stream: true };
      return send(settings, { method, url, body: streamed, deployment, stream: true }, options);
    },
    timeoutMs: (options) => integer(options?.timeoutMs, settings.timeoutMs, "timeoutMs", 1, MAX_TIMEOUT_MS),
    validate(operation, request, where) {
      provider.target(operation, request, where);
    },
  };

  const messages = (request: ChatRequest) => {
    check(Array.isArray(request?.messages) && request.messages.length, "messages must be a non-empty array");
    return request;
  };
  // chat() and complete() parse one JSON answer: a streamed reply would fail to parse, after being billed.
  const notStreamed = <T extends { stream?: boolean | null }>(request: T, instead: string) => {
    check(!request?.stream, `stream: true is for ${instead}(), which yields the chunks`);
    return request;
  };
  const stream = <T>(operation: OperationName, request: object, options?: RequestOptions) => {
    // Checked now, so bad arguments throw at the call rather than at the first next().
    provider.target(operation, request);
    const open = () => calls.open(operation, request, options);
    return readEvents<T>(open, CHAT_END, { signal: options?.signal, timeoutMs: calls.timeoutMs(options) });
  };
  const embedCall: EmbedCall = (request, options) => calls.call("embeddings", request, options);

  // A namespace of operations (the Responses API) is built on `calls` and attached here, next to the methods.
  return {
    provider: provider.name,
    chat: async (request, options) =>
      calls.call("chat", notStreamed(messages(request), "chatStream"), options) as Promise<ChatCompletion>,
    complete: async (request, options) =>
      calls.call("completions", notStreamed(request, "completeStream"), options) as Promise<Completion>,
    embed: async (request, options) => embed(embedCall, request as unknown as Record<string, unknown>, options),
    chatStream: (request, options) => stream("chat", messages(request), options),
    completeStream: (request, options) => stream("completions", request, options),
    embedMany(request, options) {
      // Input limits belong to a deployment: its URL, plus the body's model on Azure's v1 form.
      const { url, body } = provider.target("embeddings", request);
      const key = url + " " + body?.model;
      return embedMany({ call: embedCall, inputLimit: provider.inputLimit, limits, key }, request, options);
    },
    responses: createResponses(calls),
  };
}
