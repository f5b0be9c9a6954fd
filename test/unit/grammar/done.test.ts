/**
 * "Mark as done" (grammar/done.ts and the time claims): each wording of an open status, the
 * characters the edit replaces and the text it writes, in the author's style.
 */
import assert from 'node:assert/strict';
import { check } from '../../../src/core/index';
import { doneText, statusSpan } from '../../../src/core/grammar/done';

const TODAY = '2026-11-22';

/** [name, document, the line after "Mark as done", the title] for the first stale finding. */
const ROWS: [string, string, string, string][] = [
  ['table cell with emoji and words', '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-03-01 | 🚧 In Progress |\n', '| Beta | 2026-03-01 | ✅ Done |', 'Mark as done (✅ Done)'],
  ['table cell, plain word', '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-03-01 | Planned |\n', '| Beta | 2026-03-01 | Done |', 'Mark as done (Done)'],
  ['table cell in capitals', '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-03-01 | IN PROGRESS |\n', '| Beta | 2026-03-01 | DONE |', 'Mark as done (DONE)'],
  ['table cell in lower case', '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-03-01 | planned |\n', '| Beta | 2026-03-01 | done |', 'Mark as done (done)'],
  ['table cell, emoji alone', '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-03-01 | 📅 |\n', '| Beta | 2026-03-01 | ✅ |', 'Mark as done (✅)'],
  ['table cell, blocked', '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-03-01 | ❌ Blocked |\n', '| Beta | 2026-03-01 | ✅ Done |', 'Mark as done (✅ Done)'],
  ['table cell padded with spaces keeps the padding', '# Plan\n\n| Milestone | Due        | Status      |\n|---|---|---|\n| Beta      | 2026-03-01 | Planned     |\n', '| Beta      | 2026-03-01 | Done     |', 'Mark as done (Done)'],
  ['Status field under a Due field', '# Plan\n\n**Status:** In Progress\n**Due:** 2026-02-18\n', '**Status:** Done', 'Mark as done (Done)'],
  ['Status field with emoji', '# Plan\n\n**Status:** 🚧 In Progress\n**Due:** 2026-02-18\n', '**Status:** ✅ Done', 'Mark as done (✅ Done)'],
  ['Status field in capitals', '# Plan\n\n**Status:** IN PROGRESS\n**Due:** 2026-02-18\n', '**Status:** DONE', 'Mark as done (DONE)'],
  ['sprint Status field', '# Sprint 3\n\n**Start Date**: 2026-02-10\n**End Date**: 2026-02-18\n**Status**: Planned\n', '**Status**: Done', 'Mark as done (Done)'],
  ['sprint Status field with emoji', '# Sprint 3\n\n**Start Date**: 2026-02-10\n**End Date**: 2026-02-18\n**Status**: 🔄 In Progress\n', '**Status**: ✅ Done', 'Mark as done (✅ Done)'],
  ['fenced timeline marker', '# Plan\n\n```\n[✅] 2026-03-30: Kickoff\n[📅] 2026-05-30: Alpha\n```\n', '[✅] 2026-05-30: Alpha', 'Mark as done (✅)'],
  ['Portuguese status field', '# Plano\n\n**Status:** Em andamento\n**Due:** 3 de novembro de 2025\n', '**Status:** Done', 'Mark as done (Done)'],
  ['dated heading over a status table', '# Plan\n\n### Sprint 3 (Nov 2-30, 2025)\n\n| Item | Status |\n|---|---|\n| Parser | 📅 Planned |\n', '| Parser | ✅ Done |', 'Mark as done (✅ Done)'],
];

describe('grammar: Mark as done', () => {
  for (const [name, text, expected, title] of ROWS) {
    it(name, () => {
      const stale = check(text, { today: TODAY }).findings.filter((f) => f.rule.startsWith('stale-'));
      assert.ok(stale.length > 0, 'no stale finding');
      const mark = stale[stale.length - 1]!.alternatives?.find((a) => a.title.startsWith('Mark as done'));
      assert.ok(mark, JSON.stringify(stale[0]!.alternatives));
      assert.equal(mark.title, title);
      assert.equal(mark.preferred, false);
      const e = mark.edits[0]!;
      assert.equal(e.line, e.endLine);
      const line = text.split('\n')[e.line - 1]!;
      assert.equal(line.slice(0, e.column - 1) + e.text + line.slice(e.endColumn - 1), expected);
    });
  }

  it('a task item ticks exactly its box: the space inside `[ ]` becomes `x`', () => {
    for (const text of ['# Plan\n\n- [ ] Ship the parser — due 2026-01-05\n- [x] Write docs\n', '# Plan\n\n- [ ] **Beta** scheduled for March 3, 2026\n']) {
      const [f] = check(text, { today: TODAY }).findings.filter((x) => x.rule === 'stale-milestone');
      const mark = f!.alternatives?.find((a) => a.title.startsWith('Mark as done'));
      assert.equal(mark?.title, 'Mark as done ([x])');
      assert.deepEqual(mark?.edits, [{ line: 3, column: 4, endLine: 3, endColumn: 5, text: 'x' }]);
    }
  });

  it('"Move date to today" writes today over the stale date', () => {
    const text = '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-03-01 | Planned |\n';
    const [f] = check(text, { today: TODAY }).findings.filter((x) => x.rule === 'stale-milestone');
    const move = f!.alternatives?.find((a) => a.title === `Move date to today (${TODAY})`);
    assert.deepEqual(move?.edits, [{ line: 5, column: 10, endLine: 5, endColumn: 20, text: TODAY }]);
    assert.equal(f!.fix, undefined, 'neither is part of Fix All');
  });

  it('the span and the text, without a document', () => {
    assert.deepEqual(statusSpan('| Beta | 2026-03-01 |  🚧 In Progress  |', 23, 25), [23, 37]);
    assert.deepEqual(statusSpan('**Status:** 🚧 In Progress', 12, 14), [12, 26]);
    assert.deepEqual(statusSpan('**Status:** ⏳ on hold (waiting)', 12, 13), [12, 21]);
    assert.equal(doneText('⚠️ At Risk'), '✅ Done');
    assert.equal(doneText('TODO'), 'DONE');
    assert.equal(doneText(''), 'Done');
  });
});
