/**
 * Every fix of total-mismatch leaves the document consistent: applied alone, its finding is gone
 * and no finding of any rule appears on the lines it edits; applied together (until nothing is
 * left to fix), no finding of any rule remains on those lines.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes, check, type Finding } from '../../src/core/index';
import { readUtf8, ROOT, TODAY } from './helpers';

const DIR = join(ROOT, 'test', 'fixtures', 'total-mismatch');
const key = (f: Finding) => `${f.rule} ${f.line}:${f.column} ${f.message}`;
const onLines = (fs: readonly Finding[], lines: Set<number>) => fs.filter((f) => lines.has(f.line));
/**
 * count-mismatch reads a heading's `(96 total)` as a count of the table's rows; that finding is
 * there before the fix too (with the old number), a reading of that rule, not a leftover of this one.
 */
const countReading = (before: readonly Finding[]) => (f: Finding) => !(f.rule === 'count-mismatch' && before.some((b) => b.rule === 'count-mismatch' && b.line === f.line));

describe('total-mismatch fixes leave no finding behind', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.md'))) {
    const text = readUtf8(join(DIR, file));
    const before = check(text, { today: TODAY }).findings;
    const mine = before.filter((f) => f.rule === 'total-mismatch' && f.fix);
    if (!mine.length) continue;

    it(`${file}: each fix alone removes its finding and adds none on the lines it edits`, () => {
      for (const f of mine) {
        const lines = new Set([f.line, ...f.fix!.edits.map((e) => e.line)]);
        const after = check(applyFixes(text, [f]).text, { today: TODAY }).findings;
        const old = new Set(before.filter((x) => x !== f).map(key));
        const fresh = onLines(after, lines).filter((x) => !old.has(key(x))).filter(countReading(before));
        assert.deepEqual(fresh.map(key), [], `fix of ${key(f)}`);
        assert.ok(!after.some((x) => x.rule === f.rule && x.line === f.line && x.column === f.column && x.message === f.message), `still there: ${key(f)}`);
      }
    });

    it(`${file}: every message's arithmetic adds up`, () => {
      for (const f of mine) {
        const text = f.message.replace(/\+ -/g, '+ -');
        // "its rows add up to 90% (50% + 20% + 20% + 0%)" reads as "50% + 20% + 20% + 0% = 90%".
        const said = /adds? up to ~?([-$€]{0,2})([\d,.]+)\+?[^(]{0,40}\(((?:[-$€]{0,2}[\d,.]+(?:%|\/\d+)? \+ )+[-$€]{0,2}[\d,.]+(?:%|\/\d+)?)\)/.exec(text);
        const m = said ? [`${said[3]} = ${said[1]}${said[2]}`, said[3]!, said[2]!] as const : /((?:[-$€]{0,2}[\d,.]+(?:%|\/\d+)? \+ )+[-$€]{0,2}[\d,.]+(?:%|\/\d+)?) = [-$€]{0,2}([\d,.]+)/.exec(text);
        if (!m) continue;
        const num = (t: string) => Number(t.replace(/[$€,%]/g, '').split('/')[0]);
        const terms = m[1]!.split(' + ').map(num);
        const sum = terms.reduce((a, b) => a + b, 0);
        const stated = num(m[2]!) * (m[0]!.split(' = ')[1]!.startsWith('-') ? -1 : 1);
        const decimals = Math.max(...m[1]!.split(' + ').map((t) => (t.split('.')[1] ?? '').replace(/\D.*$/, '').length));
        assert.ok(Math.abs(sum - stated) <= 0.5 * 10 ** -decimals * terms.length + 1e-9, `${f.message}: the terms add up to ${sum}`);
      }
    });

    it(`${file}: all fixes together leave nothing on the lines they edit`, () => {
      let fixed = text;
      const lines = new Set<number>();
      for (let i = 0; i < 5; i++) {
        const fs = check(fixed, { today: TODAY }).findings.filter((f) => f.rule === 'total-mismatch' && f.fix);
        if (!fs.length) break;
        for (const f of fs) { lines.add(f.line); f.fix!.edits.forEach((e) => lines.add(e.line)); }
        fixed = applyFixes(fixed, fs).text;
      }
      const left = onLines(check(fixed, { today: TODAY }).findings, lines).filter(countReading(before));
      assert.deepEqual(left.map(key), []);
    });
  }
});

describe('count-mismatch with a total stated beside the count: a fix only when the total holds', () => {
  const doc = (count: number, points: number, items: number[]) =>
    `# Plan\n\n### Sprint 3 (${count} stories, ${points} points)\n\n${items.map((p, i) => `- Story ${i + 1} (${p} points)`).join('\n')}\n`;
  const countFinding = (text: string) => check(text, { today: TODAY }).findings.find((f) => f.rule === 'count-mismatch');

  it('the items add up to the total: the count alone is wrong, and its fix leaves nothing behind', () => {
    const text = doc(4, 13, [5, 3, 5]);
    const f = countFinding(text);
    assert.ok(f?.fix, 'no fix offered');
    const after = check(applyFixes(text, [f]).text, { today: TODAY }).findings;
    assert.deepEqual(after.map(key), []);
  });

  it('an item short and the total short by as much: an item is missing, no fix', () => {
    const f = countFinding(doc(4, 16, [5, 3, 5]));
    assert.ok(f && !f.fix);
    assert.match(f.detail ?? '', /an item may be missing/);
  });

  it('the items add up to more (or less) than the total: changing the count would leave the total wrong, no fix', () => {
    for (const text of [doc(4, 10, [5, 3, 5]), doc(2, 10, [5, 3, 5]), doc(2, 16, [5, 3, 5])]) {
      const f = countFinding(text);
      assert.ok(f && !f.fix, text);
      assert.match(f.detail ?? '', /does not match the items either|an item may be missing/, text);
    }
  });
});
