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
/** Fields of every model request: OpenAI reads `model`; Azure addresses `deployment ?? deployments[model] ?? model`. */
export interface ModelRequest {
    /** The model; on Azure, the deployment's name (unless `deployments` maps it or `deployment` is given). */
    model: string;
    /** Azure only: the deployment to call; never sent in the body. */
    deployment?: string;
    /** A stable id of your end user, for abuse monitoring. */
    user?: string;
    /**
     * The one escape hatch: fields the types do not list yet (a new API field, an Azure extension), sent as they are
     * at the top level of the body. The typed fields win when both name the same field.
     *
     * @example
     * ```ts
     * await client.chat({ model: "gpt-4o", messages, extra_body: { some_new_field: true } });
     * ```
     */
    extra_body?: Record<string, unknown>;
}
/**
 * Who wrote a chat message.
 *
 * @example
 * ```ts
 * const role: ChatRole = "developer"; // "robot" is a type error
 * ```
 */
export type ChatRole = "system" | "developer" | "user" | "assistant" | "tool" | "function";
/**
 * One part of a message's content.
 *
 * @example
 * ```ts
 * const parts: ContentPart[] = [{ type: "text", text: "What is this?" }, { type: "image_url", image_url: { url } }];
 * ```
 */
export type ContentPart = {
    type: "text";
    text: string;
} | {
    type: "image_url";
    image_url: {
        url: string;
        detail?: "auto" | "low" | "high";
    };
} | {
    type: "input_audio";
    input_audio: {
        data: string;
        format: "wav" | "mp3";
    };
} | {
    type: "file";
    file: {
        file_data?: string;
        file_id?: string;
        filename?: string;
    };
} | {
    type: "refusal";
    refusal: string;
};
export interface ToolCall {
    id: string;
    type: "function";
    function: {
        name: string;
        arguments: string;
    };
}
export interface ChatMessage {
    role: ChatRole;
    content: string | ContentPart[] | null;
    name?: string;
    tool_calls?: ToolCall[];
    tool_call_id?: string;
    refusal?: string | null;
}
/**
 * A function the model may call.
 *
 * @example
 * ```ts
 * const tool: ChatTool = { type: "function", function: { name: "weather", parameters: { type: "object" } } };
 * ```
 */
export interface ChatTool {
    type: "function";
    function: {
        name: string;
        description?: string;
        parameters?: Record<string, unknown>;
        strict?: boolean | null;
    };
}
/**
 * The shape of the answer: free text, any JSON object, or JSON that follows a schema.
 *
 * @example
 * ```ts
 * const format: ResponseFormat = { type: "json_schema", json_schema: { name: "answer", schema, strict: true } };
 * ```
 */
