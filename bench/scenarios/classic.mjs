// The figures of the previous round, against the library's emulator (dist/testing.js): chat CPU per request, one
// embeddings call of 2048 × 1536, embedMany on Azure's input limits, and the peak RSS of 100 000 Float32Array
// vectors. Their contenders are in clients.mjs, their tasks in tasks/classic.mjs.
import { CLIENTS, DEPLOYMENTS } from "../clients.mjs";
import { interleave } from "../lib/harness.mjs";
import { failureOf, num, pm, PROVIDER, ratioText, table, target, times } from "../lib/report.mjs";
import { addRatios, summarize } from "../lib/summary.mjs";

const PROVIDERS = ["openai", "azure"];
const DIMENSIONS = 1536;
const NAMES = { raw: "raw fetch", switch: "openai-switch", openai: "openai SDK", ai: "AI SDK" };
const find = (rows, q) => rows?.find((r) => Object.entries(q).every(([k, v]) => r[k] == v));
const each = (extra) => CLIENTS.flatMap((client) => PROVIDERS.map((provider) => ({ client, provider, ...extra })));

export const chat = {
  name: "chat",
  issue: 7,
  title: "chat: client CPU per request vs raw fetch",
  full: { rounds: 3, calls: 500, warmup: 50 },
  smoke: { rounds: 1, calls: 20, warmup: 5 },
  apps: () => ({ chat: { kind: "emulator", deployments: DEPLOYMENTS } }),
  async run({ S, smoke, urls, errors }) {
    const variants = each({ calls: S.calls, warmup: S.warmup, url: urls.chat });
    const runs = await interleave("chat", variants, S.rounds, { smoke });
    const rows = summarize("chat", variants, runs, errors);
    addRatios(rows, runs, variants, "cpuUsPerCall", (v) => variants.findIndex((f) => f.client == "raw" && f.provider == v.provider));
    return {
      rows,
      figures: ["cpuUsPerCall", "callsPerSec"],
      targets: PROVIDERS.map((provider) => {
        const r = find(rows, { client: "switch", provider });
        return target(7, `chat CPU per request vs raw fetch (${provider})`, r?.vsFloor?.median, "≤ 1.15×", r?.vsFloor?.median <= 1.15);
      }),
    };
  },
  markdown(s) {
    return [
      `## Chat: ${num(s.settings.calls)} sequential calls after ${s.settings.warmup} warm-up calls`,
      "",
      table(["client", "provider", "requests/s", "client CPU µs/request", "CPU × raw"], s.rows.map((r) => [NAMES[r.client], PROVIDER[r.provider], `${num(r.callsPerSec)} ${pm(r.spread.callsPerSec)}`, `${num(r.cpuUsPerCall)} ${pm(r.spread.cpuUsPerCall)}`, r.client == "raw" ? "1.00×" : ratioText(r.vsFloor)])),
    ];
  },
};

