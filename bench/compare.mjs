// Repeatability: compares the figures of two results.json files and flags those more than 15% apart.
//   node bench/compare.mjs old.json new.json
import { readFileSync } from "node:fs";

const [a, b] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, "utf8")));
const FIGURES = {
  chat: ["cpuUsPerCall", "callsPerSec", "cpuVsRaw"],
  stream: ["cpuUsPerChunk", "chunksPerSec", "cpuVsRaw"],
  embed: ["cpuMs", "wallMs", "cpuVsRaw", "cpuVsOpenaiSdk"],
  embedMany: ["wallMs", "calls"],
  memory: ["peakRssMB", "wallMs"],
};
const name = (r) => [r.client, r.provider, r.format, r.deployment].filter(Boolean).join("/");
let flagged = 0;
let total = 0;
for (const [section, keys] of Object.entries(FIGURES)) {
  for (const row of b[section] ?? []) {
    const old = (a[section] ?? []).find((r) => name(r) == name(row));
    if (!old) continue;
    for (const key of keys) {
      const x = old[key];
      const y = row[key];
      if (!Number.isFinite(x) || !Number.isFinite(y) || (row.ok === false && key == "wallMs")) continue;
      total++;
      const change = y / x - 1;
      const flag = Math.abs(change) > 0.15;
      if (flag) flagged++;
      if (flag || process.argv.includes("--all")) console.log(`${flag ? "!!" : "  "} ${section.padEnd(9)} ${name(row).padEnd(26)} ${key.padEnd(15)} ${x.toFixed(2).padStart(10)} → ${y.toFixed(2).padStart(10)} (${(change * 100).toFixed(0)}%)`);
    }
  }
}
console.log(`${flagged} of ${total} figures moved more than 15% between the two runs`);
