// Runs the benchmarks and writes bench/results.json and bench/results.md (`npm run bench` at the root).
//   node bench/run.mjs                  the full run (12–15 minutes on 2 cores)
//   node bench/run.mjs --only a,b       only these scenarios; their sections replace the same ones in results.*
//   node bench/run.mjs --smoke          tiny counts, every code path, nothing written, no timing checked (~8–14 s)
//   node bench/run.mjs --rounds N       at most N rounds per scenario (a quick full-mode check; the header says so)
//   node bench/run.mjs --no-write       print the results only (results.json and results.md are left alone)
//   node bench/run.mjs --render         write results.md again from results.json (no measurement)
//   node bench/run.mjs --list           the scenarios, in the order of a full run
//   BENCH_DIST=/other/dist node bench/run.mjs …   measure another build (e.g. a branch built elsewhere)
// Each figure comes from fresh `node worker.mjs` processes, contenders interleaved round by round, against one
// server process (server.mjs), so that the CPU charged to a client is its own. Scenarios live in scenarios/*.mjs;
// what runs inside a worker, in tasks/*.mjs. A contender whose feature this build lacks reports
// "n/a (feature missing)"; a harness failure is listed under "Errors" and makes the run exit non-zero.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { compare } from "./compare.mjs";
import { collectSmokeJobs, DIST, here, log, startServer } from "./lib/harness.mjs";
import { NA, table, targetText } from "./lib/report.mjs";
import { SCENARIOS } from "./scenarios/index.mjs";

const root = join(here, "..");
const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const write = !smoke && !args.includes("--no-write");
const onlyArg = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const started = Date.now();
const roundsCap = args.includes("--rounds") ? Number(args[args.indexOf("--rounds") + 1]) : undefined;
if (roundsCap !== undefined && !(Number.isInteger(roundsCap) && roundsCap >= 1)) {
  console.error("--rounds takes a whole number ≥ 1");
  process.exit(2);
}

if (args.includes("--render")) {
  // results.md again from results.json (after a change to a scenario's report), without measuring anything.
  const saved = JSON.parse(readFileSync(join(here, "results.json"), "utf8"));
  writeFileSync(join(here, "results.md"), markdown(saved));
  console.error("wrote bench/results.md from bench/results.json");
  process.exit(0);
}
if (args.includes("--list")) {
  for (const s of SCENARIOS) console.log(`${s.name.padEnd(14)} #${String(s.issue).padEnd(3)} ${s.title}`);
  process.exit(0);
}
const only = onlyArg?.split(",").filter(Boolean);
const unknown = only?.filter((name) => !SCENARIOS.some((s) => s.name == name));
if (args.includes("--only") && (!only?.length || unknown.length)) {
  console.error(`--only takes scenario names separated by commas (unknown: ${unknown?.join(", ") || "none given"}); --list shows them`);
  process.exit(2);
}
const chosen = SCENARIOS.filter((s) => !only || only.includes(s.name));

// ---------------------------------------------------------------------------------------------------------------
// Preconditions: the bench's own dependencies, and a built dist/.