export const embed = {
  name: "embed",
  issue: 7,
  title: "one embeddings call of 2048 × 1536: client CPU vs raw fetch and the openai SDK",
  full: { rounds: 3, inputs: 2048 },
  smoke: { rounds: 1, inputs: 64 },
  apps: () => ({ embed: { kind: "emulator", deployments: DEPLOYMENTS, memoize: true } }),
  async run({ S, smoke, urls, errors }) {
    const variants = [];
    for (const client of CLIENTS) {
      for (const format of client == "raw" || client == "switch" ? ["float32", "number"] : ["number"]) {
        for (const provider of PROVIDERS) variants.push({ client, provider, format, inputs: S.inputs, dimensions: DIMENSIONS, url: urls.embed });
      }
    }
    // A discarded priming pass fills the server's memo of embeddings answers, so every measured round sees the same server.
    const runs = await interleave("embed", variants, S.rounds, { smoke, prime: (all) => all });
    const rows = summarize("embed", variants, runs, errors);
    addRatios(rows, runs, variants, "cpuMs", (v) => variants.findIndex((f) => f.client == "raw" && f.provider == v.provider && f.format == v.format));
    addRatios(rows, runs, variants, "cpuMs", (v) => variants.findIndex((f) => f.client == "openai" && f.provider == v.provider), "vsOpenaiSdk");
    const targets = [];
    for (const provider of PROVIDERS) {
      const f32 = find(rows, { client: "switch", provider, format: "float32" });
      targets.push(target(7, `embeddings float32 CPU vs raw (${provider})`, f32?.vsFloor?.median, "≤ 1.2×", f32?.vsFloor?.median <= 1.2));
      const numbers = find(rows, { client: "switch", provider, format: "number" });
      targets.push(target(7, `embeddings number[] CPU vs openai SDK default (${provider})`, numbers?.vsOpenaiSdk?.median, "≤ 1×", numbers?.vsOpenaiSdk?.median <= 1));
    }
    return { rows, figures: ["cpuMs", "wallMs"], targets };
  },
  markdown(s) {
    return [
      `## Embeddings: one call of ${num(s.settings.inputs)} inputs × ${DIMENSIONS} dimensions (after two 64-input warm-up calls)`,
      "",
      table(
        ["client", "output", "provider", "client CPU ms", "wall ms", "CPU × raw (same output)", "CPU × openai SDK"],
        s.rows.map((r) => [NAMES[r.client], r.outputType ?? r.format, PROVIDER[r.provider], `${num(r.cpuMs)} ${pm(r.spread.cpuMs)}`, `${num(r.wallMs)} ${pm(r.spread.wallMs)}`, times(r.vsFloor?.median), times(r.vsOpenaiSdk?.median)]),
      ),
      "",
      'Raw fetch asks for base64 and decodes with `Buffer.from(b64, "base64")` into a Float32Array (number[]: then `Array.from`). openai-switch: `embedMany({ format: "float32" })` and `embed()` (number[]). ' +
        "The openai SDK's default asks for base64 and returns number[]; the AI SDK asks for floats (JSON numbers on the wire). The server keeps each embeddings answer by request (a discarded priming pass fills it).",
    ];
  },
};

const LIMITS = { d1: 1, d16: 16 };

export const embedMany = {
  name: "embedMany",
  issue: 7,
  title: "embedMany on Azure deployments limited to 1 and 16 inputs, 50 ms latency",
  full: { rounds: 2, inputs: 1000, latencyMs: 50, concurrency: 8 },
  smoke: { rounds: 1, inputs: 40, latencyMs: 5, concurrency: 8 },
  // The corpus server, not the emulator: the ideal below counts the latency alone, and the emulator spends ~3 ms of
  // CPU building the vectors of a 16-input answer, so that the raw floor itself came out at 2× the ideal.
  apps: (S) => ({ embedMany: { kind: "corpus", maxInputs: LIMITS, latencyMs: S.latencyMs } }),
  async run({ S, smoke, urls, errors }) {
    const places = [["openai", "d2048"], ["azure", "d2048"], ["azure", "d1"], ["azure", "d16"]];
    const { inputs, concurrency, latencyMs } = S;
    const variants = CLIENTS.flatMap((client) => places.map(([provider, deployment]) => ({ client, provider, deployment, inputs, concurrency, url: urls.embedMany })));
    const runs = await interleave("embedMany", variants, S.rounds, { smoke });
    const rows = summarize("embedMany", variants, runs, errors);
    addRatios(rows, runs, variants, "wallMs", (v) => variants.findIndex((f) => f.client == "raw" && f.provider == v.provider && f.deployment == v.deployment), "wallVsRaw");
    for (const row of rows) {
      row.ok = row.runs.every((r) => r.ok === true);
      row.failure = failureOf(row.runs);
      const limit = LIMITS[row.deployment];
      // The ideal: rounds of `concurrency` calls at the latency. openai-switch sends one refused call first on both
      // limits (it is not told them); the server answers a refusal without the latency, so the ideal stays the same.
      if ((row.client == "switch" || row.client == "raw") && limit) {
        const calls = Math.ceil(inputs / limit);
        row.idealMs = Math.ceil(calls / concurrency) * latencyMs;
        row.idealNote = `ceil(${calls}/${concurrency})×${latencyMs} ms${row.client == "switch" ? " + a refusal answered at once" : ""}`;
        row.wallVsIdeal = row.wallMs / row.idealMs;
      }
    }
    const d1 = find(rows, { client: "switch", deployment: "d1" });
    const d16 = find(rows, { client: "switch", deployment: "d16" });
    return {
      rows,
      figures: ["wallMs", "calls"],
      targets: [
        target(7, "embedMany Azure limit 1: wall vs ideal", d1?.wallVsIdeal, "≤ 1.1×", d1?.ok && d1?.wallVsIdeal <= 1.1),
        target(7, "embedMany Azure limit 16: wall vs ideal (+ probe)", d16?.wallVsIdeal, "≤ 1.2×", d16?.ok && d16?.wallVsIdeal <= 1.2),
      ],
    };
  },
  markdown(s) {
    const { inputs, concurrency, latencyMs } = s.settings;
    const place = (r) => (r.provider == "openai" ? "OpenAI" : { d2048: "Azure (2048)", d1: "Azure, limit 1", d16: "Azure, limit 16" }[r.deployment]);
    return [
      `## embedMany: ${num(inputs)} inputs, ${latencyMs} ms server latency, Azure input limits`,
      "",
      `openai-switch: \`embedMany({ concurrency: ${concurrency} })\`; AI SDK: \`embedMany({ maxParallelCalls: ${concurrency} })\`; the openai SDK has no batching: one \`embeddings\` call with all inputs. ` +
        `Raw fetch is the wall-time floor: told each deployment's limit beforehand, ${concurrency} in flight. Calls and max in flight as the server counted them. Server: the bench's corpus server (vectors cost it almost nothing; a refused call is answered at once, an answered one after ${latencyMs} ms).`,
      "",
      table(
        ["client", "target", "result", "calls", "max in flight", "wall ms", "wall × raw", "vs ideal"],
        s.rows.map((r) => [
          r.client == "raw" ? "raw fetch (told the limit)" : NAMES[r.client],
          place(r),
          r.ok ? "ok" : `FAILED: ${r.failure}`,
          num(r.calls),
          num(r.maxInFlight),
          `${num(r.wallMs)} ${pm(r.spread.wallMs)}`,
          r.ok ? times(r.wallVsRaw?.median) : "",
          r.idealMs ? `${times(r.wallVsIdeal)} of ${num(r.idealMs)} ms (${r.idealNote})` : "",
        ]),
      ),
    ];
  },
};

