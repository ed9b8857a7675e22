// `npm test`: the same vitest suite under Node, Deno and Bun, then the built package in workerd and in Chromium,
// one runtime after the other (CI has 2 cores). Prints a table per runtime and, as the very last line,
// `N passed, N failed` over all runtimes; exits 1 if anything failed.
//
//   npm test                   every runtime
//   npm test -- deno bun       only these (node, deno, bun, workerd, chromium)
//
// With CI=true a runtime that is missing counts as a failure; locally it is skipped with a warning.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { staleDist } from "./dist-check.mjs";

const root = join(import.meta.dirname, "..");
const CI = /^(1|true)$/i.test(process.env.CI ?? "");
const bin = (name) => join(root, "node_modules/.bin", name);
const VITEST = join(root, "node_modules/vitest/vitest.mjs");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const STEP_TIMEOUT_MS = 15 * 60_000;
const reports = mkdtempSync(join(tmpdir(), "openai-switch-tests-"));

// Suites driven from Node (packaging, examples, deno tooling, Chromium) stay out of the Deno and Bun runs;
// test/runtimes/shared/ is part of the shared suite.
const NODE_DRIVEN = ["test/runtimes/*.test.ts", "test/runtimes/deno/**", "test/runtimes/chromium/**"].flatMap((glob) => ["--exclude", glob]);

/** A vitest run: `command args… vitest.mjs run …` with a JSON report to count from; `runtime` is where its tests run. */
const vitest = (label, runtime, command, args, vitestArgs, env = {}) => ({
  kind: "vitest",
  label,
  command,
  args: [...args, VITEST, "run", ...vitestArgs],
  env: { OPENAI_SWITCH_TEST_RUNTIME: runtime, ...env },
});

const runtimes = [
  {
    name: "Node",
    check: () => `node ${process.version}`,
    steps: [vitest("vitest (node)", "node", process.execPath, [], ["--exclude", "test/runtimes/deno/**", "--exclude", "test/runtimes/chromium/**"])],
  },
  {
    name: "Deno",
    check: () => version(bin("deno"), "--version"),
    missing: "node_modules/.bin/deno does not run: npm ci",
    steps: [
      vitest("vitest (deno)", "deno", bin("deno"), ["run", "-A"], NODE_DRIVEN, { RUST_BACKTRACE: "0", NO_COLOR: "1" }),
      // deno check, deno publish --dry-run and examples/deno.ts, driven from Node.
      vitest("deno tooling", "node", process.execPath, [], ["test/runtimes/deno/"]),
    ],
  },
  {
    name: "Bun",
    check: () => version(bin("bun"), "--version"),
    missing: "node_modules/.bin/bun does not run: npm ci with its install script (or node node_modules/bun/install.js)",
    steps: [vitest("vitest (bun --bun)", "bun", bin("bun"), ["--bun"], NODE_DRIVEN)],
  },
  {
    name: "workerd",
    check: () => version(bin("workerd"), "--version"),
    missing: "node_modules/.bin/workerd does not run: npm ci",
    steps: [{ kind: "lines", label: "workerd test", command: process.execPath, args: [join(root, "test/runtimes/workerd/run.mjs")], env: {} }],
  },
  {
    name: "Chromium",
    check: () => (existsSync(CHROMIUM) ? version(CHROMIUM, "--version") : undefined),
    missing: `${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    steps: [vitest("vitest (drives chromium)", "node", process.execPath, [], ["test/runtimes/chromium/"], { CHROMIUM_PATH: CHROMIUM })],
  },
];

/** The first line a binary prints for `flag`, or undefined when it does not run. */
function version(file, flag) {
  if (!existsSync(file)) return undefined;
  const result = spawnSync(file, [flag], { encoding: "utf8", timeout: 30_000 });
  return result.status == 0 ? (result.stdout || result.stderr).trim().split("\n")[0] : undefined;
}

const wanted = process.argv.slice(2).map((a) => a.toLowerCase());
const unknown = wanted.filter((w) => !runtimes.some((r) => r.name.toLowerCase() == w));
if (unknown.length) {
  console.error(`unknown runtime ${unknown.join(", ")}: use ${runtimes.map((r) => r.name.toLowerCase()).join(", ")}`);
  process.exit(2);
}

warnIfDistIsStale();

const rows = [];
for (const runtime of runtimes) {
  if (wanted.length && !wanted.includes(runtime.name.toLowerCase())) continue;
  const row = { name: runtime.name, passed: 0, failed: 0, skipped: 0, ms: 0, note: "" };
  rows.push(row);
  const found = runtime.check();
  if (!found) {
    const message = `${runtime.name}: ${runtime.missing}`;
    if (CI) {
      row.failed = 1;
      row.note = "MISSING: " + message;
    } else {
      row.note = "SKIPPED: " + message;
    }
    banner(`!!! ${row.note}`);
    continue;
  }
  row.note = found;
  for (const step of runtime.steps) {
    banner(`${runtime.name}: ${step.label}  (${found})`);
    const started = Date.now();
    const counts = step.kind == "vitest" ? await runVitest(runtime.name, step) : await runCountingLines(step);
    row.ms += Date.now() - started;
    row.passed += counts.passed;
    row.failed += counts.failed;
    row.skipped += counts.skipped;
    if (counts.problem) row.note = counts.problem;
  }
}
rmSync(reports, { recursive: true, force: true });

printTable(rows);
const passed = rows.reduce((n, r) => n + r.passed, 0);
const failed = rows.reduce((n, r) => n + r.failed, 0);
const skippedRuntimes = rows.filter((r) => r.note.startsWith("SKIPPED"));
if (skippedRuntimes.length) console.log(`\n!!! NOT TESTED: ${skippedRuntimes.map((r) => r.name).join(", ")} (missing here; CI fails on this)\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed || !rows.length ? 1 : 0;

/** Runs a step with its output shown live; resolves with its exit status and, if asked, its captured stdout. */
function execute(step, capture) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: root,
      env: { ...process.env, ...step.env },
      stdio: ["ignore", capture ? "pipe" : "inherit", capture ? "pipe" : "inherit"],
    });
    let output = "";
    const echo = (stream, to) =>
      stream?.on("data", (chunk) => {
        output += chunk;
        to.write(chunk);
      });
    echo(child.stdout, process.stdout);
    echo(child.stderr, process.stderr);
    const timer = setTimeout(() => {
      console.error(`\n!!! ${step.label} still running after ${STEP_TIMEOUT_MS / 60_000} min: killed`);
      child.kill("SIGKILL");
    }, STEP_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ status: 1, output: output + String(error) });
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status: status ?? (signal ? 1 : 0), output });
    });
  });
}

