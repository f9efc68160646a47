// Repeated measurements: a benchmark reports min / median / max over its runs, and is judged on
// the median, so that one noisy run can neither pass nor fail it.
export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(samples: readonly number[]): Spread {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { min: s[0], median, max: s[s.length - 1] };
}

/** "median (min–max)" with `digits` decimals and a unit. */
export function showSpread(x: Spread, digits = 2, unit = ''): string {
  const f = (v: number) => `${v.toFixed(digits)}${unit}`;
  return `${f(x.median)} (${f(x.min)}–${f(x.max)})`;
}
