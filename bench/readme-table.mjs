// Prints the project README's Performance table filled from bench/results.json (the template and where each
// figure comes from: /work/notes/README-bench.md at merge time; the README is the lead's to edit).
//   node bench/readme-table.mjs [results.json]
// A figure the run does not have (a feature that did not land, a scenario not run) prints as "—".
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const file = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "results.json");
const results = JSON.parse(readFileSync(file, "utf8"));
if (results.format != 2) throw new Error(`${file} is not a results.json of format 2`);

const num = (x, d = 0) => (Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }) : "—");
const x = (r) => (Number.isFinite(r) ? r.toFixed(2) + "×" : "—");
const row = (section, q) => results.sections[section]?.rows?.find((r) => Object.entries(q).every(([k, v]) => r[k] == v));
/** The row's median ratio to the floor, "n/a" when this build lacked the feature. */
const ratio = (section, q) => (row(section, q)?.na ? "n/a" : x(row(section, q)?.vsFloor?.median));
const iqr = (section, q) => {
  const r = row(section, q)?.vsFloor;
  return r && Number.isFinite(r.q1) ? `IQR ${r.q1.toFixed(2)}–${r.q3.toFixed(2)}` : "—";
};
/** How many rounds a row's median is over. */
const rounds = (section, q) => row(section, q)?.vsFloor?.ratios?.length ?? "—";
const both = (f) => `${f("openai")} / ${f("azure")}`;
const outcome = (r) => (!r ? "—" : r.ok ? "ok" : `fails: ${String(r.failure ?? "").replace(/^\w+: /, "").slice(0, 70)}`);

