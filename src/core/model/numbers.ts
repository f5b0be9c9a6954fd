/**
 * Numbers as authors write them: percentages, ratios (`164/173`, `47 of 52`), factors
 * (`4.3x`), counts (`3 files`, `~730 lines`, `15+ widgets`) and bare numbers, each with its
 * exact span, the precision it was written with and its qualifier (`~`, `≈`, `+`, `<`, `>`).
 */
import { allMatches } from './regex';

export type NumberKind = 'percent' | 'ratio' | 'count' | 'factor' | 'number';

export interface RawNumber {
  kind: NumberKind;
  value: number;
  of: number | null;
  precision: number;
  qualifier: string | null;
  /** An explicit sign written before the number (`+32 points`, `-6%`). */
  sign: '+' | '-' | null;
  unit: string | null;
  /** Offsets within the searched text. */
  start: number;
  end: number;
  text: string;
}

const NUM = String.raw`\d{1,3}(?:,\d{3}){1,6}(?:\.\d+)?|\d+(?:\.\d+)?`;
/** A number must not continue a word, a version, a path, a time or an identifier. */
const NOT_AFTER = String.raw`(?<![\p{L}\p{N}_.,:/\\#@$€£¥-])`;
// Whitespace belongs to a number only after a qualifier (`~ 730`), never before a bare number.
const QUAL = String.raw`(?:(?<q>[~≈]|[<>≤≥]=?|\+/-|±)\s?)?`;
const SIGN = String.raw`(?<sign>[+\-−])?`;

/**
 * A decimal comma (`8,0%`, `12,5 %`): one or two digits after the comma cannot be a thousands
 * group, so before a percent sign it is unambiguous in any language.
 */
const DECIMAL_COMMA = String.raw`\d{1,3},\d{1,2}(?![\d,.])`;
const PERCENT = new RegExp(String.raw`${NOT_AFTER}${QUAL}${SIGN}(?<n>${DECIMAL_COMMA}|${NUM})\s?%(?<plus>\+)?`, 'gu');
const RATIO = new RegExp(
  String.raw`${NOT_AFTER}${QUAL}(?<n>${NUM})(?:\s?/\s?|\s+(?<w>out\s+of|of|de|von|sur|из)\s+)(?<d>${NUM})(?![\p{N}/]|\.\d|\s?%)`,
  'gu',
);
const FACTOR = new RegExp(String.raw`${NOT_AFTER}${QUAL}(?<n>${NUM})\s?[x×](?![\p{L}\p{N}])`, 'gu');
const COUNT = new RegExp(String.raw`${NOT_AFTER}${QUAL}${SIGN}(?<n>${NUM})(?<plus>\+)?\s+(?<unit>\p{L}[\p{L}\-]*)`, 'gu');
const BARE = new RegExp(String.raw`${NOT_AFTER}${QUAL}${SIGN}(?<n>${NUM})(?<plus>\+)?(?![\p{L}\p{N}_]|[.,]\d)`, 'gu');

/** Spans that look numeric but are not quantities: dates, times, versions, ids, hashes, ranges. */
const NOT_QUANTITIES = new RegExp(
  [
    String.raw`\b\d{4}-\d{1,2}-\d{1,2}\b`, // ISO dates
    String.raw`\b\d{1,2}/\d{1,2}/\d{2,4}\b`, // 10/12/2025
    String.raw`\b\d{1,2}:\d{2}(?::\d{2})?\b`, // times
    String.raw`\bv?\d+(?:\.\d+){2,}\b`, // versions 1.2.3
    String.raw`\b[vV]\d+(?:\.\d+)*\b`, // v3, v1.2
    String.raw`\b[A-Z]{1,6}-\d+\b`, // DQ-012, US-12
    String.raw`#\d+`,
    String.raw`\b\d+(?:\.\d+)?\s?[-–]\s?\d+(?:\.\d+)?\s?%?`, // ranges 25-35, 8-10%
    String.raw`\b(?:19|20)\d{2}\b`, // years
    String.raw`\b24/7\b`,
  ].join('|'),
  'gu',
);