export const memory = {
  name: "memory",
  issue: 7,
  title: "peak RSS embedding 100 000 × 1536 as Float32Array (all kept)",
  full: { rounds: 1, inputs: 100_000, concurrency: 1 },
  smoke: { rounds: 1, inputs: 500, concurrency: 2 },
  apps: () => ({ embed: { kind: "emulator", deployments: DEPLOYMENTS, memoize: true } }),
  async run({ S, smoke, urls, errors }) {
    const variants = ["switch", "raw"].map((client) => ({ client, provider: "openai", inputs: S.inputs, concurrency: S.concurrency, dimensions: DIMENSIONS, url: urls.embed }));
    const runs = await interleave("memory", variants, S.rounds, { smoke, prime: (all) => all.slice(0, 1) });
    const rows = summarize("memory", variants, runs, errors);
    for (const row of rows) row.peakVsVectors = row.peakRssMB / row.vectorsMB;
    const mem = find(rows, { client: "switch" });
    return { rows, figures: ["peakRssMB", "wallMs"], targets: [target(7, `memory: peak RSS vs vectors (${num(mem?.vectorsMB)} MB)`, mem?.peakVsVectors, "< 1.5×", mem?.peakVsVectors < 1.5)] };
  },
  markdown(s) {
    return [
      `## Memory: ${num(s.settings.inputs)} × ${DIMENSIONS} as Float32Array, all kept, concurrency ${s.settings.concurrency}, fresh process (VmHWM)`,
      "",
      table(
        ["client", "vectors MB", "peak RSS MB", "× vectors", "RSS at start MB", "wall ms", "client CPU ms"],
        s.rows.map((r) => [r.client == "raw" ? "raw fetch (calls of 2048, Buffer → Float32Array)" : 'openai-switch `embedMany({ format: "float32" })`', num(r.vectorsMB), `${num(r.peakRssMB)} ${pm(r.spread.peakRssMB)}`, times(r.peakVsVectors), num(r.startRssMB), num(r.wallMs), num(r.cpuMs)]),
      ),
    ];
  },
};
