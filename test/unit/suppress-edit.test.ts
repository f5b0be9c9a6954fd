// "Ignore this finding here": where the suppression comment goes. After the edit the finding is
// gone, nothing new is found, and the tables and lists read as before.
import assert from 'node:assert/strict';
import { applyFixes, check, type Edit, type Finding } from '../../src/core/index';
import { suppressionEdits } from '../../src/core/suppressEdit';

const TODAY = '2026-11-22';
const run = (text: string) => check(text, { today: TODAY, reportUnusedDisables: true });
const apply = (text: string, edits: Edit[]) => applyFixes(text, [{ rule: 'x', severity: 'info', message: '', line: 1, column: 1, endLine: 1, endColumn: 1, fix: { title: '', preferred: false, edits } } as Finding]).text;
const shape = (text: string) => {
  const { doc } = check(text, { today: TODAY });
  return { tables: doc.tables.map((t) => t.rows.length), lists: doc.lists.map((l) => l.items.length) };
};

/** Ignores the first finding of `rule` and returns the new text, checking what must hold. */
function ignore(text: string, rule: string): string {
  const before = run(text);
  const f = before.findings.find((x) => x.rule === rule);
  assert.ok(f, `the document has a ${rule} finding`);
  const edits = suppressionEdits(before.doc, text, f);
  assert.ok(edits, 'an edit is offered');
  for (const e of edits) assert.ok(e.line === e.endLine && e.column === e.endColumn, 'an insertion only');
  const after = apply(text, edits);
  const key = (x: Finding) => `${x.rule} ${x.message}`;
  assert.deepEqual(run(after).findings.map(key), before.findings.filter((x) => x !== f).map(key), 'the finding is gone and nothing is new (nor an unused suppression)');
  assert.deepEqual(shape(after), shape(text), 'tables and lists read as before');
  return after;
}

describe('ignore this finding here (suppression edits)', () => {
  it('a paragraph: a comment line above, with the same indentation', () => {
    assert.equal(ignore('# Report\n\nTests: 164/173 passing (99%).\n', 'ratio-mismatch'), '# Report\n\n<!-- status-docs-disable-next-line ratio-mismatch -->\nTests: 164/173 passing (99%).\n');
  });

  it('a blockquote line: above, with the quote marker', () => {
    assert.equal(ignore('# R\n\n> Tests: 10/20 (90%)\n', 'ratio-mismatch'), '# R\n\n> <!-- status-docs-disable-next-line ratio-mismatch -->\n> Tests: 10/20 (90%)\n');
  });

  it('a table row: inside the last cell, before the closing pipe', () => {
    const text = '# Report\n\n| Suite | Passed | Rate |\n|---|---|---|\n| unit | 7/10 | 90% |\n| e2e | 1/2 | 50% |\n';
    assert.equal(ignore(text, 'ratio-mismatch').split('\n')[4], '| unit | 7/10 | 90% <!-- status-docs-disable-line ratio-mismatch --> |');
    const bare = '# Report\n\nSuite | Passed | Rate\n---|---|---\nunit | 7/10 | 90%\n';
    assert.equal(ignore(bare, 'ratio-mismatch').split('\n')[4], 'unit | 7/10 | 90% <!-- status-docs-disable-line ratio-mismatch -->');
    const tight = '# Report\n\n|Suite|Passed|Rate|\n|---|---|---|\n|unit|7/10|90%|\n';
    assert.equal(ignore(tight, 'ratio-mismatch').split('\n')[4], '|unit|7/10|90% <!-- status-docs-disable-line ratio-mismatch -->|');
  });

  it('a list item, its continuation, a nested item: at the end of the line, so the list keeps its items', () => {
    const counted = '# Report\n\nFiles added (3 files):\n\n- a.ts\n- b.ts: 164/173 (99%)\n- c.ts\n';
    assert.equal(ignore(counted, 'ratio-mismatch').split('\n')[5], '- b.ts: 164/173 (99%) <!-- status-docs-disable-line ratio-mismatch -->');
    const continued = '# R\n\n- item one\n  continues 164/173 (99%)\n- two\n';
    assert.equal(ignore(continued, 'ratio-mismatch').split('\n')[3], '  continues 164/173 (99%) <!-- status-docs-disable-line ratio-mismatch -->');
    const nested = '# R\n\n- one\n  - sub: 10/20 (90%)\n  - sub two\n- two\n';
    assert.equal(ignore(nested, 'ratio-mismatch').split('\n')[3], '  - sub: 10/20 (90%) <!-- status-docs-disable-line ratio-mismatch -->');
  });

  it("a paragraph's continuation line: at the end, before a backslash hard break", () => {
    assert.equal(ignore('# R\n\nFirst line\nsecond 10/20 (90%)\n', 'ratio-mismatch').split('\n')[3], 'second 10/20 (90%) <!-- status-docs-disable-line ratio-mismatch -->');
    assert.equal(ignore('# R\n\nFirst line\nsecond 10/20 (90%)\\\nthird\n', 'ratio-mismatch').split('\n')[3], 'second 10/20 (90%) <!-- status-docs-disable-line ratio-mismatch -->\\');
  });

  it('a fenced code block: disable above the fence, enable below it', () => {
    const after = ignore('# Sprint\n\n```\nWeek 1: 10/20 (90%)\n```\n\nAfter: 1/2 (50%).\n', 'ratio-mismatch');
    assert.equal(after, '# Sprint\n\n<!-- status-docs-disable ratio-mismatch -->\n```\nWeek 1: 10/20 (90%)\n```\n<!-- status-docs-enable ratio-mismatch -->\n\nAfter: 1/2 (50%).\n');
  });

  it('keeps CRLF line ends; offers nothing for unused-disable findings', () => {
    assert.equal(ignore('# Report\r\n\r\nTests: 10/20 (90%).\r\n', 'ratio-mismatch'), '# Report\r\n\r\n<!-- status-docs-disable-next-line ratio-mismatch -->\r\nTests: 10/20 (90%).\r\n');
    const text = '# R\n\n<!-- status-docs-disable-next-line ratio-mismatch -->\nNothing.\n';
    const r = run(text);
    assert.equal(suppressionEdits(r.doc, text, r.findings.find((f) => f.rule === 'unused-disable')!), null);
  });
});
