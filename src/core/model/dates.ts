/**
 * Dates as status documents write them. This file holds the date grammar; every form has
 * fixtures in `test/unit/dates.test.ts`.
 */

export interface RawDate {
  /** `YYYY-MM-DD` of the day meant (for ranges the last day), or null when none/invalid. */
  date: string | null;
  start: string | null;
  text: string;
  /** Offsets in the searched text. */
  index: number;
  length: number;
  weekday: number | null;
  invalid: string | null;
  none: boolean;
}

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

export function isoDay(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTH_NAME = String.raw`(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ISO = /(?<![\d-])(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?![\d])/g;
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH_NAME}\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b`, 'gi');

/** Finds the dates in `text`. `defaultYear` completes dates written without a year. */
export function findDates(text: string, _defaultYear: number | null = null): RawDate[] {
  const out: RawDate[] = [];
  if (!/\d/.test(text)) return out;
  for (const m of text.matchAll(ISO)) {
    const g = m.groups!;
    const day = isoDay(Number(g.y), Number(g.m), Number(g.d));
    out.push({
      date: day, start: null, text: m[0], index: m.index, length: m[0].length, weekday: null,
      invalid: day ? null : `${m[0]} is not a calendar day`, none: false,
    });
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const g = m.groups!;
    const month = MONTHS[g.month!.toLowerCase().replace(/\.$/, '')]!;
    const day = isoDay(Number(g.y), month, Number(g.d));
    out.push({
      date: day, start: null, text: m[0], index: m.index, length: m[0].length, weekday: null,
      invalid: day ? null : `${m[0]} is not a calendar day`, none: false,
    });
  }
  out.sort((a, b) => a.index - b.index);
  return out;
}
