import { addDays, daysBetween, WEEKDAY_NAMES, WEEKDAYS, weekdayLike, weekdayOf } from '../model/dates';
import type { Rule } from './types';
import { plural } from './util/time';

const DAY_N = /\bDay\s+(\d{1,3})\s*(?:\(\s*|[:\-–—]\s*)((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\.?\s*\)?/giu;

/**
 * The calendar disagrees with the text: a weekday written next to a date that falls on another
 * day (`Friday, 2026-05-14`), a `Day 1 (Mon)` schedule whose Start Date is not a Monday, or a
 * date that does not exist (`2026-02-30`).
 */
export const weekdayMismatch: Rule = {
  id: 'weekday-mismatch',
  description: 'A weekday written next to a date (or a Day 1 schedule) disagrees with the calendar, or a date names no calendar day.',
  defaultSeverity: 'warning',
  tags: ['time'],
  fixable: true,
  run(ctx) {
    for (const d of ctx.doc.dates) {
      if (d.invalid) {
        ctx.report({ range: d.range, message: `Unexpected date "${d.text.trim()}": it names no calendar day, expected a real date (${describeInvalid(d.invalid)}).` });
        continue;
      }
      if (d.kind !== 'day' || d.weekday === null || !d.date || !d.weekdayRange) continue;
      const actual = weekdayOf(d.date);
      if (actual === d.weekday) continue;
      const written = ctx.text.slice(d.weekdayRange.offset, d.weekdayRange.endOffset);
      const replacement = weekdayLike(actual, written);
      ctx.report({
        range: d.weekdayRange,
        message: `Unexpected weekday "${written}" for ${d.date}, expected "${replacement}": ${d.date} is a ${WEEKDAY_NAMES[actual]}.`,
        fix: { title: `Change to "${replacement}"`, edits: [{ range: d.weekdayRange, text: replacement }] },
      });
    }
    scheduleDays(ctx);
  },
};

/** `Day 1 (Mon)` in a document whose Start Date falls on another weekday. */
function scheduleDays(ctx: Parameters<Rule['run']>[0]): void {
  const startField = ctx.doc.fields.find((f) => f.name === 'start-date');
  if (!startField) return;
  const start = ctx.doc.dates.find((d) => d.kind === 'day' && d.date && d.range.offset >= startField.valueRange.offset && d.range.endOffset <= startField.valueRange.endOffset);
  if (!start?.date) return;
  const startDay = weekdayOf(start.date);
  for (const block of ctx.doc.blocks) {
    if (block.kind === 'code') continue;
    for (const m of block.text.matchAll(DAY_N)) {
      if (Number(m[1]) !== 1) continue;
      const name = m[2]!;
      const written = WEEKDAYS[name.toLowerCase()];
      if (written === undefined || written === startDay) continue;
      const at = block.range.offset + m.index + m[0].indexOf(name, m[0].indexOf(m[1]!) + m[1]!.length);
      const range = ctx.lines.range(at, at + name.length);
      const nearest = addDays(start.date, ((written - startDay + 7) % 7 <= 3 ? (written - startDay + 7) % 7 : (written - startDay + 7) % 7 - 7));
      ctx.report({
        range,
        message: `Unexpected "${name}" for Day 1, expected "${weekdayLike(startDay, name)}": the ${startField.key} ${start.date} is a ${WEEKDAY_NAMES[startDay]} (the nearest ${WEEKDAY_NAMES[written]} is ${nearest}, ${plural(Math.abs(daysBetween(start.date, nearest)), 'day')} ${nearest < start.date ? 'earlier' : 'later'}).`,
        related: [{ range: start.range, message: `${startField.key} ${start.date} (${WEEKDAY_NAMES[startDay]})` }],
      });
      return;
    }
  }
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function describeInvalid(text: string): string {
  const iso = /(\d{4})[-/](\d{2})[-/](\d{2})/.exec(text);
  if (iso) {
    const y = Number(iso[1]);
    const m = Number(iso[2]);
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${MONTH_NAMES[m - 1]} ${y} has ${days} days`;
  }
  return 'the day is past the end of the month';
}
