// The figures of the previous round (chat, one embeddings call, embedMany on Azure's input limits, memory of
// 100 000 Float32Array vectors), each client behind the same operations (clients.mjs), against the emulator.
import { makeClient } from "../clients.mjs";
import { benchEndpoint } from "../lib/harness.mjs";
import { failureText, measure, peakRssMB } from "../lib/measure.mjs";

const texts = (n, tag = "") => Array.from({ length: n }, (_, i) => `benchmark input ${tag}${i}: the quick brown fox`);

export async function chat({ client: name, provider, url, calls, warmup }) {
  const client = await makeClient(name, provider, url);
  const first = await client.chat();
  const text = first.choices?.[0]?.message?.content ?? first.text;
  if (!text) throw new Error("no reply text: " + JSON.stringify(first).slice(0, 200));
  for (let i = 1; i < warmup; i++) await client.chat();
  const m = await measure(async () => {
    for (let i = 0; i < calls; i++) await client.chat();
  });
  return { calls, cpuUsPerCall: m.cpuUs / calls, callsPerSec: (calls / m.wallMs) * 1000, wallMs: m.wallMs };
}

export async function embed({ client: name, provider, url, inputs, format, dimensions }) {
  const client = await makeClient(name, provider, url);
  for (let i = 0; i < 2; i++) await client.embed(texts(64, "warm" + i), format);
  const m = await measure(() => client.embed(texts(inputs), format));
  const vectors = m.value;
  if (vectors.length != inputs || vectors[0].length != dimensions) throw new Error(`got ${vectors.length} × ${vectors[0]?.length}`);
  const type = vectors[0] instanceof Float32Array ? "Float32Array" : Array.isArray(vectors[0]) ? "number[]" : typeof vectors[0];
  return { inputs, dimensions, outputType: type, cpuMs: m.cpuUs / 1000, wallMs: m.wallMs };
}

export async function embedMany({ client: name, provider, url, inputs, deployment, concurrency }) {
  const client = await makeClient(name, provider, url);
  await benchEndpoint(url, "reset", "POST");
  let ok = true;
  let failure; // the client's own failure (expected on limited deployments), not a harness error
  const m = await measure(() =>
    client.embedMany(texts(inputs), deployment, concurrency).catch((e) => {
      ok = false;
      failure = failureText(e);
    }),
  );
  if (ok && m.value.count != inputs) throw new Error(`got ${m.value.count} embeddings for ${inputs} inputs`);
  const stats = await benchEndpoint(url, "stats");
  return { ok, failure, calls: stats.requests, maxInFlight: stats.maxInFlight, wallMs: m.wallMs, cpuMs: m.cpuUs / 1000 };
}

export async function memory({ client: name, provider, url, inputs, concurrency, dimensions }) {
  const client = await makeClient(name, provider, url);
  const input = texts(inputs);
  const startRssMB = process.memoryUsage().rss / 1e6;
  const m = await measure(() => client.embedManyFloat32(input, concurrency));
  const { embeddings } = m.value;
  const last = embeddings[inputs - 1];
  if (embeddings.length != inputs || !(last instanceof Float32Array) || last.length != dimensions) throw new Error("wrong result");
  const vectorsMB = (inputs * dimensions * 4) / 1e6;
  return { inputs, concurrency, vectorsMB, peakRssMB: peakRssMB(), startRssMB, wallMs: m.wallMs, cpuMs: m.cpuUs / 1000 };
}
