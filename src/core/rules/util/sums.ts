/** Sums as authors write them: agreement at the author's precision, and numbers shown their way. */
import { agreesAtPrecision, formatLike, roundTo, withinTolerance } from '../../model/arithmetic';
import type { Claim, Evidence, Quantity } from '../../model/schema';

const CURRENCIES = new Set(['$', '€', '£', '¥', '₹', 'â‚¬']);
const BOUNDS = new Set(['<', '>', '≤', '≥', '<=', '>=']);

export const isApprox = (q: Pick<Quantity, 'qualifier'>): boolean => q.qualifier === '~' || q.qualifier === '≈';

/** `value` written like `q`: `90%`, `$4,050`, `8.08/10`, `1,200`. */
export function show(q: Quantity, value = q.value, precision = q.precision): string {
  const n = formatLike({ text: q.text, precision }, roundTo(value, precision));
  if (q.unit === '%') return `${n}%`;
  if (q.of !== null) return `${n}/${q.of}`;
  if (q.unit && CURRENCIES.has(q.unit)) return value < 0 ? `-${q.unit}${n.slice(1)}` : `${q.unit}${n}`;
  return n;
}

/** The parts' quantities of a claim's evidence with `role`. */
export function quantities(evidence: readonly Evidence[], role: string): Quantity[] {
  return evidence.filter((e) => e.role === role && e.quantity).map((e) => e.quantity!);
}

/**
 * Whether a stated total agrees with the sum of its parts: at the author's precision, within
 * the rounding of the parts (0.33 + 0.33 + 0.33 = 1.00), or within tolerance when one is `~`.
 */
export function sumAgrees(stated: Quantity, parts: readonly Quantity[], sum: number, tolerance: number): boolean {
  if (stated.qualifier && BOUNDS.has(stated.qualifier)) return true;
  if (agreesAtPrecision(stated.value, sum, stated.precision)) return true;
  // Rounded parts: each may be off by half a unit of its last digit.
  const rounded = parts.some((p) => p.precision > 0 || p.unit === '%');
  const slack = rounded ? parts.reduce((s, p) => s + 0.5 * 10 ** -p.precision, 0) : 0;
  if (Math.abs(stated.value - sum) <= slack + 1e-9) return true;
  if (isApprox(stated) || parts.some(isApprox)) return withinTolerance(stated.value, sum, tolerance);
  return false;
}

/** The precision a sum is shown with: the finest of the total and its parts. */
export const sumPrecision = (stated: Quantity, parts: readonly Quantity[]): number => Math.max(stated.precision, ...parts.map((p) => p.precision));

/** The completion a weighted row multiplies its weight by: a percentage (`9/10` = 90) or the value itself. */
export function completionFactor(q: Quantity, as: unknown): number {
  if (as === 'percent') return q.of ? (q.value / q.of) * 100 : q.value;
  return q.value;
}

/** The decimals that show `value` exactly (up to `precision + 3`): 2.125, not 2.13, in arithmetic. */
export function exactPrecision(value: number, precision: number): number {
  for (let d = precision; d < precision + 3; d++) if (Math.abs(roundTo(value, d) - value) < 1e-9) return d;
  return precision + 3;
}

/** weight × completion of evidence group `g`. */
export function product(c: Claim, g: number | null): number {
  const w = c.evidence.find((e) => e.role === 'weight' && e.group === g)!.quantity!;
  const k = c.evidence.find((e) => e.role === 'completion' && e.group === g)!.quantity!;
  return (w.value / 100) * completionFactor(k, c.data.completionAs);
}

/** The contributions of a weighted total: as written, and with each wrong row replaced by weight × completion. */
export function contributions(c: Claim): { written: Quantity; right: number; group: number | null }[] {
  return c.evidence.filter((e) => e.role === 'part').map((e) => {
    const q = e.quantity!;
    const p = product(c, e.group);
    return { written: q, right: agreesAtPrecision(q.value, p, q.precision) ? q.value : p, group: e.group };
  });
}

