/** The date grammar's word lists and the forms of other languages (grammar/dates.ts). */
import assert from 'node:assert/strict';
import { findDates, FOREIGN_MONTHS, FOREIGN_WEEKDAYS, numericOrderOf, SHORT_WEEKDAYS, weekdayNamesLike } from '../../../src/core/grammar/dates';

const day = (text: string, order: 'dmy' | 'mdy' | null = null) => findDates(text, 2026, { numericOrder: order }).map((d) => d.date);

describe('grammar: dates', () => {
  it('has twelve months in each foreign list', () => {
    const months = new Set(Object.values(FOREIGN_MONTHS));
    assert.equal(months.size, 12);
  });
  const ROWS: [string, 'dmy' | 'mdy' | null, (string | null)[]][] = [
    ['22 декабря 2025', null, ['2025-12-22']],
    ['2026年3月1日', null, ['2026-03-01']],
    ['2026년 3월 1일', null, ['2026-03-01']],
    ['3 de novembro de 2025', null, ['2025-11-03']],
    ['1er mars 2026', null, ['2026-03-01']],
    ['15. März 2026', null, ['2026-03-15']],
    ['Март 2026', null, ['2026-03-31']],
    ['يناير 2025', null, ['2025-01-31']],
    ['03/11/2025', 'dmy', ['2025-11-03']],
    ['03/11/2025', 'mdy', ['2025-03-11']],
    ['03/11/2025', null, []],
    ['25/03/2026', null, ['2026-03-25']],
    ['15.03.2026', null, ['2026-03-15']],
    ['3º trimestre de 2026', null, ['2026-09-30']],
    ['3. Quartal 2026', null, ['2026-09-30']],
    ['III квартал 2026 г.', null, ['2026-09-30']],
    ['T3 2026', null, ['2026-09-30']],
    ['Q3/2026', null, ['2026-09-30']],
    ['2026年第三季度', null, ['2026-09-30']],
    ['2026年Q3', null, ['2026-09-30']],
    ['4 trimestres 2026', null, []],
    ['Mon-Fri', null, []],
    ['May 1,000 users', null, []],
    ['set 2025', null, []],
  ];
  for (const [text, order, expected] of ROWS) {
    it(`${text} (${order ?? 'undecided'})`, () => assert.deepEqual(day(text, order), expected));
  }
  it('decides numeric days by a day above 12, then by the language', () => {
    assert.equal(numericOrderOf('Started 25/03/2026, due 03/04/2026'), 'dmy');
    assert.equal(numericOrderOf('Started 03/25/2026, due 04/03/2026'), 'mdy');
    assert.equal(numericOrderOf('Started 25/03/2026 and 03/25/2026'), null);
    assert.equal(numericOrderOf('O projeto não está pronto para os usuários, com as tarefas em 03/04/2026'), 'dmy');
    assert.equal(numericOrderOf('The team is working on the tasks for the release on 03/04/2026'), null);
    assert.equal(numericOrderOf('Der Stand und die Aufgaben für das Team ist gut, 03/04/2026'), 'dmy');
  });
  it('has seven weekdays, Sunday first, in each foreign list', () => {
    for (const lists of Object.values(FOREIGN_WEEKDAYS)) for (const names of lists) assert.equal(names.length, 7);
    for (const names of Object.values(SHORT_WEEKDAYS)) assert.equal(names.length, 7);
    assert.equal(FOREIGN_WEEKDAYS.es![0]![5], 'viernes');
    assert.equal(FOREIGN_WEEKDAYS.zh![0]![1], '星期一');
  });
  // The weekday written next to a date, in other languages: [text, weekday read (0 = Sunday) or null].
  const WEEKDAY_ROWS: [string, number | null][] = [
    ['el viernes, 2026-11-19', 5],
    ['Freitag, 13. März 2026', 5],
    ['vendredi 13 mars 2026', 5],
    ['sexta-feira, 13 de março de 2026', 5],
    ['Sexta feira 13/03/2026', 5],
    ['пятница, 13 марта 2026', 5],
    ['в пятницу 13 марта 2026', 5],
    ['2026年3月1日（星期一）', 1],
    ['2026年3月1日 周日', 0],
    ['2026年3月1日星期天', 0],
    ['2026年3月1日(日)', 0],
    ['13/03/2026 (sex)', 5],
    ['15.03.2026 (So.)', 0],
    ['2026-03-13, Freitag', 5],
    ['2026년 3월 1일 (일요일)', 0],
    // Traps: a span of days, a short form outside parentheses, a weekday far from the date.
    ['de lunes a viernes 2026-03-13', null],
    ['2026年3月2日 周一至周五', null],
    ['sex 13/03/2026', null],
    ['Domingo escreveu o relatório no dia 13/03/2026', null],
  ];
  for (const [text, weekday] of WEEKDAY_ROWS) {
    it(`weekday of "${text}"`, () => assert.deepEqual(findDates(text, 2026, { numericOrder: 'dmy' }).map((d) => d.weekday), [weekday]));
  }
  it('writes a corrected weekday in the language and case it was written in', () => {
    assert.equal(weekdayNamesLike('viernes')![4], 'jueves');
    assert.equal(weekdayNamesLike('Viernes')![4], 'Jueves');
    assert.equal(weekdayNamesLike('星期一')![0], '星期日');
    assert.equal(weekdayNamesLike('周五')![4], '周四');
    assert.equal(weekdayNamesLike('Freitag')![4], 'Donnerstag');
    assert.equal(weekdayNamesLike('sex.')![4], 'qui.');
    assert.equal(weekdayNamesLike('пятницу')![4], 'четверг');
    assert.equal(weekdayNamesLike('Friday'), null);
  });
  it('stays linear on long runs of spaces and many dates on one line', () => {
    let t = Date.now();
    findDates(`Due Feb 2${' '.repeat(100_000)}x`, 2026);
    assert.ok(Date.now() - t < 1500, `spaces took ${Date.now() - t} ms`);
    t = Date.now();
    findDates(Array.from({ length: 10_000 }, (_, i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')}`).join(' '), 2026);
    assert.ok(Date.now() - t < 1500, `10k dates took ${Date.now() - t} ms`);
  });
});
