// Issue 10: one long-lived AbortSignal passed to 100 000 calls must not grow memory, and many concurrent calls on
// it must not print MaxListenersExceededWarning. In-process, with an injected fetch that answers at once, in a
// fresh `node --expose-gc` process per run (tasks/signal.mjs).
import { interleave } from "../lib/harness.mjs";
import { num, pm, table, target } from "../lib/report.mjs";
import { summarize } from "../lib/summary.mjs";

const NAMES = {
  raw: "raw: `fetch(url, { signal })` + `res.json()` (baseline)",
  "raw-any": "raw with `AbortSignal.any([signal, timeout])` per call (context)",
  switch: "openai-switch `client.chat(request, { signal })`",
};
const WARNING = "MaxListenersExceededWarning";

export const signal = {
  name: "signal",
  issue: 10,
  title: "heap after GC over 100 000 calls sharing one AbortSignal; no MaxListenersExceededWarning",
  full: { rounds: 2, calls: 100_000, warmup: 1000, concurrent: 1000 },
  smoke: { rounds: 1, calls: 500, warmup: 50, concurrent: 50 },
  async run({ S, smoke, errors }) {
    const variants = ["raw", "raw-any", "switch"].map((client) => ({ client, calls: S.calls, warmup: S.warmup, concurrent: S.concurrent }));
    const runs = await interleave("signal", variants, S.rounds, { smoke });
    // What the process printed: Node writes the warning to stderr once per signal.
    for (const list of runs) for (const r of list) if (r) r.warningPrinted = String(r.stderr ?? "").includes(WARNING) || (r.warnings ?? []).includes(WARNING);
    const rows = summarize("signal", variants, runs, errors);
    for (const row of rows) row.warningPrinted = row.runs.some((r) => r.warningPrinted);
    const raw = rows.find((r) => r.client == "raw");
    const lib = rows.find((r) => r.client == "switch");
    return {
      rows,
      figures: ["heapGrowthMB"],
      targets: [
        target(10, `heap growth after GC, ${num(S.calls)} calls on one signal (raw baseline: ${num(raw?.heapGrowthMB, 2)} MB)`, lib?.heapGrowthMB, "≤ baseline + 1 MB", lib?.heapGrowthMB <= raw?.heapGrowthMB + 1, { unit: "MB" }),
        target(10, `${WARNING} with ${num(S.concurrent)} concurrent chat + ${num(S.concurrent)} chatStream calls on one signal`, lib ? (lib.warningPrinted ? "printed" : "none") : undefined, "none", lib ? !lib.warningPrinted : undefined),
      ],
    };
  },
  markdown(s) {
    const { calls, warmup, concurrent } = s.settings;
    return [
      `## One long-lived AbortSignal (#10): ${num(calls)} sequential calls after ${num(warmup)} warm-up calls, then ${num(concurrent)} concurrent`,
      "",
      "An injected `fetch` answers each call at once with a fixed 200 (no network), so only what a client keeps per call can grow the heap. Heap used after two forced GCs (`--expose-gc`), fresh process per run; the curve is the growth after each quarter of the calls (median run).",
      "",
      table(
        ["client", "heap growth MB", "bytes per call", "growth after ¼ · ½ · ¾ · all (MB)", "calls/s", `${WARNING}`],
        s.rows.map((r) => {
          const median = r.runs.find((run) => run.heapGrowthMB == r.heapGrowthMB) ?? r.runs[0];
          return [
            NAMES[r.client],
            `${num(r.heapGrowthMB, 2)} ${pm(r.spread.heapGrowthMB)}`,
            num(r.bytesPerCall, 1),
            (median?.curve ?? []).map((p) => num(p.heapMB, 2)).join(" · "),
            num((r.calls / r.wallMs) * 1000),
            r.warningPrinted ? "**printed**" : `none (${num(r.concurrentCalls)} in flight)`,
          ];
        }),
      ),
      "",
      "Node 20's `AbortSignal.any` keeps every composite signal alive as long as its source lives: the raw-any row shows what that costs per call, whoever composes the signals.",
    ];
  },
};
