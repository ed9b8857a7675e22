import { type OperationName } from "./operations.js";
import { type Where } from "./providers.js";
import { type Responses } from "./responses.js";
import { type OpenedStream, type SendOptions } from "./send.js";
import type { ChatCompletion, ChatCompletionChunk, ChatRequest, ClientConfig, Completion, CompletionRequest, EmbedFormat, EmbeddingRequest, EmbeddingResponse, EmbedManyRequest, EmbedManyResult, EventStream, ProviderName, RequestOptions } from "./types.js";
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
    embedMany<F extends EmbedFormat = "number">(request: EmbedManyRequest<F>, options?: RequestOptions): Promise<EmbedManyResult<F>>;
}
/**
 * How every method of a client reaches the service; namespaces (such as `responses`) are built on it.
 * `call` resolves to the parsed JSON; `open` to a stream whose head came with a 2xx (the request gets `stream: true`
 * when it has a body). Both throw ConfigError before any request on bad input.
 */
export interface Calls {
    call(operation: OperationName, request: object | undefined, options?: SendOptions, where?: Where): Promise<unknown>;
    open(operation: OperationName, request: object | undefined, options?: SendOptions, where?: Where): Promise<OpenedStream>;
    /** The time limit of an attempt for these options (a stream reader uses it between reads). */
    timeoutMs(options?: RequestOptions): number;
    /** Throws the ConfigError `call` or `open` would, without sending: for streams, which open at the first next(). */
    validate(operation: OperationName, request: object | undefined, where?: Where): void;
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
export declare function createClient(config: ClientConfig): Client;
