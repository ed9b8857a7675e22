import type { ContentFilterResults, ModelRequest, PromptFilterResult, Usage } from "./shared.js";
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
/**
 * Why a chat choice ended.
 *
 * @example
 * ```ts
 * if (reply.choices[0]?.finish_reason === "length") console.warn("cut at max_tokens");
 * ```
 */
export type ChatFinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "function_call";
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
