/**
 * The seeds (real reports in ../shared/seeds, read in place) against the time-based rules
 * (stale-milestone, stale-sprint, stale-document, undated-milestone, weekday-mismatch) with
 * today = 2026-11-22: the exact findings, the `stale` payload the extension renders and edits
 * with, and proof that the done items the issue names were read and judged rather than missed.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { check, type Finding } from '../../src/core/index';
import { readUtf8, SEEDS, skipWithoutShared, TODAY } from './helpers';
import { editLine, findingsOf, lineOf, seedFindingKeys, seedPath } from './seeds';

const TIME_RULES = ['stale-milestone', 'stale-sprint', 'stale-document', 'undated-milestone', 'weekday-mismatch'];
const STALE_RULES = ['stale-milestone', 'stale-sprint', 'stale-document'];

/** Every finding of the time rules over the seeds with today = 2026-11-22, as `rule seed:line:column`. */
const EXPECTED = [
  // Seed 002: the four TBD rows of Key Milestones (🚧 In Progress, 📋 Planned ×3).
  'undated-milestone 002:149:33',
  'undated-milestone 002:150:33',
  'undated-milestone 002:151:33',
  'undated-milestone 002:152:33',
  // Seed 002: newest Recent Updates entry 2025-01-07, the tracker still has open work.
  'stale-document 002:158:5',
  // Seed 003: End Date 2026-02-18 with Status Planned.
  'stale-sprint 003:7:15',
  // Seed 003: `Day 1 (Mon)` while the Start Date 2026-02-10 is a Tuesday.
  'weekday-mismatch 003:512:10',
  // Seed 004: the November 2025 plans: Sprint 3 (Nov 2-30, Projected), the Q4 2025 targets, Next Milestone November 1.
  'stale-milestone 004:370:1',
  'stale-milestone 004:380:1',
  'stale-milestone 004:476:21',
];





/** The text a finding's location covers. */
function covered(text: string, r: { line: number; column: number; endLine: number; endColumn: number }): string {
  assert.equal(r.line, r.endLine, 'single-line range');
  return text.split('\n')[r.line - 1]!.slice(r.column - 1, r.endColumn - 1);
}

