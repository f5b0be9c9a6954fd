/**
 * The date grammar (src/core/model/dates.ts): every form the issue names, both what must be read
 * and what must not be read as a date, invalid days, yearless dates, weekdays and the day helpers.
 */
import assert from 'node:assert/strict';
import { addDays, daysBetween, documentDateContext, findDates, weekdayLike, weekdayOf, type FindDatesOptions, type RawDate } from '../../src/core/model/dates';

/** The dates of `text` as `kind start..date` strings (`start` omitted for single days). */
function read(text: string, year: number | null = null, options: FindDatesOptions = {}): string[] {
  return findDates(text, year, options).map(show);
}

function show(d: RawDate): string {
  if (d.none) return `none "${d.text}"`;
  if (d.invalid) return `invalid "${d.text}"`;
  return d.start ? `${d.kind} ${d.start}..${d.date}` : `${d.kind} ${d.date}`;
}

/** The single date of `text`, asserting there is exactly one. */
function one(text: string, year: number | null = null, options: FindDatesOptions = {}): RawDate {
  const found = findDates(text, year, options);
  assert.equal(found.length, 1, `${JSON.stringify(text)}: ${JSON.stringify(found.map(show))}`);
  return found[0]!;
}

/** The written text at a date's offsets is the date text. */
function textAt(source: string, d: RawDate): string {
  return source.slice(d.index, d.index + d.length);
}

