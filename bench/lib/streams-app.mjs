// The bench's stream server: chat streams of OpenAI's and Azure's shapes, one huge chat event, and the Responses
// API (stream and not) on its three route forms. Written for the bench rather than taken from the emulator, so
// that the figures do not move when the emulator does, and cheap: each stream's bytes are built once and replayed.
//
// Routes (POST):
//   /v1/chat/completions, /openai/deployments/{d}/chat/completions, /openai/v1/chat/completions
//       `stream: true`: `max_tokens` content chunks (default 20), written 64 events per write, as the emulator does
//   /big/{bytes}/v1/chat/completions, /big/{bytes}/openai/deployments/{d}/chat/completions
//       one chat chunk whose content is `bytes` long, then the finish chunk and [DONE], written 64 KiB at a time
//   /v1/responses, /openai/v1/responses, /openai/responses?api-version=2025-03-01-preview or later
//       `stream: true`: the events of one message whose text has `max_output_tokens` deltas (default 20); else the
//       response object. Older dated versions get the service's 400.
import { once } from "node:events";

const WORDS = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"];
const EVENTS_PER_WRITE = 64;
const BIG_WRITE_BYTES = 64 * 1024;
const RESPONSES_MIN_VERSION = "2025-03-01-preview";
const SAFE = { filtered: false, severity: "safe" };
const PASSED_FILTERS = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };
const PROMPT_FILTERS = [{ prompt_index: 0, content_filter_results: { ...PASSED_FILTERS, jailbreak: { filtered: false, detected: false } } }];

const token = (i) => (i ? " " : "") + WORDS[i % WORDS.length];

/** The characters of text in `tokens` content chunks (or Responses deltas): what every contender must read. */
export function textLength(tokens) {
  let length = 0;
  for (let i = 0; i < tokens; i++) length += token(i).length;
  return length;
}

// ---------------------------------------------------------------------------------------------------------------
// Chat completions chunks, as the emulator (and the services) send them.

function chatPayloads(flavor, tokens) {
  const head = { id: "chatcmpl-bench1", object: "chat.completion.chunk", created: 1_700_000_000, model: "gpt-4o-2024-08-06" };
  const chunk = (choice) => JSON.stringify({ ...head, choices: [choice], system_fingerprint: "fp_bench" });
  const filters = flavor == "azure" ? { content_filter_results: PASSED_FILTERS } : {};
  const payloads = [];
  // Azure opens with an event that has no choices, only the prompt's filter results, and an empty id.
  if (flavor == "azure") payloads.push(JSON.stringify({ choices: [], created: 0, id: "", model: "", object: "", prompt_filter_results: PROMPT_FILTERS }));
  payloads.push(chunk({ index: 0, delta: { role: "assistant", content: "", refusal: null }, finish_reason: null, logprobs: null }));
  for (let i = 0; i < tokens; i++) payloads.push(chunk({ index: 0, delta: { content: token(i) }, finish_reason: null, logprobs: null, ...filters }));
  payloads.push(chunk({ index: 0, delta: {}, finish_reason: "stop", logprobs: null }));
  payloads.push("[DONE]");
  return payloads;
}

/** Events grouped `perWrite` to a write, as bytes. */
function writes(events, perWrite = EVENTS_PER_WRITE) {
  const out = [];
  for (let i = 0; i < events.length; i += perWrite) out.push(Buffer.from(events.slice(i, i + perWrite).join("")));
  return out;
}

