// Response bodies the emulator sends: the shapes of the real services, with Azure's content-filter extras.
import { countTokens, embeddingOf, float32ToBase64 } from "./vectors.ts";

/** Which service's shapes to speak. */
export type Flavor = "openai" | "azure";

type Json = Record<string, unknown>;
type Message = { role?: string; content?: unknown };

const SAFE = { filtered: false, severity: "safe" };
/**
 * Azure's verdicts on content that passed every filter, as the emulator sends them.
 *
 * @example
 * ```ts
 * expect(reply.choices[0]?.content_filter_results).toEqual(PASSED_FILTERS);
 * ```
 */
export const PASSED_FILTERS: Json = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };
const PROMPT_FILTERS = [{ prompt_index: 0, content_filter_results: { ...PASSED_FILTERS, jailbreak: { filtered: false, detected: false } } }];

const WORDS = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"];

const textOf = (content: unknown): string =>
  typeof content == "string" ? content : Array.isArray(content) ? content.map((p) => (p as { text?: string })?.text ?? "").join(" ") : "";

/** The reply's tokens: an echo of the prompt, or `replyTokens` filler words; cut at `max_tokens`. */
export function replyTokens(prompt: string, body: Json, fixed?: number): { tokens: string[]; finish: string } {
  let tokens: string[];
  if (fixed) {
    tokens = Array.from({ length: fixed }, (_, i) => (i ? " " : "") + WORDS[i % WORDS.length]);
  } else {
    tokens = ("You said: " + prompt).split(/(?=\s)/);
  }
  const max = (body.max_completion_tokens ?? body.max_tokens) as number | undefined;
  if (max && tokens.length > max) return { tokens: tokens.slice(0, max), finish: "length" };
  return { tokens, finish: "stop" };
}

/** The text a chat or completion request is about: the last user message, or the prompt. */
export function promptOf(body: Json): string {
  if (Array.isArray(body.messages)) {
    const user = (body.messages as Message[]).filter((m) => m?.role == "user").pop();
    return textOf(user?.content);
  }
  return Array.isArray(body.prompt) ? body.prompt.join(" ") : String(body.prompt ?? "");
}

const promptTokens = (body: Json) =>
  Array.isArray(body.messages)
    ? (body.messages as Message[]).reduce((n, m) => n + 4 + countTokens(textOf(m?.content)), 3)
    : countTokens(promptOf(body));

interface Shape {
  id: string;
  created: number;
  model: string;
  flavor: Flavor;
  chat: boolean;
}

const head = (s: Shape, object: string) => ({ id: s.id, object, created: s.created, model: s.model });

const choice = (s: Shape, text: string | undefined, finish: string | null, delta: boolean): Json => {
  const base: Json = { index: 0, finish_reason: finish, logprobs: null };
  if (s.chat) {
    if (delta) base.delta = text === undefined ? {} : { content: text };
    else base.message = { role: "assistant", content: text, refusal: null };
  } else base.text = text ?? "";
  if (s.flavor == "azure" && text !== undefined) base.content_filter_results = PASSED_FILTERS;
  return base;
};

/** A whole chat completion or completion. */
export function completion(s: Shape, body: Json, fixed?: number): Json {
  const { tokens, finish } = replyTokens(promptOf(body), body, fixed);
  const prompt_tokens = promptTokens(body);
  const reply: Json = {
    ...head(s, s.chat ? "chat.completion" : "text_completion"),
    choices: [choice(s, tokens.join(""), finish, false)],
    usage: { prompt_tokens, completion_tokens: tokens.length, total_tokens: prompt_tokens + tokens.length },
    system_fingerprint: "fp_emulator",
  };
  if (s.flavor == "azure") reply.prompt_filter_results = PROMPT_FILTERS;
  return reply;
}

/** The `data:` payloads of a streamed reply, in order, ending with `[DONE]`. */
export function* streamEvents(s: Shape, body: Json, fixed?: number): Generator<string> {
  const { tokens, finish } = replyTokens(promptOf(body), body, fixed);
  const object = s.chat ? "chat.completion.chunk" : "text_completion";
  const usage = (body.stream_options as Json | undefined)?.include_usage;
  const chunk = (choices: Json[], extra?: Json) => JSON.stringify({ ...head(s, object), choices, system_fingerprint: "fp_emulator", ...(usage ? { usage: null } : {}), ...extra });
  // Azure opens with an event that has no choices, only the prompt's filter results, and an empty id.
  if (s.flavor == "azure") yield JSON.stringify({ choices: [], created: 0, id: "", model: "", object: "", prompt_filter_results: PROMPT_FILTERS });
  if (s.chat) yield chunk([{ index: 0, delta: { role: "assistant", content: "", refusal: null }, finish_reason: null, logprobs: null }]);
  for (const token of tokens) yield chunk([choice(s, token, null, true)]);
  yield chunk([choice(s, undefined, finish, true)]);
  if (usage) {
    const prompt_tokens = promptTokens(body);
    yield chunk([], { usage: { prompt_tokens, completion_tokens: tokens.length, total_tokens: prompt_tokens + tokens.length } });
  }
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
