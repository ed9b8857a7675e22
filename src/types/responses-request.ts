// What a Responses API call sends: `input` and its items, tools, formats and options (`POST …/responses`), and
// the queries of retrieve, resume and inputItems.
import type { ResponseOutputItem } from "./responses-object.ts";
import type { ModelRequest } from "./shared.ts";

/**
 * A part of an input message: text, an image or a file.
 *
 * @example
 * ```ts
 * const part: ResponseInputContent = { type: "input_image", image_url: "https://example.com/cat.png" };
 * ```
 */
export type ResponseInputContent =
  | { type: "input_text"; text: string }
  | { type: "input_image"; image_url?: string; file_id?: string; detail?: "low" | "high" | "auto" }
  | { type: "input_file"; file_id?: string; file_data?: string; file_url?: string; filename?: string };

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
export type ResponseInputItem =
  | ResponseInputMessage
  | ResponseFunctionCallOutput
  | ResponseOutputItem
  | { type: "item_reference"; id: string };

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
  type:
    | "web_search"
    | "web_search_preview"
    | "file_search"
    | "code_interpreter"
    | "image_generation"
    | "computer_use_preview"
    | "mcp"
    | "local_shell"
    | "shell"
    | "apply_patch"
    | "custom";
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
export type ResponseTextFormat =
  | { type: "text" }
  | { type: "json_object" }
  | {
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
export type ResponseToolChoice =
  | "none"
  | "auto"
  | "required"
  | { type: "function"; name: string }
  | { type: ResponseBuiltInTool["type"] };

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
export type ResponseIncludable =
  | "file_search_call.results"
  | "web_search_call.results"
  | "web_search_call.action.sources"
  | "message.input_image.image_url"
  | "computer_call_output.output.image_url"
  | "code_interpreter_call.outputs"
  | "reasoning.encrypted_content"
  | "message.output_text.logprobs";

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
  conversation?: string | { id: string } | null;
  /** Keep the response so that `retrieve`, `inputItems` and `previous_response_id` find it. Default true. */
  store?: boolean | null;
  /** Run in the background (needs `store: true`): poll with `retrieve`, or `stream` and `resume`. */
  background?: boolean | null;
  text?: { format?: ResponseTextFormat; verbosity?: "low" | "medium" | "high" | null };
  reasoning?: ResponseReasoningOptions | null;
  include?: ResponseIncludable[] | null;
  max_output_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  top_logprobs?: number | null;
  truncation?: "auto" | "disabled" | null;
  metadata?: Record<string, string> | null;
  prompt?: { id: string; version?: string | null; variables?: Record<string, unknown> } | null;
  prompt_cache_key?: string | null;
  safety_identifier?: string | null;
  service_tier?: "auto" | "default" | "flex" | "scale" | "priority" | null;
  stream_options?: { include_obfuscation?: boolean } | null;
  /** `create` parses one JSON answer; `stream` sends `stream: true` itself. */
  stream?: false;
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
