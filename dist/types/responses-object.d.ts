import type { ResponseCreateRequest, ResponseFunctionCallOutput, ResponseInputItem, ResponseInputMessage, ResponseReasoningOptions, ResponseTool, ResponseToolChoice } from "./responses-request.js";
/**
 * The text of an assistant message.
 *
 * @example
 * ```ts
 * const part: ResponseOutputText = { type: "output_text", text: "Hello", annotations: [] };
 * ```
 */
export interface ResponseOutputText {
    type: "output_text";
    text: string;
    annotations: unknown[];
    logprobs?: unknown[];
}
/**
 * The model declined; `refusal` says why.
 *
 * @example
 * ```ts
 * if (part.type === "refusal") console.warn(part.refusal);
 * ```
 */
export interface ResponseRefusal {
    type: "refusal";
    refusal: string;
}
/**
 * Where an output item is: still being written, done, or cut short.
 *
 * @example
 * ```ts
 * const finished = r.output.every((item) => item.status !== "in_progress");
 * ```
 */
export type ResponseItemStatus = "in_progress" | "completed" | "incomplete";
/**
 * An assistant message; its `output_text` parts make up `output_text`.
 *
 * @example
 * ```ts
 * const texts = r.output.flatMap((item) => (item.type === "message" ? item.content : []));
 * ```
 */
export interface ResponseOutputMessage {
    type: "message";
    id: string;
    role: "assistant";
    status: ResponseItemStatus;
    content: (ResponseOutputText | ResponseRefusal)[];
}
/**
 * The model asks for a function call: run it, then send a `function_call_output` with the same `call_id`.
 *
 * @example
 * ```ts
 * for (const item of r.output) if (item.type === "function_call") run(item.name, JSON.parse(item.arguments));
 * ```
 */
export interface ResponseFunctionCall {
    type: "function_call";
    id?: string;
    call_id: string;
    name: string;
    /** JSON text, as the model wrote it. */
    arguments: string;
    status?: ResponseItemStatus;
}
/**
 * A reasoning model's reasoning: summaries when asked for, encrypted content with `include`.
 *
 * @example
 * ```ts
 * const summary = r.output.flatMap((item) => (item.type === "reasoning" ? item.summary.map((s) => s.text) : []));
 * ```
 */
export interface ResponseReasoning {
    type: "reasoning";
    id: string;
    summary: {
        type: "summary_text";
        text: string;
    }[];
    content?: {
        type: "reasoning_text";
        text: string;
    }[];
    encrypted_content?: string | null;
    status?: ResponseItemStatus;
}
/**
 * A call of a built-in tool; its fields depend on `type`.
 *
 * @example
 * ```ts
 * const searches = r.output.filter((item) => item.type === "web_search_call");
 * ```
 */
export interface ResponseToolCall {
    type: "web_search_call" | "file_search_call" | "code_interpreter_call" | "image_generation_call" | "computer_call" | "local_shell_call" | "custom_tool_call" | "mcp_call" | "mcp_list_tools" | "mcp_approval_request";
    id: string;
    status?: string;
    [field: string]: unknown;
}
/**
 * One item of a response's `output`: a union on `type`.
 *
 * @example
 * ```ts
 * for (const item of r.output) if (item.type === "message") console.log(item.content);
 * ```
 */
export type ResponseOutputItem = ResponseOutputMessage | ResponseFunctionCall | ResponseReasoning | ResponseToolCall;
/**
 * Tokens a response used: `input_tokens` + `output_tokens` = `total_tokens`.
 *
 * @example
 * ```ts
 * console.log(r.usage?.input_tokens, r.usage?.output_tokens_details?.reasoning_tokens);
 * ```
 */
export interface ResponseUsage {
    input_tokens: number;
    input_tokens_details?: {
        cached_tokens: number;
    };
    output_tokens: number;
    output_tokens_details?: {
        reasoning_tokens: number;
    };
    total_tokens: number;
}
/**
 * A response's status: `queued` and `in_progress` (background) until it ends in one of the others.
 *
 * @example
 * ```ts
 * const running = (s: ResponseStatus) => s === "queued" || s === "in_progress";
 * ```
 */
export type ResponseStatus = "queued" | "in_progress" | "completed" | "incomplete" | "failed" | "cancelled";
/**
 * A response object as the service sends it (in a stream event: as it stands at that event). Has no
 * `output_text`: see {@link ModelResponse}.
 *
 * @example
 * ```ts
 * if (event.type === "response.created") console.log(event.response.id, event.response.status);
 * ```
 */
export interface ResponseSnapshot {
    id: string;
    object: "response";
    created_at: number;
    completed_at?: number | null;
    status: ResponseStatus;
    /** The model (on Azure: as the deployment reports it). */
    model: string;
    output: ResponseOutputItem[];
    usage?: ResponseUsage | null;
    /** Why a `failed` response failed. */
    error: {
        code: string;
        message: string;
    } | null;
    /** Why an `incomplete` response stopped. */
    incomplete_details: {
        reason?: "max_output_tokens" | "content_filter";
    } | null;
    instructions?: string | ResponseInputItem[] | null;
    previous_response_id?: string | null;
    background?: boolean | null;
    store?: boolean;
    metadata?: Record<string, string> | null;
    tools?: ResponseTool[];
    tool_choice?: ResponseToolChoice;
    parallel_tool_calls?: boolean;
    text?: ResponseCreateRequest["text"];
    reasoning?: ResponseReasoningOptions | null;
    max_output_tokens?: number | null;
    temperature?: number | null;
    top_p?: number | null;
    truncation?: "auto" | "disabled" | null;
    service_tier?: string | null;
    user?: string | null;
    /** Azure only: content-filter verdicts on the prompt and the completion. */
    content_filters?: unknown[] | null;
}
/**
 * What `create`, `retrieve`, `cancel` and `collectResponse` resolve to: the response plus `output_text`.
 *
 * @example
 * ```ts
 * const r: ModelResponse = await client.responses.create({ model: "gpt-4.1", input: "Hi" });
 * console.log(r.status, r.output_text, r.usage?.total_tokens);
 * ```
 */
export interface ModelResponse extends ResponseSnapshot {
    /**
     * Not on the wire: every `output_text` part of every `message` item, joined ("" when there is none), as the
     * official SDK computes it.
     */
    output_text: string;
}
/**
 * A stored input item: an input (or earlier output) item with its id.
 *
 * @example
 * ```ts
 * const ids = page.data.map((item: ResponseStoredItem) => item.id);
 * ```
 */
export type ResponseStoredItem = (ResponseInputMessage | ResponseFunctionCallOutput | ResponseOutputItem) & {
    id: string;
};
/**
 * One page of a response's input items; `has_more` says whether to ask for the next (`after: last_id`).
 *
 * @example
 * ```ts
 * const page: ResponseInputItemList = await client.responses.inputItems(id, { limit: 100 });
 * ```
 */
export interface ResponseInputItemList {
    object: "list";
    data: ResponseStoredItem[];
    first_id: string;
    last_id: string;
    has_more: boolean;
}
