// The few statistics the bench reports: medians, quartiles and ranges of runs, and ratios paired by round.

const finite = (xs) => xs.filter((x) => Number.isFinite(x));

/** The q-quantile (0..1) of the finite values, linearly interpolated; NaN when there are none. */
export function quantile(xs, q) {
  const s = finite(xs).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const at = (s.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return s[low] + (s[high] - s[low]) * (at - low);
}

export const median = (xs) => quantile(xs, 0.5);

/** Median, quartiles and range of a list of figures: what one run may be expected to give. */
export function spreadOf(xs) {
  const s = finite(xs);
  return {
    n: s.length,
    median: median(s),
    q1: quantile(s, 0.25),
    q3: quantile(s, 0.75),
    min: s.length ? Math.min(...s) : NaN,
    max: s.length ? Math.max(...s) : NaN,
  };
}

/**
 * The ratio of `runs` to `floorRuns` in each round (same index = same round), then their spread: drift between
 * rounds (other work on the machine) cancels out, since both sides of a ratio ran back to back.
 */
export function pairedRatios(runs, floorRuns, key) {
  const ratios = [];
  for (let round = 0; round < runs.length; round++) {
    const a = runs[round]?.[key];
    const b = floorRuns[round]?.[key];
    if (Number.isFinite(a) && Number.isFinite(b) && b > 0) ratios.push(a / b);
  }
  return { ...spreadOf(ratios), ratios };
}
