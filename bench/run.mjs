// Runs every benchmark and writes bench/results.json and bench/results.md (`npm run bench` at the root).
// `--smoke`: tiny counts, one process per client, nothing written; checks in seconds that the harness works.
//
// Each figure is the median of several runs, each in a fresh `node worker.mjs` process, the contenders interleaved
// (every round runs each of them once, in a rotated order) so that noise from other work on the machine hits all
// alike. The server is one separate process (server.mjs) so the CPU charged to a client is its own.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { compare } from "./compare.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const smoke = process.argv.includes("--smoke");
const started = Date.now();

const log = (...args) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...args);

// ---------------------------------------------------------------------------------------------------------------
// Settings. Full: the figures of issue 7. Smoke: the same code paths with tiny counts.

const DIMENSIONS = 1536;
const S = smoke
  ? {
      rounds: { chat: 1, stream: 1, embed: 1, embedMany: 1, memory: 1 },
      chat: { calls: 20, warmup: 5 },
      stream: { tokens: 300, warmupTokens: 20 },
      embed: { inputs: 64 },
      embedMany: { inputs: 40, latencyMs: 5, concurrency: 8 },
      memory: { inputs: 2000, concurrency: 2 },
    }
  : {
      rounds: { chat: 5, stream: 5, embed: 5, embedMany: 3, memory: 3 },
      chat: { calls: 2000, warmup: 200 },
      stream: { tokens: 20_000, warmupTokens: 500 },
      embed: { inputs: 2048 },
      embedMany: { inputs: 1000, latencyMs: 50, concurrency: 8 },
      memory: { inputs: 100_000, concurrency: 1 }, // the library default
    };

const { CLIENTS, DEPLOYMENTS } = await import("./clients.mjs");
const PROVIDERS = ["openai", "azure"];
const NAMES = { raw: "raw fetch", switch: "openai-switch", openai: "openai SDK", ai: "AI SDK" };

// ---------------------------------------------------------------------------------------------------------------
// Preconditions: the bench's own dependencies, and a built dist/.

if (!existsSync(join(here, "node_modules/.package-lock.json"))) {
  log("installing bench/ dependencies (npm ci)");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: here, stdio: ["ignore", "inherit", "inherit"] });
}
const distFile = join(root, "dist/mod.js");
if (!existsSync(distFile)) throw new Error("dist/mod.js is missing: run `npm run build` at the root first");
const newestSrc = Math.max(...execFileSync("git", ["ls-files", "-m", "-o", "--exclude-standard", "src"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean).map((f) => statSync(join(root, f)).mtimeMs), 0);
const distStale = newestSrc > statSync(distFile).mtimeMs;
const distHash = () => createHash("sha256").update(readFileSync(distFile)).digest("hex").slice(0, 16);
const distAtStart = distHash();
if (distStale) log("warning: src/ has changes newer than dist/mod.js; the figures are of dist/ (run `npm run build` to include them)");

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Half the range of the runs, as a fraction of their median: how far one run may stray. */
const spread = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x));
  return s.length > 1 ? (Math.max(...s) - Math.min(...s)) / 2 / median(s) : 0;
};

/** Runs jobs in one fresh worker process; resolves to one result (or { error }) per job. */
function runWorker(jobs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--expose-gc", join(here, "worker.mjs"), JSON.stringify(jobs)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => {
      const results = out
        .split("\n")
        .filter((l) => l.startsWith("RESULT "))
        .map((l) => JSON.parse(l.slice(7)));
      const failure = code ? `worker exited with ${code}: ${err.trim().split("\n").slice(-6).join(" | ").slice(0, 600)}` : undefined;
      resolve(jobs.map((_, i) => results[i] ?? { error: failure ?? "no result" }));
    });
  });
}

/** Starts the emulator server process; resolves to { urls, stop }. */
function startServer(scenarios) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, "server.mjs"), JSON.stringify(scenarios)], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => code && reject(new Error(`server exited with ${code}: ${err}`)));
    child.stdout.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl >= 0 && out.length) {
        child.stdout.removeAllListeners("data");
        resolve({
          urls: JSON.parse(out.slice(0, nl)),
          stop: () =>
            new Promise((done) => {
              child.once("exit", done);
              child.stdin.end();
              setTimeout(() => child.kill(), 2000).unref();
            }),
        });
      }
    });
  });
}