describe('seeds (uses ../shared/seeds): time-based findings (today 2026-11-22)', function () {
  before(function () {
    skipWithoutShared(this, SEEDS);
  });

  it('finds exactly the known stale, undated and weekday findings and nothing else', () => {
    assert.deepEqual(seedFindingKeys(TIME_RULES), [...EXPECTED].sort());
  });

  it('seed 003: stale-sprint at the End Date 2026-02-18, 277 days after it, Status "Planned"', () => {
    const text = readUtf8(seedPath('003'));
    const endLine = lineOf(text, /^\*\*End Date\*\*: 2026-02-18/);
    const statusLine = lineOf(text, /^\*\*Status\*\*: Planned/);
    const found = findingsOf(text, 'stale-sprint');
    assert.equal(found.length, 1);
    const f = found[0]!;
    assert.equal(f.line, endLine);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /277 days/);
    assert.equal(covered(text, f), '2026-02-18');
    const stale = f.stale!;
    assert.equal(stale.due, '2026-02-18');
    assert.equal(stale.daysOverdue, 277);
    assert.equal(stale.statusText, 'Planned');
    assert.equal(covered(text, stale.dateRange!), '2026-02-18');
    assert.equal(stale.statusRange!.line, statusLine);
    assert.equal(covered(text, stale.statusRange!), 'Planned');
    assert.deepEqual(f.related?.map((r) => r.line), [statusLine]);
    // Read, not assumed: a done sprint or a later End Date is not stale.
    assert.deepEqual(findingsOf(editLine(text, statusLine, 'Planned', 'Complete'), 'stale-sprint'), []);
    assert.deepEqual(findingsOf(editLine(text, endLine, '2026-02-18', '2026-12-18'), 'stale-sprint'), []);
    // The sprint's own items are left to stale-sprint: no stale-milestone in the same document.
    assert.deepEqual(findingsOf(text, 'stale-milestone'), []);
  });

  it('seed 002: undated-milestone on each TBD row of Key Milestones, nothing on its Complete rows', () => {
    const text = readUtf8(seedPath('002'));
    const lines = text.split('\n');
    const head = lineOf(text, /^## Key Milestones/);
    const rows = lines.map((l, i) => ({ l, n: i + 1 })).filter(({ l, n }) => n > head && n < head + 20 && /^\|/.test(l) && !/^\|\s*(?:Milestone\s*\||-)/.test(l));
    const tbd = rows.filter((r) => /\|\s*TBD\s*\|/.test(r.l));
    const complete = rows.filter((r) => /Complete/.test(r.l));
    assert.equal(tbd.length, 4);
    assert.equal(complete.length, 8);
    const undated = findingsOf(text, 'undated-milestone');
    assert.deepEqual(undated.map((f) => f.line), tbd.map((r) => r.n));
    for (const f of undated) {
      assert.equal(f.severity, 'info');
      assert.equal(covered(text, f), 'TBD');
    }
    // Nothing of any time rule on the Complete rows (dated 2024-06-30 … 2025-01-07, all past).
    const { doc, findings } = check(text, { today: TODAY });
    const completeLines = new Set(complete.map((r) => r.n));
    assert.deepEqual(findings.filter((f) => TIME_RULES.includes(f.rule) && completeLines.has(f.line)).map((f) => `${f.rule} ${f.line}`), []);
    // They were read as dated milestones with a done status, not skipped.
    const read = doc.milestones.filter((m) => completeLines.has(m.range.line));
    assert.equal(read.length, 8);
    for (const m of read) {
      assert.equal(m.status?.value, 'done', m.name);
      assert.ok(m.date?.date && m.date.date < TODAY, m.name);
    }
    // Reopening one of them makes it overdue on that row.
    const reopened = complete[2]!;
    const edited = editLine(text, reopened.n, 'âœ… Complete', 'In Progress'); // the seed's ✅ is mojibake
    const stale = findingsOf(edited, 'stale-milestone');
    assert.deepEqual(stale.map((f) => f.line), [reopened.n]);
    assert.equal(stale[0]!.stale!.due, '2025-01-07');
    assert.equal(stale[0]!.stale!.daysOverdue, 684);
    // Giving a TBD row a date removes its undated finding.
    assert.deepEqual(findingsOf(editLine(text, tbd[1]!.n, 'TBD', '2027-03-01'), 'undated-milestone').map((f) => f.line), tbd.filter((_, i) => i !== 1).map((r) => r.n));
  });

  it('seed 002: stale-document at the newest Recent Updates entry, with its age past the 90-day threshold', () => {
    const text = readUtf8(seedPath('002'));
    const found = findingsOf(text, 'stale-document');
    assert.equal(found.length, 1);
    const f = found[0]!;
    assert.equal(f.severity, 'info');
    assert.equal(f.line, lineOf(text, /^\| \*\*2025-01-07\*\* \| \*\*ðŸŸ¡ CD INFRASTRUCTURE/));
    assert.equal(covered(text, f), '2025-01-07');
    assert.match(f.message, /684 days old/);
    assert.equal(f.stale!.due, '2025-04-07');
    assert.equal(f.stale!.daysOverdue, 684 - 90);
    // With a recent entry on top, the log is current.
    const logLine = f.line;
    assert.deepEqual(findingsOf(editLine(text, logLine, '2025-01-07', '2026-11-01'), 'stale-document'), []);
  });

  it('seed 004: stale-milestone on the November 2025 plans, with due date, days overdue and the status', () => {
    const text = readUtf8(seedPath('004'));
    const found = findingsOf(text, 'stale-milestone');
    const sprint3 = lineOf(text, /^### Sprint 3 \(Nov 2-30, Projected\)/);
    const q4 = lineOf(text, /^### Total Q4 2025/);
    const next = lineOf(text, /^\*\*Next Milestone\*\*: November 1 @ 14:00 UTC/);
    assert.deepEqual(found.map((f) => f.line), [sprint3, q4, next]);
    for (const f of found) assert.equal(f.severity, 'warning');

    // `Nov 2-30` takes 2025 from the document's own Date (October 19-31, 2025).
    const [s3, tq4, nm] = found as [Finding, Finding, Finding];
    assert.equal(s3.column, 1);
    assert.match(s3.message, /357 days/);
    assert.deepEqual({ due: s3.stale!.due, days: s3.stale!.daysOverdue, status: s3.stale!.statusText }, { due: '2025-11-30', days: 357, status: 'Projected' });
    assert.equal(covered(text, s3.stale!.dateRange!), 'Nov 2-30');
    assert.equal(covered(text, s3.stale!.statusRange!), 'Projected');

    // The Q4 2025 heading over a table of 📅 statuses: due at the quarter's end, the status is the first open row's.
    assert.deepEqual({ due: tq4.stale!.due, days: tq4.stale!.daysOverdue, status: tq4.stale!.statusText }, { due: '2025-12-31', days: 326, status: '📅' });
    assert.equal(covered(text, tq4.stale!.dateRange!), 'Q4 2025');
    assert.equal(tq4.stale!.statusRange!.line, q4 + 3);
    assert.equal(covered(text, tq4.stale!.statusRange!), '📅');
    assert.deepEqual(tq4.related?.map((r) => r.line), [q4 + 3]);

    // Next Milestone is upcoming by its name: the date is stale, there is no status to mark done.
    assert.equal(covered(text, nm), 'November 1 @ 14:00 UTC');
    assert.deepEqual({ due: nm.stale!.due, days: nm.stale!.daysOverdue, status: nm.stale!.statusText, statusRange: nm.stale!.statusRange }, { due: '2025-11-01', days: 386, status: null, statusRange: null });
    assert.equal(covered(text, nm.stale!.dateRange!), 'November 1 @ 14:00 UTC');
    assert.match(nm.message, /386 days ago/);

    // The ✅ tasks with November dates (Task 3 "Scheduled for November 1, 2025", Task 4 "November 2-30, 2025") are done, not stale.
    const task3 = lineOf(text, /^\*\*When\*\*: Scheduled for November 1, 2025/);
    const task4 = lineOf(text, /^\*\*When\*\*: November 2-30, 2025/);
    const { doc } = check(text, { today: TODAY });
    for (const line of [task3, task4]) {
      const m = doc.milestones.find((x) => x.range.line === line);
      assert.ok(m?.date?.date, `line ${line} is read as a dated milestone`);
      assert.equal(m.status?.value, 'done', `line ${line}`);
    }
    // Marked done, the Sprint 3 heading is no longer overdue.
    assert.deepEqual(findingsOf(editLine(text, sprint3, 'Projected', 'Complete'), 'stale-milestone').map((f) => f.line).includes(sprint3), false);
  });

  it('with today before the seeds\' plans (2025-10-01) no milestone or sprint is stale', () => {
    const actual: string[] = [];
    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.md')).sort()) {
      const { findings } = check(readUtf8(join(SEEDS, file)), { today: '2025-10-01' });
      for (const f of findings) if (STALE_RULES.includes(f.rule)) actual.push(`${f.rule} ${file.slice(0, 3)}:${f.line}:${f.column} ${f.stale?.daysOverdue}`);
    }
    // Seed 002's newest update (2025-01-07) is already 267 days old on 2025-10-01: that document is stale then too.
    assert.deepEqual(actual, ['stale-document 002:158:5 177']);
  });

  it('with today on seed 002\'s last update (2025-01-07), before every open date, nothing is stale', () => {
    const actual: string[] = [];
    for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.md')).sort()) {
      const { findings } = check(readUtf8(join(SEEDS, file)), { today: '2025-01-07' });
      for (const f of findings) if (STALE_RULES.includes(f.rule)) actual.push(`${f.rule} ${file.slice(0, 3)}:${f.line}:${f.column}`);
    }
    assert.deepEqual(actual, []);
  });
});
