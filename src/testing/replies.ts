// Chat completion, completion and embeddings bodies: the shapes of the real services, with Azure's
// content-filter extras, for text, tool calls (streamed id and name first, then arguments in pieces) and refusals.
import { BLOCKED_OUTPUT, PASSED_FILTERS, PROMPT_FILTERS } from "./filters.ts";
import type { Flavor } from "./refusals.ts";
import { argumentPieces, type Said } from "./script.ts";
import type { RequestBody, RequestMessage } from "./types.ts";
import { countTokens, embeddingOf, float32ToBase64 } from "./vectors.ts";

export { PASSED_FILTERS };

type Json = Record<string, unknown>;

const textOf = (content: unknown): string =>
  typeof content == "string" ? content : Array.isArray(content) ? content.map((p) => (p as { text?: string })?.text ?? "").join(" ") : "";

/** The text a chat or completion request is about: the last user message, or the prompt. */
export function promptOf(body: RequestBody): string {
  if (Array.isArray(body.messages)) {
    const user = body.messages.filter((m: RequestMessage) => m?.role == "user").pop();
    return textOf(user?.content);
  }
  return Array.isArray(body.prompt) ? body.prompt.join(" ") : String(body.prompt ?? "");
}

/** Every text a chat or completion request sends (for the token estimate of limits). */
export const conversationText = (body: RequestBody): string =>
  Array.isArray(body.messages) ? body.messages.map((m) => textOf(m?.content)).join("\n") : promptOf(body);

/** A chat or completion request's prompt tokens: the services count a few per message for the roles. */
export const promptTokens = (body: RequestBody): number =>
  Array.isArray(body.messages) ? body.messages.reduce((n, m) => n + 4 + countTokens(textOf(m?.content)), 3) : countTokens(promptOf(body));

/** What a reply says, cut into the tokens a stream sends. */
export interface Spoken {
  said: Said;
  /** The text's stream deltas, already cut at the request's token limit. */
  tokens: string[];
  finish: string;
  /** The content filter stopped the output. */
  filtered: boolean;
}

/** Identity of one reply. */
export interface Shape {
  id: string;
  created: number;
  model: string;
  flavor: Flavor;
  chat: boolean;
}

const head = (s: Shape, object: string) => ({ id: s.id, object, created: s.created, model: s.model });

// OpenAI reports these on every reply today; Azure sends the token details but no service tier.
const extras = (s: Shape): Json => (s.flavor == "openai" ? { service_tier: "default", system_fingerprint: "fp_emulator" } : { system_fingerprint: "fp_emulator" });

const completionTokens = (spoken: Spoken) => spoken.tokens.length + spoken.said.toolCalls.reduce((n, c) => n + 4 + countTokens(c.arguments), 0);

/** `usage`, with the token details the services send. */
export function usageOf(body: RequestBody, spoken: Spoken): Json {
  const prompt_tokens = promptTokens(body);
  const completion_tokens = completionTokens(spoken);
  return {
    prompt_tokens,
    completion_tokens,
    total_tokens: prompt_tokens + completion_tokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

const filterResults = (s: Shape, spoken: Spoken): Json => (s.flavor == "azure" ? { content_filter_results: spoken.filtered ? BLOCKED_OUTPUT : PASSED_FILTERS } : {});

function message(spoken: Spoken): Json {
  const { said } = spoken;
  const text = spoken.filtered || said.refusal !== undefined || (said.text === undefined && said.toolCalls.length) ? null : spoken.tokens.join("");
  const reply: Json = { role: "assistant", content: text, refusal: said.refusal ?? null, annotations: [] };
  if (said.toolCalls.length) {
    reply.tool_calls = said.toolCalls.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } }));
  }
  return reply;
}

/** A whole chat completion or completion. */
export function completion(s: Shape, body: RequestBody, spoken: Spoken): Json {
  const choice: Json = { index: 0, finish_reason: spoken.finish, logprobs: null };
  if (s.chat) choice.message = message(spoken);
  else choice.text = spoken.filtered ? "" : spoken.tokens.join("");
  const reply: Json = {
    ...head(s, s.chat ? "chat.completion" : "text_completion"),
    choices: [{ ...choice, ...filterResults(s, spoken) }],
    usage: usageOf(body, spoken),
    ...extras(s),
  };
  if (s.flavor == "azure") reply.prompt_filter_results = PROMPT_FILTERS;
  return reply;
}

/** The `data:` payloads of a streamed reply, in order, ending with `[DONE]`. */
export function* streamEvents(s: Shape, body: RequestBody, spoken: Spoken): Generator<string> {
  const object = s.chat ? "chat.completion.chunk" : "text_completion";
  const withUsage = body.stream_options?.include_usage;
  const chunk = (choices: Json[], extra?: Json) => JSON.stringify({ ...head(s, object), choices, ...extras(s), ...(withUsage ? { usage: null } : {}), ...extra });
  const delta = (fields: Json, finish: string | null = null, filters: Json = {}) =>
    chunk([s.chat ? { index: 0, delta: fields, finish_reason: finish, logprobs: null, ...filters } : { index: 0, text: fields.content ?? "", finish_reason: finish, logprobs: null, ...filters }]);
  const passed = filterResults(s, { ...spoken, filtered: false });
  // Azure opens with an event that has no choices, only the prompt's filter results, and an empty id.
  if (s.flavor == "azure") yield JSON.stringify({ choices: [], created: 0, id: "", model: "", object: "", prompt_filter_results: PROMPT_FILTERS });
  const { said } = spoken;
  if (s.chat) yield delta({ role: "assistant", content: said.text === undefined && said.toolCalls.length ? null : "", refusal: null });
  if (s.chat && said.refusal !== undefined) {
    for (const piece of said.refusal.split(/(?=\s)/)) yield delta({ refusal: piece });
  } else if (!spoken.filtered) {
    for (const token of spoken.tokens) yield delta({ content: token }, null, passed);
  }
  if (s.chat) {
    for (const [index, call] of said.toolCalls.entries()) {
      // The call's id, type and name come first with empty arguments; then the arguments in pieces.
      yield delta({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }] });
      for (const piece of argumentPieces(call.arguments)) yield delta({ tool_calls: [{ index, function: { arguments: piece } }] });
    }
  }
  yield delta({}, spoken.finish, spoken.filtered ? filterResults(s, spoken) : {});
  if (withUsage) yield chunk([], { usage: usageOf(body, spoken) });
  yield "[DONE]";
}

/** An embeddings response, base64 or floats. */
export function embeddings(model: string, inputs: string[], dimensions: number, base64: boolean): Json {
  let tokens = 0;
  const data = inputs.map((text, index) => {
    tokens += countTokens(text);
    const vector = embeddingOf(text, dimensions);
    return { object: "embedding", index, embedding: base64 ? float32ToBase64(vector) : Array.from(vector) };
  });
  return { object: "list", data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}
