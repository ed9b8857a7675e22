import type { ModelRequest } from "./types.js";
/**
 * A part of an input message: text, an image or a file.
 *
 * @example
 * ```ts
 * const part: ResponseInputContent = { type: "input_image", image_url: "https://example.com/cat.png" };
 * ```
 */
export type ResponseInputContent = {
    type: "input_text";
    text: string;
} | {
    type: "input_image";
    image_url?: string;
    file_id?: string;
    detail?: "low" | "high" | "auto";
} | {
    type: "input_file";
    file_id?: string;
    file_data?: string;
    file_url?: string;
    filename?: string;
};
/**
 * A message in `input`; `content` is a string or a list of parts.
 *
 * @example
 * ```ts
 * const message: ResponseInputMessage = { role: "user", content: [{ type: "input_text", text: "What is this?" }] };
 * ```
 */
export interface ResponseInputMessage {
    type?: "message";
    role: "user" | "assistant" | "system" | "developer";
    content: string | ResponseInputContent[];
}
/**
 * The result of a `function_call`, sent back in the next request's `input`.
 *
 * @example
 * ```ts
 * const result: ResponseFunctionCallOutput = { type: "function_call_output", call_id: call.call_id, output: "18°C" };
 * ```
 */
export interface ResponseFunctionCallOutput {
    type: "function_call_output";
    call_id: string;
    output: string | ResponseInputContent[];
}
/**
 * One item of `input`: a message, a tool result, an earlier output item, or a reference to a stored item.
 *
 * @example
 * ```ts
 * const answer: ResponseInputItem = { type: "function_call_output", call_id: call.call_id, output: "18°C" };
 * const input: ResponseInputItem[] = [{ role: "user", content: "Weather in Paris?" }, call, answer];
 * ```
 */
export type ResponseInputItem = ResponseInputMessage | ResponseFunctionCallOutput | ResponseOutputItem | {
    type: "item_reference";
    id: string;
};
/**
 * A function the model may call; `parameters` is a JSON Schema.
 *
 * @example
 * ```ts
 * const parameters = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };
 * const tool: ResponseFunctionTool = { type: "function", name: "weather", parameters, strict: true };
 * ```
 */
export interface ResponseFunctionTool {
    type: "function";
    name: string;
    description?: string | null;
    parameters?: Record<string, unknown> | null;
    strict?: boolean | null;
}
/**
 * A tool the service runs itself; its settings depend on `type` (see the API reference).
 *
 * @example
 * ```ts
 * const tool: ResponseBuiltInTool = { type: "file_search", vector_store_ids: ["vs_123"] };
 * ```
 */
export interface ResponseBuiltInTool {
    type: "web_search" | "web_search_preview" | "file_search" | "code_interpreter" | "image_generation" | "computer_use_preview" | "mcp" | "local_shell" | "shell" | "apply_patch" | "custom";
    [setting: string]: unknown;
}
/**
 * A tool in `tools`: a function of yours, or one the service runs.
 *
 * @example
 * ```ts
 * const tools: ResponseTool[] = [{ type: "function", name: "weather" }, { type: "web_search" }];
 * ```
 */
export type ResponseTool = ResponseFunctionTool | ResponseBuiltInTool;
/**
 * What the text output must look like: plain text, any JSON object, or JSON matching a schema.
 *
 * @example
 * ```ts
 * const format: ResponseTextFormat = { type: "json_schema", name: "city", schema: { type: "object" }, strict: true };
 * ```
 */
export type ResponseTextFormat = {
    type: "text";
} | {
    type: "json_object";
} | {
    type: "json_schema";
    name: string;
    schema: Record<string, unknown>;
    description?: string;
    strict?: boolean | null;
};
/**
 * Which tools the model may call: none, any (`auto`), at least one (`required`), or this one.
 *
 * @example
 * ```ts
 * const choice: ResponseToolChoice = { type: "function", name: "weather" };
 * ```
 */
export type ResponseToolChoice = "none" | "auto" | "required" | {
    type: "function";
    name: string;
} | {
    type: ResponseBuiltInTool["type"];
};
/**
 * How much a reasoning model thinks, and whether it summarises its reasoning.
 *
 * @example
 * ```ts
 * const reasoning: ResponseReasoningOptions = { effort: "low", summary: "auto" };
 * ```
 */
export interface ResponseReasoningOptions {
    effort?: "none" | "minimal" | "low" | "medium" | "high" | "xhigh" | null;
    summary?: "auto" | "concise" | "detailed" | null;
}
/**
 * Output data the service leaves out unless asked for.
 *
 * @example
 * ```ts
 * const include: ResponseIncludable[] = ["reasoning.encrypted_content"];
 * ```
 */
