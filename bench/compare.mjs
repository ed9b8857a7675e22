// Repeatability: compares the figures of two results.json files and flags those more than 15% apart.
//   node bench/compare.mjs old.json new.json [--all]
// run.mjs also uses it to compare a full run with the results.json it replaces.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FIGURES = {
  chat: ["cpuUsPerCall", "callsPerSec", "cpuVsRaw"],
  stream: ["cpuUsPerChunk", "chunksPerSec", "cpuVsRaw"],
  embed: ["cpuMs", "wallMs", "cpuVsRaw", "cpuVsOpenaiSdk"],
  embedMany: ["wallMs", "calls"],
  memory: ["peakRssMB", "wallMs"],
};
const name = (r) => [r.client, r.provider, r.format, r.deployment].filter(Boolean).join("/");

/** Every figure of `b` that `a` also has: { section, name, key, before, after, change, flagged }. */
export function compare(a, b) {
  const rows = [];
  for (const [section, keys] of Object.entries(FIGURES)) {
    for (const row of b[section] ?? []) {
      const old = (a[section] ?? []).find((r) => name(r) == name(row));
      if (!old) continue;
      for (const key of keys) {
        const before = old[key];
        const after = row[key];
        if (!Number.isFinite(before) || !Number.isFinite(after) || (row.ok === false && key == "wallMs")) continue;
        const change = after / before - 1;
        rows.push({ section, name: name(row), key, before, after, change, flagged: Math.abs(change) > 0.15 });
      }
    }
  }
  for (const t of b.targets ?? []) {
    const old = a.targets?.find((o) => o.target == t.target);
    if (typeof t.measured != "number" || typeof old?.measured != "number") continue;
    const change = t.measured / old.measured - 1;
    rows.push({ section: "target", name: t.target, key: "", before: old.measured, after: t.measured, change, flagged: Math.abs(change) > 0.15, verdictChanged: old.pass !== t.pass });
  }
  return rows;
}

if (process.argv[1] == fileURLToPath(import.meta.url)) {
  const [a, b] = process.argv
    .slice(2)
    .filter((arg) => !arg.startsWith("--"))
    .map((f) => JSON.parse(readFileSync(f, "utf8")));
  const rows = compare(a, b);
  for (const r of rows) {
    if (!r.flagged && !process.argv.includes("--all") && r.section != "target") continue;
    console.log(`${r.flagged ? "!!" : "  "} ${r.section.padEnd(9)} ${r.name.padEnd(r.section == "target" ? 62 : 26)} ${r.key.padEnd(15)} ${r.before.toFixed(2).padStart(10)} → ${r.after.toFixed(2).padStart(10)} (${(r.change * 100).toFixed(0)}%)${r.verdictChanged ? " verdict changed" : ""}`);
  }
  const figures = rows.filter((r) => r.section != "target");
  console.log(`${figures.filter((r) => r.flagged).length} of ${figures.length} figures moved more than 15% between the two runs`);
}
