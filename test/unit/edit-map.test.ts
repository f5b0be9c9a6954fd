/**
 * The linear `EditMap.consume` (src/core/model/editMap.ts) that micromark runs with must do
 * exactly what micromark-util-edit-map's own does: the same events in the same order for any
 * edits, so the same tree for any document. Its speed is proven by the growth test ("lists and
 * paragraphs alternating in one section").
 */
import * as assert from 'node:assert/strict';
import { EditMap } from 'micromark-util-edit-map';
import { linearConsume, stockConsume } from '../../src/core/model/editMap';
import { parseWhole } from '../../src/core/model/parse';
import { CORPUS, FIXTURES, markdownUnder, random, readUtf8, skipWithoutShared } from './helpers';

type Call = ['add' | 'addBefore', number, number, string[]];

/** Edits as micromark makes them: positions within the list, removals that may overlap the next edit or reach past the end, some at the same position. */
function randomCalls(next: () => number, length: number): Call[] {
  const calls: Call[] = [];
  const n = Math.floor(next() * 5);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(next() * (length + 1));
    const remove = next() < 0.5 ? 0 : Math.floor(next() * 4);
    const add = Array.from({ length: Math.floor(next() * 4) }, (_, k) => `new${i}.${k}`);
    calls.push([next() < 0.3 ? 'addBefore' : 'add', at, remove, add]);
  }
  return calls;
}

function run(consume: typeof stockConsume, events: string[], calls: Call[]): string[] {
  const map = new EditMap();
  for (const [how, at, remove, add] of calls) map[how](at, remove, [...add] as never);
  const out = [...events];
  consume.call(map, out);
  // The map is empty afterwards: a second consume changes nothing.
  consume.call(map, out);
  return out;
}

/** Parses with micromark's own consume in place of the linear one. */
function withStockConsume<T>(fn: () => T): T {
  EditMap.prototype.consume = stockConsume as never;
  try {
    return fn();
  } finally {
    EditMap.prototype.consume = linearConsume as never;
  }
}

describe('linear EditMap.consume', () => {
  it('is the one micromark runs with', () => {
    assert.equal(EditMap.prototype.consume, linearConsume);
  });

  it('gives the same events as micromark-util-edit-map for 20,000 random edit maps', () => {
    const next = random(13);
    for (let round = 0; round < 20_000; round++) {
      const events = Array.from({ length: Math.floor(next() * 12) }, (_, i) => `e${i}`);
      const calls = randomCalls(next, events.length);
      assert.deepEqual(run(linearConsume, events, calls), run(stockConsume, events, calls), JSON.stringify({ events, calls }));
    }
  });

  it('applies the edits in the order of their positions, edits at one position merged', () => {
    const events = ['a', 'b', 'c', 'd'];
    assert.deepEqual(run(linearConsume, events, [['add', 4, 0, ['x']], ['add', 1, 2, []]]), ['a', 'd', 'x']);
    assert.deepEqual(run(linearConsume, events, [['add', 2, 0, ['x']], ['addBefore', 2, 1, ['y']]]), ['a', 'b', 'y', 'x', 'd']);
  });

  const alternating = (n: number) => Array.from({ length: n }, (_, i) => `- [x] item ${i}\n\n**Day ${i}** 50% done.\n\n> note ${i}\n`).join('\n');

  it('gives the same tree as micromark-util-edit-map on lists, quotes and lazy lines', () => {
    const texts = [
      alternating(200),
      '- a\n  - b\nlazy\n- c\n\n> q\nlazy\n\n1. x\n   > y\n   lazy\n\npara',
      '> - a\n> - b\n>\n> c\n\n- [ ] t\n\n  more\n- [x] u\n',
      ...markdownUnder(FIXTURES).slice(0, 200).map(readUtf8),
    ];
    for (const text of texts) assert.equal(JSON.stringify(parseWhole(text)), JSON.stringify(withStockConsume(() => parseWhole(text))));
  });

  it('gives the same tree as micromark-util-edit-map on every corpus document up to 25 KB', function () {
    // Larger ones take seconds each with the stock consume, parsed whole.
    skipWithoutShared(this, CORPUS);
    this.timeout(120_000);
    for (const path of markdownUnder(CORPUS)) {
      const text = readUtf8(path);
      if (text.length > 25_000) continue;
      assert.equal(JSON.stringify(parseWhole(text)), JSON.stringify(withStockConsume(() => parseWhole(text))), path);
    }
  });
});
