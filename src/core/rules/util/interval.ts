/**
 * Interval arithmetic for values written at a precision: `0.26` may be anything in
 * [0.255, 0.265), so a factor or change computed from it is an interval too.
 */
import { agreesAtPrecision } from '../../model/arithmetic';
import type { Quantity } from '../../model/schema';

export interface Interval { lo: number; hi: number }

/**
 * Values written with decimals, times and sizes are measured and rounded; whole counts and
 * whole percentages are taken as written.
 */
function measured(q: Quantity, family: string | null): boolean {
  return q.precision > 0 || family === 'time' || family === 'size';
}

/** The values a written endpoint may stand for, scaled to its unit family's base. */
export function endpointInterval(q: Quantity, scale: number, family: string | null): Interval {
  const h = measured(q, family) ? 0.5 * 10 ** -q.precision : 0;
  return { lo: (q.value - h) * scale, hi: (q.value + h) * scale };
}

/** The range of `f(a, b)` over two intervals, for `f` monotone in each argument. */
export function over(a: Interval, b: Interval, f: (x: number, y: number) => number): Interval {
  const v = [f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)].filter(Number.isFinite);
  return v.length ? { lo: Math.min(...v), hi: Math.max(...v) } : { lo: NaN, hi: NaN };
}

/** Whether a value written with `precision` decimals (rounded or truncated) can be a value of `iv`. */
export function writtenWithin(written: number, precision: number, iv: Interval, truncatedOnly?: number): boolean {
  if (!Number.isFinite(iv.lo)) return false;
  const step = 10 ** -precision;
  const eps = 1e-9 * Math.max(1, Math.abs(written));
  // Rounded: written − step/2 ≤ v < written + step/2; truncated toward zero: |v| in [|written|, |written| + step).
  if (iv.hi >= written - step / 2 - eps && iv.lo < written + step / 2 - eps) return true;
  const tl = written >= 0 ? written : written - step;
  const th = written >= 0 ? written + step : written;
  // With `truncatedOnly`, truncation applies to that exact value, not to every value the rounding allows
  // (`120 ms → 40 ms` is 2.95–3.05x: `3x`, not a truncated `2x`).
  const t = truncatedOnly === undefined ? iv : { lo: truncatedOnly, hi: truncatedOnly };
  // Toward zero: [written, written + step) when positive, (written − step, written] when negative.
  if (written >= 0 ? t.hi >= tl - eps && t.lo < th - eps : t.hi > tl + eps && t.lo <= th + eps) return true;
  return agreesAtPrecision(written, (iv.lo + iv.hi) / 2, precision);
}

/** Whether a stated range [low, high] (at `precision`) meets `iv`. */
export function rangeWithin(low: number, high: number, precision: number, iv: Interval): boolean {
  const h = 0.5 * 10 ** -precision;
  return iv.hi >= low - h && iv.lo <= high + h;
}

export { formatNumber, unitScale } from '../../model/arithmetic';
