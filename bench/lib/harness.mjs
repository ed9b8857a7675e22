// Processes of the bench: the server (server.mjs, one process for every scenario's app) and the measurements
// (worker.mjs, a fresh process per run), and the interleaving of contenders over rounds.
import { spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const here = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The build under test: the repository's dist/, or another one named by BENCH_DIST (a branch built elsewhere). */
export const DIST = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(here, "..", "dist");
export const distModule = (file) => import(pathToFileURL(join(DIST, file)).href);
const started = Date.now();

export const log = (...args) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...args);

/** What a job that cannot run on this build returns: the scenario prints "n/a (feature missing)". */
export const missing = (feature) => ({ na: `feature missing: ${feature}` });

/**
 * Runs `jobs` one after another in one fresh `node --expose-gc worker.mjs` process. Resolves to one result per
 * job ({ error } when it failed), plus `stderr` of the whole process (the signal scenario looks for warnings).
 * A process that runs longer than `timeoutMs` is killed and its missing results are errors.
 */
export function runWorker(jobs, { timeoutMs = 180_000, nodeArgs = [] } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--expose-gc", ...nodeArgs, join(here, "worker.mjs"), JSON.stringify(jobs)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const results = out
        .split("\n")
        .filter((line) => line.startsWith("RESULT "))
        .map((line) => JSON.parse(line.slice(7)));
      let failure = "no result";
      if (timedOut) failure = `worker killed after ${timeoutMs / 1000} s`;
      else if (code || signal) failure = `worker exited with ${code ?? signal}: ${err.trim().split("\n").slice(-6).join(" | ").slice(0, 600)}`;
      resolve(jobs.map((_, i) => ({ ...(results[i] ?? { error: failure }), stderr: err })));
    });
  });
}

/** Starts server.mjs with the apps the chosen scenarios need; resolves to { urls, stop }. */
export function startServer(apps) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, "server.mjs"), JSON.stringify(apps)], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => code && reject(new Error(`server exited with ${code}: ${err}`)));
    const onData = (d) => {
      out += d;
      const newline = out.indexOf("\n");
      if (newline < 0) return;
      child.stdout.off("data", onData);
      const stop = () =>
        new Promise((done) => {
          child.once("exit", done);
          child.stdin.end();
          setTimeout(() => child.kill(), 2000).unref();
        });
      resolve({ urls: JSON.parse(out.slice(0, newline)), stop, stderr: () => err });
    };
    child.stdout.on("data", onData);
  });
}

/**
 * Runs each variant once per round, in fresh processes, interleaved: round r starts at a rotated position, so
 * that noise from other work on the machine hits every contender alike. Returns runs[variant][round] (undefined
 * where a variant was dropped). A variant with its own `rounds` (fewer: the SDKs' context figures) stops there.
 * Options:
 *   prime(variants)  variants of a discarded first pass (fills server memos)
 *   drop(i, runs)    called after each round from `dropAfter` on: true stops variant i (e.g. far too slow)
 *   smoke            one process runs every variant once (the figures mean nothing; the paths all run)
 *   fixedOrder       no rotation: variants run in the given order every round (when one depends on another)
 *   prepare(job, i, round, runs)  the job to run, given this round's earlier runs (fixedOrder: a contender that
 *                    copies what another found in the same round, as the corpus scenarios' raw floor does)
 */
export async function interleave(task, variants, rounds, options = {}) {
  const { prime, drop, dropAfter = 3, smoke, fixedOrder, timeoutMs, nodeArgs, prepare } = options;
  const runs = variants.map(() => []);
  if (smoke) {
    const jobs = variants.map((v) => ({ task, ...v, smoke: true }));
    const results = await (smokeCollector ? smokeCollector(jobs) : runWorker(jobs, { timeoutMs, nodeArgs }));
    results.forEach((result, i) => runs[i].push(result));
    return runs;
  }
  if (prime) {
    for (const v of prime(variants)) await runWorker([{ task, ...v }], { timeoutMs, nodeArgs });
    log(`${task}: priming pass done`);
  }
  const dropped = new Set();
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const i = fixedOrder ? k : (k + round) % variants.length;
      if (dropped.has(i) || round >= (variants[i].rounds ?? rounds)) continue;
      const job = prepare ? prepare(variants[i], i, round, runs) : variants[i];
      const [result] = await runWorker([{ task, ...job }], { timeoutMs, nodeArgs });
      runs[i][round] = result;
    }
    if (drop && round + 1 >= dropAfter) for (let i = 0; i < variants.length; i++) if (!dropped.has(i) && drop(i, runs)) dropped.add(i);
    log(`${task}: round ${round + 1}/${rounds} done${dropped.size ? ` (${dropped.size} variant(s) stopped early)` : ""}`);
  }
  return runs;
}

let smokeCollector;

/**
 * Smoke mode: every scenario's jobs in `processes` worker processes in all, so that the SDKs are imported twice
 * rather than once per scenario (most of a smoke run's CPU). Each of the `expected` scenarios calls interleave
 * once; when all have, the jobs run, spread over the processes, and each scenario gets its own results back.
 */
export function collectSmokeJobs(expected, processes = 2) {
  const waiting = [];
  let accounted = 0;
  let flushed = false;
  const flush = async () => {
    flushed = true;
    // Whole scenarios to a process (the lightest so far), so that one scenario's jobs never overlap: some read
    // their app's request counters.
    const groups = Array.from({ length: processes }, () => []);
    const biggestFirst = waiting.map((w, k) => ({ w, k })).sort((a, b) => b.w.jobs.length - a.w.jobs.length);
    for (const { w, k } of biggestFirst) {
      const lightest = groups.reduce((a, b) => (b.length < a.length ? b : a));
      w.jobs.forEach((job, i) => lightest.push({ job, k, i }));
    }
    const results = await Promise.all(groups.map((group) => runWorker(group.map((entry) => entry.job), { timeoutMs: 120_000 })));
    const back = waiting.map((w) => new Array(w.jobs.length));
    groups.forEach((group, g) => group.forEach((entry, n) => (back[entry.k][entry.i] = results[g][n])));
    waiting.forEach((w, k) => w.resolve(back[k]));
  };
  const account = () => {
    accounted++;
    if (accounted >= expected && !flushed) flush();
  };
  smokeCollector = (jobs) => {
    // A scenario that comes after the flush (only when another one failed early) runs on its own.
    if (flushed) return runWorker(jobs, { timeoutMs: 120_000 });
    return new Promise((resolve) => {
      waiting.push({ jobs, resolve });
      account();
    });
  };
  // A scenario that failed before handing over its jobs must not keep the others waiting.
  return { forfeit: account };
}

/** GET/POST one of the server's bench endpoints (`/__bench/stats`, `/__bench/reset`). */
export const benchEndpoint = (url, path, method = "GET") => fetch(url + "/__bench/" + path, { method }).then((r) => r.json());
