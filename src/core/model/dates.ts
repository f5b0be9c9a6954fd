/**
 * Dates as status documents write them. This file holds the date grammar; every form has
 * fixtures in `test/unit/dates.test.ts`.
 *
 * Forms: ISO days (`2026-02-10`, `2026/02/10`), month names (`February 2, 2026`, `Feb 2`,
 * `2 February 2026`), an optional time after the day (`Oct 31, 2025 @ 12:00 UTC`), ranges
 * (`Oct 19-31, 2025`, `Nov 2-30`, `Oct 31 - Nov 2, 2025`, `2026-02-10 → 2026-02-18`), months
 * (`March 2026`), quarters (`Q2 2026`, due at the quarter's end), weeks relative to a start date
 * (`Week 1`, `Weeks 2-3`), and "no date" markers (`TBD`, `TBA`, a lone `—`). A weekday written
 * next to a date (`Friday, 2026-05-14`, `Feb 2 (Mon)`) is captured. Text that looks like a date
 * but names no calendar day (`2026-02-30`) is returned with `invalid` set and no `date`.
 */

export type DateKind = 'day' | 'range' | 'month' | 'quarter' | 'week' | 'none';

export interface RawDate {
  /** `YYYY-MM-DD` of the day meant (for ranges the last day), or null when none/invalid. */
  date: string | null;
  start: string | null;
  text: string;
  /** Offsets in the searched text. */
  index: number;
  length: number;
  weekday: number | null;
  /** Offsets of the weekday name when one is written next to the date. */
  weekdayIndex: number | null;
  weekdayLength: number | null;
  invalid: string | null;
  none: boolean;
  kind: DateKind;
}

export interface FindDatesOptions {
  /** Month (1-12) of the document's own date: a yearless January written in a December document is next year's. */
  defaultMonth?: number | null;
  /** `YYYY-MM-DD` that `Week 1` starts on; without it `Week N` is not a date. */
  weekStart?: string | null;
}

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

export const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function isoDay(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const dayNumber = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
};
const fromDayNumber = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** Whole days from `a` to `b` (both `YYYY-MM-DD`): positive when `b` is later. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

/** Writes `weekday` the way `sample` is written: full or short name, its case. */
export function weekdayLike(weekday: number, sample: string): string {
  const full = WEEKDAY_NAMES[weekday]!;
  const bare = sample.replace(/\.$/, '');
  const isFull = WEEKDAY_NAMES.some((n) => n.toLowerCase() === bare.toLowerCase());
  let name = isFull ? full : full.slice(0, 3);
  if (bare === bare.toUpperCase()) name = name.toUpperCase();
  else if (bare === bare.toLowerCase()) name = name.toLowerCase();
  return name + (sample.endsWith('.') ? '.' : '');
}

