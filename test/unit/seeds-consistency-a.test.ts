/**
 * The seeds (real reports in ../shared/seeds, read in place) against delta-mismatch,
 * ratio-mismatch, factor-mismatch and percent-range: the exact findings, and proof that the
 * correct claims the issue names were read and checked rather than missed (changing one of
 * their numbers makes the rule report that line).
 */
import assert from 'node:assert/strict';
import { readUtf8, SEEDS, skipWithoutShared } from './helpers';
import { editLine, findingsOf, seedFindingKeys, seedPath } from './seeds';

const RULE_IDS = ['delta-mismatch', 'ratio-mismatch', 'factor-mismatch', 'percent-range'];

/** Every finding of these rules over the seeds, as `rule seed:line:column`. */
const EXPECTED = [
  'ratio-mismatch 002:46:49',
  'factor-mismatch 004:49:54',
];




describe('seeds (uses ../shared/seeds): delta, ratio, factor and percent-range findings', function () {
  before(function () {
    skipWithoutShared(this, SEEDS);
  });

  it('finds exactly the known errors and nothing else', () => {
    assert.deepEqual(seedFindingKeys(RULE_IDS), [...EXPECTED].sort());
  });

  it('seed 002: 164/173 tests passing (96%) is 94.8%, fixed to 95%', () => {
    const [f] = findingsOf(readUtf8(seedPath('002')), 'ratio-mismatch');
    assert.ok(f);
    assert.match(f.message, /^96% should be 95% \(164\/173 = 94\.8%\)/);
    assert.equal(f.fix?.edits[0]?.text, '95%');
    assert.equal(f.related?.length, 1);
    assert.ok(f.detail);
  });

  it('seed 004: 88x better than <1% at 0.079% is about 12.7x; 4.3x and 10x stand', () => {
    const text = readUtf8(seedPath('004'));
    const found = findingsOf(text, 'factor-mismatch');
    assert.deepEqual(found.map((f) => f.line), [49]);
    assert.match(found[0]!.message, /88x should be 13x \(1% ÷ 0\.079% = 12\.7x\)/);
    assert.equal(found[0]!.fix?.edits[0]?.text, '13x');
    // 4.3x is read and checked: a wrong factor there is reported.
    assert.deepEqual(findingsOf(editLine(text, 50, '4.3x', '5.3x'), 'factor-mismatch').map((f) => f.line), [49, 50]);
    // `50,000 (10x canary)` compares with a number the line does not state: never a claim.
    const line = text.split('\n').findIndex((l) => /50,000 \(10x canary\)/.test(l)) + 1;
    assert.ok(line > 0);
    assert.deepEqual(findingsOf(editLine(text, line, '10x', '11x'), 'factor-mismatch').map((f) => f.line), [49]);
  });

  it('seed 000: the five agent deltas and six Phase-3 targets are correct and checked', () => {
    const text = readUtf8(seedPath('000'));
    assert.deepEqual(findingsOf(text, 'delta-mismatch'), []);
    const claims: [number, string, string][] = [
      [27, '+32 points', '+31 points'], [88, '+39 points', '+38 points'], [203, '+9 points', '+8 points'],
      [239, '+10 points', '+11 points'], [292, '+9 points', '+7 points'],
      // A change in % between percentages may be points or relative: the edits break both readings.
      [484, '+4%', '+6%'], [489, '+7%', '+9%'], [495, '+6%', '+5%'], [501, '+7%', '+6%'], [507, '+7%', '+9%'], [513, '+5%', '+4%'],
    ];
    for (const [line, from, to] of claims) {
      const found = findingsOf(editLine(text, line, from, to), 'delta-mismatch');
      assert.deepEqual(found.map((f) => f.line), [line], `a wrong delta on line ${line} is reported`);
      assert.equal(found[0]!.related?.length, 2);
    }
  });

  it('seed 001: Previous 75% / Current 95% (+20%) is correct and checked', () => {
    const text = readUtf8(seedPath('001'));
    assert.deepEqual(findingsOf(text, 'delta-mismatch'), []);
    const line = text.split('\n').findIndex((l) => /Current:\*\* 95% complete \(\+20%\)/.test(l)) + 1;
    assert.ok(line > 0);
    const found = findingsOf(editLine(text, line, '(+20%)', '(+18%)'), 'delta-mismatch');
    assert.deepEqual(found.map((f) => f.line), [line]);
    assert.equal(found[0]!.fix?.edits[0]?.text, '+20');
  });
});