function bigEvent(bytes) {
  const words = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    words.push(token(i));
    length += words[words.length - 1].length;
  }
  const content = words.join("").slice(0, bytes);
  const head = { id: "chatcmpl-bench-big", object: "chat.completion.chunk", created: 1_700_000_000, model: "gpt-4o-2024-08-06" };
  const text =
    "data: " + JSON.stringify({ ...head, choices: [{ index: 0, delta: { role: "assistant", content }, finish_reason: null, logprobs: null }] }) + "\n\n" +
    "data: " + JSON.stringify({ ...head, choices: [{ index: 0, delta: {}, finish_reason: "stop", logprobs: null }] }) + "\n\n" +
    "data: [DONE]\n\n";
  const all = Buffer.from(text);
  const out = [];
  for (let i = 0; i < all.length; i += BIG_WRITE_BYTES) out.push(all.subarray(i, i + BIG_WRITE_BYTES));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The Responses API: the object, and the events of one streamed message, as recorded from both services (Azure's
// terminal response carries `content_filters`).

const MESSAGE_ID = "msg_bench0001";

function responseObject(flavor, status, text, tokens) {
  const completed = status == "completed";
  const object = {
    id: "resp_bench0001",
    object: "response",
    created_at: 1_700_000_000,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    model: "gpt-4.1-2025-04-14",
    output: completed ? [messageItem("completed", text)] : [],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: "default",
    store: true,
    temperature: 1,
    text: { format: { type: "text" } },
    tool_choice: "auto",
    tools: [],
    top_p: 1,
    truncation: "disabled",
    usage: completed ? { input_tokens: 12, input_tokens_details: { cached_tokens: 0 }, output_tokens: tokens, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 12 + tokens } : null,
    user: null,
    metadata: {},
  };
  if (flavor == "azure") {
    object.content_filters = completed
      ? [
          { blocked: false, source_type: "prompt", content_filter_results: PASSED_FILTERS, content_filter_offsets: { start_offset: 0, end_offset: 12, check_offset: 0 } },
          { blocked: false, source_type: "completion", content_filter_results: PASSED_FILTERS, content_filter_offsets: { start_offset: 0, end_offset: text.length, check_offset: 0 } },
        ]
      : null;
  }
  if (completed) object.completed_at = 1_700_000_001;
  return object;
}

const messageItem = (status, text) => ({
  id: MESSAGE_ID,
  type: "message",
  status,
  role: "assistant",
  content: status == "completed" ? [{ type: "output_text", annotations: [], logprobs: [], text }] : [],
});

/** `obfuscation`: the services pad each delta with random characters so that its size says nothing. */
const padding = (i) => "abcdefghijklmnopqrstuvwxyz0123456789".slice(i % 20, (i % 20) + 10 - (i % 7));

function responseEvents(flavor, deltas) {
  const parts = Array.from({ length: deltas }, (_, i) => token(i));
  const text = parts.join("");
  const events = [];
  const push = (type, fields) => events.push({ type, sequence_number: events.length, ...fields });
  push("response.created", { response: responseObject(flavor, "in_progress", "", 0) });
  push("response.in_progress", { response: responseObject(flavor, "in_progress", "", 0) });
  push("response.output_item.added", { output_index: 0, item: messageItem("in_progress", "") });
  const where = { item_id: MESSAGE_ID, output_index: 0, content_index: 0 };
  push("response.content_part.added", { ...where, part: { type: "output_text", annotations: [], logprobs: [], text: "" } });
  for (let i = 0; i < deltas; i++) push("response.output_text.delta", { ...where, delta: parts[i], logprobs: [], obfuscation: padding(i) });
  push("response.output_text.done", { ...where, text, logprobs: [] });
  push("response.content_part.done", { ...where, part: { type: "output_text", annotations: [], logprobs: [], text } });
  push("response.output_item.done", { output_index: 0, item: messageItem("completed", text) });
  push("response.completed", { response: responseObject(flavor, "completed", text, deltas) });
  return events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
}

/** Events besides the deltas in one Responses stream (created … completed). */
export const RESPONSE_FRAME_EVENTS = 8;

// ---------------------------------------------------------------------------------------------------------------
// The handler.

const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

async function replay(res, pieces, headers) {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", ...headers });
  let closed = false;
  // One promise for the close, raced with each drain: a `once(res, "close")` per full buffer would leave one
  // listener behind each time (Node's MaxListenersExceededWarning after ten).
  const closing = new Promise((resolve) => {
    res.once("close", () => {
      closed = true;
      resolve();
    });
  });
  for (const piece of pieces) {
    if (closed) return;
    if (!res.write(piece)) await Promise.race([once(res, "drain"), closing]);
  }
  res.end();
}

const readBody = async (req) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
};

const headersOf = (flavor) =>
  flavor == "azure"
    ? { "apim-request-id": "00000000-0000-4000-8000-000000000001", "x-request-id": "00000000-0000-4000-9000-000000000001", "x-ms-region": "East US" }
    : { "x-request-id": "req_bench0001", "openai-processing-ms": "1", "openai-version": "2020-10-01" };

/** A node:http handler `(req, res, url)`; server.mjs counts its requests. */
export function streamsApp() {
  const memo = new Map();
  const cached = (key, build) => {
    if (!memo.has(key)) memo.set(key, build());
    return memo.get(key);
  };

  return async (req, res, url) => {
    const path = url.pathname;
    const flavorOf = (p) => (p.startsWith("/openai/") ? "azure" : "openai");
    let m = /^\/big\/(\d+)(\/.*)\/chat\/completions$/.exec(path);
    if (m) {
      await readBody(req);
      return replay(res, cached("big:" + m[1], () => bigEvent(+m[1])), headersOf(flavorOf(m[2])));
    }
    if (/^\/(v1|openai\/v1|openai\/deployments\/[^/]+)\/chat\/completions$/.test(path)) {
      const flavor = flavorOf(path);
      const body = await readBody(req);
      const tokens = body.max_completion_tokens ?? body.max_tokens ?? 20;
      if (!body.stream) {
        const content = Array.from({ length: tokens }, (_, i) => token(i)).join("");
        return json(res, 200, { id: "chatcmpl-bench1", object: "chat.completion", created: 1_700_000_000, model: "gpt-4o-2024-08-06", choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }], usage: { prompt_tokens: 9, completion_tokens: tokens, total_tokens: 9 + tokens } }, headersOf(flavor));
      }
      return replay(res, cached(`chat:${flavor}:${tokens}`, () => writes(chatPayloads(flavor, tokens).map((p) => `data: ${p}\n\n`))), headersOf(flavor));
    }
    if (path == "/v1/responses" || path == "/openai/v1/responses" || path == "/openai/responses") {
      const flavor = flavorOf(path);
      const body = await readBody(req);
      if (path == "/openai/responses") {
        const version = url.searchParams.get("api-version") ?? "";
        if (version < RESPONSES_MIN_VERSION) {
          return json(res, 400, { error: { code: "BadRequest", message: `Azure OpenAI Responses API is enabled only for api-version ${RESPONSES_MIN_VERSION} and later` } }, headersOf(flavor));
        }
      }
      const deltas = body.max_output_tokens ?? 20;
      if (!body.stream) {
        const text = Array.from({ length: deltas }, (_, i) => token(i)).join("");
        return json(res, 200, responseObject(flavor, "completed", text, deltas), headersOf(flavor));
      }
      return replay(res, cached(`responses:${flavor}:${deltas}`, () => writes(responseEvents(flavor, deltas))), headersOf(flavor));
    }
    json(res, 404, { error: { code: "404", message: "Resource not found" } });
  };
}