export type ResponseIncludable = "file_search_call.results" | "web_search_call.results" | "web_search_call.action.sources" | "message.input_image.image_url" | "computer_call_output.output.image_url" | "code_interpreter_call.outputs" | "reasoning.encrypted_content" | "message.output_text.logprobs";
/**
 * `client.responses.create` / `stream`: the documented fields of `POST /responses` (`stream` is set by the call),
 * and `extra_body` for any other. On Azure, `model` is sent as the deployment name
 * (`deployment ?? deployments[model] ?? model`); `deployment` itself is never sent.
 *
 * @example
 * ```ts
 * const request: ResponseCreateRequest = { model: "gpt-4.1", input: "Hi", instructions: "Be brief", store: false };
 * ```
 */
export interface ResponseCreateRequest extends ModelRequest {
    input?: string | ResponseInputItem[];
    instructions?: string | null;
    tools?: ResponseTool[];
    tool_choice?: ResponseToolChoice;
    parallel_tool_calls?: boolean | null;
    max_tool_calls?: number | null;
    /** Continue the conversation of a stored response. */
    previous_response_id?: string | null;
    conversation?: string | {
        id: string;
    } | null;
    /** Keep the response so that `retrieve`, `inputItems` and `previous_response_id` find it. Default true. */
    store?: boolean | null;
    /** Run in the background (needs `store: true`): poll with `retrieve`, or `stream` and `resume`. */
    background?: boolean | null;
    text?: {
        format?: ResponseTextFormat;
        verbosity?: "low" | "medium" | "high" | null;
    };
    reasoning?: ResponseReasoningOptions | null;
    include?: ResponseIncludable[] | null;
    max_output_tokens?: number | null;
    temperature?: number | null;
    top_p?: number | null;
    top_logprobs?: number | null;
    truncation?: "auto" | "disabled" | null;
    metadata?: Record<string, string> | null;
    prompt?: {
        id: string;
        version?: string | null;
        variables?: Record<string, unknown>;
    } | null;
    prompt_cache_key?: string | null;
    safety_identifier?: string | null;
    service_tier?: "auto" | "default" | "flex" | "scale" | "priority" | null;
    stream_options?: {
        include_obfuscation?: boolean;
    } | null;
    /** `create` parses one JSON answer; `stream` sends `stream: true` itself. */
    stream?: false;
}
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
 * `client.responses.retrieve`'s query.
 *
 * @example
 * ```ts
 * await client.responses.retrieve(id, { include: ["message.output_text.logprobs"] });
 * ```
 */
export interface ResponseRetrieveQuery {
    include?: ResponseIncludable[];
}
/**
 * `client.responses.resume`'s query: the events after `starting_after` are sent again, then the live ones.
 *
 * @example
 * ```ts
 * client.responses.resume(id, { starting_after: lastSequenceNumber });
 * ```
 */
export interface ResponseResumeQuery extends ResponseRetrieveQuery {
    /** The `sequence_number` of the last event you have; omit it to get the stream from its start. */
    starting_after?: number;
    include_obfuscation?: boolean;
}
/**
 * `client.responses.inputItems`'s query: one page of a response's input items.
 *
 * @example
 * ```ts
 * await client.responses.inputItems(id, { after: page.last_id, limit: 100, order: "asc" });
 * ```
 */
