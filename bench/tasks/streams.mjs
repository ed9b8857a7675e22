// Issue 13: chat streams. Each contender reads one stream from the bench's stream server and counts what it saw:
//   floor            fetch + TextDecoder + indexOf("\n\n") scanning + JSON.parse (lib/floor.mjs)
//   switch           openai-switch `client.chatStream(request)`
//   switch-collect   openai-switch `collectChat(client.chatStream(request), onChunk)` (when this build has it)
//   switch-parseSSE  fetch + openai-switch `parseSSE(response.body)` + JSON.parse of each event's data
//   openai           the openai SDK: `chat.completions.create({ stream: true })` (OpenAI / AzureOpenAI)
//   ai               the AI SDK: `streamText(...).textStream` (@ai-sdk/openai / @ai-sdk/azure)
import { API_VERSION, CHAT_MODEL, KEYS } from "../clients.mjs";
import { readFloor } from "../lib/floor.mjs";
import { missing } from "../lib/harness.mjs";
import { library, measure } from "../lib/measure.mjs";
import { textLength } from "../lib/streams-app.mjs";

const MESSAGES = [{ role: "user", content: "Hi" }];

const rawTarget = (provider, base) =>
  provider == "openai"
    ? { url: `${base}/v1/chat/completions`, headers: { "content-type": "application/json", authorization: "Bearer " + KEYS.openai } }
    : { url: `${base}/openai/deployments/${CHAT_MODEL}/chat/completions?api-version=${API_VERSION}`, headers: { "content-type": "application/json", "api-key": KEYS.azure } };

const post = async ({ url, headers }, body) => {
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return res;
};

const contentOf = (chunk) => chunk?.choices?.[0]?.delta?.content ?? "";

/**
 * A function that reads one chat stream of `tokens` content chunks and resolves to { seen, chars } (items the
 * contender yielded, characters of content), or { na } when this build of the library lacks the feature.
 * `base` is the server URL (the big-event scenario adds its own prefix).
 */
export async function streamReader(name, provider, base) {
  const request = (tokens) => ({ model: CHAT_MODEL, messages: MESSAGES, max_tokens: tokens });
  const lib = name.startsWith("switch") ? await library() : undefined;
  const switchClient = () =>
    provider == "openai"
      ? lib.createClient({ provider: "openai", apiKey: KEYS.openai, baseURL: base + "/v1" })
      : lib.createClient({ provider: "azure", endpoint: base, apiVersion: API_VERSION, apiKey: KEYS.azure });
  switch (name) {
    case "floor":
      return async (tokens) => {
        const res = await post(rawTarget(provider, base), { ...request(tokens), stream: true });
        let seen = 0;
        let chars = 0;
        await readFloor(res, (data) => {
          if (data == "[DONE]") return true;
          chars += contentOf(JSON.parse(data)).length;
          seen++;
          return false;
        });
        return { seen, chars };
      };
    case "switch": {
      const client = switchClient();
      return async (tokens) => {
        let seen = 0;
        let chars = 0;
        for await (const chunk of client.chatStream(request(tokens))) {
          chars += contentOf(chunk).length;
          seen++;
        }
        return { seen, chars };
      };
    }
    case "switch-collect": {
      if (typeof lib.collectChat != "function") return missing("collectChat");
      const client = switchClient();
      return async (tokens) => {
        let seen = 0;
        const completion = await lib.collectChat(client.chatStream(request(tokens)), () => seen++);
        return { seen, chars: completion?.choices?.[0]?.message?.content?.length ?? 0 };
      };
    }
    case "switch-parseSSE":
      return async (tokens) => {
        const res = await post(rawTarget(provider, base), { ...request(tokens), stream: true });
        let seen = 0;
        let chars = 0;
        for await (const event of lib.parseSSE(res.body)) {
          if (event.data == "[DONE]") break;
          chars += contentOf(JSON.parse(event.data)).length;
          seen++;
        }
        return { seen, chars };
      };
    case "openai": {
      const { OpenAI, AzureOpenAI } = await import("openai");
      const client =
        provider == "openai"
          ? new OpenAI({ apiKey: KEYS.openai, baseURL: base + "/v1" })
          : new AzureOpenAI({ endpoint: base, apiKey: KEYS.azure, apiVersion: API_VERSION });
      return async (tokens) => {
        let seen = 0;
        let chars = 0;
        for await (const chunk of await client.chat.completions.create({ ...request(tokens), stream: true })) {
          chars += contentOf(chunk).length;
          seen++;
        }
        return { seen, chars };
      };
    }
    case "ai": {
      globalThis.AI_SDK_LOG_WARNINGS = false;
      const { streamText } = await import("ai");
      let model;
      if (provider == "openai") {
        const { createOpenAI } = await import("@ai-sdk/openai");
        model = createOpenAI({ apiKey: KEYS.openai, baseURL: base + "/v1" }).chat(CHAT_MODEL);
      } else {
        const { createAzure } = await import("@ai-sdk/azure");
        model = createAzure({ apiKey: KEYS.azure, baseURL: base + "/openai", apiVersion: API_VERSION, useDeploymentBasedUrls: true }).chat(CHAT_MODEL);
      }
      return async (tokens) => {
        let seen = 0;
        let chars = 0;
        let failure;
        // textStream, as users read it; the SDK reports a failed stream to onError, not to the reader.
        const result = streamText({ model, messages: MESSAGES, maxOutputTokens: tokens, onError: ({ error }) => (failure = error) });
        for await (const text of result.textStream) {
          chars += text.length;
          seen++;
        }
        if (failure) throw failure;
        return { seen, chars };
      };
    }
  }
  throw new Error("unknown contender " + name);
}

/** Chunks the server sends for `tokens` content chunks: the role chunk and the finish chunk, and Azure's filter chunk. */
const chunksSent = (provider, tokens) => tokens + (provider == "azure" ? 3 : 2);

/** One chat stream of `tokens` content chunks, after a `warmupTokens` one: client CPU per chunk the server sent. */
export async function chatStream({ client, provider, url, tokens, warmupTokens }) {
  const read = await streamReader(client, provider, url);
  if (read.na) return read;
  await read(warmupTokens);
  const m = await measure(() => read(tokens));
  const { chars } = m.value;
  const expectedChars = textLength(tokens);
  if (chars != expectedChars) throw new Error(`${client} read ${chars} characters of content, expected ${expectedChars}`);
  const chunks = chunksSent(provider, tokens);
  return { tokens, chunks, seen: m.value.seen, cpuUsPerChunk: m.cpuUs / chunks, chunksPerSec: (chunks / m.wallMs) * 1000, cpuMs: m.cpuUs / 1000, wallMs: m.wallMs };
}

/** One chat chunk whose content is `bytes` long (after a 64 KiB warm-up): client CPU and wall time for the stream. */
export async function bigEvent({ client, url, bytes }) {
  const warm = await streamReader(client, "openai", `${url}/big/65536`);
  if (warm.na) return warm;
  await warm(1);
  const read = await streamReader(client, "openai", `${url}/big/${bytes}`);
  const m = await measure(() => read(1));
  if (m.value.chars != bytes) throw new Error(`${client} read ${m.value.chars} characters of content, expected ${bytes}`);
  return { bytes, cpuMs: m.cpuUs / 1000, wallMs: m.wallMs };
}
