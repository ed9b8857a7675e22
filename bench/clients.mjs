// The contenders, each behind the same five operations, for one provider ("openai" | "azure") and one server URL:
//   chat()                      one chat completion
//   embed(inputs, format)       one embeddings call; vectors as number[] ("number") or Float32Array ("float32")
//   embedMany(inputs, deployment, concurrency)  -> { count } however the client batches (or does not)
// "raw" is the floor: the least any fetch client can do, written by hand (for embedMany: told each deployment's
// input limit beforehand, which no real client is). The stream, Responses, signal and corpus scenarios have their
// own contenders, in tasks/.

import { library } from "./lib/measure.mjs";

export const CLIENTS = ["raw", "switch", "openai", "ai"];
export const KEYS = { openai: "sk-bench", azure: "bench-azure-key" };
export const API_VERSION = "2024-10-21";
/** Azure deployments the bench server defines (the chat one, and embeddings with input limits). */
export const DEPLOYMENTS = { "gpt-4o": {}, "text-embedding-3-small": {}, d1: { maxInputs: 1 }, d16: { maxInputs: 16 }, d2048: {} };
const LIMITS = { d1: 1, d16: 16 };
export const CHAT_MODEL = "gpt-4o";
export const EMBED_MODEL = "text-embedding-3-small";
const MESSAGES = [{ role: "user", content: "Hi" }];

export async function makeClient(name, provider, base) {
  switch (name) {
    case "raw":
      return raw(provider, base);
    case "switch":
      return openaiSwitch(provider, base);
    case "openai":
      return openaiSdk(provider, base);
    case "ai":
      return aiSdk(provider, base);
  }
  throw new Error("unknown client " + name);
}

// ---------------------------------------------------------------------------------------------------------------
// raw fetch: hand-built URL, headers and JSON; res.json(); base64 → Float32Array with Buffer.

