/**
 * Accuracy ratchet: recall and precision of the core on the labeled sets (test/eval) must not
 * fall below the figures in test/eval/ratchet.json. Raise those figures when a change improves
 * them. The core is called the way the CLI calls it (same decoding, default settings, the
 * set's `today`); when dist/cli.js is present and newer than src/, the CLI's findings are
 * compared with the core's as well.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeEntry, scoreSet } from '../eval/score';
import { CLI, docLines, findingsFromCli, findingsFromCore, loadSet, ROOT, setPresent, SETS, type FullGot, type LabeledSet } from '../eval/sets';

interface Ratchet { recall: number; precision: number }
const RATCHET = JSON.parse(readFileSync(join(ROOT, 'test', 'eval', 'ratchet.json'), 'utf8')) as Record<string, Ratchet>;
const set = (name: string): LabeledSet => SETS.find((s) => s.name === name)!;

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Why the CLI comparison cannot run, or null when it can. */
function cliUnusable(): string | null {
  if (!existsSync(CLI)) return 'dist/cli.js not built (npm run build)';
  if (statSync(CLI).mtimeMs < newestMtime(join(ROOT, 'src'))) return 'dist/cli.js is older than src/ (npm run build)';
  return null;
}

const keys = (m: Map<string, FullGot[]>): string[] =>
  [...m.entries()].flatMap(([doc, gs]) => gs.map((g) => `${doc}:${g.line}:${g.column} ${g.rule} ${g.message}`)).sort();

const coreCache = new Map<string, Map<string, FullGot[]>>();
/** The core's findings on a set, computed once per run. */
function coreFindings(s: LabeledSet): Map<string, FullGot[]> {
  let m = coreCache.get(s.name);
  if (!m) {
    const { expect, files } = loadSet(s);
    coreCache.set(s.name, (m = findingsFromCore(files, expect.today)));
  }
  return m;
}

function ratchetSuite(name: string, title: string): void {
  describe(title, function () {
    const s = set(name);
    before(function () {
      if (!setPresent(s)) {
        console.log(`      skipped: ${s.label} not found`);
        this.skip();
      }
    });

    it(`recall and precision stay at or above test/eval/ratchet.json (${name})`, function () {
      const { expect } = loadSet(s);
      const score = scoreSet(expect, coreFindings(s));
      const floor = RATCHET[name];
      assert.ok(floor, `test/eval/ratchet.json has no entry "${name}"`);
      const got = `recall ${score.hit}/${score.need} = ${score.recall.toFixed(4)}, precision ${score.precision.toFixed(4)} (${score.falsePositives} false positives)`;
      assert.ok(score.recall >= floor.recall - 1e-9, `${name}: recall fell below ${floor.recall}: ${got}`);
      assert.ok(score.precision >= floor.precision - 1e-9, `${name}: precision fell below ${floor.precision}: ${got}`);
    });

    it(`the core and dist/cli.js give identical findings (${name})`, function () {
      const why = cliUnusable();
      if (why) {
        console.log(`      skipped: ${why}`);
        this.skip();
      }
      const { expect, files } = loadSet(s);
      assert.deepEqual(keys(findingsFromCli(files, expect.today)), keys(coreFindings(s)));
    });
  });
}

ratchetSuite('shared-labeled', 'accuracy ratchet on third-party documents (uses ../shared/labeled)');
ratchetSuite('own', 'accuracy ratchet on test/eval/docs (the project\'s own labeled set)');

describe('own labeled set (test/eval)', () => {
  const s = set('own');
  const { expect, files } = loadSet(s);

  it('labels every document in test/eval/docs and only those', () => {
    const onDisk = readdirSync(s.docsDir).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(Object.keys(expect.docs).sort(), onDisk);
    assert.equal(expect.today, '2026-12-01');
  });

  it('puts the evidence of each required error on its first listed line', () => {
    for (const [i, file] of files.entries()) {
      const name = Object.keys(expect.docs)[i]!;
      const lines = docLines(file);
      for (const e of (expect.docs[name]!.required ?? []).map(normalizeEntry)) {
        assert.ok(e.lines.length > 0 && e.lines.every((n) => Number.isInteger(n) && n >= 1 && n <= lines.length), `${name}: bad lines ${JSON.stringify(e.lines)}`);
        assert.ok(e.evidence, `${name}: ${e.rule} on ${e.lines[0]} has no evidence`);
        assert.equal(lines[e.lines[0]! - 1]!.trim(), e.evidence!.trim(), `${name}: evidence of ${e.rule} is not line ${e.lines[0]}`);
        assert.ok(e.why, `${name}: ${e.rule} on ${e.lines[0]} has no why`);
      }
    }
  });
});

describe('eval scoring (test/eval/score.ts)', () => {
  const got = (pairs: [string, number][]) => pairs.map(([rule, line]) => ({ rule, line }));

  it('matches each requirement once, excuses allowed findings and repeats on a matched requirement', () => {
    const s = scoreSet(
      {
        today: '2026-12-01',
        docs: {
          'a.md': {
            required: [{ rule: 'ratio-mismatch', lines: [3, 4] }, ['total-mismatch', [9]], { rule: 'count-mismatch', lines: [12] }],
            allowed: [['status-mismatch', [1]]],
          },
          'b.md': { required: [] },
        },
      },
      new Map([
        ['a.md', got([['ratio-mismatch', 4], ['ratio-mismatch', 3], ['total-mismatch', 9], ['status-mismatch', 1], ['total-mismatch', 10]])],
        ['b.md', got([['stale-document', 2]])],
      ]),
    );
    assert.equal(s.hit, 2);
    assert.equal(s.need, 3);
    assert.deepEqual(s.misses.map((m) => `${m.doc} ${m.rule}`), ['a.md count-mismatch']);
    assert.deepEqual(s.falsePositiveList.map((f) => `${f.doc} ${f.rule} ${f.line}`), ['a.md total-mismatch 10', 'b.md stale-document 2']);
    assert.equal(s.precision, 2 / 4);
    const ratio = s.rules.find((r) => r.rule === 'ratio-mismatch')!;
    assert.deepEqual([ratio.required, ratio.hit, ratio.falsePositives], [1, 1, 0]);
  });

  it('with forbidden, counts only the listed pairs as false positives', () => {
    const s = scoreSet(
      { today: '2026-12-01', docs: { 'seed.md': { required: [['delta-mismatch', [5]]], forbidden: [['delta-mismatch', [7]]], stretch: [['factor-mismatch', [8]]] } } },
      new Map([['seed.md', got([['delta-mismatch', 7], ['mojibake', 2], ['factor-mismatch', 8]])]]),
    );
    assert.equal(s.hit, 0);
    assert.equal(s.falsePositives, 1);
    assert.deepEqual([s.stretchHit, s.stretchNeed], [1, 1]);
  });
});
