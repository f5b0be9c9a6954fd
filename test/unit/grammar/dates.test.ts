/** The date grammar's word lists and the forms of other languages (grammar/dates.ts). */
import assert from 'node:assert/strict';
import { findDates, FOREIGN_MONTHS, languageOf, numericOrderOf } from '../../../src/core/grammar/dates';

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
    assert.equal(languageOf('Der Stand und die Aufgaben für das Team ist gut'), 'de');
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
