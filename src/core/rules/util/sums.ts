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

/** Each claim's evidence by role and group, the first of each (rows look theirs up by group). */
const BY_GROUP = new WeakMap<Claim, Map<string, Evidence>>();
const groupKey = (role: string, group: number | null, label = '') => `${role}\u0000${group}\u0000${label}`;

/** The first evidence of claim `c` with `role` in group `g` (and, when given, with `label`). */
export function inGroup(c: Claim, role: string, g: number | null, label?: string): Evidence | undefined {
  let index = BY_GROUP.get(c);
  if (!index) {
    index = new Map();
    for (const e of c.evidence) {
      for (const key of [groupKey(e.role, e.group), groupKey(e.role, e.group, `\u0001${e.label}`)]) if (!index.has(key)) index.set(key, e);
    }
    BY_GROUP.set(c, index);
  }
  return index.get(label === undefined ? groupKey(role, g) : groupKey(role, g, `\u0001${label}`));
}

/** weight × completion of evidence group `g`. */
export function product(c: Claim, g: number | null): number {
  const w = inGroup(c, 'weight', g)!.quantity!;
  const k = inGroup(c, 'completion', g)!.quantity!;
  return (w.value / 100) * completionFactor(k, c.data.completionAs);
}

export interface Contribution { written: Quantity; right: number; group: number | null }
const CONTRIBUTIONS = new WeakMap<Claim, readonly Contribution[]>();

/** The contributions of a weighted total: as written, and with each wrong row replaced by weight × completion. */
export function contributions(c: Claim): readonly Contribution[] {
  let rows = CONTRIBUTIONS.get(c);
  if (!rows) {
    rows = c.evidence.filter((e) => e.role === 'part').map((e) => {
      const q = e.quantity!;
      const p = product(c, e.group);
      return { written: q, right: agreesAtPrecision(q.value, p, q.precision) ? q.value : p, group: e.group };
    });
    CONTRIBUTIONS.set(c, rows);
  }
  return rows;
}

/**
 * The means an Average row may state: the plain mean of its parts, and why another one fits
 * better (`weighted by Rows`, `the median`), or null.
 */
export function means(c: Claim): { mean: number; parts: Quantity[]; other: string | null } {
  const parts = c.evidence.filter((e) => e.role === 'part' && e.quantity);
  const values = parts.map((e) => e.quantity!.value);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const t = c.stated!;
  const fits = (v: number) => agreesAtPrecision(t.value, v, t.precision);
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  let other: string | null = fits(median) ? 'the median of the column' : null;
  const labels = [...new Set(c.evidence.filter((e) => e.role === 'weight').map((e) => e.label))];
  for (const label of labels) {
    if (other) break;
    const ws = parts.map((p) => inGroup(c, 'weight', p.group, label)?.quantity?.value ?? 0);
    const wsum = ws.reduce((s, w) => s + w, 0);
    if (wsum > 0 && fits(values.reduce((s, v, i) => s + v * ws[i]!, 0) / wsum)) other = `the mean weighted by ${label}`;
  }
  return { mean, parts: parts.map((e) => e.quantity!), other };
}

/** What a two-part total (`n/N`, `n of N`) should say, by form, with the arithmetic; null when it is not checkable. */
export function halves(c: Claim): { n: number; d: number; why: string; related: { range: Claim['range']; message: string }[] } | string {
  const t = c.stated!;
  const parts = c.evidence.filter((e) => e.quantity && (e.role === 'part' || e.role === 'done' || e.role === 'open'));
  const add = (role?: string) => parts.filter((e) => !role || e.role === role).reduce((s, e) => s + e.quantity!.value, 0);
  if (c.form === 'tally') {
    const items = c.evidence.filter((e) => e.role === 'item');
    const n = items.length;
    const d = Number(c.data.rows);
    return { n, d, why: `the table above has ${d} rows, ${n} of them marked ${c.data.mark}`, related: items.slice(0, 20).map((e) => ({ range: e.range, message: `Marked ${c.data.mark}: ${e.label}` })) };
  }
  if (c.form === 'line-total') {
    const n = add();
    const d = parts.reduce((s, e) => s + e.quantity!.of!, 0);
    return { n, d, why: `${c.data.what} add up to ${parts.map((e) => `${e.quantity!.value}/${e.quantity!.of}`).join(' + ')} = ${n}/${d}`, related: parts.map((e) => ({ range: e.range, message: `Part: ${e.label} (${e.quantity!.value}/${e.quantity!.of})` })) };
  }
  const d = add();
  const n = add('done');
  // The numerator adds up every row (a score on a scale, or counted as done though open): not the done rows.
  if (t.value !== n && t.value >= d) return 'the numerator is not the sum of the rows marked done';
  const list = (role?: string) => parts.filter((e) => !role || e.role === role).map((e) => show(e.quantity!)).join(' + ') || '0';
  return {
    n, d, why: `${c.data.what} adds up to ${list()} = ${d}, of which the rows marked done ${list('done')} = ${n}`,
    related: parts.map((e) => ({ range: e.range, message: `${e.label} (${show(e.quantity!)}, ${e.role === 'done' ? 'done' : 'not done'})` })),
  };
}
