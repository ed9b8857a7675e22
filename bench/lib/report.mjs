// Markdown helpers shared by the scenarios' reports, and the shape of what a scenario hands back.

export const NA = "n/a (feature missing)";

export const num = (x, digits = 0) =>
  Number.isFinite(x) ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "—";

export const times = (r) => (Number.isFinite(r) ? r.toFixed(2) + "×" : "—");

/** "±x%": half the run-to-run range over the median. */
export const pm = (s) => (s && Number.isFinite(s.median) && s.n > 1 ? "±" + (((s.max - s.min) / 2 / s.median) * 100).toFixed(0) + "%" : "");

/** A paired ratio with its spread: "1.08× (IQR 1.05–1.12, range 0.98–1.30, 21 rounds)". */
export function ratioText(r) {
  if (!r || !Number.isFinite(r.median)) return "—";
  if (r.n == 1) return `${times(r.median)} (1 round)`;
  return `${times(r.median)} (IQR ${r.q1.toFixed(2)}–${r.q3.toFixed(2)}, range ${r.min.toFixed(2)}–${r.max.toFixed(2)}, ${r.n} rounds)`;
}

export function table(head, rows) {
  const cell = (c) => String(c ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map((_, i) => (i ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}

export const PROVIDER = { openai: "OpenAI", azure: "Azure" };

/**
 * A target line for the summary table. `measured` is a number (shown as a ratio unless `unit`), a string, or
 * undefined with `na` (the feature is missing from this build: no verdict).
 */
export const target = (issue, name, measured, limit, pass, { unit, na } = {}) => ({
  issue,
  target: name,
  measured: na ? NA : measured,
  unit,
  limit,
  pass: na ? undefined : pass,
});

export function targetText(t) {
  if (typeof t.measured != "number") return String(t.measured ?? "—");
  if (t.unit == "B") return num(t.measured) + " B";
  if (t.unit == "MB") return num(t.measured, 1) + " MB";
  if (t.unit == "%") return num(t.measured, 1) + " %";
  if (t.unit == "n") return num(t.measured);
  return times(t.measured);
}

/** The first failure text of a contender's runs, shortened for a table. */
export const failureOf = (runs) => {
  const failed = runs.find((r) => r && r.ok === false);
  return failed ? String(failed.failure ?? "").slice(0, 110) : undefined;
};
