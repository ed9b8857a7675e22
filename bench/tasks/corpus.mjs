// Issue 14: embedMany at corpus scale, against the bench's corpus server (lib/corpus-app.mjs), whose vectors carry
// their input's number in element 0 so that every contender's result is checked: each vector belongs to its input.
//   corpus-cap   (a) OpenAI with the 300 000-token cap: inputs of ~800 characters (~200 tokens)
//   corpus-rate  (b) an Azure deployment limited to 16 inputs per call and a request rate
//   corpus-rss   (c) 200 000 × 1536 float32 delivered to `onBatch` with `keep: false`: peak RSS
import { API_VERSION, KEYS } from "../clients.mjs";
import { benchEndpoint, missing } from "../lib/harness.mjs";
import { failureText, library, measure, peakRssMB } from "../lib/measure.mjs";

const EMBED_MODEL = "text-embedding-3-small";
const FILLER = "the quick brown fox jumps over the lazy dog while the corpus grows one paragraph at a time ";

/** Input i: "#i " then filler, `chars` ± 5% long (seeded, so every run and contender sends the same texts). */
export function corpusInputs(n, chars) {
  const inputs = new Array(n);
  let seed = 42;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const length = Math.round(chars * (0.95 + (seed / 2 ** 31) * 0.1));
    let text = `#${i} `;
    while (text.length < length) text += FILLER;
    inputs[i] = text.slice(0, length);
  }
  return inputs;
}

/** Throws unless vectors[k] belongs to input `start + k` for every k (and there are `count` of them). */
function checkVectors(vectors, start, count) {
  if (vectors.length != count) throw new Error(`got ${vectors.length} vectors for ${count} inputs`);
  for (let k = 0; k < count; k++) {
    if (vectors[k]?.[0] !== start + k) throw new Error(`vector ${start + k} belongs to input ${vectors[k]?.[0]}`);
  }
}

const f32 = (b64) => {
  const bytes = Buffer.from(b64, "base64");
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
};

/** A vector as `number[]`, what `embedMany` returns at its defaults (a plain loop: no iterator, no resizing). */
const toNumbers = (vector) => {
  const numbers = new Array(vector.length);
  for (let i = 0; i < vector.length; i++) numbers[i] = vector[i];
  return numbers;
};