const m = results.meta;
const size = results.sections.size;
const cap = (client) => row("corpus-cap", { client });
const rate = (client) => row("corpus-rate", { client });
const rss = (client) => row("corpus-rss", { client });
const signal = (client) => row("signal", { client });
const lines = [
  `Measured on ${m.date.slice(0, 10)}: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, load average ${m.loadAverageStart[0].toFixed(1)} at the start (commit ${m.git}).`,
  "",
  "| | floor / raw `fetch` | **openai-switch** | `openai` 6.49 | `ai` 6.0 + `@ai-sdk/*` |",
  "|---|---:|---:|---:|---:|",
  `| chat stream, 20,000 chunks: client CPU per chunk, OpenAI / Azure (${rounds("stream", { client: "switch", provider: "openai" })} rounds) | ${both((p) => num(row("stream", { client: "floor", provider: p })?.cpuUsPerChunk, 1))} µs | **${both((p) => ratio("stream", { client: "switch", provider: p }))}** (${both((p) => iqr("stream", { client: "switch", provider: p }))}) | ${both((p) => ratio("stream", { client: "openai", provider: p }))} | ${both((p) => ratio("stream", { client: "ai", provider: p }))} |`,
  `| \`collectChat(chatStream)\`, per chunk, OpenAI / Azure | | **${both((p) => ratio("stream", { client: "switch-collect", provider: p }))}** | | |`,
  `| one 10 MiB event, client CPU | ${num(row("big-event", { client: "floor" })?.cpuMs)} ms | **${ratio("big-event", { client: "switch" })}** (${iqr("big-event", { client: "switch" })}) | | |`,
  `| Responses stream, 20,000 events: CPU per event, OpenAI / Azure (${rounds("responses", { client: "switch", provider: "openai" })} rounds) | ${both((p) => num(row("responses", { client: "floor", provider: p })?.cpuUsPerEvent, 1))} µs | **${both((p) => ratio("responses", { client: "switch", provider: p }))}** (${both((p) => iqr("responses", { client: "switch", provider: p }))}) | \`responses.stream\` ${both((p) => ratio("responses", { client: "openai-stream", provider: p }))}, \`create({ stream: true })\` ${both((p) => ratio("responses", { client: "openai-create-stream", provider: p }))} | |`,
  `| \`responses.create\`, client CPU per request, OpenAI / Azure | ${both((p) => num(row("responses-create", { client: "floor", provider: p })?.cpuUsPerCall))} µs | **${both((p) => ratio("responses-create", { client: "switch", provider: p }))}** | ${both((p) => ratio("responses-create", { client: "openai", provider: p }))} | |`,
  `| chat, client CPU per request, OpenAI / Azure | ${both((p) => num(row("chat", { client: "raw", provider: p })?.cpuUsPerCall))} µs | **${both((p) => ratio("chat", { client: "switch", provider: p }))}** | ${both((p) => ratio("chat", { client: "openai", provider: p }))} | ${both((p) => ratio("chat", { client: "ai", provider: p }))} |`,
  `| bundle, minimal chat + embeddings program, gzip, OpenAI / Azure | ${both((p) => num(row("size", { client: "raw", provider: p })?.gzip))} B | **${both((p) => num(row("size", { client: "switch", provider: p })?.gzip))} B** | ${both((p) => num(row("size", { client: "openai", provider: p })?.gzip))} B | ${both((p) => num(row("size", { client: "ai", provider: p })?.gzip))} B |`,
  `| whole main entry, every feature, gzip / brotli (budget 7,168 B gzip) | | **${num(size?.mainEntry?.gzip)} / ${num(size?.mainEntry?.brotli)} B** | | |`,
  `| one call of 2048 × 1536, \`Float32Array\` out, CPU, OpenAI / Azure | ${both((p) => num(row("embed", { client: "raw", provider: p, format: "float32" })?.cpuMs))} ms | **${both((p) => ratio("embed", { client: "switch", provider: p, format: "float32" }))}** | — | — |`,
  `| 20,000 inputs of ~200 tokens, OpenAI's 300,000-token cap, defaults | ${num(cap("raw")?.wallMs)} ms (a loop told the batch size: ${num(cap("raw")?.calls)} calls) | **${outcome(cap("switch"))}: ${num(cap("switch")?.wallMs)} ms, ${cap("switch")?.ok ? x(cap("switch")?.wallVsRaw?.median) : "—"} the loop, ${num(cap("switch")?.calls)} calls, ${num(cap("switch")?.tokenCapRefusals)} refused** | ${outcome(cap("openai"))} | ${outcome(cap("ai"))}: ${num(cap("ai")?.calls)} calls, ${num(cap("ai")?.wallMs)} ms, ${num(cap("ai")?.maxInFlight)} in flight |`,
  `| Azure, 16 inputs per call, 3,000 requests per minute, 3,200 inputs: wall vs the ideal ${num(results.sections["corpus-rate"]?.idealMs)} ms, 429s | | **${outcome(rate("switch"))}: ${x(rate("switch")?.wallVsIdeal)} the ideal, ${num(rate("switch")?.rateLimitedShare * 100, 1)} % 429s, every vector checked** | a plain loop told 16: ${x(rate("openai")?.wallVsIdeal)} | ${outcome(rate("ai"))} |`,
  `| 200,000 × 1536 \`float32\` with \`onBatch\` + \`keep: false\`: peak RSS (the vectors: 1,229 MB) | ${num(rss("raw")?.peakRssMB)} MB | **${num(rss("switch")?.peakRssMB)} MB**${rss("switch")?.onBatch === false ? " (onBatch ignored: all kept)" : ""} | | |`,
  `| 100,000 calls sharing one \`AbortSignal\`: heap growth after GC | ${num(signal("raw")?.heapGrowthMB, 2)} MB | **${num(signal("switch")?.heapGrowthMB, 2)} MB**, ${signal("switch")?.warningPrinted ? "**MaxListenersExceededWarning printed**" : "no `MaxListenersExceededWarning`"} with ${num(results.sections.signal?.settings?.concurrent * 2)} concurrent calls | | |`,
];
console.log(lines.join("\n"));
