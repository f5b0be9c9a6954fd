/** Arithmetic helpers shared by the consistency rules: comparing at the author's precision. */
import { formatNumber } from '../../model/numbers';
import type { NumberToken, StatusDoc } from '../../model/schema';

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
  return Math.trunc(exact * f + 1e-9) / f === written;
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

/** A number as written: `1,234.5` or `12`. */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/**
 * The text the rules may read: every block (headings, paragraphs, table cells, lines of plain
 * fenced code) with its markup masked, everything else (list markers, code with a language,
 * HTML blocks, front matter) blanked to spaces. Same length and line breaks as `text`, so a
 * match's index is a document offset.
 */
export function checkedText(doc: Pick<StatusDoc, 'blocks'>, text: string): string {
  const cached = checkedTextCache.get(doc);
  if (cached && cached.text === text) return cached.masked;
  const blocks = doc.blocks.filter((b) => b.kind !== 'html').sort((a, b) => a.range.offset - b.range.offset);
  const parts: string[] = [];
  let at = 0;
  for (const b of blocks) {
    const end = b.range.offset + b.text.length;
    if (end <= at) continue;
    if (b.range.offset > at) parts.push(text.slice(at, b.range.offset).replace(/[^\r\n]/g, ' '));
    parts.push(b.range.offset >= at ? b.text : b.text.slice(at - b.range.offset));
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at).replace(/[^\r\n]/g, ' '));
  const masked = parts.join('');
  checkedTextCache.set(doc, { text, masked });
  return masked;
}

const checkedTextCache = new WeakMap<object, { text: string; masked: string }>();

/** The lines of a text with their start offsets. */
export function linesWithOffsets(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let at = 0;
  for (const part of text.split(/(\r\n|\r|\n)/)) {
    if (part === '\n' || part === '\r\n' || part === '\r') { at += part.length; continue; }
    out.push({ text: part, offset: at });
    at += part.length;
  }
  return out;
}

/** Seconds per time unit, for comparing `30 minutes` with `6h`. */
const TIME_UNITS: [RegExp, number][] = [
  [/^(?:ms|msec|millis(?:econds?)?)$/i, 0.001],
  [/^(?:µs|us|microseconds?)$/i, 0.000001],
  [/^(?:ns|nanoseconds?)$/i, 1e-9],
  [/^(?:s|sec|secs|seconds?)$/i, 1],
  [/^(?:m|min|mins|minutes?)$/i, 60],
  [/^(?:h|hr|hrs|hours?)$/i, 3600],
  [/^(?:d|days?)$/i, 86400],
  [/^(?:w|wk|wks|weeks?)$/i, 604800],
];
const SIZE_UNITS: [RegExp, number][] = [
  [/^(?:b|bytes?)$/i, 1],
  [/^(?:kb|kib)$/i, 1024],
  [/^(?:mb|mib)$/i, 1024 ** 2],
  [/^(?:gb|gib)$/i, 1024 ** 3],
];

/**
 * The scale of a unit within its family (`time`, `size`), or the unit itself as its own
 * family with scale 1 (`%`, `lines`), or null when there is no unit.
 */
export function unitScale(unit: string | null | undefined): { family: string; scale: number } | null {
  const u = (unit ?? '').trim();
  if (!u) return null;
  for (const [re, s] of TIME_UNITS) if (re.test(u)) return { family: 'time', scale: s };
  for (const [re, s] of SIZE_UNITS) if (re.test(u)) return { family: 'size', scale: s };
  return { family: u.toLowerCase(), scale: 1 };
}
