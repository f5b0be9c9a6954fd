/**
 * The seeds (real reports in ../shared/seeds, read in place) against total-mismatch,
 * count-mismatch, headline-mismatch and status-mismatch: the exact findings, and proof that the
 * correct claims the issue names were read and checked rather than missed (changing one of
 * their numbers makes the rule report that line).
 */
import assert from 'node:assert/strict';
import { applyFixes, check, DEFAULT_CONFIG } from '../../src/core/index';
import { readUtf8, SEEDS, skipWithoutShared, TODAY } from './helpers';
import { editLine, findingsOf, lineOf, seedFindingKeys, seedPath } from './seeds';

const RULE_IDS = ['total-mismatch', 'count-mismatch', 'headline-mismatch', 'status-mismatch'];

/** Every finding of these rules over the seeds, as `rule seed:line:column`. */
const EXPECTED = [
  'total-mismatch 001:25:44', // (3 files, ~730 lines): 232 + 177 + 119 = 528
  'total-mismatch 001:300:34', // TOTAL contribution 95%: 50 + 20 + 20 + 0 = 90; Overall Progress 95% on lines 6 and 381 repeats it (related)
  'status-mismatch 002:126:35', // Test Infrastructure | ✅ Complete | 96%
];





describe('seeds (uses ../shared/seeds): total, count, headline and status findings', function () {
  before(function () {
    skipWithoutShared(this, SEEDS);
  });

  it('finds exactly the known errors and nothing else', () => {
    assert.deepEqual(seedFindingKeys(RULE_IDS), [...EXPECTED].sort());
  });

  it('seed 001: the weighted TOTAL row, fixed to 90%, with the rows summed as related', () => {
    const text = readUtf8(seedPath('001'));
    const f = findingsOf(text, 'total-mismatch').find((x) => x.line === 300);
    assert.ok(f);
    assert.match(f.message, /^TOTAL says 95% for Contribution, its rows add up to 90% \(50% \+ 20% \+ 20% \+ 0%\); Overall Progress on lines 6 and 381 repeats it\.$/);
    assert.equal(f.fix?.edits[0]?.text, '90');
    // The two Overall Progress headlines that repeat the 95% first, then the four rows.
    assert.deepEqual(f.related?.map((r) => r.line), [6, 381, 296, 297, 298, 299]);
    assert.deepEqual(f.fix?.edits.map((e) => [e.line, e.text]), [[300, '90'], [6, '90'], [381, '90']]);
    assert.ok(f.detail);
    // The Completion total (90%) and the weights (100%) are right, and checked: a wrong row is reported on that row.
    const row = lineOf(text, /Life CEO AI\*\* \| 20% \| 100%/);
    const wrongRow = findingsOf(text.replace(/(Life CEO AI\*\* \| 20% \| 100% \S* \| )20%/, '$125%'), 'total-mismatch');
    // 50 + 25 + 20 + 0 = 95 is what the TOTAL row says: the row is wrong, and its fix corrects the total too.
    assert.deepEqual(wrongRow.map((x) => x.line).sort((a, b) => a - b), [25, row]);
    const rowFinding = wrongRow.find((x) => x.line === row)!;
    assert.match(rowFinding.message, /^Life CEO AI: contribution 25% should be 20% \(weight 20% × completion 100% = 20%\); the total that adds it up becomes 90%/);
    assert.deepEqual(rowFinding.fix?.edits.map((e) => [e.line, e.text]), [[row, '20'], [300, '90']]);
  });

  it('seed 001: ~730 lines is flagged (528), the groups that add up are read and not flagged', () => {
    const text = readUtf8(seedPath('001'));
    const f = findingsOf(text, 'total-mismatch').find((x) => x.line === 25);
    assert.ok(f);
    assert.match(f.message, /^The 3 files listed below add up to ~528 lines, not ~730 lines \(232 \+ 177 \+ 119\)/);
    assert.equal(f.related?.length, 3);
    // (2 files, ~650 lines) 370 + 280, (3 files, ~340 lines) 115 + 108 + 117, (2 files, ~470 lines) 445 + 25:
    // a changed item breaks each of them.
    for (const [pattern, from, to] of [[/Business Metrics Dashboard\*\* - 280 lines/, '280', '480'], [/email-worker\.ts\)\*\* - 115 lines/, '115', '215'], [/environment\.json\)\*\* - 25 lines/, '25 lines', '125 lines']] as const) {
      const line = lineOf(text, pattern);
      const found = findingsOf(editLine(text, line, from, to), 'total-mismatch').map((x) => x.line);
      assert.equal(found.length, 3, `${pattern}: ${found.join(',')}`);
    }
  });

  it('seed 001: Overall Progress 95% at top and bottom repeats the TOTAL row: one finding, one fix for all three', () => {
    const text = readUtf8(seedPath('001'));
    assert.deepEqual(findingsOf(text, 'headline-mismatch'), []);
    const { doc, verdicts } = check(text, { today: TODAY });
    const headlines = doc.claims.filter((c) => c.kind === 'progress' && c.form === 'weighted');
    assert.deepEqual(headlines.map((c) => [c.range.line, verdicts[c.id]!.verdict]), [[6, 'wrong'], [381, 'wrong']]);
    // Without the TOTAL row's finding (the rule off), the headlines are one finding of their own.
    const config = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'total-mismatch': 'off' as const } };
    const alone = check(text, { today: TODAY, config }).findings.filter((f) => f.rule === 'headline-mismatch');
    assert.deepEqual(alone.map((f) => f.line), [6]);
    assert.match(alone[0]!.message, /^Overall Progress says 95%, its weighted table gives 90% \(50% × 100% \+ 20% × 100% \+ 20% × 100% \+ 10% × 0% = 90%\); Overall Progress on line 381 repeats it\.$/);
    assert.ok(alone[0]!.related?.some((r) => r.line === 381) && alone[0]!.related?.some((r) => r.line === 294), 'the repeat and the computing table are related');
    // Fixing everything leaves none of these findings.
    let fixed = text;
    for (let i = 0; i < 3; i++) fixed = applyFixes(fixed, check(fixed, { today: TODAY }).findings).text;
    for (const rule of RULE_IDS) assert.deepEqual(findingsOf(fixed, rule).map((f) => `${f.rule} ${f.line}`), []);
  });

  it('seed 000: file counts (20 total = 7 + 10 + 3) are read and right; 19 checks and 80%+ (estimated) are not claims', () => {
    const text = readUtf8(seedPath('000'));
    for (const rule of RULE_IDS) assert.deepEqual(findingsOf(text, rule), [], rule);
    const total = lineOf(text, /^## Files Created \(20 total\)/);
    assert.deepEqual(findingsOf(editLine(text, total, '20 total', '21 total'), 'count-mismatch').map((f) => f.line), [total]);
    const ci = lineOf(text, /^### CI\/CD \(7 files\)/);
    const found = findingsOf(editLine(text, ci, '7 files', '8 files'), 'count-mismatch');
    assert.deepEqual(found.map((f) => f.line), [ci]);
    assert.equal(found[0]!.fix?.edits[0]?.text, '7');
    assert.deepEqual(findingsOf(editLine(text, lineOf(text, /\*\*19 Automated Checks\*\*/), '19', '5'), 'count-mismatch'), []);
  });

  it('seed 004: the (6 files), (3 files), (1 file), (1 directory) groups are read and right', () => {
    const text = readUtf8(seedPath('004'));
    assert.deepEqual(findingsOf(text, 'count-mismatch'), []);
    for (const [re, from, to] of [[/^### Deployment Documents \(6 files\)/, '6 files', '5 files'], [/^### Planning Documents \(3 files\)/, '3 files', '4 files'], [/^### Deployment Logs \(1 directory\)/, '1 directory', '2 directories']] as const) {
      const line = lineOf(text, re);
      assert.deepEqual(findingsOf(editLine(text, line, from, to), 'count-mismatch').map((f) => f.line), [line]);
    }
  });

  it('seed 002: ✅ Complete at 96% is a warning; Notes columns and 100% rows are not progress', () => {
    const text = readUtf8(seedPath('002'));
    const found = check(text, { today: TODAY }).findings.filter((f) => f.rule === 'status-mismatch');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.match(found[0]!.message, /^Test Infrastructure is marked \"âœ… Complete\" but its progress is 96%\.$/);
    assert.equal(found[0]!.fix, undefined);
    const row = lineOf(text, /^\| Blueprint Registration/);
    assert.deepEqual(findingsOf(editLine(text, row, '100%', '90% '), 'status-mismatch').map((f) => f.line).sort((a, b) => a - b), [row, found[0]!.line].sort((a, b) => a - b));
  });
});