/**
 * Runs each variant `rounds` times, interleaved: round r runs every variant once, starting at a rotated
 * position. Full mode: one process per run. Smoke: one process per task running every variant once (its
 * figures mean nothing; it only shows that every path still works).
 */
async function interleave(task, variants, rounds, prime) {
  const runs = variants.map(() => []);
  // A discarded first pass fills the server's memo of embeddings answers, so every measured round sees the same server.
  if (prime && !smoke) {
    for (const v of prime(variants)) await runWorker([{ task, ...v }]);
    log(`${task}: priming pass done`);
  }
  if (smoke) {
    const results = await runWorker(variants.map((v) => ({ task, ...v })));
    results.forEach((r, i) => runs[i].push(r));
    return runs;
  }
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (k + r * Math.ceil(variants.length / rounds)) % variants.length;
      const [result] = await runWorker([{ task, ...variants[i] }]);
      runs[i].push(result);
    }
    log(`${task}: round ${r + 1}/${rounds} done`);
  }
  return runs;
}

const errors = [];
/** Per variant: the median of each numeric field over its runs, their spread, and the runs themselves. */
function summarize(task, variants, runs) {
  return variants.map((v, i) => {
    const ok = runs[i].filter((r) => !r.error);
    for (const r of runs[i]) if (r.error) errors.push(`${task} ${v.client}/${v.provider}${v.format ? "/" + v.format : ""}${v.deployment ? "/" + v.deployment : ""}: ${r.error}`);
    const fields = {};
    const spreads = {};
    for (const key of Object.keys(ok[0] ?? {})) {
      if (typeof ok[0][key] == "number") {
        fields[key] = median(ok.map((r) => r[key]));
        spreads[key] = spread(ok.map((r) => r[key]));
      } else fields[key] = ok[0][key];
    }
    return { ...v, url: undefined, ...fields, spread: spreads, runs: runs[i] };
  });
}

