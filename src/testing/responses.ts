// The Responses API's shapes: the response object, its input items, and the typed event sequence a stream sends
// (rebuilt from the finished object, so a resumed stream sends exactly the events the first one did).
import { responseFilters } from "./filters.ts";
import type { Flavor } from "./refusals.ts";
import { argumentPieces, type Said } from "./script.ts";
import type { RequestBody } from "./types.ts";
import { countTokens } from "./vectors.ts";
import type { SseEvent } from "./wire.ts";

type Json = Record<string, unknown>;

/** The text of a message's content: a string, or its `input_text` / `output_text` parts. */
const textOf = (content: unknown): string =>
  typeof content == "string" ? content : Array.isArray(content) ? content.map((p) => (p as Json)?.text ?? "").join(" ") : "";

/** The request's input as the items `input_items` lists: messages get `input_text` parts; each item an id. */
export function inputItems(body: RequestBody, nextId: () => string): Json[] {
  const { input } = body;
  const items: Json[] = typeof input == "string" ? [{ type: "message", role: "user", content: input }] : Array.isArray(input) ? (input as Json[]) : [];
  return items.map((item) => {
    if (item?.type == "message" || (item?.role && !item?.type)) {
      const content = typeof item.content == "string" ? [{ type: "input_text", text: item.content }] : item.content;
      return { id: `msg_${nextId()}`, type: "message", role: item.role, content, status: "completed" };
    }
    return { id: item?.id ?? `item_${nextId()}`, ...item };
  });
}

/** The text a Responses request is about: its last user message, else its last item's text or output. */
export function promptOfInput(body: RequestBody): string {
  const { input } = body;
  if (typeof input == "string") return input;
  if (!Array.isArray(input)) return "";
  const items = input as Json[];
  const user = items.filter((item) => item?.role == "user").pop();
  const last = user ?? items[items.length - 1];
  return textOf(last?.content ?? last?.output);
}

/** Every text a Responses request sends: its instructions and each input item's text or output (for limits). */
export function inputText(body: RequestBody): string {
  const items = typeof body.input == "string" ? [{ content: body.input }] : Array.isArray(body.input) ? (body.input as Json[]) : [];
  return [body.instructions ?? "", ...items.map((item) => textOf(item?.content ?? item?.output ?? item?.arguments))].join("\n");
}

/** What a response is built from. */
export interface Draft {
  id: string;
  flavor: Flavor;
  model: string;
  body: RequestBody;
  said: Said;
  /** The reply's text as its stream deltas (already cut at `max_output_tokens`). */
  tokens: string[];
  cut: boolean;
  /** Azure's (or a test's) content filter stopped the output. */
  filtered: boolean;
  createdAt: number;
  itemId: () => string;
}

/** The finished response object (status `completed`, or `incomplete` when cut or filtered). */
export function finishedResponse(d: Draft): Json {
  const output: Json[] = [];
  const { said } = d;
  if (said.refusal !== undefined) {
    output.push(message(d.itemId(), [{ type: "refusal", refusal: said.refusal }], "completed"));
  } else if (said.text !== undefined || !said.toolCalls.length) {
    const text = d.filtered ? "" : d.tokens.join("");
    output.push(message(d.itemId(), [{ type: "output_text", text, annotations: [], logprobs: [] }], d.cut || d.filtered ? "incomplete" : "completed"));
  }
  for (const call of said.toolCalls) {
    output.push({ id: `fc_${d.itemId()}`, type: "function_call", status: "completed", arguments: call.arguments, call_id: call.id, name: call.name });
  }
  const inputTokens = countTokens(`${d.body.instructions ?? ""} ${promptOfInput(d.body)}`) + 8;
  const outputTokens = (d.filtered ? 0 : d.tokens.length) + said.toolCalls.reduce((n, c) => n + countTokens(c.arguments) + 4, 0);
  const reason = d.filtered ? "content_filter" : d.cut ? "max_output_tokens" : undefined;
  const response: Json = {
    id: d.id,
    object: "response",
    created_at: d.createdAt,
    status: reason ? "incomplete" : "completed",
    background: d.body.background ?? false,
    completed_at: reason ? null : d.createdAt + 1,
    error: null,
    incomplete_details: reason ? { reason } : null,
    instructions: d.body.instructions ?? null,
    max_output_tokens: d.body.max_output_tokens ?? null,
    model: d.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: d.body.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    service_tier: "default",
    store: d.body.store ?? true,
    temperature: d.body.temperature ?? 1,
    text: d.body.text ?? { format: { type: "text" } },
    tool_choice: d.body.tool_choice ?? "auto",
    tools: d.body.tools ?? [],
    top_p: d.body.top_p ?? 1,
    truncation: "disabled",
    usage: {
      input_tokens: inputTokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: inputTokens + outputTokens,
    },
    user: null,
    metadata: d.body.metadata ?? {},
  };
  if (d.flavor == "azure") response.content_filters = responseFilters(promptOfInput(d.body).length, d.tokens.join("").length, d.filtered);
  return response;
}