export type ResponseFormat = {
    type: "text";
} | {
    type: "json_object";
} | {
    type: "json_schema";
    json_schema: {
        name: string;
        description?: string;
        schema?: Record<string, unknown>;
        strict?: boolean | null;
    };
};
/** The request of `chat` and `chatStream`: the fields of the API reference's "Create chat completion". */
export interface ChatRequest extends ModelRequest {
    messages: ChatMessage[];
    /** `chat` answers with one JSON object; for a stream use `chatStream`, which sets this itself. */
    stream?: false;
    temperature?: number;
    top_p?: number;
    n?: number;
    stop?: string | string[];
    max_tokens?: number;
    max_completion_tokens?: number;
    presence_penalty?: number;
    frequency_penalty?: number;
    logit_bias?: Record<string, number>;
    logprobs?: boolean;
    top_logprobs?: number;
    seed?: number;
    response_format?: ResponseFormat;
    tools?: ChatTool[];
    tool_choice?: "none" | "auto" | "required" | {
        type: "function";
        function: {
            name: string;
        };
    };
    parallel_tool_calls?: boolean;
    reasoning_effort?: "minimal" | "low" | "medium" | "high";
    verbosity?: "low" | "medium" | "high";
    modalities?: ("text" | "audio")[];
    audio?: {
        voice: string;
        format: "wav" | "mp3" | "flac" | "opus" | "pcm16" | "aac";
    };
    prediction?: {
        type: "content";
        content: string | ContentPart[];
    };
    metadata?: Record<string, string>;
    store?: boolean;
    service_tier?: "auto" | "default" | "flex" | "priority";
    prompt_cache_key?: string;
    safety_identifier?: string;
    stream_options?: {
        include_usage?: boolean;
    };
    /** Azure only: "On your data" sources (Azure AI Search and others). */
    data_sources?: Record<string, unknown>[];
}
/** The request of `complete` and `completeStream` (legacy completions). */
export interface CompletionRequest extends ModelRequest {
    prompt: string | string[];
    /** `complete` answers with one JSON object; for a stream use `completeStream`, which sets this itself. */
    stream?: false;
    max_tokens?: number;
    temperature?: number;
    top_p?: number;
    n?: number;
    best_of?: number;
    stop?: string | string[];
    suffix?: string;
    echo?: boolean;
    logprobs?: number;
    logit_bias?: Record<string, number>;
    presence_penalty?: number;
    frequency_penalty?: number;
    seed?: number;
    stream_options?: {
        include_usage?: boolean;
    };
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
    prompt_tokens_details?: {
        cached_tokens?: number;
        audio_tokens?: number;
    };
    completion_tokens_details?: {
        reasoning_tokens?: number;
        audio_tokens?: number;
        accepted_prediction_tokens?: number;
        rejected_prediction_tokens?: number;
    };
}
/**
 * Why a chat choice ended.
 *
 * @example
 * ```ts
 * if (reply.choices[0]?.finish_reason === "length") console.warn("cut at max_tokens");
 * ```
 */
export type ChatFinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "function_call";
/**
 * Why a legacy completion choice ended.
 *
 * @example
 * ```ts
 * const done = completion.choices.every((c) => c.finish_reason === "stop");
 * ```
 */
export type CompletionFinishReason = "stop" | "length" | "content_filter";
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
        message: {
            role: "assistant";
            content: string | null;
            tool_calls?: ToolCall[];
            refusal?: string | null;
            /** URL citations of web search; `[]` on OpenAI otherwise. Not streamed as deltas. */
            annotations?: unknown[];
        };
        finish_reason: ChatFinishReason;
        logprobs?: unknown;
        content_filter_results?: ContentFilterResults;
    }[];
    usage?: Usage;
    system_fingerprint?: string | null;
    /** OpenAI: the tier that served the request. */
    service_tier?: string | null;
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
        delta?: {
            role?: ChatRole;
            content?: string | null;
            tool_calls?: (Partial<ToolCall> & {
                index: number;
            })[];
            refusal?: string | null;
        };
        finish_reason: ChatFinishReason | null;
        logprobs?: unknown;
        content_filter_results?: ContentFilterResults;
    }[];
    usage?: Usage | null;
    system_fingerprint?: string | null;
    service_tier?: string | null;
    prompt_filter_results?: PromptFilterResult[];
}
/** A legacy completion, or one streamed event of it. */
export interface Completion {
    id: string;
    object: string;
    created: number;
    model: string;
    choices: {
        text: string;
        index: number;
        finish_reason: CompletionFinishReason | null;
        logprobs?: unknown;
        content_filter_results?: ContentFilterResults;
    }[];
    usage?: Usage | null;
    prompt_filter_results?: PromptFilterResult[];
}
export interface EmbeddingResponse {
    object: string;
    data: {
        object: string;
        index: number;
        embedding: number[];
    }[];
    model: string;
    usage: {
        prompt_tokens: number;
        total_tokens: number;
    };
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
    /** Fields the types do not list yet, sent in every call's body (see {@link ModelRequest.extra_body}). */
    extra_body?: Record<string, unknown>;
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
    usage: {
        prompt_tokens: number;
        total_tokens: number;
    };
    /** HTTP requests sent, failed probes and retries included. */
    requests: number;
}
export type * from "./responses-types.js";
