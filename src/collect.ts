// A stream back into the object the same call without `stream` returns: chat chunks into a ChatCompletion, legacy
// completion chunks into a Completion. Standalone exports, so a program that never collects does not ship them.
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatFinishReason,
  ChatRole,
  Completion,
  ContentFilterResults,
  PromptFilterResult,
  ToolCall,
  Usage,
} from "./types.ts";

/** What chunks of both kinds carry besides their choices. */
interface ChunkHead {
  id?: string;
  created?: number;
  model?: string;
  system_fingerprint?: string | null;
  service_tier?: string | null;
  usage?: Usage | null;
  prompt_filter_results?: PromptFilterResult[];
}

/** The result's top-level fields, gathered over the chunks. */
interface Head {
  id: string;
  created: number;
  model: string;
  system_fingerprint?: string | null;
  service_tier?: string | null;
  usage?: Usage;
  prompt_filter_results?: PromptFilterResult[];
}

const newHead = (): Head => ({ id: "", created: 0, model: "" });

/** Takes each top-level field from the first chunk that has it, the usage from the usage chunk. */
function addHead(head: Head, chunk: ChunkHead) {
  // Azure's opening chunk has an empty id and model and `created: 0`: the first real values win.
  if (!head.id && chunk.id) head.id = chunk.id;
  if (!head.created && chunk.created) head.created = chunk.created;
  if (!head.model && chunk.model) head.model = chunk.model;
  if (head.system_fingerprint == null && chunk.system_fingerprint != null) {
    head.system_fingerprint = chunk.system_fingerprint;
  }
  if (head.service_tier == null && chunk.service_tier != null) head.service_tier = chunk.service_tier;
  if (chunk.usage) head.usage = chunk.usage;
  if (chunk.prompt_filter_results) {
    head.prompt_filter_results ??= [];
    head.prompt_filter_results.push(...chunk.prompt_filter_results);
  }
}

/** The head's fields on a result, each optional one only when a chunk had it. */
function withHead<T extends object>(head: Head, object: string, result: T) {
  const { id, created, model, system_fingerprint, service_tier, usage, prompt_filter_results } = head;
  return {
    id,
    object,
    created,
    model,
    ...result,
    ...(usage && { usage }),
    ...(system_fingerprint != null && { system_fingerprint }),
    ...(service_tier != null && { service_tier }),
    ...(prompt_filter_results && { prompt_filter_results }),
  };
}

/** Azure's verdicts per category: a later chunk's verdict on a category replaces the earlier one. */
function addFilters(
  choice: { content_filter_results?: ContentFilterResults },
  results: ContentFilterResults | undefined,
) {
  if (!results) return;
  choice.content_filter_results = { ...choice.content_filter_results, ...results };
}

/** Appends each array field of `more` to the same field of `into` (token logprobs arrive a few per chunk). */
function appendArrays(into: Record<string, unknown>, more: Record<string, unknown>) {
  for (const [key, value] of Object.entries(more)) {
    if (!Array.isArray(value)) {
      // A field that is null so far (`refusal: null` beside `content`) is kept as null until an array comes.
      if (!(key in into)) into[key] = value;
      continue;
    }
    const list = Array.isArray(into[key]) ? (into[key] as unknown[]) : [];
    for (const item of value) list.push(item);
    into[key] = list;
  }
}

/** The logprobs of a choice so far, with the chunk's appended; null until a chunk brings some. */
function addLogprobs(current: unknown, more: unknown): unknown {
  if (typeof more != "object" || more === null) return current;
  const into = typeof current == "object" && current !== null ? (current as Record<string, unknown>) : {};
  appendArrays(into, more as Record<string, unknown>);
  return into;
}

type FinalChoice = ChatCompletion["choices"][number];
/**
 * A choice being collected: its `finish_reason` stays null until the chunk that ends it, and its role is whatever the
 * deltas say (the services say "assistant").
 */
type ChatChoice = Omit<FinalChoice, "finish_reason" | "message"> & {
  finish_reason: ChatFinishReason | null;
  message: Omit<FinalChoice["message"], "role"> & { role: ChatRole };
};
type ChatDelta = NonNullable<ChatCompletionChunk["choices"][number]["delta"]>;
type ToolCallDelta = NonNullable<ChatDelta["tool_calls"]>[number];

const newChoice = (index: number): ChatChoice => ({
  index,
  message: { role: "assistant", content: null, refusal: null },
  finish_reason: null,
  logprobs: null,
});

/** Merges one tool-call delta into the calls of a choice, by its `index`. */
function addToolCall(calls: ToolCall[], delta: ToolCallDelta) {
  // Some OpenAI-compatible servers omit `index`: a delta with an id starts a call, one without continues the last.
  const index = typeof delta.index == "number" ? delta.index : delta.id ? calls.length : Math.max(calls.length - 1, 0);
  let call = calls[index];
  if (!call) {
    call = { id: "", type: delta.type ?? "function", function: { name: "", arguments: "" } };
    calls[index] = call;
  }
  // id and name come once, in the first delta that has them; the arguments come in pieces.
  if (!call.id && delta.id) call.id = delta.id;
  if (!call.function.name && delta.function?.name) call.function.name = delta.function.name;
  if (delta.function?.arguments) call.function.arguments += delta.function.arguments;
}

