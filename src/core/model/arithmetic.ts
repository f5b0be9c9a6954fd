/** Arithmetic shared by the model and the rules: comparing at the author's precision, writing numbers the author's way. */
import { formatNumber } from './numbers';
import type { NumberToken } from './schema';

/** Rounds half away from zero at `precision` decimals, robust to binary noise (0.1 + 0.2). */
export function roundTo(value: number, precision: number): number {
  const f = 10 ** precision;
  const scaled = Math.abs(value) * f;
  const r = Math.round(scaled + 1e-9 * Math.max(1, scaled)) / f;
  return value < 0 ? -r : r;
}

/**
 * Whether `written` (with `precision` decimals) is a fair rendering of `exact`: equal after
 * rounding, or after truncation (authors often floor: 94.8% written as 94%).
 */
export function agreesAtPrecision(written: number, exact: number, precision: number): boolean {
  if (roundTo(exact, precision) === roundTo(written, precision)) return true;
  const f = 10 ** precision;
  return Math.trunc(exact * f + Math.sign(exact) * 1e-9) / f === written;
}

/** Whether an approximate claim (`~730`) is within `tolerance` (relative) of `exact`. */
export function withinTolerance(claimed: number, exact: number, tolerance: number): boolean {
  if (exact === 0) return claimed === 0;
  return Math.abs(claimed - exact) / Math.abs(exact) <= tolerance;
}

export function isApproximate(token: Pick<NumberToken, 'qualifier'>): boolean {
  return token.qualifier === '~' || token.qualifier === '≈' || token.qualifier === '+' || token.qualifier === '±';
}

/** `value` written the way `like` was: same precision, thousands separators when it had them. */
export function formatLike(like: Pick<NumberToken, 'text' | 'precision'>, value: number): string {
  const s = formatNumber(value, like.precision);
  // `1.120` read as a whole count (precision 0): dots for thousands, as written.
  if (like.precision === 0 && /^[~≈]?\d{1,3}(?:\.\d{3})+$/.test(like.text)) return s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  if (/^\D{0,3}\d{1,3},\d{1,2}$/.test(like.text)) return s.replace('.', ','); // a decimal comma: `8,0`
  if (!/\d,\d{3}/.test(like.text)) return s;
  const [int, dec] = s.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return dec === undefined ? grouped : `${grouped}.${dec}`;
}

/** A signed delta as authors write it: `+18`, `-6`, `0`. */
export function signed(value: number, precision = 0): string {
  const s = formatNumber(value, precision);
  return value > 0 ? `+${s}` : s;
}

/** Units and number formatting, for comparing and writing quantities (`30 minutes` vs `6h`). */
export { unitScale } from '../grammar/units';
export { formatNumber } from './numbers';