/** Extracts numbers from `text`; each character belongs to at most one number. */
export function extractNumbers(text: string): RawNumber[] {
  if (!/\d/.test(text)) return [];
  const taken = new Uint8Array(text.length);
  for (const m of allMatches(text, NOT_QUANTITIES)) {
    // Ranges of percentages stay visible to the percent pass; everything else is blanked.
    if (/%$/.test(m[0])) continue;
    taken.fill(1, m.index, m.index + m[0].length);
  }
  const out: RawNumber[] = [];
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return false;
    return true;
  };
  const take = (kind: NumberKind, m: RegExpMatchArray, extra: Partial<RawNumber> = {}) => {
    const start = m.index!;
    const end = start + m[0].length;
    if (!free(start, end)) return;
    taken.fill(1, start, end);
    const g = m.groups!;
    const n = g.n!;
    let value = parseNum(n);
    if (g.sign === '-' || g.sign === '−') value = -value;
    const qualifier = g.q ? g.q.trim() : g.plus ? '+' : null;
    const sign = g.sign === '+' ? '+' : g.sign ? '-' : null;
    out.push({
      kind,
      value,
      of: null,
      precision: decimals(n),
      qualifier,
      sign,
      unit: null,
      start,
      end,
      text: m[0],
      ...extra,
    });
  };
  // A pattern whose hint the text lacks has no match, so it is not run (see HINTS).
  if (text.includes('%')) for (const m of allMatches(text, PERCENT)) {
    // The second half of `3-5%` is part of a range: not a percentage claim of its own.
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (/\d\s?[-–]$/.test(before) || /\d[-–]$/.test(before)) continue;
    take('percent', m);
  }
  if (text.includes('/') || HINTS.ratioWord.test(text)) for (const m of allMatches(text, RATIO)) {
    // `640 de 2.000`: after a word of a language that groups thousands with dots, `2.000` is 2000.
    const g = m.groups!;
    const dots = Boolean(g.w) && !g.w!.endsWith('of');
    const whole = (s: string) => (dots && DOT_THOUSANDS.test(s) ? Number(s.replace(/\./g, '')) : null);
    take('ratio', m, { of: whole(g.d!) ?? parseNum(g.d!), ...(whole(g.n!) !== null ? { value: whole(g.n!)!, precision: 0 } : {}) });
  }
  if (HINTS.factor.test(text)) for (const m of allMatches(text, FACTOR)) take('factor', m);
  if (HINTS.count.test(text)) for (const m of allMatches(text, COUNT)) take('count', m, { unit: m.groups!.unit!.toLowerCase() });
  for (const m of allMatches(text, BARE)) take('number', m);
  out.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * What each pattern needs in the text before it can match (every match passes the test):
 * a percent sign, a slash or a ratio word after a space, a multiplication sign, a space after
 * a number. Same flags as the patterns.
 */
const HINTS = {
  ratioWord: /\s(?:out|of|de|von|sur|из)\s/u,
  factor: /[x×]/u,
  count: /\d\+?\s/u,
};

const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;
/** `8,0` / `12,5`: a decimal comma (one or two digits after it), not a thousands separator. */
const DECIMAL_COMMA_NUMBER = /^\d{1,3},\d{1,2}$/;

export function parseNum(s: string): number {
  if (DECIMAL_COMMA_NUMBER.test(s)) return Number(s.replace(',', '.'));
  return Number(s.replace(/,/g, ''));
}

export function decimals(s: string): number {
  if (DECIMAL_COMMA_NUMBER.test(s)) return s.length - s.indexOf(',') - 1;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Formats `value` with `precision` decimals, trimming `-0`. */
export function formatNumber(value: number, precision: number): string {
  const s = value.toFixed(precision);
  return /^-0(?:\.0+)?$/.test(s) ? s.slice(1) : s;
}