if (!existsSync(join(here, "node_modules/.package-lock.json"))) {
  log("installing bench/ dependencies (npm ci)");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: here, stdio: ["ignore", "inherit", "inherit"] });
}
const distFile = join(DIST, "mod.js");
const otherDist = DIST != join(root, "dist");
if (!existsSync(distFile)) throw new Error(`${distFile} is missing: run \`npm run build\` at the root first`);
if (otherDist) log(`BENCH_DIST: measuring ${DIST}, not this repository's dist/`);
const git = (...a) => {
  try {
    return execFileSync("git", a, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
};
const changedSrc = (git("ls-files", "-m", "-o", "--exclude-standard", "src") ?? "").split("\n").filter(Boolean);
const distStale = !otherDist && Math.max(0, ...changedSrc.map((f) => statSync(join(root, f)).mtimeMs)) > statSync(distFile).mtimeMs;
const distHash = () => createHash("sha256").update(readFileSync(distFile)).digest("hex").slice(0, 16);
const distAtStart = distHash();
if (distStale) log("warning: src/ has changes newer than dist/mod.js; the figures are of dist/ (run `npm run build` to include them)");

// ---------------------------------------------------------------------------------------------------------------
// Run.

const load0 = loadavg();
log(`${smoke ? "smoke" : "full"} run of ${chosen.map((s) => s.name).join(", ")} on ${availableParallelism()} cores, Node ${process.version}, load ${load0.map((x) => x.toFixed(2)).join(" ")}`);

/** A scenario's settings for this run: smoke or full, with every `*rounds` field capped by --rounds. */
const settingsOf = (s) => {
  const S = { ...(smoke ? s.smoke : s.full) };
  if (roundsCap) for (const key of Object.keys(S)) if (/rounds$/i.test(key)) S[key] = Math.min(S[key], roundsCap);
  return S;
};
const apps = Object.assign({}, ...chosen.map((s) => s.apps?.(settingsOf(s)) ?? {}));
const errors = [];
const sections = {};
const sectionMeta = () => ({ date: new Date().toISOString(), git: git("rev-parse", "--short", "HEAD"), distSha256: distHash(), mode: smoke ? "smoke" : "full", load: loadavg()[0] });

async function runScenario(scenario, urls) {
  const t0 = Date.now();
  const S = settingsOf(scenario);
  log(`${scenario.name}: start`);
  try {
    const section = await scenario.run({ S, smoke, urls, errors, root });
    sections[scenario.name] = { ...section, settings: S, meta: { ...sectionMeta(), seconds: Math.round((Date.now() - t0) / 1000) } };
  } catch (e) {
    if (scenario.usesWorkers !== false) smokeJobs?.forfeit();
    errors.push(`${scenario.name}: the scenario itself failed: ${String(e?.stack ?? e).split("\n").slice(0, 4).join(" | ")}`);
  }
  log(`${scenario.name}: done in ${Math.round((Date.now() - t0) / 1000)} s`);
}

let smokeJobs;
const needsServer = chosen.filter((s) => s.apps);
const alone = chosen.filter((s) => !s.apps);
// Full run: scenarios one after another (sizes first, before the server starts). Smoke: all at once.
if (!smoke) for (const s of alone) await runScenario(s, {});
const server = needsServer.length ? await startServer(apps) : undefined;
try {
  if (smoke) {
    smokeJobs = collectSmokeJobs(chosen.filter((s) => s.usesWorkers !== false).length);
    await Promise.all([...alone, ...needsServer].map((s) => runScenario(s, server?.urls ?? {})));
  }
  else for (const s of needsServer) await runScenario(s, server.urls);
} finally {
  await server?.stop();
}

// ---------------------------------------------------------------------------------------------------------------
// Output: with --only, the new sections replace theirs in the previous results; the rest is kept as it was.

const versionOf = (p) => JSON.parse(readFileSync(join(here, "node_modules", p, "package.json"), "utf8")).version;
const meta = {
  date: new Date().toISOString(),
  command: smoke ? "npm run bench:smoke" : ["node bench/run.mjs", only && `--only ${only.join(",")}`, roundsCap && `--rounds ${roundsCap}`].filter(Boolean).join(" ").replace(/^node bench\/run.mjs$/, "npm run bench"),
  startedAt: new Date(started).toISOString(),
  roundsCap,
  mode: smoke ? "smoke" : "full",
  scenarios: chosen.map((s) => s.name),
  cores: availableParallelism(),
  cpu: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverageStart: load0,
  loadAverageEnd: loadavg(),
  durationSeconds: Math.round((Date.now() - started) / 1000),
  git: git("rev-parse", "--short", "HEAD"),
  distStale,
  distSha256: distAtStart,
  distChangedDuringRun: distHash() != distAtStart,
  dist: otherDist ? DIST : "dist/",
  distMatchesHead: !otherDist && git("diff", "--quiet", "HEAD", "--", "dist/mod.js") !== undefined,
  versions: Object.fromEntries(["openai", "ai", "@ai-sdk/openai", "@ai-sdk/azure", "esbuild"].map((p) => [p, versionOf(p)])),
};

let previous;
try {
  previous = smoke ? undefined : JSON.parse(readFileSync(join(here, "results.json"), "utf8"));
  if (previous?.format != 2 || previous?.meta?.mode != "full") previous = undefined;
} catch {}
const merged = only && previous ? { ...previous.sections, ...sections } : sections;
const ordered = Object.fromEntries(SCENARIOS.filter((s) => merged[s.name]).map((s) => [s.name, merged[s.name]]));
const current = {
  format: 2,
  meta: only && previous ? { ...previous.meta, rerun: [...(previous.meta.rerun ?? []), meta] } : meta,
  // Smoke figures mean nothing: no verdicts.
  targets: Object.entries(ordered).flatMap(([name, s]) => (s.targets ?? []).map((t) => ({ section: name, ...t, ...(smoke ? { pass: undefined } : {}) }))),
  sections: ordered,
  errors: only && previous ? [...(previous.errors ?? []).filter((e) => !only.some((n) => e.startsWith(n + " "))), ...errors] : errors,
};
const repeat = previous && !only ? compare(previous, current) : undefined;
if (repeat) current.repeatability = { previous: previous.meta.date, moved: repeat.filter((r) => r.flagged) };

const md = markdown(current);
if (write) {
  writeFileSync(join(here, "results.json"), JSON.stringify(current, null, 2) + "\n");
  writeFileSync(join(here, "results.md"), md);
}
console.log(md);
if (write) log("wrote bench/results.json and bench/results.md");
if (errors.length) {
  console.error("errors:\n  " + errors.join("\n  "));
  process.exitCode = 1;
}
log(`done in ${Math.round((Date.now() - started) / 1000)} s`);

function verdict(t, mode) {
  if (t.measured == NA) return "n/a";
  if (mode == "smoke") return "(smoke: not checked)";
  if (t.pass === undefined) return "";
  return t.pass ? "met" : "**missed**";
}

function markdown(results) {
  const m = results.meta;
  const out = [];
  out.push(`# Benchmark results${m.mode == "smoke" ? " (smoke mode: tiny counts, not figures)" : ""}${m.roundsCap ? ` (at most ${m.roundsCap} round(s) per scenario: a check, not figures)` : ""}`, "");
  out.push(
    `${m.date.slice(0, 16).replace("T", " ")} UTC · ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB · Node ${m.node} · \`${m.command}\` · ${m.durationSeconds} s · ` +
      `commit ${m.git}, ${m.dist && m.dist != "dist/" ? `BENCH_DIST=${m.dist}, ` : ""}dist/mod.js ${m.distSha256}${m.distMatchesHead ? "" : " (uncommitted build)"}${m.distStale ? " (older than src/ changes)" : ""}` +
      `${m.distChangedDuringRun ? " — **dist/mod.js was rebuilt during the run: rounds may mix builds**" : ""}`,
    "",
  );
  const reruns = (m.rerun ?? []).map((r) => `${r.scenarios.join(", ")} at ${r.date.slice(11, 16)} UTC (commit ${r.git}, dist/mod.js ${r.distSha256})`);
  if (reruns.length) out.push(`Re-run since with \`--only\`: ${reruns.join("; ")}.`, "");
  out.push(
    `Contenders: a hand-written raw \`fetch\` floor, openai-switch (\`dist/mod.js\`), openai ${m.versions.openai} (\`OpenAI\`/\`AzureOpenAI\`), ` +
      `ai ${m.versions.ai} with @ai-sdk/openai ${m.versions["@ai-sdk/openai"]} / @ai-sdk/azure ${m.versions["@ai-sdk/azure"]}. Servers on 127.0.0.1 in their own process. ` +
      `Every run is a fresh process; contenders are interleaved round by round; "× floor" is the median over rounds of each round's ratio, with its spread (IQR and range). ` +
      `Load average ${m.loadAverageStart.map((v) => v.toFixed(1)).join("/")} at the start, ${m.loadAverageEnd.map((v) => v.toFixed(1)).join("/")} at the end (other work shares the cores).`,
    "",
  );
  out.push("## Targets", "");
  out.push(
    table(
      ["issue", "target", "measured", "limit", ""],
      results.targets.map((t) => [`#${t.issue}`, t.target, targetText(t), t.limit, verdict(t, m.mode)]),
    ),
    "",
  );
  for (const scenario of SCENARIOS) {
    const section = results.sections[scenario.name];
    if (!section) continue;
    out.push(...scenario.markdown(section), "");
    if (section.meta?.date && section.meta.date < m.startedAt) out.push(`_(section measured ${section.meta.date.slice(0, 16).replace("T", " ")} UTC, commit ${section.meta.git}, dist/mod.js ${section.meta.distSha256})_`, "");
  }
  if (results.repeatability) {
    const moved = results.repeatability.moved;
    out.push("## Repeatability", "", `Against the previous full run (${results.repeatability.previous.slice(0, 16).replace("T", " ")} UTC): ${moved.length} figure(s) moved more than ±15%${moved.length ? ":" : "."}`, "");
    for (const r of moved) out.push(`- ${r.section} ${r.name} ${r.key}: ${r.before.toFixed(2)} → ${r.after.toFixed(2)} (${r.change > 0 ? "+" : ""}${(r.change * 100).toFixed(0)}%)`);
    if (moved.length) out.push("");
  }
  if (results.errors.length) {
    out.push("## Errors", "");
    for (const e of results.errors) out.push(`- ${e}`);
    out.push("");
  }
  return out.join("\n");
}
