/**
 * Date arithmetic on `YYYY-MM-DD` days: what the time rules compute with. No wording here
 * (the date grammar is `grammar/dates.ts`).
 */

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** `YYYY-MM-DD` of a calendar day, or null when the day does not exist (`2026-02-30`). */
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

export function lastDayOfMonth(y: number, m: number): string {
  return fromDayNumber(dayNumber(isoDay(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1)!) - 1);
}

/** Days in month `m` of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Writes `weekday` the way `sample` is written: full or short name, its case, a trailing dot. */
export function weekdayLike(weekday: number, sample: string): string {
  const full = WEEKDAY_NAMES[weekday]!;
  const dot = sample.endsWith('.');
  const bare = dot ? sample.slice(0, -1) : sample;
  const isFull = WEEKDAY_NAMES.some((n) => n.toLowerCase() === bare.toLowerCase());
  let name = isFull ? full : full.slice(0, 3);
  if (bare === bare.toUpperCase()) name = name.toUpperCase();
  else if (bare === bare.toLowerCase()) name = name.toLowerCase();
  return name + (dot ? '.' : '');
}

/** The day nearest to `iso` (within three days either way) that falls on `weekday`. */
export function nearestWeekday(iso: string, weekday: number): string {
  const ahead = (weekday - weekdayOf(iso) + 7) % 7;
  return addDays(iso, ahead <= 3 ? ahead : ahead - 7);
}