/**
 * Collects a streamed chat into the `ChatCompletion` the same request without `stream` returns, calling `onChunk`
 * for each chunk on the way. Per choice: `role`, `content` and `refusal` concatenated; `tool_calls` merged by
 * their `index` (`id`, `type` and `function.name` from the first delta that has them, `function.arguments`
 * concatenated: `""` for a tool that takes none); `finish_reason`; `logprobs.content` appended; Azure's
 * `content_filter_results` (the latest verdict per category). `id`, `model`, `created` and `system_fingerprint`
 * come from the first chunk that has them, `usage` from the usage chunk (`stream_options: { include_usage: true }`),
 * Azure's `prompt_filter_results` from its opening chunk. A stream that fails rejects with its error.
 *
 * @example
 * ```ts
 * const completion = await collectChat(client.chatStream({ model, messages, tools }), (chunk) => {
 *   output.textContent += chunk.choices[0]?.delta?.content ?? "";
 * });
 * for (const call of completion.choices[0]?.message.tool_calls ?? []) {
 *   run(call.function.name, JSON.parse(call.function.arguments || "{}"));
 * }
 * ```
 */
export async function collectChat(
  stream: AsyncIterable<ChatCompletionChunk>,
  onChunk?: (chunk: ChatCompletionChunk) => void,
): Promise<ChatCompletion> {
  const head = newHead();
  /** By choice index; holes are dropped at the end. */
  const choices: ChatChoice[] = [];
  const toolCalls: ToolCall[][] = [];
  for await (const chunk of stream) {
    onChunk?.(chunk);
    addHead(head, chunk);
    for (const part of chunk.choices ?? []) {
      const choice = choices[part.index] ?? newChoice(part.index);
      choices[part.index] = choice;
      const { message } = choice;
      // Azure sends chunks without `delta` (openai-node #1015): they carry only filter results.
      const delta: ChatDelta = part.delta ?? {};
      if (delta.role) message.role = delta.role;
      if (typeof delta.content == "string") message.content = (message.content ?? "") + delta.content;
      if (typeof delta.refusal == "string") message.refusal = (message.refusal ?? "") + delta.refusal;
      if (delta.tool_calls) {
        const calls = toolCalls[part.index] ?? [];
        toolCalls[part.index] = calls;
        for (const call of delta.tool_calls) addToolCall(calls, call);
      }
      if (part.finish_reason) choice.finish_reason = part.finish_reason;
      choice.logprobs = addLogprobs(choice.logprobs, part.logprobs);
      addFilters(choice, part.content_filter_results);
    }
  }
  for (const [index, calls] of toolCalls.entries()) {
    const choice = calls && choices[index];
    if (choice) choice.message.tool_calls = calls.filter(Boolean);
  }
  // A stream that reached [DONE] has given every choice its finish_reason, and the services' deltas say "assistant".
  return withHead(head, "chat.completion", { choices: choices.filter(Boolean) as FinalChoice[] });
}

type CompletionChoice = Completion["choices"][number];

/**
 * Collects a streamed legacy completion into the `Completion` the same request without `stream` returns, calling
 * `onChunk` for each chunk: per choice `text` concatenated, `finish_reason`, the `logprobs` arrays appended, Azure's
 * `content_filter_results`; the top-level fields as {@link collectChat} takes them.
 *
 * @example
 * ```ts
 * const completion = await collectCompletion(client.completeStream({ model, prompt: "Once upon" }), (chunk) => {
 *   process.stdout.write(chunk.choices[0]?.text ?? "");
 * });
 * console.log(completion.choices[0]?.finish_reason, completion.usage);
 * ```
 */
export async function collectCompletion(
  stream: AsyncIterable<Completion>,
  onChunk?: (chunk: Completion) => void,
): Promise<Completion> {
  const head = newHead();
  const choices: CompletionChoice[] = [];
  for await (const chunk of stream) {
    onChunk?.(chunk);
    addHead(head, chunk);
    for (const part of chunk.choices ?? []) {
      let choice = choices[part.index];
      if (!choice) {
        choice = { text: "", index: part.index, finish_reason: null, logprobs: null };
        choices[part.index] = choice;
      }
      if (typeof part.text == "string") choice.text += part.text;
      if (part.finish_reason) choice.finish_reason = part.finish_reason;
      choice.logprobs = addLogprobs(choice.logprobs, part.logprobs);
      addFilters(choice, part.content_filter_results);
    }
  }
  return withHead(head, "text_completion", { choices: choices.filter(Boolean) });
}
