// Measurements in a fresh process: `node worker.mjs '[{"task","client","provider","url",...}, ...]'` (the full
// bench gives one job per process; the smoke run several). Prints one `RESULT {json}` line per job, in order. CPU is this process's own (process.cpuUsage), wall is performance.now().
import { readFileSync } from "node:fs";
import { makeClient } from "./clients.mjs";

const jobs = JSON.parse(process.argv[2]);
let job;
let client;

const texts = (n, tag = "") => Array.from({ length: n }, (_, i) => `benchmark input ${tag}${i}: the quick brown fox`);

/** Runs `body` and returns its client CPU (µs) and wall (ms). */
async function measure(body) {
  if (globalThis.gc) globalThis.gc();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await body();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuUs: cpu.user + cpu.system };
}

const peakRssMB = () => {
  try {
    const kb = +/VmHWM:\s*(\d+)\s*kB/.exec(readFileSync("/proc/self/status", "utf8"))[1];
    return kb / 1024;
  } catch {
    return process.resourceUsage().maxRSS / 1024;
  }
};

const countChunks = async (iterable) => {
  let n = 0;
  for await (const _ of await iterable) n++;
  return n;
};

const server = (path, method = "GET") => fetch(job.url + "/__bench/" + path, { method }).then((r) => r.json());

const tasks = {
  async chat({ calls, warmup }) {
    const first = await client.chat();
    const text = first.choices?.[0]?.message?.content ?? first.text;
    if (!text) throw new Error("no reply text: " + JSON.stringify(first).slice(0, 200));
    for (let i = 1; i < warmup; i++) await client.chat();
    const m = await measure(async () => {
      for (let i = 0; i < calls; i++) await client.chat();
    });
    return { calls, cpuUsPerCall: m.cpuUs / calls, callsPerSec: (calls / m.wallMs) * 1000, wallMs: m.wallMs };
  },

  async stream({ tokens, warmupTokens }) {
    await countChunks(client.stream(warmupTokens));
    const m = await measure(() => countChunks(client.stream()));
    if (m.value < tokens) throw new Error(`stream gave ${m.value} chunks, expected at least ${tokens}`);
    return { tokens, chunksSeen: m.value, cpuUsPerChunk: m.cpuUs / tokens, chunksPerSec: (tokens / m.wallMs) * 1000, wallMs: m.wallMs };
  },

  async embed({ inputs, format, dimensions }) {
    for (let i = 0; i < 2; i++) await client.embed(texts(64, "warm" + i), format);
    const m = await measure(() => client.embed(texts(inputs), format));
    const vectors = m.value;
    if (vectors.length != inputs || vectors[0].length != dimensions) throw new Error(`got ${vectors.length} × ${vectors[0]?.length}`);
    const type = vectors[0] instanceof Float32Array ? "Float32Array" : Array.isArray(vectors[0]) ? "number[]" : typeof vectors[0];
    return { inputs, dimensions, outputType: type, cpuMs: m.cpuUs / 1000, wallMs: m.wallMs };
  },

  async embedMany({ inputs, deployment, concurrency }) {
    await server("reset", "POST");
    let ok = true;
    let failure; // the client's own failure (expected on limited deployments), not a harness error
    const m = await measure(() =>
      client.embedMany(texts(inputs), deployment, concurrency).catch((e) => {
        ok = false;
        failure = `${e?.constructor?.name ?? "Error"}: ${String(e?.message ?? e).split("\n")[0].slice(0, 160)}`;
      }),
    );
    if (ok && m.value.count != inputs) throw new Error(`got ${m.value.count} embeddings for ${inputs} inputs`);
    const stats = await server("stats");
    return { ok, failure, calls: stats.requests, maxInFlight: stats.maxInFlight, wallMs: m.wallMs, cpuMs: m.cpuUs / 1000 };
  },

  async memory({ inputs, concurrency, dimensions }) {
    const input = texts(inputs);
    const baseline = process.memoryUsage().rss / 2 ** 20;
    const m = await measure(() => client.embedManyFloat32(input, concurrency));
    const { embeddings } = m.value;
    if (embeddings.length != inputs || !(embeddings[inputs - 1] instanceof Float32Array) || embeddings[inputs - 1].length != dimensions) throw new Error("wrong result");
    const vectorsMB = (inputs * dimensions * 4) / 1e6;
    const peak = peakRssMB();
    return { inputs, concurrency, vectorsMB, peakRssMB: (peak * 2 ** 20) / 1e6, startRssMB: (baseline * 2 ** 20) / 1e6, wallMs: m.wallMs, cpuMs: m.cpuUs / 1000 };
  },
};

for (job of jobs) {
  let result;
  try {
    client = await makeClient(job.client, job.provider, job.url);
    result = await tasks[job.task](job);
  } catch (e) {
    result = { error: String(e?.stack ?? e).split("\n").slice(0, 3).join(" | ") };
  }
  process.stdout.write("RESULT " + JSON.stringify(result) + "\n");
}
process.exit(0);
