import type { ResponseOutputItem, ResponseOutputText, ResponseRefusal, ResponseSnapshot } from "./responses-object.js";
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