function lastDayOfMonth(y: number, m: number): string {
  return fromDayNumber(dayNumber(isoDay(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1)!) - 1);
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const ORD = String.raw`(?:st|nd|rd|th)?`;
const DASH = String.raw`\s*(?:-|–|—|to|through|until|→|->|=>)\s*`;
const TIME = String.raw`(?:\s*(?:@|at|,)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:-|–)\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?(?:\s*(?:UTC|GMT|Z|[ECMP][SD]T|CES?T|BST|IST|JST|KST))?)?`;
const ISO_DAY = String.raw`(?<![\w.-])(\d{4})([-/])(\d{2})\2(\d{2})(?![\d])`;

/** The patterns, most specific first; a later match never overlaps an earlier one. */
const PATTERNS: { kind: 'iso-range' | 'iso' | 'md-range2' | 'md-range' | 'md' | 'dm-range' | 'dm' | 'month' | 'quarter' | 'week' | 'none'; re: RegExp }[] = [
  { kind: 'iso-range', re: new RegExp(String.raw`(?<![\w.-])(?<y1>\d{4})-(?<m1>\d{2})-(?<d1>\d{2})${DASH}(?<y2>\d{4})-(?<m2>\d{2})-(?<d2>\d{2})(?!\d)`, 'giu') },
  { kind: 'iso', re: new RegExp(String.raw`${ISO_DAY}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?|${TIME})`, 'giu') },
  // `Oct 31 - Nov 2, 2025`, `October 31, 2025 – November 2, 2025`
  { kind: 'md-range2', re: new RegExp(String.raw`\b(?<m1>${MONTH})\.?\s+(?<d1>\d{1,2})${ORD}(?:,?\s+(?<y1>\d{4}))?${DASH}(?<m2>${MONTH})\.?\s+(?<d2>\d{1,2})${ORD}(?:,?\s+(?<y2>\d{4}))?(?![\d:])`, 'giu') },
  // `Oct 19-31, 2025`, `Nov 2-30`
  { kind: 'md-range', re: new RegExp(String.raw`\b(?<m1>${MONTH})\.?\s+(?<d1>\d{1,2})${ORD}\s*(?:-|–|—)\s*(?<d2>\d{1,2})${ORD}(?:,?\s+(?<y2>\d{4}))?(?![\d:%])`, 'giu') },
  // `February 2, 2026`, `Feb 2`, `Oct 31, 2025 @ 12:00 UTC`
  // (`May 1,000 users` is a count, not a date: a comma and a digit after the day is a thousands separator.)
  { kind: 'md', re: new RegExp(String.raw`\b(?<m1>${MONTH})\.?\s+(?<d1>\d{1,2})${ORD}(?:(?:,\s*|\s+)(?<y1>\d{4})(?!\d))?(?![\d%]|[.,]\d)${TIME}`, 'giu') },
  // `2-5 February 2026`
  { kind: 'dm-range', re: new RegExp(String.raw`(?<![\w.])(?<d1>\d{1,2})${ORD}\s*(?:-|–)\s*(?<d2>\d{1,2})${ORD}\s+(?<m1>${MONTH})\.?,?\s+(?<y1>\d{4})\b`, 'giu') },
  // `2 February 2026`
  { kind: 'dm', re: new RegExp(String.raw`(?<![\w.])(?<d1>\d{1,2})${ORD}\s+(?<m1>${MONTH})\.?,?\s+(?<y1>\d{4})\b${TIME}`, 'giu') },
  // `March 2026`
  { kind: 'month', re: new RegExp(String.raw`\b(?<m1>${MONTH})\.?,?\s+(?<y1>\d{4})\b`, 'giu') },
  // `Q2 2026`, `Q2-2026`, `2026 Q2`, `2026-Q2`
  { kind: 'quarter', re: /\b(?:Q(?<q1>[1-4])[\s-]?(?:FY)?(?<y1>\d{4})|(?<y2>\d{4})[\s-]?Q(?<q2>[1-4]))\b/gu },
  // `Week 1`, `Weeks 2-3`
  { kind: 'week', re: /\bweeks?\s+(?<w1>\d{1,2})(?:\s*(?:-|–)\s*(?<w2>\d{1,2}))?\b/giu },
  { kind: 'none', re: /\b(?:TBD|TBA|TBC)\b/gu },
];

const WEEKDAY = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?`;
/** `Mon-Fri`, `Tue/Thu`, `Mon to Wed`: the days of a span or a list, not the weekday of the date next to them. */
const WEEKDAY_JOIN = String.raw`\s*(?:-|–|—|/|&|\+|\bto\b|\bthrough\b|\band\b|\bor\b)\s*`;
const WEEKDAY_BEFORE = new RegExp(String.raw`(?<!\b${WEEKDAY}${WEEKDAY_JOIN})\b(${WEEKDAY}),?\s+$`, 'iu');
const WEEKDAY_AFTER = new RegExp(String.raw`^(?:\s*\(\s*(${WEEKDAY})\s*\)|,\s*(${WEEKDAY})\b(?!${WEEKDAY_JOIN}${WEEKDAY}))`, 'iu');

/** Finds the dates in `text`. `defaultYear` completes dates written without a year. */
export function findDates(text: string, defaultYear: number | null = null, options: FindDatesOptions = {}): RawDate[] {
  const out: RawDate[] = [];
  const bare = text.replace(/^[\s|]+|[\s|]+$/g, '');
  if (bare === '—' || bare === '–' || bare === '-' || bare === '--') {
    const index = text.indexOf(bare);
    out.push(blank(bare, index, 'none'));
    return out;
  }
  if (!/\d|TB[DAC]/.test(text)) return out;
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const yearFor = (month: number): number | null => {
    if (defaultYear === null) return null;
    const dm = options.defaultMonth ?? null;
    if (dm !== null && dm >= 10 && month <= 3) return defaultYear + 1;
    if (dm !== null && dm <= 3 && month >= 10) return defaultYear - 1;
    return defaultYear;
  };
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const len = m[0].replace(/\s+$/, '').length;
      if (!len || !free(m.index, m.index + len)) continue;
      const d = interpret(kind, m, yearFor, options);
      if (d === undefined) continue;
      d.text = m[0].slice(0, len);
      d.index = m.index;
      d.length = len;
      taken.push([m.index, m.index + len]);
      out.push(d);
    }
  }
  for (const d of out) {
    if (d.kind === 'none' || d.kind === 'week' || d.kind === 'quarter' || d.kind === 'month') continue;
    const before = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, d.index - 28), d.index));
    if (before) {
      const start = d.index - before[0].length;
      d.weekday = WEEKDAYS[before[1]!.toLowerCase().replace(/\.$/, '')] ?? null;
      d.weekdayIndex = start;
      d.weekdayLength = before[1]!.length;
      continue;
    }
    const after = WEEKDAY_AFTER.exec(text.slice(d.index + d.length, d.index + d.length + 32));
    if (after) {
      const name = after[1] ?? after[2]!;
      d.weekday = WEEKDAYS[name.toLowerCase().replace(/\.$/, '')] ?? null;
      d.weekdayIndex = d.index + d.length + after[0].lastIndexOf(name);
      d.weekdayLength = name.length;
    }
  }
  out.sort((a, b) => a.index - b.index);
  return out;
}

function blank(text: string, index: number, kind: DateKind): RawDate {
  return { date: null, start: null, text, index, length: text.length, weekday: null, weekdayIndex: null, weekdayLength: null, invalid: null, none: kind === 'none', kind };
}

function interpret(
  kind: (typeof PATTERNS)[number]['kind'],
  m: RegExpMatchArray,
  yearFor: (month: number) => number | null,
  options: FindDatesOptions,
): RawDate | undefined {
  const g = m.groups ?? {};
  const month = (s: string | undefined) => (s ? MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? 0 : 0);
  const result = (k: DateKind, start: string | null, date: string | null, invalid: string | null = null): RawDate => ({
    ...blank(m[0], m.index!, k), start, date, invalid,
  });
  const notADayOf = (day: string) => `${day} is not a calendar day`;
  const notADay = notADayOf(m[0].trim());
  switch (kind) {
    case 'iso-range': {
      const a = isoDay(+g.y1!, +g.m1!, +g.d1!);
      const b = isoDay(+g.y2!, +g.m2!, +g.d2!);
      if (!plausible(+g.m1!, +g.d1!) || !plausible(+g.m2!, +g.d2!)) return undefined;
      // An end before the start is not a range: the two days are read on their own.
      if (a && b && b < a) return undefined;
      return a && b ? result('range', a, b) : result('range', null, null, notADayOf(a ? `${g.y2}-${g.m2}-${g.d2}` : `${g.y1}-${g.m1}-${g.d1}`));
    }
    case 'iso': {
      const y = +m[1]!, mo = +m[3]!, d = +m[4]!;
      if (!plausible(mo, d) || y < 1900 || y > 2199) return undefined;
      const day = isoDay(y, mo, d);
      return day ? result('day', null, day) : result('day', null, null, `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]} is not a calendar day`);
    }
    case 'md-range2': {
      const m1 = month(g.m1), m2 = month(g.m2);
      const y2 = g.y2 ? +g.y2 : g.y1 ? +g.y1 : yearFor(m2);
      if (y2 === null) return undefined;
      const y1 = g.y1 ? +g.y1 : m1 > m2 ? y2 - 1 : y2;
      const a = isoDay(y1, m1, +g.d1!);
      const b = isoDay(y2, m2, +g.d2!);
      if (a && b && b < a) return undefined;
      return a && b ? result('range', a, b) : result('range', null, null, notADay);
    }
    case 'md-range': {
      const m1 = month(g.m1);
      const y = g.y2 ? +g.y2 : yearFor(m1);
      if (y === null || +g.d2! <= +g.d1!) return undefined;
      const a = isoDay(y, m1, +g.d1!);
      const b = isoDay(y, m1, +g.d2!);
      return a && b ? result('range', a, b) : result('range', null, null, notADay);
    }
    case 'md': case 'dm': {
      const m1 = month(g.m1);
      // Without a year, only a capitalized month name is a date (`may 2` is a verb).
      if (!g.y1 && !/^[A-Z]/.test(g.m1!)) return undefined;
      const y = g.y1 ? +g.y1 : yearFor(m1);
      if (y === null || +g.d1! < 1 || +g.d1! > 31) return undefined;
      const day = isoDay(y, m1, +g.d1!);
      return day ? result('day', null, day) : result('day', null, null, notADay);
    }
    case 'dm-range': {
      const m1 = month(g.m1);
      const a = isoDay(+g.y1!, m1, +g.d1!);
      const b = isoDay(+g.y1!, m1, +g.d2!);
      if (+g.d2! <= +g.d1!) return undefined;
      return a && b ? result('range', a, b) : result('range', null, null, notADay);
    }
    case 'month': {
      const m1 = month(g.m1);
      if (!/^[A-Z]/.test(g.m1!)) return undefined;
      return result('month', isoDay(+g.y1!, m1, 1), lastDayOfMonth(+g.y1!, m1));
    }
    case 'quarter': {
      const q = +(g.q1 ?? g.q2)!;
      const y = +(g.y1 ?? g.y2)!;
      if (y < 1900 || y > 2199) return undefined;
      return result('quarter', isoDay(y, q * 3 - 2, 1), lastDayOfMonth(y, q * 3));
    }
    case 'week': {
      if (!options.weekStart) return undefined;
      const w1 = +g.w1!;
      const w2 = g.w2 ? +g.w2 : w1;
      if (w1 < 1 || w2 < w1 || w2 > 60) return undefined;
      return result('week', addDays(options.weekStart, (w1 - 1) * 7), addDays(options.weekStart, w2 * 7 - 1));
    }
    case 'none':
      return result('none', null, null);
  }
}

/** A month 1-12 and a day 1-31: looks like a date (a day past the month's end is invalid, not "no date"). */
function plausible(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** What the document's own fields say about its dates: the year and month yearless dates take, and when `Week 1` starts. */
export function documentDateContext(fields: readonly { name: string; value: string }[]): { defaultYear: number | null } & FindDatesOptions {
  const docDate = fields.find((f) => f.name === 'date' || f.name === 'last-updated');
  let defaultYear: number | null = null;
  let defaultMonth: number | null = null;
  if (docDate) {
    const d = findDates(docDate.value).find((x) => x.date);
    if (d?.date) {
      defaultYear = Number(d.date.slice(0, 4));
      defaultMonth = Number(d.date.slice(5, 7));
    } else defaultYear = Number(/\b(?:19|20)\d{2}\b/.exec(docDate.value)?.[0] ?? NaN) || null;
  }
  const start = fields.find((f) => f.name === 'start-date' && findDates(f.value, defaultYear, { defaultMonth }).some((x) => x.date && x.kind === 'day'));
  const weekStart = start ? findDates(start.value, defaultYear, { defaultMonth }).find((x) => x.date && x.kind === 'day')!.date : null;
  return { defaultYear, defaultMonth, weekStart };
}
