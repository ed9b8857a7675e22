// What the emulated model says: the test's `reply` function, or by default an echo of the prompt (and a call of
// the first function tool when tools are given and no tool result has come back yet).
import type { Flavor } from "./refusals.ts";
import type { RequestBody } from "./types.ts";

/** The request a `reply` function is asked to answer. */
export interface ReplyRequest {
  /** `"chat/completions"`, `"completions"` or `"responses"`. */
  operation: "chat/completions" | "completions" | "responses";
  provider: Flavor;
  /** The model the body names, or on Azure's dated routes the deployment in the path. */
  model: string;
  /** The Azure deployment (the path's, or the body's `model` on v1 and Responses routes); undefined on OpenAI. */
  deployment?: string;
  /** The text the request is about: the last user message, the prompt, or the Responses input's last user text. */
  prompt: string;
  stream: boolean;
  body: RequestBody;
}

/** A tool call the model makes. */
export interface ToolCallReply {
  name: string;
  /** An object is sent as its JSON. Default `{}`. */
  arguments?: string | Record<string, unknown>;
  /** Default: `call_emu…`, numbered. */
  id?: string;
}

/**
 * What the model answers: text, tool calls, or a refusal. `finishReason` overrides the one the emulator picks
 * (`"stop"`, `"tool_calls"`, `"length"` when `max_tokens` cuts the text).
 *
 * @example
 * ```ts
 * const reply: Reply = { toolCalls: [{ name: "lookup", arguments: { q: "x" } }] };
 * ```
 */
export type Reply = string | { text?: string; toolCalls?: ToolCallReply[]; refusal?: string; finishReason?: string };

/** A reply in one shape, with tool arguments as the JSON text the services send. */
export interface Said {
  text?: string;
  toolCalls: { id: string; name: string; arguments: string }[];
  refusal?: string;
  finishReason?: string;
}

type Json = Record<string, unknown>;

let calls = 0;

/** Normalizes what a `reply` function returned. */
export function said(reply: Reply): Said {
  if (typeof reply == "string") return { text: reply, toolCalls: [] };
  const toolCalls = (reply.toolCalls ?? []).map((call) => ({
    id: call.id ?? `call_emu${String(++calls).padStart(6, "0")}`,
    name: call.name,
    arguments: typeof call.arguments == "string" ? call.arguments : JSON.stringify(call.arguments ?? {}),
  }));
  return { text: reply.text, toolCalls, refusal: reply.refusal, finishReason: reply.finishReason };
}

/** The function tools of a chat or Responses request (`{type: "function", function: {name}}` or `{type, name}`). */
function functionTools(body: RequestBody): { name: string; parameters?: Json }[] {
  const tools = Array.isArray(body.tools) ? (body.tools as Json[]) : [];
  return tools
    .filter((tool) => tool?.type == "function")
    .map((tool) => (tool.function as Json | undefined) ?? tool)
    .filter((f): f is { name: string; parameters?: Json } => typeof f.name == "string");
}

/** Whether the conversation's last turn is a tool's result (the model then answers in words). */
function lastIsToolResult(body: RequestBody): boolean {
  const turns = Array.isArray(body.messages) ? body.messages : Array.isArray(body.input) ? body.input : [];
  const last = turns[turns.length - 1] as Json | undefined;
  return last?.role == "tool" || last?.type == "function_call_output";
}

/**
 * The default reply: "You said: <prompt>"; with function tools and no tool result yet, a call of the first
 * one whose string parameters all carry the prompt (so a test sees arguments that come in pieces).
 */
export function defaultReply(request: ReplyRequest): Said {
  const [tool] = functionTools(request.body);
  if (!tool || request.operation == "completions" || lastIsToolResult(request.body)) return { text: "You said: " + request.prompt, toolCalls: [] };
  const properties = (tool.parameters?.properties ?? {}) as Record<string, Json>;
  const args = Object.fromEntries(Object.entries(properties).filter(([, p]) => p?.type == "string").map(([name]) => [name, request.prompt]));
  return said({ toolCalls: [{ name: tool.name, arguments: args }] });
}

/** Splits a tool call's arguments into the pieces a stream sends them in. */
export function argumentPieces(text: string, size = 8): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces.length ? pieces : [""];
}
