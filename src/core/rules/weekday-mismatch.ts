import { daysBetween, nearestWeekday, WEEKDAY_NAMES, weekdayLike, weekdayOf } from '../model/calendar';
import type { Rule } from './types';
import { plural } from './util/time';

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
    let dayOneReported = false;
    for (const c of ctx.claims('weekday')) {
      if (c.form === 'invalid-date') {
        ctx.report({ claim: c, range: c.range, message: `"${c.subject}" is not a calendar day (${String(c.data.reason)}).` });
        continue;
      }
      const day = String(c.data.day);
      const written = String(c.data.written);
      const actual = weekdayOf(day);
      if (actual === c.data.weekday) { ctx.verdict(c, 'right'); continue; }
      if (c.form === 'day-one') {
        if (dayOneReported) { ctx.verdict(c, 'unchecked', 'the first wrong Day 1 is reported'); continue; }
        dayOneReported = true;
        const wanted = Number(c.data.weekday);
        const nearest = nearestWeekday(day, wanted);
        const key = String(c.data.startKey);
        ctx.report({
          claim: c,
          range: c.range,
          message: `"${written}" for Day 1 should be "${weekdayLike(actual, written)}": the ${key} ${day} is a ${WEEKDAY_NAMES[actual]} (the nearest ${WEEKDAY_NAMES[wanted]} is ${nearest}, ${plural(Math.abs(daysBetween(day, nearest)), 'day')} ${nearest < day ? 'earlier' : 'later'}).`,
          related: [{ range: c.evidence[0]!.range, message: `${key} ${day} (${WEEKDAY_NAMES[actual]})` }],
        });
        continue;
      }
      // `names`: the seven names (Sunday first) of the language the weekday is written in.
      const replacement = typeof c.data.names === 'string' ? c.data.names.split('|')[actual]! : weekdayLike(actual, written);
      ctx.report({
        claim: c,
        range: c.range,
        message: `"${written}" should be "${replacement}": ${day} is a ${WEEKDAY_NAMES[actual]}.`,
        fix: { title: `Change to "${replacement}"`, edits: [{ range: c.range, text: replacement }] },
      });
    }
  },
};
