// Repeatability: compares the figures of two results.json files (format 2) and flags those more than 15% apart.
//   node bench/compare.mjs old.json new.json [--all]
// run.mjs also uses it to compare a full run with the results.json it replaces. Each section names the figures
// worth comparing (`figures`); rows are matched by their `id`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const LIMIT = 0.15;

/** Every figure of `b` that `a` also has: { section, name, key, before, after, change, flagged }. */
export function compare(a, b) {
  const rows = [];
  for (const [section, s] of Object.entries(b.sections ?? {})) {
    const old = a.sections?.[section];
    if (!old) continue;
    for (const row of s.rows ?? []) {
      const before = old.rows?.find((r) => r.id == row.id);
      if (!before) continue;
      for (const key of s.figures ?? []) {
        const x = before[key];
        const y = row[key];
        if (!Number.isFinite(x) || !Number.isFinite(y) || x == 0 || row.ok === false) continue;
        const change = y / x - 1;
        rows.push({ section, name: row.id, key, before: x, after: y, change, flagged: Math.abs(change) > LIMIT });
      }
    }
  }
  for (const t of b.targets ?? []) {
    const old = a.targets?.find((o) => o.target == t.target);
    if (typeof t.measured != "number" || typeof old?.measured != "number") continue;
    const change = t.measured / old.measured - 1;
    rows.push({ section: "target", name: t.target, key: "", before: old.measured, after: t.measured, change, flagged: Math.abs(change) > LIMIT, verdictChanged: old.pass !== t.pass });
  }
  return rows;
}

if (process.argv[1] == fileURLToPath(import.meta.url)) {
  const [a, b] = process.argv
    .slice(2)
    .filter((arg) => !arg.startsWith("--"))
    .map((f) => JSON.parse(readFileSync(f, "utf8")));
  if (a.format != 2 || b.format != 2) {
    console.error("both files must be results.json of format 2 (the bench since issue 13/14)");
    process.exit(2);
  }
  const rows = compare(a, b);
  for (const r of rows) {
    if (!r.flagged && !process.argv.includes("--all") && r.section != "target") continue;
    const change = `${(r.change * 100).toFixed(0)}%`;
    console.log(`${r.flagged ? "!!" : "  "} ${r.section.padEnd(12)} ${r.name.padEnd(r.section == "target" ? 62 : 30)} ${r.key.padEnd(15)} ${r.before.toFixed(2).padStart(10)} → ${r.after.toFixed(2).padStart(10)} (${change})${r.verdictChanged ? " verdict changed" : ""}`);
  }
  const figures = rows.filter((r) => r.section != "target");
  console.log(`${figures.filter((r) => r.flagged).length} of ${figures.length} figures moved more than 15% between the two runs`);
}