/** Median over rounds of (client / floor) in the same round: drift between rounds cancels out. */
function pairedRatio(runs, floorRuns, key) {
  const ratios = [];
  for (let r = 0; r < runs.length; r++) {
    const a = runs[r]?.[key];
    const b = floorRuns[r]?.[key];
    if (Number.isFinite(a) && Number.isFinite(b) && b > 0) ratios.push(a / b);
  }
  return median(ratios);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Bundle size.

async function sizes() {
  const { build } = await import("esbuild");
  const measure = async (entry) => {
    const { outputFiles } = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", write: false, logLevel: "error" });
    const code = outputFiles[0].contents;
    return {
      minified: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  };
  const rows = await Promise.all(
    CLIENTS.flatMap((client) => PROVIDERS.map(async (provider) => ({ client, provider, program: `bench/size/${client}-${provider}.mjs`, ...(await measure(join(here, "size", `${client}-${provider}.mjs`))) }))),
  );
  for (const row of rows) {
    const floor = rows.find((r) => r.client == "raw" && r.provider == row.provider);
    row.gzipVsRaw = row.gzip / floor.gzip;
  }
  // The whole main entry, every feature: the project's own size script (src/mod.ts), and the built bundle benched here.
  const script = execFileSync(process.execPath, ["scripts/size.mjs"], { cwd: root, encoding: "utf8" }).trim();
  const m = /(\d+) B minified, (\d+) B gzip -9.*?(\d+) B brotli/.exec(script);
  const mainEntry = { source: "src/mod.ts (node scripts/size.mjs)", minified: +m?.[1], gzip: +m?.[2], brotli: +m?.[3], output: script };
  const mainDist = { source: "dist/mod.js", ...(await measure(distFile)) };
  return { programs: rows, mainEntry, mainDist };
}

// ---------------------------------------------------------------------------------------------------------------
// Main.

const scenarios = {
  chat: { deployments: DEPLOYMENTS },
  stream: { deployments: DEPLOYMENTS, replyTokens: S.stream.tokens },
  embed: { deployments: DEPLOYMENTS, memoize: true },
  embedMany: { deployments: DEPLOYMENTS, latencyMs: S.embedMany.latencyMs },
};
const load0 = loadavg();
log(`${smoke ? "smoke" : "full"} run on ${availableParallelism()} cores, Node ${process.version}, load ${load0.map((x) => x.toFixed(2)).join(" ")}`);

// Sizes first, alone, in the full run; the smoke run overlaps them with the rest.
const sizing = sizes().then((s) => (log("sizes done"), s));
let size = smoke ? undefined : await sizing;

const server = await startServer(scenarios);
const results = {};
try {
  const each = (extra = {}) => CLIENTS.flatMap((client) => PROVIDERS.map((provider) => ({ client, provider, ...extra })));

  /** A CPU figure per client and provider, with its ratio to raw fetch in the same round. */
  const cpuFigure = async (name, extra, url, metric) => {
    const variants = each(extra).map((v) => ({ ...v, url }));
    const runs = await interleave(name, variants, S.rounds[name]);
    const rows = summarize(name, variants, runs);
    for (const [i, row] of rows.entries()) {
      const floor = variants.findIndex((v) => v.client == "raw" && v.provider == row.provider);
      row.cpuVsRaw = pairedRatio(runs[i], runs[floor], metric);
    }
    return rows;
  };

  // 2. chat
  results.chat = await cpuFigure("chat", { calls: S.chat.calls, warmup: S.chat.warmup }, server.urls.chat, "cpuUsPerCall");

  // 3. streaming
  results.stream = await cpuFigure("stream", { tokens: S.stream.tokens, warmupTokens: S.stream.warmupTokens }, server.urls.stream, "cpuUsPerChunk");

  // 4. embeddings: float32 where the client has it (raw, openai-switch), number[] for all.
  {
    const variants = [];
    for (const client of CLIENTS) {
      for (const format of client == "raw" || client == "switch" ? ["float32", "number"] : ["number"]) {
        for (const provider of PROVIDERS) variants.push({ client, provider, format, inputs: S.embed.inputs, dimensions: DIMENSIONS, url: server.urls.embed });
      }
    }
    const runs = await interleave("embed", variants, S.rounds.embed, (all) => all);
    const rows = summarize("embed", variants, runs);
    for (const [i, row] of rows.entries()) {
      const floor = variants.findIndex((v) => v.client == "raw" && v.provider == row.provider && v.format == row.format);
      const sdk = variants.findIndex((v) => v.client == "openai" && v.provider == row.provider);
      row.cpuVsRaw = pairedRatio(runs[i], runs[floor], "cpuMs");
      row.cpuVsOpenaiSdk = pairedRatio(runs[i], runs[sdk], "cpuMs");
      row.wallVsOpenaiSdk = pairedRatio(runs[i], runs[sdk], "wallMs");
    }
    results.embed = rows;
  }

  // 5. embedMany at 50 ms latency: OpenAI, Azure 2048, Azure limited to 1 and to 16.
  {
    const targets = [
      ["openai", "d2048"],
      ["azure", "d2048"],
      ["azure", "d1"],
      ["azure", "d16"],
    ];
    const { inputs, concurrency, latencyMs } = S.embedMany;
    const variants = CLIENTS.flatMap((client) => targets.map(([provider, deployment]) => ({ client, provider, deployment, inputs, concurrency, url: server.urls.embedMany })));
    const runs = await interleave("embedMany", variants, S.rounds.embedMany);
    const rows = summarize("embedMany", variants, runs);
    for (const [i, row] of rows.entries()) {
      row.ok = row.runs.every((r) => r.ok === true);
      row.failure = row.runs.find((r) => r.ok === false)?.failure;
      const limit = { d1: 1, d16: 16 }[row.deployment];
      // The targets' ideal: rounds of `concurrency` calls at the latency; for limit 16 plus openai-switch's one probe
      // (the raw floor, told the limit, sends none).
      if ((row.client == "switch" || row.client == "raw") && limit) {
        const calls = Math.ceil(inputs / limit);
        const probe = limit == 16 && row.client == "switch";
        row.idealMs = Math.ceil(calls / concurrency) * latencyMs + (probe ? latencyMs : 0);
        row.idealNote = `ceil(${calls}/${concurrency})×${latencyMs} ms${probe ? ` + one ${latencyMs} ms probe` : ""}`;
        row.wallVsIdeal = row.wallMs / row.idealMs;
      }
      const floor = variants.findIndex((v) => v.client == "raw" && v.provider == row.provider && v.deployment == row.deployment);
      row.wallVsRaw = pairedRatio(runs[i], runs[floor], "wallMs");
    }
    results.embedMany = rows;
  }

  // 6. memory: peak RSS of a fresh process embedding 100 000 × 1536 as Float32Array.
  {
    const { inputs, concurrency } = S.memory;
    const variants = ["switch", "raw"].map((client) => ({ client, provider: "openai", inputs, concurrency, dimensions: DIMENSIONS, url: server.urls.embed }));
    const runs = await interleave("memory", variants, S.rounds.memory, (all) => all.slice(0, 1));
    const rows = summarize("memory", variants, runs);
    for (const row of rows) row.peakVsVectors = row.peakRssMB / row.vectorsMB;
    results.memory = rows;
  }
} finally {
  await server.stop();
}
if (smoke) size = await sizing;

// ---------------------------------------------------------------------------------------------------------------
// Targets and output.

const find = (rows, q) => rows?.find((r) => Object.entries(q).every(([k, v]) => r[k] == v));
const targets = [];
const target = (name, measured, limit, pass) => targets.push({ target: name, measured, limit, pass });
for (const provider of PROVIDERS) {
  const chat = find(results.chat, { client: "switch", provider });
  target(`chat CPU vs raw (${provider})`, chat?.cpuVsRaw, "≤ 1.15×", chat?.cpuVsRaw <= 1.15);
  const stream = find(results.stream, { client: "switch", provider });
  target(`stream CPU/chunk vs raw (${provider})`, stream?.cpuVsRaw, "≤ 1.2×", stream?.cpuVsRaw <= 1.2);
  const f32 = find(results.embed, { client: "switch", provider, format: "float32" });
  target(`embeddings float32 CPU vs raw (${provider})`, f32?.cpuVsRaw, "≤ 1.2×", f32?.cpuVsRaw <= 1.2);
  const num = find(results.embed, { client: "switch", provider, format: "number" });
  target(`embeddings number[] CPU vs openai SDK default (${provider})`, num?.cpuVsOpenaiSdk, "≤ 1×", num?.cpuVsOpenaiSdk <= 1);
}
const d1 = find(results.embedMany, { client: "switch", deployment: "d1" });
target("embedMany Azure limit 1: wall vs ideal", d1?.wallVsIdeal, "≤ 1.1×", d1?.ok && d1?.wallVsIdeal <= 1.1);
const d16 = find(results.embedMany, { client: "switch", deployment: "d16" });
target("embedMany Azure limit 16: wall vs ideal + probe", d16?.wallVsIdeal, "≤ 1.2×", d16?.ok && d16?.wallVsIdeal <= 1.2);
target("embedMany Azure limit 1: wall vs raw floor told the limit", d1?.wallVsRaw, "(context)", undefined);
target("embedMany Azure limit 16: wall vs raw floor told the limit", d16?.wallVsRaw, "(context)", undefined);
const others = results.embedMany?.filter((r) => r.client != "switch" && r.client != "raw" && (r.deployment == "d1" || r.deployment == "d16")) ?? [];
target("embedMany succeeds on every Azure limit where the others fail", `${results.embedMany?.filter((r) => r.client == "switch" && r.ok).length}/4 ok; others failed ${others.filter((r) => !r.ok).length}/${others.length}`, "all ok", results.embedMany?.filter((r) => r.client == "switch").every((r) => r.ok));
const mem = find(results.memory, { client: "switch" });
target(`memory: peak RSS vs vectors (${mem?.vectorsMB?.toFixed(0)} MB)`, mem?.peakVsVectors, "< 1.5×", mem?.peakVsVectors < 1.5);
target("whole main entry gzip (src/mod.ts)", size.mainEntry.gzip, "≤ 4096 B (aim 3482 B)", size.mainEntry.gzip <= 4096);

const load1 = loadavg();
const command = smoke ? "npm run bench:smoke" : "npm run bench";
const meta = {
  date: new Date().toISOString(),
  command,
  mode: smoke ? "smoke" : "full",
  cores: availableParallelism(),
  cpu: cpus()[0]?.model,
  node: process.version,
  loadAverageStart: load0,
  loadAverageEnd: load1,
  durationSeconds: Math.round((Date.now() - started) / 1000),
  git: (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    } catch {
      return undefined;
    }
  })(),
  distStale,
  distSha256: distAtStart,
  distChangedDuringRun: distHash() != distAtStart,
  distMatchesHead: (() => {
    try {
      execFileSync("git", ["diff", "--quiet", "HEAD", "--", "dist/mod.js"], { cwd: root });
      return true;
    } catch {
      return false;
    }
  })(),
  versions: Object.fromEntries(["openai", "ai", "@ai-sdk/openai", "@ai-sdk/azure", "esbuild"].map((p) => [p, JSON.parse(readFileSync(join(here, "node_modules", p, "package.json"), "utf8")).version])),
  settings: S,
};

