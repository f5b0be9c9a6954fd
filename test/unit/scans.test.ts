/** Remembered pattern matches (the claim extractors' scans) and the line helpers they read. */
import assert from 'node:assert/strict';
import { allMatches } from '../../src/core/model/regex';
import { RememberingScans, RUN_EVERY_TIME } from '../../src/core/model/scans';
import { firstLineOf, linesWithOffsets } from '../../src/core/model/text';

const COUNT = /(?<n>\d+) (?<noun>files|tests)/dgu;
const FIRST = /^(?<label>[^:]+): (?<n>\d+)/d;

describe('remembered scans', () => {
  it('give the matches a fresh run gives, shared and frozen', () => {
    const scans = new RememberingScans();
    const text = 'Added 3 files and 12 tests; 4 files left.';
    const first = scans.all(text, COUNT);
    assert.deepEqual(first.map((m) => [m.index, m[0], m.groups!.n, m.indices!.groups!.noun]), allMatches(text, COUNT).map((m) => [m.index, m[0], m.groups!.n, m.indices!.groups!.noun]));
    assert.equal(scans.all(text, COUNT), first, 'a second call in the same analysis ran the pattern again');
    assert.ok(Object.isFrozen(first) && first.every((m) => Object.isFrozen(m)));
    assert.throws(() => { (first as RegExpExecArray[]).push(first[0]!); }, TypeError);
    const line = scans.exec(FIRST, 'Tests: 42 of 50');
    assert.deepEqual([line?.groups!.label, line?.groups!.n], ['Tests', '42']);
    assert.equal(scans.exec(FIRST, 'Tests: 42 of 50'), line);
    assert.equal(scans.exec(FIRST, 'no label here'), null);
    assert.equal(scans.exec(FIRST, 'no label here'), null);
  });

  it('keep what the last two analyses asked, and nothing older', () => {
    const scans = new RememberingScans();
    const a = scans.all('1 files', COUNT);
    scans.nextGeneration();
    assert.equal(scans.all('1 files', COUNT), a, 'the previous analysis\'s answer was not kept');
    scans.nextGeneration();
    scans.nextGeneration();
    const again = scans.all('1 files', COUNT);
    assert.notEqual(again, a, 'an answer two analyses old was kept');
    assert.deepEqual(again.map((m) => m[0]), ['1 files']);
  });

  it('run every time what does not depend on the text alone', () => {
    const scans = new RememberingScans();
    const re = /\d+ files/g;
    re.lastIndex = 4;
    assert.deepEqual(scans.all('1 files, 2 files', re).map((m) => m[0]), ['2 files']);
    assert.equal(re.lastIndex, 4);
    re.lastIndex = 0;
    assert.deepEqual(scans.all('1 files, 2 files', re).map((m) => m[0]), ['1 files', '2 files']);
    const sticky = /\d+/y;
    assert.equal(scans.exec(sticky, '12 34')?.[0], '12');
    assert.equal(scans.exec(sticky, '12 34'), null, 'a sticky pattern\'s exec was answered from memory');
    assert.deepEqual(RUN_EVERY_TIME.all('3 tests', COUNT).map((m) => m[0]), ['3 tests']);
    assert.equal(RUN_EVERY_TIME.exec(FIRST, 'A: 1')?.groups!.n, '1');
  });
});

describe('line helpers', () => {
  const samples = ['', 'one', 'a\nb', 'a\r\nb\r\n', 'a\rb\r', '\n\n', '\r\n\r\n\r', 'x\r\r\ny', 'end\n'];

  it('linesWithOffsets gives the pieces of a split at \\r\\n, \\r and \\n, with their offsets', () => {
    for (const s of samples) {
      const pieces = s.split(/\r\n|\r|\n/);
      const got = linesWithOffsets(s);
      assert.deepEqual(got.map((l) => l.text), pieces, JSON.stringify(s));
      for (const l of got) assert.equal(s.slice(l.offset, l.offset + l.text.length), l.text);
    }
  });

  it('firstLineOf is the first piece of a split at \\r?\\n', () => {
    for (const s of [...samples, 'a\r', '\rb\nc', 'a\r\r\nb']) assert.equal(firstLineOf(s), s.split(/\r?\n/, 1)[0], JSON.stringify(s));
  });
});
