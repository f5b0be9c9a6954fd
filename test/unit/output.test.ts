// The terminal summary is read by people: repaired titles, and columns that line up in a
// terminal even when titles hold emoji or CJK text.
import * as assert from 'node:assert/strict';
import { check } from '../../src/core/index';
import { fileReport, type Report } from '../../src/core/output/report';
import { displayWidth, formatSummary } from '../../src/core/output/text';

const TODAY = '2026-11-22';
const report = (docs: Record<string, string>): Report => ({
  version: 1,
  today: TODAY,
  files: Object.entries(docs).map(([path, text]) => {
    const { doc, findings } = check(text, { today: TODAY });
    return fileReport(path, doc, findings);
  }),
  skipped: [],
});

describe('terminal summary', () => {
  it('counts emoji and wide characters as two columns, marks as none', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('🚀 Go'), 5);
    assert.equal(displayWidth('✅'), 2);
    assert.equal(displayWidth('→'), 1);
    assert.equal(displayWidth('⚠️'), 1 + 0);
    assert.equal(displayWidth('技術'), 4);
    assert.equal(displayWidth('é'), 1);
  });

  it('shows damaged emoji in titles and progress as what they stood for, and keeps the columns aligned', () => {
    const damaged = '# \u00f0\u0178\u0161\u20ac Launch plan\n\n**Overall Progress**: 40% \u00e2\u2020\u2019 65%\n\n- [x] one\n- [ ] two\n';
    const out = formatSummary(report({ 'a.md': damaged, 'b.md': '# Plain tracker\n\n- [ ] one\n' }));
    const lines = out.trimEnd().split('\n');
    assert.match(lines[2]!, /🚀 Launch plan/);
    assert.match(lines[2]!, /40% → 65%/);
    // The Status column starts at the same terminal column on every row.
    const statusAt = (line: string) => displayWidth(line.slice(0, line.search(/\s(?:done|—|planned|in-progress)\s/) + 1));
    assert.equal(statusAt(lines[2]!), statusAt(lines[3]!));
  });
});