/** The hand-written floor: batches of `batch`, `concurrency` in flight, base64 decoded; each batch to `sink`. */
async function rawBatches({ url, headers, input, batch, concurrency, sink }) {
  let next = 0;
  const worker = async () => {
    while (next < input.length) {
      const start = next;
      next = Math.min(input.length, start + batch);
      const res = await fetch(url, { method: "POST", headers, body: JSON.stringify({ model: EMBED_MODEL, input: input.slice(start, next), encoding_format: "base64" }) });
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
      const { data } = await res.json();
      sink(start, data.map((d) => f32(d.embedding)));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const openaiHeaders = { "content-type": "application/json", authorization: "Bearer " + KEYS.openai };

/** Runs `body` (which throws the contender's own failure) with the server's counters reset, then reads them. */
async function job(url, body) {
  await benchEndpoint(url, "reset", "POST");
  let failure;
  const m = await measure(() => body().catch((e) => (failure = failureText(e))));
  const server = await benchEndpoint(url, "stats");
  return { ok: !failure, failure, wallMs: m.wallMs, cpuMs: m.cpuUs / 1000, server, ...(typeof m.value == "object" ? m.value : {}) };
}

// ---------------------------------------------------------------------------------------------------------------

export async function corpusCap({ client: name, url, inputs, chars, cap, concurrency }) {
  const input = corpusInputs(inputs, chars);
  if (name == "switch") {
    const { createClient } = await library();
    const client = createClient({ provider: "openai", apiKey: KEYS.openai, baseURL: url + "/v1" });
    return job(url, async () => checkVectors((await client.embedMany({ model: EMBED_MODEL, input })).embeddings, 0, inputs));
  }
  if (name == "raw") {
    // Told the right batch size: as many inputs as fit under the cap, at the longest input's tokens. It returns
    // what openai-switch returns at its defaults, `number[]` vectors, so that the two differ only in batching.
    const batch = Math.floor(cap / Math.max(...input.map((t) => Math.ceil(t.length / 4))));
    const vectors = new Array(inputs);
    const sink = (start, batchVectors) => {
      for (let k = 0; k < batchVectors.length; k++) vectors[start + k] = toNumbers(batchVectors[k]);
    };
    return job(url, async () => {
      await rawBatches({ url: url + "/v1/embeddings", headers: openaiHeaders, input, batch, concurrency, sink });
      checkVectors(vectors, 0, inputs);
      return { batch, concurrency };
    });
  }
  if (name == "openai") {
    const { OpenAI } = await import("openai");
    const client = new OpenAI({ apiKey: KEYS.openai, baseURL: url + "/v1" });
    // A plain loop at the SDK's defaults, over batches of 2048 (the most inputs the API takes).
    return job(url, async () => {
      const vectors = [];
      for (let start = 0; start < inputs; start += 2048) {
        const { data } = await client.embeddings.create({ model: EMBED_MODEL, input: input.slice(start, start + 2048) });
        for (const d of data) vectors.push(d.embedding);
      }
      checkVectors(vectors, 0, inputs);
    });
  }
  if (name == "ai") {
    globalThis.AI_SDK_LOG_WARNINGS = false;
    const { embedMany } = await import("ai");
    const { createOpenAI } = await import("@ai-sdk/openai");
    const model = createOpenAI({ apiKey: KEYS.openai, baseURL: url + "/v1" }).embedding(EMBED_MODEL);
    return job(url, async () => {
      const result = await embedMany({ model, values: input });
      checkVectors(result.embeddings, 0, inputs);
      return { sdkCalls: result.responses?.length };
    });
  }
  throw new Error("unknown contender " + name);
}

/**
 * The rate-limit floor: a hand-written client told everything (16 inputs a call, `perWindow` calls a sliding
 * `windowMs`), sending each window's calls at once. The service counts a call when it arrives, at most one latency
 * before its answer, so the next window goes once the latest answer is a window old less that latency. With
 * `probe`, it first learns the 16 as a client that is not told must: from one refused call of 2048 inputs, which
 * the service counts like any other.
 */
async function burstFloor({ url, input, deployment, perWindow, windowMs, latencyMs, probe }) {
  const target = `${url}/openai/deployments/${deployment}/embeddings?api-version=${API_VERSION}`;
  const headers = { "content-type": "application/json", "api-key": KEYS.azure };
  const vectors = new Array(input.length);
  let slots = perWindow;
  if (probe) {
    const body = JSON.stringify({ input: input.slice(0, 2048), encoding_format: "base64" });
    const res = await fetch(target, { method: "POST", headers, body });
    await res.text();
    if (res.status != 400) throw new Error(`the probe got HTTP ${res.status}, not the 400 that names the limit`);
    slots = perWindow - 1;
  }
  let due = performance.now();
  for (let start = 0; start < input.length; ) {
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const calls = [];
    for (let k = 0; k < slots && start < input.length; k++, start += 16) {
      const from = start;
      const body = JSON.stringify({ input: input.slice(from, from + 16), encoding_format: "base64" });
      calls.push(fetch(target, { method: "POST", headers, body }).then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 100)}`);
        for (const d of (await res.json()).data) vectors[from + d.index] = f32(d.embedding);
        return performance.now();
      }));
    }
    const answeredAt = await Promise.all(calls);
    const latest = Math.max(...answeredAt);
    due = latest - latencyMs + windowMs;
    slots = perWindow;
  }
  return vectors;
}

export async function corpusRate({ client: name, url, inputs, chars, deployment, concurrency, perWindow, windowMs, latencyMs }) {
  const input = corpusInputs(inputs, chars);
  if (name == "burst" || name == "burst-probe") {
    const told = { url, input, deployment, perWindow, windowMs, latencyMs, probe: name == "burst-probe" };
    return job(url, async () => checkVectors(await burstFloor(told), 0, inputs));
  }
  if (name == "switch") {
    const { createClient } = await library();
    const client = createClient({ provider: "azure", endpoint: url, apiVersion: API_VERSION, apiKey: KEYS.azure });
    const request = concurrency ? { model: deployment, input, concurrency } : { model: deployment, input };
    return job(url, async () => checkVectors((await client.embedMany(request)).embeddings, 0, inputs));
  }
  if (name == "openai") {
    const { AzureOpenAI } = await import("openai");
    const client = new AzureOpenAI({ endpoint: url, apiKey: KEYS.azure, apiVersion: API_VERSION });
    // A plain loop told the deployment's limit (16 per call), one call at a time, the SDK's retries for 429s.
    return job(url, async () => {
      const vectors = [];
      for (let start = 0; start < inputs; start += 16) {
        const { data } = await client.embeddings.create({ model: deployment, input: input.slice(start, start + 16) });
        for (const d of data) vectors.push(d.embedding);
      }
      checkVectors(vectors, 0, inputs);
    });
  }
  if (name == "ai") {
    globalThis.AI_SDK_LOG_WARNINGS = false;
    const { embedMany } = await import("ai");
    const { createAzure } = await import("@ai-sdk/azure");
    const model = createAzure({ apiKey: KEYS.azure, baseURL: url + "/openai", apiVersion: API_VERSION, useDeploymentBasedUrls: true }).embedding(deployment);
    return job(url, async () => {
      const result = await embedMany({ model, values: input });
      checkVectors(result.embeddings, 0, inputs);
    });
  }
  throw new Error("unknown contender " + name);
}

export async function corpusRss({ client: name, url, inputs, chars, dimensions, concurrency }) {
  const input = corpusInputs(inputs, chars);
  let peakSampledMB = process.memoryUsage().rss / 1e6;
  const sampler = setInterval(() => (peakSampledMB = Math.max(peakSampledMB, process.memoryUsage().rss / 1e6)), 20);
  const startRssMB = process.memoryUsage().rss / 1e6;
  let delivered = 0;
  let batches = 0;
  // onBatch promises input order; the raw floor's concurrent calls finish in any order (it only counts).
  const sink = (start, vectors) => {
    if (name == "switch" && start != delivered) throw new Error(`batch at ${start} delivered after ${delivered} inputs`);
    checkVectors(vectors, start, vectors.length);
    if (!(vectors[0] instanceof Float32Array) || vectors[0].length != dimensions) throw new Error("not Float32Array × " + dimensions);
    delivered += vectors.length;
    batches++;
  };
  let result;
  try {
    if (name == "switch") {
      const { createClient } = await library();
      const client = createClient({ provider: "openai", apiKey: KEYS.openai, baseURL: url + "/v1" });
      result = await job(url, async () => {
        const { embeddings } = await client.embedMany({ model: EMBED_MODEL, input, format: "float32", keep: false, onBatch: async (vectors, start) => sink(start, vectors) });
        // A build without onBatch ignores it (and `keep`): every vector comes back at the end, held all at once.
        if (!batches) {
          sink(0, embeddings);
          return { onBatch: false, kept: embeddings.length };
        }
        if (delivered != inputs) throw new Error(`onBatch got ${delivered} of ${inputs} inputs`);
        return { onBatch: true, kept: embeddings?.length ?? 0 };
      });
    } else if (name == "raw") {
      result = await job(url, async () => {
        await rawBatches({ url: url + "/v1/embeddings", headers: openaiHeaders, input, batch: 2048, concurrency, sink });
        if (delivered != inputs) throw new Error(`delivered ${delivered} of ${inputs}`);
        return { concurrency };
      });
    } else throw new Error("unknown contender " + name);
  } finally {
    clearInterval(sampler);
  }
  return { ...result, inputs, vectorsMB: (inputs * dimensions * 4) / 1e6, batches, startRssMB, peakRssMB: Math.max(peakRssMB(), peakSampledMB), peakSampledMB };
}
