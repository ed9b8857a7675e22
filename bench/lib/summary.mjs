// From a scenario's runs to its rows: per contender, the median of each numeric figure over its runs and the
// spread of them, the runs themselves (without stderr), and whether this build lacked the feature.
import { pairedRatios, spreadOf } from "./stats.mjs";

/** A contender's name in results.json and in compare.mjs: its fields that tell it apart, joined by "/". */
export const idOf = (v) => [v.client, v.provider, v.format, v.deployment, v.label].filter(Boolean).join("/");

export function summarize(scenario, variants, runs, errors) {
  return variants.map((variant, i) => {
    const { url, ...fields } = variant;
    const all = (runs[i] ?? []).filter(Boolean).map(({ stderr, ...r }) => r);
    const na = all.find((r) => r.na)?.na;
    const ok = all.filter((r) => !r.error && !r.na);
    for (const r of all) if (r.error) errors.push(`${scenario} ${idOf(variant)}: ${r.error}`);
    const row = { id: idOf(variant), ...fields, na, runs: all, spread: {} };
    for (const key of Object.keys(ok[0] ?? {})) {
      if (typeof ok[0][key] == "number") {
        row.spread[key] = spreadOf(ok.map((r) => r[key]));
        row[key] = row.spread[key].median;
      } else if (!(key in row)) row[key] = ok[0][key];
    }
    return row;
  });
}

/**
 * Adds to each row `key` (default "vsFloor"): the paired ratio of its `metric` to the floor's in the same rounds,
 * as { median, q1, q3, min, max, n, ratios }. `floorOf(variant)` picks the floor's index.
 */
export function addRatios(rows, runs, variants, metric, floorOf, key = "vsFloor") {
  rows.forEach((row, i) => {
    const floor = floorOf(variants[i]);
    if (floor < 0 || row.na) return;
    row[key] = pairedRatios(runs[i], runs[floor], metric);
  });
}
