// The Status Overview's data and the exported status report (core/output/overview.ts): shaped from
// checked documents written for this test, without the editor.
import * as assert from 'node:assert/strict';
import { check } from '../../src/core/index';
import { formatStatusReport, GENERATED_REPORT_MARKER, headlinePercent, overviewData, type OverviewInput } from '../../src/core/output/overview';
import { isGeneratedReport, looksLikeStatusDocument } from '../../src/core/precheck';

const TODAY = '2026-11-22';

const SCORES = `# Platform Team Scorecard

**Status**: 🚧 In Progress
**Overall Progress**: 60% → 75%

## Agent Scores

### Lena (Search): 40% → 65% (+25 points)
### Omar (Billing): 70% → 82% (+10 points)

## Milestones

| Milestone      | Target Date | Status         |
| -------------- | ----------- | -------------- |
| Beta open      | 2026-03-01  | 🚧 In Progress |
| Billing moved  | 2026-06-15  | 📋 Planned     |
| Launch         | 2027-02-01  | 📋 Planned     |
`;

const TASKS = `# Migration Checklist

**Status**: In Progress

- [x] Copy the tables
- [x] Switch reads
- [ ] Switch writes
- [ ] Drop the old tables
`;

function input(path: string, text: string): OverviewInput {
  const { doc, findings, verdicts } = check(text, { today: TODAY });
  return { path, uri: `file:///w/${path}`, doc, findings, verdicts };
}

describe('status overview data', () => {
  const data = overviewData([input('scores.md', SCORES), input('tasks.md', TASKS)], TODAY, [{ path: 'huge.md', reason: 'Skipped: too large.' }]);

  it('gives each document its progress: the headline when stated, else the checklist', () => {
    const [scores, tasks] = data.documents;
    assert.equal(scores!.title, 'Platform Team Scorecard');
    assert.equal(scores!.progress, 75);
    assert.equal(scores!.progressSource, 'headline');
    assert.equal(scores!.headline, '60% → 75%');
    assert.equal(tasks!.progress, 50);
    assert.equal(tasks!.progressSource, 'checklist');
    assert.deepEqual(tasks!.checklist, { done: 2, total: 4 });
    assert.equal(scores!.line, 1);
  });

  it('lists the overdue milestones most overdue first, with their names and days', () => {
    assert.deepEqual(data.milestones.map((m) => [m.name, m.due, m.daysOverdue, m.line]), [
      ['Beta open', '2026-03-01', 266, 15],
      ['Billing moved', '2026-06-15', 160, 16],
    ]);
    assert.equal(data.documents[0]!.overdue, 2);
    assert.equal(data.totals.overdue, 2);
  });

  it('pairs the before and after of every stated score change, and marks a wrong one', () => {
    const changes = data.changes.map((c) => [c.subject, c.before, c.after, c.scale, c.verdict]);
    assert.deepEqual(changes, [
      ['Lena', 40, 65, 100, 'right'],
      ['Omar', 70, 82, 100, 'wrong'],
    ]);
    assert.equal(data.documents[0]!.claimsWrong, 3);
    assert.equal(data.documents[0]!.errors, 1);
  });

  it('totals the documents and passes the skipped files through', () => {
    assert.equal(data.totals.documents, 2);
    assert.equal(data.totals.errors, data.documents.reduce((n, d) => n + d.errors, 0));
    assert.deepEqual(data.skipped, [{ path: 'huge.md', reason: 'Skipped: too large.' }]);
  });

  it('reads the last percentage of a headline', () => {
    assert.equal(headlinePercent('75% → 95%'), 95);
    assert.equal(headlinePercent('about 40 %'), 40);
    assert.equal(headlinePercent('140%'), null);
    assert.equal(headlinePercent(null), null);
  });
});

describe('exported status report', () => {
  const data = overviewData([input('scores.md', SCORES), input('tasks.md', TASKS)], TODAY);
  const report = formatStatusReport(data, [{ path: 'scores.md', line: 9, severity: 'error', rule: 'delta-mismatch', message: 'a | b' }]);
  const lines = report.split('\n');

  it('is a GitHub pipe table with one row per document and a total row, not a code block', () => {
    assert.equal(lines[0], GENERATED_REPORT_MARKER);
    assert.ok(!report.includes('```'));
    const header = lines.findIndex((l) => l.startsWith('| Document |'));
    assert.ok(header > 0);
    assert.match(lines[header]!, /\| Progress \| Checklist \| Errors \| Warnings \| Overdue \| Claims checked \| Claims wrong \|$/);
    assert.match(lines[header + 1]!, /^\| --- \| --- \| --- \| ---: /);
    const cells = (l: string) => l.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    const width = cells(lines[header]!).length;
    const scores = cells(lines[header + 2]!);
    assert.equal(scores.length, width);
    assert.equal(scores[0], 'scores.md');
    assert.equal(scores[3], '60% → 75%');
    const tasks = cells(lines[header + 3]!);
    assert.deepEqual(tasks.slice(0, 5), ['tasks.md', 'Migration Checklist', 'in-progress', '50%', '2/4']);
    assert.equal(cells(lines[header + 4]!).length, width);
    assert.match(lines[header + 4]!, /^\| \*\*Total\*\* /);
  });

  it('lists the overdue milestones and the wrong score changes in tables of their own, and escapes pipes', () => {
    assert.match(report, /## Overdue milestones\n\n\| Document \| Line \| Milestone \| Due \| Days overdue \| Status \|/);
    assert.match(report, /\| scores\.md \| 15 \| Beta open \| 2026-03-01 \| 266 \| 🚧 \|/);
    assert.match(report, /## Score changes stated wrong\n\n.*\n.*\n\| scores\.md \| 9 \| Omar \| 70 \| 82 \| \+10 points \|/);
    assert.match(report, /## scores\.md\n\n- line 9, error: a \\\| b \(`delta-mismatch`\)/);
  });

  it('is never read as a status document by the pre-check', () => {
    assert.ok(isGeneratedReport(report));
    assert.ok(!looksLikeStatusDocument(report));
    assert.ok(isGeneratedReport(`\uFEFF\n${GENERATED_REPORT_MARKER}\n- [ ] x`));
    assert.ok(!isGeneratedReport(`# Notes\n\n${GENERATED_REPORT_MARKER}\n`));
    assert.ok(looksLikeStatusDocument(report.replace(GENERATED_REPORT_MARKER, '')));
  });
});
