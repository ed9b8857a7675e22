import type { ChatCompletion, ChatCompletionChunk, ChatRequest, ClientConfig, Completion, CompletionRequest, EmbedFormat, EmbeddingRequest, EmbeddingResponse, EmbedManyRequest, EmbedManyResult, ProviderName, RequestOptions } from "./types.js";
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
export declare function createClient(config: ClientConfig): Client;