const message = (id: string, content: Json[], status: string): Json => ({ id: `msg_${id}`, type: "message", status, role: "assistant", content });

/** The same response before it has finished: `queued` or `in_progress`, no output, no usage. */
export function unfinished(response: Json, status: "queued" | "in_progress" | "cancelled"): Json {
  const snapshot: Json = { ...response, status, output: [], usage: null, completed_at: null, incomplete_details: null };
  if ("content_filters" in response) snapshot.content_filters = null;
  return snapshot;
}

/**
 * The events of a streamed response, `sequence_number` from 0: `response.created` (and `response.queued` for
 * a background one), `response.in_progress`, then per output item `output_item.added`, its content parts and
 * deltas (or function-call argument pieces), `output_item.done`, and the terminal `response.completed` or
 * `response.incomplete` carrying the whole response.
 */
export function* responseEvents(response: Json, background: boolean): Generator<SseEvent> {
  let sequence = 0;
  const event = (type: string, fields: Json): SseEvent => ({ event: type, data: JSON.stringify({ type, sequence_number: sequence++, ...fields }) });
  yield event("response.created", { response: unfinished(response, background ? "queued" : "in_progress") });
  if (background) yield event("response.queued", { response: unfinished(response, "queued") });
  yield event("response.in_progress", { response: unfinished(response, "in_progress") });
  const output = response.output as Json[];
  for (const [output_index, item] of output.entries()) {
    const item_id = item.id;
    if (item.type == "function_call") {
      yield event("response.output_item.added", { output_index, item: { ...item, status: "in_progress", arguments: "" } });
      const args = String(item.arguments);
      for (const delta of argumentPieces(args)) yield event("response.function_call_arguments.delta", { item_id, output_index, delta });
      yield event("response.function_call_arguments.done", { item_id, name: item.name, output_index, arguments: args });
    } else {
      yield event("response.output_item.added", { output_index, item: { ...item, status: "in_progress", content: [] } });
      for (const [content_index, part] of (item.content as Json[]).entries()) yield* partEvents(event, { item_id, output_index, content_index }, part);
    }
    yield event("response.output_item.done", { output_index, item });
  }
  yield event(response.status == "incomplete" ? "response.incomplete" : "response.completed", { response });
}

type Emit = (type: string, fields: Json) => SseEvent;

function* partEvents(event: Emit, where: Json, part: Json): Generator<SseEvent> {
  if (part.type == "refusal") {
    const refusal = String(part.refusal);
    yield event("response.content_part.added", { ...where, part: { type: "refusal", refusal: "" } });
    for (const delta of refusal.split(/(?=\s)/)) yield event("response.refusal.delta", { ...where, delta });
    yield event("response.refusal.done", { ...where, refusal });
  } else {
    const text = String(part.text);
    yield event("response.content_part.added", { ...where, part: { type: "output_text", text: "", annotations: [], logprobs: [] } });
    for (const delta of text ? text.split(/(?=\s)/) : []) yield event("response.output_text.delta", { ...where, delta, logprobs: [] });
    yield event("response.output_text.done", { ...where, text, logprobs: [] });
  }
  yield event("response.content_part.done", { ...where, part });
}