export interface ResponseInputItemsQuery {
    /** An item id: the page starts after it. */
    after?: string;
    /** 1–100, default 20. */
    limit?: number;
    /** By creation, default `"desc"`. */
    order?: "asc" | "desc";
    include?: ResponseIncludable[];
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
/**
 * The response's state changed; the terminal ones are `response.completed` and `response.incomplete`.
 *
 * @example
 * ```ts
 * if (event.type === "response.created") console.log("id:", event.response.id);
 * ```
 */
export interface ResponseLifecycleEvent {
    type: "response.created" | "response.queued" | "response.in_progress" | "response.completed" | "response.incomplete" | "response.failed";
    sequence_number: number;
    response: ResponseSnapshot;
}
/**
 * An output item started (`added`, still empty) or is finished (`done`, whole).
 *
 * @example
 * ```ts
 * if (event.type === "response.output_item.done") items.push(event.item);
 * ```
 */
export interface ResponseOutputItemEvent {
    type: "response.output_item.added" | "response.output_item.done";
    sequence_number: number;
    output_index: number;
    item: ResponseOutputItem;
}
/**
 * A content part of a message started or is finished.
 *
 * @example
 * ```ts
 * if (event.type === "response.content_part.done") parts.push(event.part);
 * ```
 */
export interface ResponseContentPartEvent {
    type: "response.content_part.added" | "response.content_part.done";
    sequence_number: number;
    item_id: string;
    output_index: number;
    content_index: number;
    part: ResponseOutputText | ResponseRefusal;
}
/**
 * A piece of text (`delta`) for `output[output_index].content[content_index]`.
 *
 * @example
 * ```ts
 * if (event.type === "response.output_text.delta") output.textContent += event.delta;
 * ```
 */
export interface ResponseTextDeltaEvent {
    type: "response.output_text.delta" | "response.refusal.delta";
    sequence_number: number;
    item_id: string;
    output_index: number;
    content_index: number;
    delta: string;
    logprobs?: unknown[];
    /** Random padding the service adds so that sizes do not give the text away. */
    obfuscation?: string;
}
/**
 * A text part is finished: `text` is all of it.
 *
 * @example
 * ```ts
 * if (event.type === "response.output_text.done") console.log(event.text);
 * ```
 */
export interface ResponseTextDoneEvent {
    type: "response.output_text.done";
    sequence_number: number;
    item_id: string;
    output_index: number;
    content_index: number;
    text: string;
    logprobs?: unknown[];
}
/**
 * A refusal is finished: `refusal` is all of it.
 *
 * @example
 * ```ts
 * if (event.type === "response.refusal.done") console.warn(event.refusal);
 * ```
 */
export interface ResponseRefusalDoneEvent {
    type: "response.refusal.done";
    sequence_number: number;
    item_id: string;
    output_index: number;
    content_index: number;
    refusal: string;
}
/**
 * A piece of a function call's JSON arguments.
 *
 * @example
 * ```ts
 * if (event.type === "response.function_call_arguments.delta") args += event.delta;
 * ```
 */
export interface ResponseFunctionCallArgumentsDeltaEvent {
    type: "response.function_call_arguments.delta";
    sequence_number: number;
    item_id: string;
    output_index: number;
    delta: string;
    obfuscation?: string;
}
/**
 * A function call's arguments are finished: `arguments` is the whole JSON text.
 *
 * @example
 * ```ts
 * if (event.type === "response.function_call_arguments.done") run(JSON.parse(event.arguments));
 * ```
 */
export interface ResponseFunctionCallArgumentsDoneEvent {
    type: "response.function_call_arguments.done";
    sequence_number: number;
    item_id: string;
    output_index: number;
    name?: string;
    arguments: string;
}
/**
 * Progress of a reasoning item: its summary parts and text, in pieces and whole.
 *
 * @example
 * ```ts
 * if (event.type === "response.reasoning_summary_text.delta") thoughts += event.delta ?? "";
 * ```
 */
export interface ResponseReasoningEvent {
    type: "response.reasoning_summary_part.added" | "response.reasoning_summary_part.done" | "response.reasoning_summary_text.delta" | "response.reasoning_summary_text.done" | "response.reasoning_text.delta" | "response.reasoning_text.done";
    sequence_number: number;
    item_id: string;
    output_index: number;
    summary_index?: number;
    content_index?: number;
    delta?: string;
    text?: string;
    part?: {
        type: "summary_text";
        text: string;
    };
}
/**
 * Progress of a built-in tool call (searching, interpreting, generating, …); fields depend on `type`.
 *
 * @example
 * ```ts
 * if (event.type === "response.web_search_call.searching") status.textContent = "searching…";
 * ```
 */
export interface ResponseToolEvent {
    type: "response.output_text.annotation.added" | "response.web_search_call.in_progress" | "response.web_search_call.searching" | "response.web_search_call.completed" | "response.file_search_call.in_progress" | "response.file_search_call.searching" | "response.file_search_call.completed" | "response.code_interpreter_call.in_progress" | "response.code_interpreter_call.interpreting" | "response.code_interpreter_call.completed" | "response.code_interpreter_call_code.delta" | "response.code_interpreter_call_code.done" | "response.image_generation_call.in_progress" | "response.image_generation_call.generating" | "response.image_generation_call.partial_image" | "response.image_generation_call.completed" | "response.mcp_call.in_progress" | "response.mcp_call.completed" | "response.mcp_call.failed" | "response.mcp_call_arguments.delta" | "response.mcp_call_arguments.done" | "response.mcp_list_tools.in_progress" | "response.mcp_list_tools.completed" | "response.mcp_list_tools.failed" | "response.custom_tool_call_input.delta" | "response.custom_tool_call_input.done";
    sequence_number: number;
    item_id?: string;
    output_index?: number;
    [field: string]: unknown;
}
/**
 * The service reports an error in the stream; the stream rejects with an ApiError carrying these fields.
 *
 * @example
 * ```ts
 * const event: ResponseErrorEvent = { type: "error", sequence_number: 3, code: null, message: "…", param: null };
 * ```
 */
export interface ResponseErrorEvent {
    type: "error";
    sequence_number: number;
    code: string | null;
    message: string;
    param: string | null;
}
/**
 * One event of a streamed response: a union on `type`.
 *
 * @example
 * ```ts
 * for await (const event of client.responses.stream({ model: "gpt-4.1", input: "Hi" })) {
 *   if (event.type === "response.output_text.delta") console.log(event.delta);
 * }
 * ```
 */
export type ResponseStreamEvent = ResponseLifecycleEvent | ResponseOutputItemEvent | ResponseContentPartEvent | ResponseTextDeltaEvent | ResponseTextDoneEvent | ResponseRefusalDoneEvent | ResponseFunctionCallArgumentsDeltaEvent | ResponseFunctionCallArgumentsDoneEvent | ResponseReasoningEvent | ResponseToolEvent | ResponseErrorEvent;
