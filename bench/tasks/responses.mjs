// Issue 11: the Responses API. Contenders read one Responses stream (or make sequential `create` calls) against the
// bench's stream server, OpenAI (`/v1/responses`) or Azure's dated form (`/openai/responses?api-version=…`, the
// one form the openai SDK's AzureOpenAI builds):
//   floor                  fetch + TextDecoder + indexOf("\n\n") + JSON.parse, ends at `response.completed`
//   switch                 openai-switch `client.responses.stream(request)` (when this build has it)
//   switch-collect         openai-switch `collectResponse(client.responses.stream(request), onEvent)` (idem)
//   openai-stream          the openai SDK's `responses.stream(request)` (it also accumulates the final response)
//   openai-create-stream   the openai SDK's `responses.create({ ...request, stream: true })`
// and for `create`: floor (fetch + res.json() + output_text, as the SDKs compute it), switch, openai.
import { KEYS } from "../clients.mjs";
import { readFloor } from "../lib/floor.mjs";
import { missing } from "../lib/harness.mjs";
import { library, measure } from "../lib/measure.mjs";
import { RESPONSE_FRAME_EVENTS, textLength } from "../lib/streams-app.mjs";

export const RESPONSES_API_VERSION = "2025-04-01-preview";
const MODEL = "gpt-4.1";
const INPUT = "Write a long story.";

const rawTarget = (provider, base) =>
  provider == "openai"
    ? { url: `${base}/v1/responses`, headers: { "content-type": "application/json", authorization: "Bearer " + KEYS.openai } }
    : { url: `${base}/openai/responses?api-version=${RESPONSES_API_VERSION}`, headers: { "content-type": "application/json", "api-key": KEYS.azure } };

const post = async ({ url, headers }, body) => {
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return res;
};

/** `output_text` as the official SDK computes it: every output_text part of every message item. */
const outputText = (response) => {
  let text = "";
  for (const item of response.output ?? []) {
    if (item.type != "message") continue;
    for (const part of item.content ?? []) if (part.type == "output_text") text += part.text;
  }
  return text;
};

async function switchClient(provider, base) {
  const lib = await library();
  const client =
    provider == "openai"
      ? lib.createClient({ provider: "openai", apiKey: KEYS.openai, baseURL: base + "/v1" })
      : lib.createClient({ provider: "azure", endpoint: base, apiVersion: RESPONSES_API_VERSION, apiKey: KEYS.azure });
  return { lib, client };
}

async function openaiClient(provider, base) {
  const { OpenAI, AzureOpenAI } = await import("openai");
  return provider == "openai"
    ? new OpenAI({ apiKey: KEYS.openai, baseURL: base + "/v1" })
    : new AzureOpenAI({ endpoint: base, apiKey: KEYS.azure, apiVersion: RESPONSES_API_VERSION });
}

/** Reads one stream of `deltas` text deltas; resolves to { seen, chars } (events yielded, characters of deltas). */
async function streamReader(name, provider, base) {
  const request = (deltas) => ({ model: MODEL, input: INPUT, max_output_tokens: deltas });
  const count = async (events) => {
    let seen = 0;
    let chars = 0;
    for await (const event of events) {
      if (event.type == "response.output_text.delta") chars += event.delta.length;
      seen++;
    }
    return { seen, chars };
  };
  switch (name) {
    case "floor":
      return async (deltas) => {
        const res = await post(rawTarget(provider, base), { ...request(deltas), stream: true });
        let seen = 0;
        let chars = 0;
        await readFloor(res, (data) => {
          const event = JSON.parse(data);
          seen++;
          if (event.type == "response.output_text.delta") chars += event.delta.length;
          return event.type == "response.completed";
        });
        return { seen, chars };
      };
    case "switch": {
      const { client } = await switchClient(provider, base);
      if (typeof client.responses?.stream != "function") return missing("client.responses.stream");
      return (deltas) => count(client.responses.stream(request(deltas)));
    }
    case "switch-collect": {
      const { lib, client } = await switchClient(provider, base);
      if (typeof client.responses?.stream != "function") return missing("client.responses.stream");
      if (typeof lib.collectResponse != "function") return missing("collectResponse");
      return async (deltas) => {
        let seen = 0;
        const response = await lib.collectResponse(client.responses.stream(request(deltas)), () => seen++);
        return { seen, chars: response?.output_text?.length ?? 0 };
      };
    }
    case "openai-stream": {
      const client = await openaiClient(provider, base);
      return (deltas) => count(client.responses.stream(request(deltas)));
    }
    case "openai-create-stream": {
      const client = await openaiClient(provider, base);
      return async (deltas) => count(await client.responses.create({ ...request(deltas), stream: true }));
    }
  }
  throw new Error("unknown contender " + name);
}

/** One Responses stream of `events` events (after a small one): client CPU per event. */
export async function responsesStream({ client, provider, url, events, warmupEvents }) {
  const read = await streamReader(client, provider, url);
  if (read.na) return read;
  await read(warmupEvents - RESPONSE_FRAME_EVENTS);
  const deltas = events - RESPONSE_FRAME_EVENTS;
  const m = await measure(() => read(deltas));
  if (m.value.chars != textLength(deltas)) throw new Error(`${client} read ${m.value.chars} characters, expected ${textLength(deltas)}`);
  return { events, seen: m.value.seen, cpuUsPerEvent: m.cpuUs / events, eventsPerSec: (events / m.wallMs) * 1000, cpuMs: m.cpuUs / 1000, wallMs: m.wallMs };
}

/** `calls` sequential non-streamed `create` calls (after `warmup`): client CPU per request. */
export async function responsesCreate({ client: name, provider, url, calls, warmup }) {
  let create;
  if (name == "floor") {
    const target = rawTarget(provider, url);
    create = async () => {
      const response = await (await post(target, { model: MODEL, input: INPUT })).json();
      response.output_text = outputText(response);
      return response;
    };
  } else if (name == "switch") {
    const { client } = await switchClient(provider, url);
    if (typeof client.responses?.create != "function") return missing("client.responses.create");
    create = () => client.responses.create({ model: MODEL, input: INPUT });
  } else if (name == "openai") {
    const client = await openaiClient(provider, url);
    create = () => client.responses.create({ model: MODEL, input: INPUT });
  } else throw new Error("unknown contender " + name);
  const first = await create();
  if (!first.output_text || first.status != "completed") throw new Error(`${name}: no output_text: ${JSON.stringify(first).slice(0, 200)}`);
  for (let i = 1; i < warmup; i++) await create();
  const m = await measure(async () => {
    for (let i = 0; i < calls; i++) await create();
  });
  return { calls, cpuUsPerCall: m.cpuUs / calls, callsPerSec: (calls / m.wallMs) * 1000, wallMs: m.wallMs };
}