describe('date grammar', () => {
  describe('ISO days', () => {
    it('reads 2026-02-10 and 2026/02/10 with their offsets', () => {
      const s = 'Due: 2026-02-10.';
      const d = one(s);
      assert.equal(d.kind, 'day');
      assert.equal(d.date, '2026-02-10');
      assert.equal(textAt(s, d), '2026-02-10');
      assert.equal(one('2026/02/10').date, '2026-02-10');
      assert.equal(one('2026-02-10T14:00:00Z').date, '2026-02-10');
    });

    it('does not read version numbers, ids or partial days', () => {
      for (const s of ['v1.2.2025', '1.2.2025', 'v2026.02', 'release 2026.02.10', '2025.10.19', 'build 20260210', 'Sprint 2026-02', 'id 12-2026-01-05', '2026-2-10', 'v2026-02-10']) {
        assert.deepEqual(read(s), [], s);
      }
    });

    it('does not read a month or day out of range as a date at all', () => {
      assert.deepEqual(read('2026-13-01'), []);
      assert.deepEqual(read('2026-00-10'), []);
      assert.deepEqual(read('1850-02-10'), []);
    });
  });

  describe('month-name days', () => {
    it('reads February 2, 2026, Feb 2, 2026, Feb. 2, 2026 and ordinals', () => {
      for (const s of ['February 2, 2026', 'Feb 2, 2026', 'Feb. 2, 2026', 'February 2nd, 2026', 'Feb 2 2026', 'Feb 2,2026']) {
        const d = one(s);
        assert.equal(d.date, '2026-02-02', s);
        assert.equal(textAt(s, d), s, s);
      }
    });

    it('reads 2 February 2026 and 2nd February 2026', () => {
      assert.equal(one('2 February 2026').date, '2026-02-02');
      assert.equal(one('2nd February 2026').date, '2026-02-02');
      assert.equal(one('15 Mar 2026').date, '2026-03-15');
    });

    it('does not read a day-first date without a year', () => {
      assert.deepEqual(read('15 March', 2026), []);
      assert.deepEqual(read('Step 2 March', 2026), []);
    });

    it('does not read May as a verb, a month followed by a percentage, a decimal or a thousands count', () => {
      assert.deepEqual(read('we may 2 things later', 2026), []);
      assert.deepEqual(read('this may 2026 be', null), []);
      assert.deepEqual(read('May 5% of users', 2026), []);
      assert.deepEqual(read('Mar 3.5 release', 2026), []);
      assert.deepEqual(read('May 1,000 users', 2026), []);
      assert.deepEqual(read('Dec 1,500 signups', 2026), []);
      // The same words as dates are read.
      assert.deepEqual(read('May 2, 2026'), ['day 2026-05-02']);
      assert.deepEqual(read('May 5', 2026), ['day 2026-05-05']);
    });
  });

  describe('times after a day', () => {
    it('reads Oct 31, 2025 @ 12:00 UTC as one date covering the time', () => {
      const s = 'Oct 31, 2025 @ 12:00 UTC';
      const d = one(s);
      assert.equal(d.date, '2025-10-31');
      assert.equal(d.length, s.length);
      assert.equal(one('Oct 31, 2025 at 2:00 PM EST').date, '2025-10-31');
      assert.equal(one('Nov  1 @ 13:00 UTC', 2025).date, '2025-11-01');
    });

    it('does not read a time alone', () => {
      for (const s of ['12:30', 'at 12:00 UTC', '14:00 UTC', '10:00-12:00 UTC']) assert.deepEqual(read(s, 2026), [], s);
    });
  });

  describe('ranges', () => {
    it('reads Oct 19-31, 2025 as a range due on its last day', () => {
      const d = one('Oct 19-31, 2025');
      assert.equal(d.kind, 'range');
      assert.equal(d.start, '2025-10-19');
      assert.equal(d.date, '2025-10-31');
      assert.equal(one('October 19–31, 2025').date, '2025-10-31');
    });

    it('reads Nov 2-30 with the year it is given, and not at all without one', () => {
      assert.deepEqual(read('Nov 2-30', 2025), ['range 2025-11-02..2025-11-30']);
      assert.deepEqual(read('Nov 2-30', null), []);
      const s = 'Sprint 3 (Nov 2-30, Projected)';
      const d = one(s, 2025);
      assert.equal(textAt(s, d), 'Nov 2-30');
    });

    it('reads ISO ranges with arrows, dashes and "to"', () => {
      for (const s of ['2026-02-10 → 2026-02-18', '2026-02-10 - 2026-02-18', '2026-02-10 to 2026-02-18', '2026-02-10 -> 2026-02-18']) {
        const d = one(s);
        assert.equal(d.kind, 'range', s);
        assert.equal(d.start, '2026-02-10', s);
        assert.equal(d.date, '2026-02-18', s);
        assert.equal(d.length, s.length, s);
      }
    });

    it('reads ranges across months and years', () => {
      assert.deepEqual(read('Oct 31 - Nov 2, 2025'), ['range 2025-10-31..2025-11-02']);
      assert.deepEqual(read('Dec 28 - Jan 3, 2026'), ['range 2025-12-28..2026-01-03']);
      assert.deepEqual(read('Dec 30, 2025 - Jan 12, 2026'), ['range 2025-12-30..2026-01-12']);
      assert.deepEqual(read('2-5 February 2026'), ['range 2026-02-02..2026-02-05']);
    });

    it('does not read a range whose end is before its start: the two days stand alone', () => {
      assert.deepEqual(read('2026-02-18 → 2026-02-10'), ['day 2026-02-18', 'day 2026-02-10']);
      assert.deepEqual(read('Oct 31 - Oct 2, 2025', 2025), ['day 2025-10-31', 'day 2025-10-02']);
      assert.deepEqual(read('Nov 30-2', 2025), ['day 2025-11-30']);
    });

    it('reports a range with a day that does not exist', () => {
      const d = one('2026-02-10 → 2026-02-30');
      assert.equal(d.date, null);
      assert.match(d.invalid ?? '', /^2026-02-30 is not a calendar day/);
      assert.equal(one('Nov 2-31', 2025).invalid !== null, true);
    });
  });

  describe('months and quarters', () => {
    it('reads March 2026 as due at the month end', () => {
      assert.deepEqual(read('March 2026'), ['month 2026-03-01..2026-03-31']);
      assert.deepEqual(read('Feb 2028'), ['month 2028-02-01..2028-02-29']);
      assert.deepEqual(read('may 2026'), []);
    });

    it('reads Q2 2026 and its spellings as due at the quarter end', () => {
      for (const s of ['Q2 2026', 'Q2-2026', '2026 Q2', '2026-Q2', 'Q2 FY2026']) assert.deepEqual(read(s), ['quarter 2026-04-01..2026-06-30'], s);
      assert.deepEqual(read('Q4 2025'), ['quarter 2025-10-01..2025-12-31']);
      assert.deepEqual(read('Q1-Q2 2026'), ['quarter 2026-04-01..2026-06-30']);
    });

    it('does not read Q2 without a year, Q5, or a year out of range', () => {
      assert.deepEqual(read('Q2', 2026), []);
      assert.deepEqual(read('in Q2 we ship', 2026), []);
      assert.deepEqual(read('Q5 2026'), []);
      assert.deepEqual(read('Q2 3026'), []);
    });
  });

  describe('weeks', () => {
    const weekStart = '2026-02-10';
    it('reads Week 1 and Weeks 2-3 from the start date', () => {
      assert.deepEqual(read('Week 1', 2026, { weekStart }), ['week 2026-02-10..2026-02-16']);
      assert.deepEqual(read('Weeks 2-3', 2026, { weekStart }), ['week 2026-02-17..2026-03-02']);
      assert.deepEqual(read('week 3', null, { weekStart }), ['week 2026-02-24..2026-03-02']);
    });

    it('does not read Week 1 without a start date, nor week counts', () => {
      assert.deepEqual(read('Week 1', 2026), []);
      assert.deepEqual(read('Week 1', 2026, { weekStart: null }), []);
      assert.deepEqual(read('3 weeks', 2026, { weekStart }), []);
      assert.deepEqual(read('Week 0', 2026, { weekStart }), []);
      assert.deepEqual(read('Weeks 3-2', 2026, { weekStart }), []);
    });
  });

  describe('"no date" markers', () => {
    it('reads TBD, TBA, TBC and a lone dash as no date', () => {
      for (const s of ['TBD', 'TBA', 'TBC', '—', '–', '-', '--']) {
        const d = one(s);
        assert.equal(d.none, true, s);
        assert.equal(d.kind, 'none', s);
        assert.equal(d.date, null, s);
      }
      const cell = '| — |';
      assert.equal(textAt(cell, one(cell)), '—');
      assert.deepEqual(read('TBD (Q3)'), ['none "TBD"']);
    });

    it('does not read a dash inside text, lowercase tbd, or TBDs as no date', () => {
      assert.deepEqual(read('Backend — done'), []);
      assert.deepEqual(read('tbd'), []);
      assert.deepEqual(read('TBDs remain'), []);
    });
  });

  describe('invalid dates', () => {
    it('reports 2026-02-30, February 30, 2026 and Feb 29 in a common year instead of guessing', () => {
      for (const s of ['2026-02-30', 'February 30, 2026', 'Feb 29, 2025', '31 April 2026']) {
        const d = one(s);
        assert.equal(d.date, null, s);
        assert.ok(d.invalid, s);
        assert.equal(d.none, false, s);
      }
      assert.match(one('2026-02-30').invalid!, /2026-02-30 is not a calendar day/);
      assert.equal(one('Nov 31', 2025).invalid !== null, true);
    });

    it('reads leap days in leap years', () => {
      assert.equal(one('2028-02-29').date, '2028-02-29');
      assert.equal(one('Feb 29', 2028).date, '2028-02-29');
      assert.equal(one('Feb 29', 2027).date, null);
    });
  });

  describe('yearless dates take the document year', () => {
    it('uses the default year, and nothing without one', () => {
      assert.deepEqual(read('Feb 2', 2026), ['day 2026-02-02']);
      assert.deepEqual(read('Feb 2', null), []);
      assert.deepEqual(read('Aug 15'), []);
    });

    it('rolls early months forward in a late-year document and late months back in an early-year one', () => {
      assert.deepEqual(read('Jan 5', 2025, { defaultMonth: 12 }), ['day 2026-01-05']);
      assert.deepEqual(read('Feb 3', 2025, { defaultMonth: 11 }), ['day 2026-02-03']);
      assert.deepEqual(read('Jan 2-5', 2025, { defaultMonth: 10 }), ['range 2026-01-02..2026-01-05']);
      assert.deepEqual(read('Dec 5', 2026, { defaultMonth: 1 }), ['day 2025-12-05']);
      assert.deepEqual(read('Oct 5', 2026, { defaultMonth: 2 }), ['day 2025-10-05']);
      assert.deepEqual(read('Dec 30 - Jan 3', 2025, { defaultMonth: 12 }), ['range 2025-12-30..2026-01-03']);
      assert.deepEqual(read('Dec 30 - Jan 3', 2026, { defaultMonth: 1 }), ['range 2025-12-30..2026-01-03']);
    });

    it('does not roll over months near the document month, or without a document month', () => {
      assert.deepEqual(read('Nov 2-30', 2025, { defaultMonth: 10 }), ['range 2025-11-02..2025-11-30']);
      assert.deepEqual(read('Jun 5', 2026, { defaultMonth: 12 }), ['day 2026-06-05']);
      assert.deepEqual(read('Mar 5', 2026, { defaultMonth: 9 }), ['day 2026-03-05']);
      assert.deepEqual(read('Jan 5', 2025, { defaultMonth: null }), ['day 2025-01-05']);
      assert.deepEqual(read('Jan 5', 2025), ['day 2025-01-05']);
      // A written year is never moved.
      assert.deepEqual(read('Jan 5, 2025', 2025, { defaultMonth: 12 }), ['day 2025-01-05']);
    });

    it('documentDateContext takes the year and month from Date / Last Updated and Week 1 from Start Date', () => {
      // Seed 004's shape: a range as the document date, `Nov 2-30` in the body.
      const ctx = documentDateContext([{ name: 'date', value: 'October 19-31, 2025' }, { name: 'start-date', value: 'Nov 2' }]);
      assert.deepEqual(ctx, { defaultYear: 2025, defaultMonth: 10, weekStart: '2025-11-02' });
      assert.deepEqual(documentDateContext([{ name: 'last-updated', value: '2026-02-16' }]), { defaultYear: 2026, defaultMonth: 2, weekStart: null });
      assert.deepEqual(documentDateContext([{ name: 'last-updated', value: 'sometime in 2025' }]), { defaultYear: 2025, defaultMonth: null, weekStart: null });
      assert.deepEqual(documentDateContext([{ name: 'owner', value: '2026-02-16' }]), { defaultYear: null, defaultMonth: null, weekStart: null });
      assert.deepEqual(documentDateContext([{ name: 'start-date', value: 'TBD' }]).weekStart, null);
    });
  });

  describe('weekdays next to a date', () => {
    it('captures a weekday written before the date, with its range', () => {
      for (const [s, wd, name] of [
        ['Friday, 2026-05-14', 5, 'Friday'],
        ['Thursday 2026-05-14', 4, 'Thursday'],
        ['Thu. 2026-05-14', 4, 'Thu.'],
        ['on Mon, Feb 2, 2026', 1, 'Mon'],
        ['Monday 2 Feb 2026', 1, 'Monday'],
        ['by Friday Sept 30', 5, 'Friday'],
      ] as const) {
        const d = one(s, 2025);
        assert.equal(d.weekday, wd, s);
        assert.equal(s.slice(d.weekdayIndex!, d.weekdayIndex! + d.weekdayLength!), name, s);
      }
    });

    it('captures a weekday written after the date, in parentheses or after a comma', () => {
      for (const [s, wd, name] of [
        ['2026-05-14 (Thu)', 4, 'Thu'],
        ['Feb 2 (Mon)', 1, 'Mon'],
        ['on 2026-05-14, Friday', 5, 'Friday'],
        ['2026-05-14 ( fri. )', 5, 'fri.'],
      ] as const) {
        const d = one(s, 2026);
        assert.equal(d.weekday, wd, s);
        assert.equal(s.slice(d.weekdayIndex!, d.weekdayIndex! + d.weekdayLength!), name, s);
      }
    });

    it('does not take a span or list of weekdays as the weekday of the date next to it', () => {
      for (const s of ['Mon-Fri 2026-05-14', 'Tue/Thu 2026-05-14', 'Monday to Friday 2026-05-14', 'Mon & Fri 2026-05-14', '2026-05-14, Mon-Fri', '2026-05-14, Monday to Friday']) {
        const d = one(s);
        assert.equal(d.date, '2026-05-14', s);
        assert.equal(d.weekday, null, s);
      }
      // A single weekday after a word that merely ends like one is still captured.
      assert.equal(one('Salmon-Fri 2026-05-14').weekday, 5);
      assert.equal(one('was reported on Wednesday, 2026-05-14').weekday, 3);
    });

    it('does not take words that start like weekdays, or weekdays next to months and quarters', () => {
      for (const s of ['Salmon 2026-05-14', '2026-05-14, Monitoring', '2026-05-14 (Saturation)', 'Sunset 2026-05-14', 'Q3 2026 (Friday)', 'Friday, March 2026']) {
        const found = findDates(s);
        assert.equal(found.length, 1, s);
        assert.equal(found[0]!.weekday, null, s);
        assert.equal(found[0]!.weekdayIndex, null, s);
      }
    });
  });

  describe('day helpers', () => {
    it('daysBetween counts whole days, signed, across months, years and leap days', () => {
      assert.equal(daysBetween('2026-02-18', '2026-11-22'), 277);
      assert.equal(daysBetween('2026-11-22', '2026-02-18'), -277);
      assert.equal(daysBetween('2026-02-10', '2026-02-10'), 0);
      assert.equal(daysBetween('2025-12-31', '2026-01-01'), 1);
      assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2);
      assert.equal(daysBetween('2027-02-28', '2027-03-01'), 1);
      assert.equal(daysBetween('2025-11-30', '2026-11-22'), 357);
    });

    it('addDays moves forward and back across month and year ends', () => {
      assert.equal(addDays('2026-02-10', 8), '2026-02-18');
      assert.equal(addDays('2026-01-01', -1), '2025-12-31');
      assert.equal(addDays('2028-02-28', 1), '2028-02-29');
      assert.equal(addDays('2027-02-28', 1), '2027-03-01');
      assert.equal(addDays('2026-03-01', 0), '2026-03-01');
      assert.equal(daysBetween('2026-02-10', addDays('2026-02-10', 90)), 90);
    });

    it('weekdayOf names the day of the week (0 = Sunday)', () => {
      assert.equal(weekdayOf('2026-05-14'), 4); // Thursday
      assert.equal(weekdayOf('2026-02-10'), 2); // Tuesday
      assert.equal(weekdayOf('2026-02-09'), 1); // Monday
      assert.equal(weekdayOf('2026-11-22'), 0); // Sunday
      assert.equal(weekdayOf('2026-11-28'), 6); // Saturday
      assert.equal(weekdayOf('1970-01-01'), 4);
      assert.equal(weekdayOf('1969-12-31'), 3);
    });

    it('weekdayLike writes a weekday the way the sample is written', () => {
      assert.equal(weekdayLike(4, 'Friday'), 'Thursday');
      assert.equal(weekdayLike(4, 'Fri'), 'Thu');
      assert.equal(weekdayLike(4, 'FRI'), 'THU');
      assert.equal(weekdayLike(4, 'fri.'), 'thu.');
    });
  });
});