/** A vitest run, counted from its JSON report; a file that fails outside any test counts as one failure. */
async function runVitest(name, step) {
  const file = join(reports, `${name}-${Math.random().toString(36).slice(2)}.json`);
  const reporters = ["--reporter=default", "--reporter=json", `--outputFile.json=${file}`];
  const { status } = await execute({ ...step, args: [...step.args, ...reporters] }, false);
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, problem: `vitest wrote no report (exit ${status})` };
  const report = JSON.parse(readFileSync(file, "utf8"));
  let failed = report.numFailedTests;
  // A file that failed to load, or whose hooks failed, has no failed test of its own.
  for (const result of report.testResults) {
    if (result.status == "failed" && !result.assertionResults.some((a) => a.status == "failed")) {
      console.error(`!!! ${name}: ${result.name.slice(root.length + 1)} failed outside its tests: ${(result.message ?? "").split("\n")[0]}`);
      failed++;
    }
  }
  let problem;
  if (status != 0 && failed == 0) {
    failed = 1; // unhandled errors, a crash after the report, a timeout
    problem = `vitest exited ${status} with no failed test`;
  }
  if (report.numTotalTests == 0) {
    failed = Math.max(failed, 1);
    problem = "no tests ran";
  }
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests, problem };
}

/** A runner that prints one `[ PASS ]` or `[ FAIL ]` line per test (workerd test). */
async function runCountingLines(step) {
  const { status, output } = await execute(step, true);
  const passed = output.match(/\[ PASS \]/g)?.length ?? 0;
  let failed = output.match(/\[ FAIL \]/g)?.length ?? 0;
  let problem;
  if ((status != 0 && failed == 0) || passed + failed == 0) {
    failed = Math.max(failed, 1);
    problem = `exit ${status}, ${passed} passed`;
  }
  return { passed, failed, skipped: 0, problem };
}

function banner(text) {
  console.log(`\n${"=".repeat(100)}\n== ${text}\n${"=".repeat(100)}`);
}

function printTable(rows) {
  const header = ["Runtime", "Passed", "Failed", "Skipped", "Time", "Version / note"];
  const cells = (r) => [r.name, String(r.passed), String(r.failed), String(r.skipped), `${(r.ms / 1000).toFixed(1)} s`, r.note];
  const sum = (key) => rows.reduce((n, r) => n + r[key], 0);
  const lines = [...rows.map(cells), cells({ name: "Total", passed: sum("passed"), failed: sum("failed"), skipped: sum("skipped"), ms: sum("ms"), note: "" })];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  console.log(`\n${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  lines.forEach((line, i) => {
    if (i == lines.length - 1) console.log(widths.map((w) => "-".repeat(w)).join("  "));
    console.log(format(line));
  });
}

/** workerd, Chromium and the packaging tests run dist/: say so when it is not what src/ builds to now. */
function warnIfDistIsStale() {
  if (!existsSync(join(root, "dist/mod.js"))) {
    console.log("!!! dist/ is missing: run `npm run build` (workerd, Chromium and packaging tests use it)");
    return;
  }
  let stale;
  try {
    stale = staleDist(root);
  } catch (error) {
    console.log(`!!! could not build src/ to compare with dist/: ${String(error).split("\n")[0]}`);
    return;
  }
  if (stale.length) console.log(`!!! dist/ is not what src/ builds to (${stale.slice(0, 3).join(", ")}…): run \`npm run build\``);
}