// Repeatability: the figures against the previous full run's, when there is one.
const current = { meta, targets, size, ...results, errors };
let previous;
try {
  previous = smoke ? undefined : JSON.parse(readFileSync(join(here, "results.json"), "utf8"));
  if (previous?.meta?.mode != "full") previous = undefined;
} catch {}
const repeat = previous && compare(previous, current);

const md = markdown();
if (smoke) {
  console.log(md);
} else {
  writeFileSync(join(here, "results.json"), JSON.stringify({ ...current, repeatability: repeat && { previous: previous.meta.date, moved: repeat.filter((r) => r.flagged) } }, null, 2) + "\n");
  writeFileSync(join(here, "results.md"), md);
  console.log(md);
  log("wrote bench/results.json and bench/results.md");
}
if (errors.length) {
  console.error("errors:\n  " + errors.join("\n  "));
  process.exitCode = 1;
}
log(`done in ${meta.durationSeconds} s`);

function markdown() {
  const f = (x, d = 0) => (Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }) : "—");
  const x = (r) => (Number.isFinite(r) ? r.toFixed(2) + "×" : "—");
  const pm = (s) => (Number.isFinite(s) ? "±" + (s * 100).toFixed(0) + "%" : "");
  const table = (head, rows) => [`| ${head.join(" | ")} |`, `| ${head.map((h, i) => (i ? "---:" : "---")).join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
  const who = (r) => `${NAMES[r.client]}`;
  const prov = (p) => (p == "openai" ? "OpenAI" : "Azure");
  const rounds = S.rounds;
  const out = [];
  out.push(`# Benchmark results${smoke ? " (smoke mode: tiny counts, not figures)" : ""}`);
  out.push("");
  out.push(
    `${meta.date.slice(0, 16).replace("T", " ")} UTC · ${meta.cores} cores (${meta.cpu}) · Node ${meta.node} · \`${command}\` · ${meta.durationSeconds} s · commit ${meta.git}, dist/mod.js ${meta.distSha256}${meta.distMatchesHead ? "" : " (uncommitted build)"}${distStale ? " (older than src/ changes)" : ""}${meta.distChangedDuringRun ? " — **dist/mod.js was rebuilt during the run: rounds may mix builds**" : ""}`,
  );
  out.push("");
  out.push(
    `Contenders: raw fetch (hand-written floor), openai-switch (\`dist/mod.js\`), openai ${meta.versions.openai} (\`OpenAI\`/\`AzureOpenAI\`), ai ${meta.versions.ai} with @ai-sdk/openai ${meta.versions["@ai-sdk/openai"]} / @ai-sdk/azure ${meta.versions["@ai-sdk/azure"]}. ` +
      `Server: the library's emulator over HTTP on 127.0.0.1, in its own process. Each figure is the median of ${rounds.chat} (chat, stream, embeddings) or ${rounds.embedMany} (embedMany, memory) runs, each in a fresh process, contenders interleaved; ` +
      `"±" is half the run-to-run range over the median; "× raw" is the median over rounds of the ratio to raw fetch in the same round. ` +
      `Load average ${meta.loadAverageStart.map((v) => v.toFixed(1)).join("/")} at the start, ${meta.loadAverageEnd.map((v) => v.toFixed(1)).join("/")} at the end (other work shares the cores).`,
  );
  out.push("");
  out.push("## Targets");
  out.push("");
  out.push(table(["target", "measured", "limit", ""], targets.map((t) => [t.target, typeof t.measured == "number" ? (t.measured > 100 ? f(t.measured) + " B" : x(t.measured)) : String(t.measured ?? "—"), t.limit, t.pass === undefined ? "" : t.pass ? "met" : "**missed**"])));
  out.push("");
  out.push("## 1. Bundle size: a minimal chat + embeddings program (esbuild --bundle --minify --format=esm)");
  out.push("");
  out.push(table(["client", "provider", "minified B", "gzip -9 B", "brotli B", "gzip × raw"], size.programs.map((r) => [who(r), prov(r.provider), f(r.minified), f(r.gzip), f(r.brotli), x(r.gzipVsRaw)])));
  out.push("");
  out.push(`Whole main entry, every feature: ${size.mainEntry.output} — the built \`dist/mod.js\` benched here: ${f(size.mainDist.minified)} B minified, ${f(size.mainDist.gzip)} B gzip -9, ${f(size.mainDist.brotli)} B brotli.`);
  out.push("");
  if (results.chat) {
    out.push(`## 2. Chat: ${f(S.chat.calls)} sequential calls after ${S.chat.warmup} warm-up calls`);
    out.push("");
    out.push(table(["client", "provider", "requests/s", "client CPU µs/request", "CPU × raw"], results.chat.map((r) => [who(r), prov(r.provider), `${f(r.callsPerSec)} ${pm(r.spread?.callsPerSec)}`, `${f(r.cpuUsPerCall)} ${pm(r.spread?.cpuUsPerCall)}`, x(r.cpuVsRaw)])));
    out.push("");
  }
  if (results.stream) {
    out.push(`## 3. Streaming: one chat stream of ${f(S.stream.tokens)} chunks (after a ${S.stream.warmupTokens}-chunk warm-up)`);
    out.push("");
    out.push(table(["client", "provider", "chunks/s", "client CPU µs/chunk", "CPU × raw"], results.stream.map((r) => [who(r), prov(r.provider), `${f(r.chunksPerSec)} ${pm(r.spread?.chunksPerSec)}`, `${f(r.cpuUsPerChunk, 2)} ${pm(r.spread?.cpuUsPerChunk)}`, x(r.cpuVsRaw)])));
    out.push("");
    out.push("Raw fetch here is an async generator over `res.body` with TextDecoder, a `data:`-line scan and JSON.parse per event; every client is read with the same `for await` loop (the AI SDK through `textStream`).");
    out.push("");
  }
  if (results.embed) {
    out.push(`## 4. Embeddings: one call of ${f(S.embed.inputs)} inputs × ${DIMENSIONS} dimensions (after two 64-input warm-up calls)`);
    out.push("");
    out.push(
      table(
        ["client", "output", "provider", "client CPU ms", "wall ms", "CPU × raw (same output)", "CPU × openai SDK"],
        results.embed.map((r) => [who(r), r.outputType ?? r.format, prov(r.provider), `${f(r.cpuMs)} ${pm(r.spread?.cpuMs)}`, `${f(r.wallMs)} ${pm(r.spread?.wallMs)}`, x(r.cpuVsRaw), x(r.cpuVsOpenaiSdk)]),
      ),
    );
    out.push("");
    out.push(
      "Raw fetch asks for base64 and decodes with `Buffer.from(b64, \"base64\")` into a Float32Array (number[]: then `Array.from`). openai-switch: `embedMany({ format: \"float32\" })` and `embed()` (number[]). The openai SDK's default asks for base64 and returns number[]; the AI SDK asks for floats (JSON numbers on the wire). " +
        "The server keeps each embeddings answer by request (the emulator is deterministic; a discarded priming pass fills it), so wall time is the client's and the transfer's, not the emulator's encoding.",
    );
    out.push("");
  }
  if (results.embedMany) {
    const { inputs, concurrency, latencyMs } = S.embedMany;
    out.push(`## 5. embedMany: ${f(inputs)} inputs, ${latencyMs} ms server latency`);
    out.push("");
    out.push(
      `openai-switch: \`embedMany({ concurrency: ${concurrency} })\`; AI SDK: \`embedMany({ maxParallelCalls: ${concurrency} })\`; the openai SDK has no batching: one \`embeddings\` call with all inputs. ` +
        `Raw fetch is the wall-time floor: told each deployment's limit beforehand (no probe), calls of that size, ${concurrency} in flight. Calls and max in flight as the server counted them. ` +
        `The server's own CPU per call (the emulator's base64 encoding, ~0.2 ms a vector here) queues concurrent calls, so even the floor exceeds the ideal.`,
    );
    out.push("");
    const target = (r) => (r.provider == "openai" ? "OpenAI" : { d2048: "Azure (2048)", d1: "Azure, limit 1", d16: "Azure, limit 16" }[r.deployment]);
    out.push(
      table(
        ["client", "target", "result", "calls", "max in flight", "wall ms", "wall × raw", "vs ideal"],
        results.embedMany.map((r) => [
          r.client == "raw" ? "raw fetch (told the limit)" : who(r),
          target(r),
          r.ok ? "ok" : `FAILED: ${String(r.failure ?? "").replace(/\|/g, "\\|").slice(0, 90)}…`,
          f(r.calls),
          f(r.maxInFlight),
          `${f(r.wallMs)} ${pm(r.spread?.wallMs)}`,
          r.ok ? x(r.wallVsRaw) : "",
          r.idealMs ? `${x(r.wallVsIdeal)} of ${f(r.idealMs)} ms (${r.idealNote})` : "",
        ]),
      ),
    );
    out.push("");
  }
  if (results.memory) {
    out.push(`## 6. Memory: ${f(S.memory.inputs)} × ${DIMENSIONS} as Float32Array, concurrency ${S.memory.concurrency}, fresh process (VmHWM)`);
    out.push("");
    out.push(
      table(
        ["client", "vectors MB", "peak RSS MB", "× vectors", "RSS at start MB", "wall ms", "client CPU ms"],
        results.memory.map((r) => [r.client == "raw" ? "raw fetch (calls of 2048, Buffer → Float32Array)" : "openai-switch `embedMany({ format: \"float32\" })`", f(r.vectorsMB), `${f(r.peakRssMB)} ${pm(r.spread?.peakRssMB)}`, x(r.peakVsVectors), f(r.startRssMB), f(r.wallMs), f(r.cpuMs)]),
      ),
    );
    out.push("");
    out.push("Above the vectors: Node's own RSS at start, each call in flight (its ~17 MB of JSON as bytes, as text and as base64 strings) and heap garbage not yet collected; the raw floor pays the same.");
    out.push("");
  }
  if (repeat) {
    const figures = repeat.filter((r) => r.section != "target");
    const moved = figures.filter((r) => r.flagged);
    out.push("## Repeatability");
    out.push("");
    out.push(
      `Against the previous full run (${previous.meta.date.slice(0, 16).replace("T", " ")} UTC, load ${previous.meta.loadAverageStart?.[0]?.toFixed(1)}): ${moved.length} of ${figures.length} figures moved more than ±15%${moved.length ? ":" : "."}`,
    );
    out.push("");
    for (const r of moved) out.push(`- ${r.section} ${r.name} ${r.key}: ${f(r.before, 2)} → ${f(r.after, 2)} (${r.change > 0 ? "+" : ""}${(r.change * 100).toFixed(0)}%)`);
    const verdicts = repeat.filter((r) => r.section == "target" && r.verdictChanged);
    for (const r of verdicts) out.push(`- target "${r.name}" changed verdict: ${x(r.before)} → ${x(r.after)}`);
    if (moved.length || verdicts.length) out.push("");
  }
  if (errors.length) {
    out.push("## Errors");
    out.push("");
    for (const e of errors) out.push(`- ${e}`);
    out.push("");
  }
  return out.join("\n");
}
