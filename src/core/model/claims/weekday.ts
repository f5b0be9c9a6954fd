/**
 * `weekday` claims: a weekday written next to a date (`Friday, 2026-05-14`), a date that must
 * name a calendar day (`2026-02-30`), and `Day 1 (Mon)` against the document's Start Date.
 * The weekday-mismatch rule computes the calendar's answer and compares.
 */
import { DAY_N, invalidReason, WEEKDAYS, weekdayNamesLike } from '../../grammar/dates';
import { daysInMonth, MONTH_NAMES } from '../calendar';
import type { ClaimDraft, ClaimExtractor } from './types';
import { draft, evidence } from './types';
import { allMatches } from '../regex';

export const weekdayClaims: ClaimExtractor = {
  scope: 'document',
  kinds: ['weekday'],
  extract({ doc, text, lines }) {
    const out: ClaimDraft[] = [];
    for (const d of doc.dates) {
      if (d.invalid) {
        out.push(draft('weekday', 'invalid-date', {
          subject: d.text.trim(), range: d.range, date: d,
          data: { reason: invalidReason(d.text, daysInMonth, (m) => MONTH_NAMES[m - 1] ?? String(m)) },
        }));
        continue;
      }
      if (d.kind !== 'day' || d.weekday === null || !d.date || !d.weekdayRange) continue;
      const written = text.slice(d.weekdayRange.offset, d.weekdayRange.endOffset);
      // A weekday of another language is corrected in its language: the seven names, Sunday first.
      const names = weekdayNamesLike(written);
      out.push(draft('weekday', 'date-weekday', {
        subject: d.date, range: d.weekdayRange, statement: d.range, date: d,
        data: { day: d.date, weekday: d.weekday, written, ...(names ? { names: names.join('|') } : {}) },
      }));
    }
    // `Day 1 (Mon)` in a schedule: the weekday of the document's Start Date.
    const startField = doc.fields.find((f) => f.name === 'start-date');
    const start = startField && doc.dates.find((d) => d.kind === 'day' && d.date && d.range.offset >= startField.valueRange.offset && d.range.endOffset <= startField.valueRange.endOffset);
    if (!startField || !start?.date) return out;
    for (const block of doc.blocks) {
      if (block.kind === 'code') continue;
      DAY_N.lastIndex = 0;
      for (const m of allMatches(block.text, DAY_N)) {
        if (Number(m[1]) !== 1) continue;
        const name = m[2]!;
        const written = WEEKDAYS[name.toLowerCase()];
        if (written === undefined) continue;
        const at = block.range.offset + m.index + m[0].indexOf(name, m[0].indexOf(m[1]!) + m[1]!.length);
        const range = lines.range(at, at + name.length);
        out.push(draft('weekday', 'day-one', {
          subject: 'Day 1', range, statement: lines.range(block.range.offset + m.index, block.range.offset + m.index + m[0].length), date: start,
          evidence: [evidence('start', startField.key, start.range, { date: start })],
          data: { day: start.date, weekday: written, written: name, startKey: startField.key },
        }));
      }
    }
    return out;
  },
};