function raw(provider, base) {
  const url = (op, deployment) =>
    provider == "openai" ? `${base}/v1/${op}` : `${base}/openai/deployments/${deployment}/${op}?api-version=${API_VERSION}`;
  const headers =
    provider == "openai"
      ? { "content-type": "application/json", authorization: "Bearer " + KEYS.openai }
      : { "content-type": "application/json", "api-key": KEYS.azure };
  const chatUrl = url("chat/completions", CHAT_MODEL);
  const post = async (u, body) => {
    const res = await fetch(u, { method: "POST", headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
    return res;
  };
  const f32 = (b64) => {
    const b = Buffer.from(b64, "base64");
    return b.byteOffset % 4 ? new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)) : new Float32Array(b.buffer, b.byteOffset, b.length >> 2);
  };
  const embed = async (input, format, deployment = "d2048") => {
    const res = await post(url("embeddings", deployment), { model: EMBED_MODEL, input, encoding_format: "base64" });
    const { data } = await res.json();
    const out = new Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = format == "float32" ? f32(data[i].embedding) : Array.from(f32(data[i].embedding));
    return out;
  };
  return {
    chat: async () => (await post(chatUrl, { model: CHAT_MODEL, messages: MESSAGES })).json(),
    embed,
    /**
     * The wall-time floor of embedMany: told the deployment's input limit in advance (no probe), calls of that
     * size, `concurrency` in flight. No other client knows the limit; this is what a perfect one would cost.
     */
    async embedMany(input, deployment, concurrency) {
      const { embeddings, calls } = await batches(input, LIMITS[deployment] ?? 2048, concurrency, "number", deployment);
      return { count: embeddings.length, calls };
    },
    /** The memory floor: calls of 2048 inputs, `concurrency` in flight, each vector a Float32Array. */
    embedManyFloat32: (input, concurrency) => batches(input, 2048, concurrency, "float32", "d2048"),
  };
  async function batches(input, size, concurrency, format, deployment) {
    const embeddings = new Array(input.length);
    let next = 0;
    let calls = 0;
    const worker = async () => {
      while (next < input.length) {
        const start = next;
        next = Math.min(input.length, start + size);
        calls++;
        const vectors = await embed(input.slice(start, next), format, deployment);
        for (let i = 0; i < vectors.length; i++) embeddings[start + i] = vectors[i];
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { embeddings, calls };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// openai-switch, from the built bundle.

async function openaiSwitch(provider, base) {
  const { createClient } = await library();
  const client =
    provider == "openai"
      ? createClient({ provider: "openai", apiKey: KEYS.openai, baseURL: base + "/v1" })
      : createClient({ provider: "azure", endpoint: base, apiVersion: API_VERSION, apiKey: KEYS.azure });
  const model = (deployment) => (provider == "openai" ? EMBED_MODEL : deployment);
  return {
    chat: () => client.chat({ model: CHAT_MODEL, messages: MESSAGES }),
    async embed(input, format, deployment = "d2048") {
      if (format == "float32") return (await client.embedMany({ model: model(deployment), input, format: "float32" })).embeddings;
      return (await client.embed({ model: model(deployment), input })).data.map((d) => d.embedding);
    },
    async embedMany(input, deployment, concurrency) {
      const result = await client.embedMany({ model: model(deployment), input, concurrency });
      return { count: result.embeddings.length, calls: result.requests };
    },
    /** For the memory figure: everything as Float32Array, `concurrency` calls in flight. */
    embedManyFloat32: (input, concurrency) => client.embedMany({ model: model("d2048"), input, format: "float32", concurrency }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The official openai SDK: OpenAI and AzureOpenAI. No float32 option (its default decodes base64 into number[]);
// no batching: one embeddings call whatever the input count.

async function openaiSdk(provider, base) {
  const { OpenAI, AzureOpenAI } = await import("openai");
  const client =
    provider == "openai"
      ? new OpenAI({ apiKey: KEYS.openai, baseURL: base + "/v1" })
      : new AzureOpenAI({ endpoint: base, apiKey: KEYS.azure, apiVersion: API_VERSION });
  const model = (deployment) => (provider == "openai" ? EMBED_MODEL : deployment);
  return {
    chat: () => client.chat.completions.create({ model: CHAT_MODEL, messages: MESSAGES }),
    async embed(input, _format, deployment = "d2048") {
      return (await client.embeddings.create({ model: model(deployment), input })).data.map((d) => d.embedding);
    },
    async embedMany(input, deployment) {
      const response = await client.embeddings.create({ model: model(deployment), input });
      return { count: response.data.length, calls: 1 };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The Vercel AI SDK: generateText / embedMany with @ai-sdk/openai or @ai-sdk/azure (chat-completions
// models, deployment-based Azure URLs). No float32 option: its embeddings come as number[] (floats on the wire).

async function aiSdk(provider, base) {
  globalThis.AI_SDK_LOG_WARNINGS = false;
  const { generateText, embedMany } = await import("ai");
  let p;
  if (provider == "openai") {
    const { createOpenAI } = await import("@ai-sdk/openai");
    p = createOpenAI({ apiKey: KEYS.openai, baseURL: base + "/v1" });
  } else {
    const { createAzure } = await import("@ai-sdk/azure");
    p = createAzure({ apiKey: KEYS.azure, baseURL: base + "/openai", apiVersion: API_VERSION, useDeploymentBasedUrls: true });
  }
  const chatModel = p.chat(CHAT_MODEL);
  const embeddingModel = (deployment) => p.embedding(provider == "openai" ? EMBED_MODEL : deployment);
  return {
    chat: () => generateText({ model: chatModel, messages: MESSAGES }),
    async embed(input, _format, deployment = "d2048") {
      return (await embedMany({ model: embeddingModel(deployment), values: input })).embeddings;
    },
    async embedMany(input, deployment, concurrency) {
      const result = await embedMany({ model: embeddingModel(deployment), values: input, maxParallelCalls: concurrency });
      return { count: result.embeddings.length, calls: result.responses?.length };
    },
  };
}
