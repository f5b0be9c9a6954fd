/**
 * Incremental re-analysis equals a cold analysis, and cached results equal fresh ones.
 *
 * Random edits (a seeded generator, biased towards markdown syntax: headings, fences, HTML,
 * front matter, definitions, tables, task items, line breaks) are applied one after another to
 * the real documents in ../shared, to every document of the repository's tests and to documents
 * written here; after every edit the incremental checker, which keeps the trees and the model
 * parts of unchanged chunks from the previous edit, must give the same syntax tree, the same
 * model, the same findings and the same verdicts as `check` from scratch.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, type CheckOptions } from '../../src/core/index';
import { cacheContextKey, IncrementalChecker, IncrementalParser, splitChunks, stableJson } from '../../src/core/incremental';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { parseWhole } from '../../src/core/model/parse';
import { CACHE_FILE, DETAILS_FILE, ResultCache } from '../../src/cli/cache';
import { run } from '../../src/cli/main';
import { checkTargets } from '../../src/cli/worker';
import { CORPUS, FIXTURES, markdownFiles, markdownUnder, random, readUtf8, ROOT, SEEDS, sharedDocuments, skipWithoutShared, TODAY } from './helpers';

const SNIPPETS = [
  '#', '# ', '## Heading', '\n# Inserted\n', '\n### Deeper 40%\n', '\n', '\n\n', '\r\n', ' ', '\t', 'x', '7', '%',
  '```', '\n```\n', '~~~', '\n~~~text\n', '    ', '<!--', '-->', '\n<!-- note\n', '<div>', '</div>', '\n<details>\n',
  '<pre>', '</pre>', '---', '\n---\n', '+++', '***', '[ref]: https://example.com\n', '[^1]', '\n[^1]: note\n', '[ref]',
  '> ', '- ', '- [ ] ', '- [x] ', '1. ', '  - ', '| a | b |\n|---|---|\n| 1 | 2 |\n', '|', '**Status**: Done',
  '**Overall Progress**: 40% → 60%', '✅', '🚧', 'âœ…', '→', '(+20%)', '3/4', '12 of 15', '2026-03-01', 'March 3, 2026',
  '*', '_', '**', '`', '\\', '#hashtag', '####### seven', ' #', '===', '\n===\n',
];

function randomEdit(text: string, rnd: () => number): string {
  const pick = rnd();
  // Positions are biased towards line starts, where block syntax lives.
  let at = Math.floor(rnd() * (text.length + 1));
  if (rnd() < 0.5) {
    const nl = text.lastIndexOf('\n', at - 1);
    at = nl + 1;
  }
  if (pick < 0.6) {
    const s = SNIPPETS[Math.floor(rnd() * SNIPPETS.length)]!;
    return text.slice(0, at) + s + text.slice(at);
  }
  if (pick < 0.85) {
    const len = 1 + Math.floor(rnd() * (rnd() < 0.2 ? 200 : 12));
    return text.slice(0, at) + text.slice(at + len);
  }
  // Move a line elsewhere (a structural change).
  const lines = text.split('\n');
  if (lines.length < 3) return text + '\n';
  const [line] = lines.splice(Math.floor(rnd() * lines.length), 1);
  lines.splice(Math.floor(rnd() * lines.length), 0, line!);
  return lines.join('\n');
}

/** The lines of `text` with their start offsets and the construct each lies in. */
function lineKinds(text: string): { start: number; end: number; kind: 'table' | 'list' | 'fence' | 'front-matter' | 'heading' | 'other' }[] {
  const out: ReturnType<typeof lineKinds> = [];
  let fence: string | null = null;
  let front = false;
  let at = 0;
  text.split('\n').forEach((line, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1] ?? null;
    let kind: ReturnType<typeof lineKinds>[number]['kind'] = 'other';
    if (i === 0 && /^(?:---|\+\+\+)\s*$/.test(line)) { front = true; kind = 'front-matter'; }
    else if (front) { kind = 'front-matter'; if (/^(?:---|\+\+\+)\s*$/.test(line)) front = false; }
    else if (fence !== null || marker) { kind = 'fence'; if (fence === null) fence = marker![0]!; else if (marker && marker[0] === fence) fence = null; }
    else if (/^\s*\|/.test(line)) kind = 'table';
    else if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) kind = 'list';
    else if (/^#{1,6}(?:\s|$)/.test(line)) kind = 'heading';
    out.push({ start: at, end: at + line.length, kind });
    at += line.length + 1;
  });
  return out;
}

/**
 * An edit aimed at what decides chunks and blocks: joining two lines, breaking one, adding or
 * removing a heading marker (chunk boundaries move), or typing and deleting inside a table row,
 * a list item, a fenced block or the front matter.
 */
function structuredEdit(text: string, rnd: () => number): string {
  const lines = lineKinds(text);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const r = rnd();
  if (r < 0.15) {
    // Join a line with the next one.
    const nl = text.indexOf('\n', Math.floor(rnd() * text.length));
    return nl < 0 ? text : text.slice(0, nl) + (rnd() < 0.5 ? ' ' : '') + text.slice(nl + 1);
  }
  if (r < 0.25) {
    const at = Math.floor(rnd() * (text.length + 1));
    return text.slice(0, at) + pick(['\n', '\n\n', '\n# ', '\n## ']) + text.slice(at);
  }
  if (r < 0.45) {
    // A chunk boundary appears or goes: a heading marker at a line start, added or taken away.
    const headings = lines.filter((l) => l.kind === 'heading');
    if (headings.length && rnd() < 0.5) {
      const h = pick(headings);
      const hashes = /^#+\s?/.exec(text.slice(h.start, h.end))![0].length;
      return text.slice(0, h.start) + text.slice(h.start + (rnd() < 0.5 ? hashes : 1)) ;
    }
    const l = pick(lines);
    return text.slice(0, l.start) + pick(['# ', '## ', '### ', '#', '    # ', '> # ']) + text.slice(l.start);
  }
  const inside = lines.filter((l) => l.kind !== 'other' && l.kind !== 'heading');
  const l = inside.length ? pick(inside) : pick(lines);
  const at = l.start + Math.floor(rnd() * (l.end - l.start + 1));
  const s = rnd();
  if (s < 0.5) {
    const snippet = pick(['x', '7', '|', ' | 4 |', '%', '- [ ] ', '- [x] ', '  - ', '1. ', '```', '~~~', ': ', 'status: done', '2026-04-01', '(3)', '→ 80%', '✅', '**', '\\']);
    return text.slice(0, at) + snippet + text.slice(at);
  }
  if (s < 0.8) return text.slice(0, at) + text.slice(Math.min(l.end, at + 1 + Math.floor(rnd() * 6)));
  // Duplicate or drop the whole line.
  const line = text.slice(l.start, Math.min(text.length, l.end + 1));
  return rnd() < 0.5 ? text.slice(0, l.start) + line + text.slice(l.start) : text.slice(0, l.start) + text.slice(l.start + line.length);
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

function assertSameAsCold(checker: IncrementalChecker, text: string, label: string, compareTrees = true, options: Omit<CheckOptions, 'today'> = {}): void {
  if (compareTrees) {
    // The checker's own parser: what it re-parses and what it reuses from the previous text.
    const tree = checker.parser.parse(text);
    assert.deepEqual(plain(tree), plain(parseWhole(text)), `${label}: chunked tree differs from the whole-document tree`);
  }
  const incremental = checker.check(text, { today: TODAY, ...options });
  const cold = check(text, { today: TODAY, ...options });
  assert.deepEqual(incremental.doc, cold.doc, `${label}: model differs`);
  // The same JSON too (hosts serialize the model): keys in the same order.
  assert.equal(JSON.stringify(incremental.doc), JSON.stringify(cold.doc), `${label}: model differs as JSON`);
  assert.deepEqual(incremental.findings, cold.findings, `${label}: findings differ`);
  assert.deepEqual(incremental.verdicts, cold.verdicts, `${label}: verdicts differ`);
}

/** Applies `edits` random edits in a row, each compared with a cold check; returns how many reused model parts. */
function editSequence(text: string, seed: number, edits: number, label: string, compareTreesEvery = 4): number {
  const rnd = random(seed);
  const checker = new IncrementalChecker();
  let current = text;
  assertSameAsCold(checker, current, `${label} (unedited)`, false);
  let reused = 0;
  for (let i = 0; i < edits; i++) {
    current = rnd() < 0.5 ? structuredEdit(current, rnd) : randomEdit(current, rnd);
    assertSameAsCold(checker, current, `${label} after edit ${i + 1}`, i % compareTreesEvery === 0);
    if (checker.models.stats.built < checker.models.stats.chunks) reused++;
  }
  return reused;
}

/** The documents of the repository's tests: every fixture, the evaluation documents, the editor test workspace. */
function repositoryDocuments(): { name: string; path: string }[] {
  const dirs = [FIXTURES, join(ROOT, 'test', 'eval'), join(ROOT, 'test', 'vscode', 'workspace')];
  return dirs.flatMap((d) => markdownUnder(d)).map((p) => ({ name: p.slice(ROOT.length + 1), path: p }));
}

/** Documents written for this test: every construct that decides where chunks may split. */
const OWN_DOCUMENTS: Record<string, string> = {
  'sections.md': [
    '# Release Tracker', '', '**Status**: In Progress', '**Overall Progress**: 45% → 70% (+25%)', '',
    '## Phase 1: Parser ✅', '', '- [x] Tokenizer', '- [x] Tree builder', '  - [ ] Error recovery', '',
    '## Phase 2: Rules 🚧', '', '| Task | Weight | Done | Status |', '|------|--------|------|--------|',
    '| Totals | 40% | 100% | ✅ |', '| Ratios | 60% | 50% | 🚧 |', '# Not a heading inside the table? It is.', '',
    '### Scores', '', '1. **Mira (Docs)**: 40% → 70% (+30 points) ✅', '2. **Tomas (QA)**: 55% → 60% (+5%)', '',
    '## Dates', '', '| Milestone | When | Status |', '|---|---|---|', '| Beta | 2026-02-01 | Planned |', '',
  ].join('\n'),
  'fences-and-html.md': [
    '# Notes', '', '```text', '# not a heading', '10 of 12 done', '```', '', '~~~~', '# still code', '~~~', '# still code (short fence)', '~~~~', '',
    '## After the code', '', '<!--', '# inside a comment', '-->', '', '<div>', '# inside an html block', '</div>', '',
    '<pre>', '# inside pre', '', '# still inside pre', '</pre>', '', '## Lists', '', '- item', '  ```', '# closes the list', '  ```', '',
    '> quote', '# after a quote', '', '- [ ] open', '# after a list', 'text', '', '1. one', '   # in the item', '', '#\tTab heading', '#', '##',
  ].join('\n'),
  'front-matter.md': [
    '---', 'title: Sprint 4', '# a yaml comment', 'status: in progress', '---', '', '# Sprint 4', '', 'Setext title', '===', '',
    '## Tasks', '- [x] a', '- [ ] b', 'Another setext', '---', '# Heading', 'paragraph', '## Last',
  ].join('\n'),
  'definitions.md': ['# Refs', '', 'See [the plan][plan] and the note[^n].', '', '## Plan', '', '[plan]: https://example.com', '', '[^n]: A note.', ''].join('\n'),
  'crlf.md': ['# Windows', '', '- [x] done', '', '## Next', '', '50% → 60% (+10%)', '', '## End', ''].join('\r\n'),
};

describe('incremental re-analysis', () => {
  it('splits at top-level ATX headings only, and refuses documents with definitions', () => {
    const chunks = splitChunks(OWN_DOCUMENTS['fences-and-html.md']!)!;
    assert.deepEqual(chunks.map((c) => c.text.split('\n')[0]), ['# Notes', '## After the code', '## Lists', '# after a quote', '# after a list', '#\tTab heading', '#', '##']);
    assert.equal(splitChunks(OWN_DOCUMENTS['definitions.md']!), null);
    assert.equal(splitChunks('\ufeff# A\n# B\n'), null);
    assert.equal(chunks.map((c) => c.text).join(''), OWN_DOCUMENTS['fences-and-html.md']);
  });

  it('reuses unchanged chunks and re-parses only the edited one', () => {
    const text = OWN_DOCUMENTS['sections.md']!;
    const parser = new IncrementalParser();
    parser.parse(text);
    const at = text.indexOf('Tree builder');
    parser.parse(text.slice(0, at) + 'x' + text.slice(at));
    assert.equal(parser.stats.chunked, true);
    assert.equal(parser.stats.parsed, 1);
    assert.ok(parser.stats.chunks >= 5);
  });

  it('reuses the chunks a change in several places did not touch, and a section moved elsewhere', () => {
    const sections = ['# Plan\n\nIntro.\n\n', ...['A', 'B', 'C', 'D', 'E', 'F'].map((n) => `## Part ${n}\n\n- [x] Task ${n}1\n- [ ] Task ${n}2\n\n`)];
    const text = sections.join('');
    const checker = new IncrementalChecker();
    assertSameAsCold(checker, text, 'unedited');
    // Two edits at once (a replace-all): the two edited chunks are parsed, the rest are not.
    const twice = text.replace('Task B1', 'Task B9').replace('Task E2', 'Task E7');
    assertSameAsCold(checker, twice, 'two places', false);
    assert.deepEqual([checker.parser.stats.parsed, checker.models.stats.built], [2, 2]);
    // Part B moved to the end in one change: every chunk is one the last text had.
    const moved = [sections[0], sections[1], sections[3], sections[4], sections[5], sections[6], sections[2]].join('').replace('Task B1', 'Task B9').replace('Task E2', 'Task E7');
    assertSameAsCold(checker, moved, 'moved', false);
    assert.equal(checker.parser.stats.chunks, 7);
    // Parts A, F and B have other lines after them now, so they are parsed again; C, D and E
    // are found by their text (each is neither where it was nor as far from the end).
    assert.equal(checker.parser.stats.parsed, 3);
  });

  for (const [name, text] of Object.entries(OWN_DOCUMENTS)) {
    it(`equals a cold analysis after 150 random edits of ${name}`, () => {
      const rnd = random(name.length * 7919);
      const checker = new IncrementalChecker();
      let current = text;
      assertSameAsCold(checker, current, `${name} (unedited)`);
      for (let i = 0; i < 150; i++) {
        current = randomEdit(current, rnd);
        assertSameAsCold(checker, current, `${name} after edit ${i + 1}`);
      }
    });
  }

  it('reuses the model parts of unchanged chunks and keeps only those of the last text', () => {
    const text = OWN_DOCUMENTS['sections.md']!;
    const checker = new IncrementalChecker();
    checker.check(text, { today: TODAY });
    assert.equal(checker.models.stats.built, checker.models.stats.chunks);
    const at = text.indexOf('Tree builder');
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    checker.check(edited, { today: TODAY });
    assert.equal(checker.models.stats.built, 1);
    assert.equal(checker.models.stats.chunks, checker.parser.stats.chunks);
    assert.equal(checker.models.size, checker.parser.stats.chunks);
    // The edited chunk again, and one chunk fewer: only the chunks of the last text are kept.
    const shorter = edited.slice(0, edited.indexOf('## Dates'));
    checker.check(shorter, { today: TODAY });
    assert.equal(checker.models.size, checker.parser.stats.chunks);
    assertSameAsCold(checker, shorter, 'shorter');
  });

  it('equals a cold analysis when the document date, which dates in every chunk depend on, changes', () => {
    const text = [
      '# Plan', '', '**Last updated**: March 2, 2025', '', '## Q1', '', '| Milestone | Due | Status |', '|---|---|---|', '| Beta | March 3 | Planned |', '',
      '## Q2', '', '- [ ] Launch on June 9 (Mon)', '', '## Q3', '', 'Review on 04/07/2026 and on 7 Jan.', '',
    ].join('\n');
    const checker = new IncrementalChecker();
    assertSameAsCold(checker, text, 'dated');
    let current = text;
    for (const [from, to] of [['March 2, 2025', 'March 2, 2026'], ['March 2, 2026', '2 mars 2026'], ['**Last updated**', '**Owner**'], ['# Plan', 'Plan']]) {
      assert.ok(current.includes(from!));
      current = current.replace(from!, to!);
      assertSameAsCold(checker, current, `${from} → ${to}`);
    }
  });

  it('equals a cold analysis with suppression comments in chunks that move, inline and as blocks', () => {
    const text = [
      '# Report', '', 'Progress: 40% → 60% (+30 points)', '',
      '## Tests', '', '<!-- status-docs-disable-next-line score-delta -->', 'Coverage: 10% → 20% (+5 points)', '',
      '## Later', '', '- [x] Done <!-- status-docs-disable-line --> 3/4 tests passing (50%)', '',
      '<!-- status-docs-disable score-delta -->', '', '## Last', '', 'Speed: 1 → 2 (+3)', '',
    ].join('\n');
    const checker = new IncrementalChecker();
    assertSameAsCold(checker, text, 'suppressed');
    assert.equal(checker.check(text, { today: TODAY }).doc.suppressions.length, 3);
    // Edits before the comments move the chunks that hold them.
    let current = text;
    for (const [from, to] of [['# Report', '# Status report'], ['40%', '45%'], ['## Tests', '## Test results'], ['Progress', 'P']]) {
      current = current.replace(from!, to!);
      // Without comparing trees first: that would parse the text before the check does.
      assertSameAsCold(checker, current, `${from} → ${to}`, false);
      // The edited chunk, and the one before it when its lookahead lines changed (a heading).
      const { chunked, parsed, chunks } = checker.parser.stats;
      assert.ok(chunked && parsed === (from!.startsWith('##') ? 2 : 1) && chunks === 4, `${from} → ${to}: ${parsed} of ${chunks} chunks parsed`);
      assert.equal(checker.models.stats.built, parsed);
    }
  });

  it('equals a cold analysis when the status words of the settings change between calls', () => {
    const text = OWN_DOCUMENTS['sections.md']! + '\n## Extra\n\n**Status**: Shipped\n\n| Item | Status |\n|---|---|\n| A | Shipped |\n';
    const checker = new IncrementalChecker();
    const shipped = { config: { ...DEFAULT_CONFIG, statusWords: { done: ['shipped'] } } };
    assertSameAsCold(checker, text, 'default words');
    assertSameAsCold(checker, text, 'with shipped', false, shipped);
    assertSameAsCold(checker, text.replace('Tree builder', 'Tree builders'), 'with shipped, edited', false, shipped);
    assertSameAsCold(checker, text, 'default words again');
  });

  it('equals a cold analysis after random edits in a row of every document of the repository\'s tests', function () {
    this.timeout(600_000);
    const docs = repositoryDocuments();
    assert.ok(docs.length >= 100, `found ${docs.length} documents`);
    let reused = 0;
    docs.forEach((d, i) => { reused += editSequence(readUtf8(d.path), 1000 + i, 5, d.name, 5); });
    // The test reaches the reuse it is about: most edits keep the other chunks' parts.
    assert.ok(reused > docs.length, `model parts reused after ${reused} edits`);
  });

  it('equals a cold analysis after random edits in a row of the repository\'s own markdown (README, CHANGELOG, CONTRIBUTING)', function () {
    this.timeout(600_000);
    for (const path of markdownFiles(ROOT).filter((p) => existsSync(p))) editSequence(readUtf8(path), path.length, 6, path.slice(ROOT.length + 1), 3);
  });

  describe('on the real documents (uses ../shared/seeds and ../shared/corpus)', function () {
    before(function () {
      skipWithoutShared(this, SEEDS, CORPUS);
    });
    const shared = sharedDocuments();

    it(`equals a cold analysis on every one of the ${shared.length || 'the'} real documents, after one random edit each`, function () {
      this.timeout(600_000);
      const rnd = random(20261122);
      for (const d of shared) {
        const text = readUtf8(d.path);
        const checker = new IncrementalChecker();
        checker.check(text, { today: TODAY });
        assertSameAsCold(checker, randomEdit(text, rnd), d.name, false);
      }
    });

    it('equals a cold analysis after 3 random edits in a row of every corpus document (uses ../shared/corpus)', function () {
      this.timeout(900_000);
      const corpus = shared.filter((d) => d.name.startsWith('corpus/'));
      let reused = 0;
      corpus.forEach((d, i) => { reused += editSequence(readUtf8(d.path), 77 + i, 3, d.name, 8); });
      assert.ok(reused > corpus.length, `model parts reused after ${reused} edits`);
    });

    it('equals a cold analysis after 8 random edits in a row of the seeds and the two largest documents', function () {
      this.timeout(600_000);
      const bySize = shared.map((d) => ({ d, text: readUtf8(d.path) })).sort((a, b) => b.text.length - a.text.length);
      const picked = [...bySize.slice(0, 2), ...bySize.filter((x) => x.d.name.startsWith('seeds/'))];
      const rnd = random(42);
      for (const { d, text } of picked) {
        const checker = new IncrementalChecker();
        let current = text;
        checker.check(current, { today: TODAY });
        for (let i = 0; i < 8; i++) {
          current = randomEdit(current, rnd);
          assertSameAsCold(checker, current, `${d.name} after edit ${i + 1}`, i % 4 === 0);
        }
      }
    });
  });
});

describe('result cache', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'status-docs-cache-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keys results by tool version, settings and day, independent of key order', () => {
    const base = { toolVersion: '1.0.0', config: DEFAULT_CONFIG, today: TODAY };
    assert.equal(cacheContextKey(base), cacheContextKey({ ...base, config: { ...DEFAULT_CONFIG } }));
    assert.notEqual(cacheContextKey(base), cacheContextKey({ ...base, today: '2026-11-23' }));
    assert.notEqual(cacheContextKey(base), cacheContextKey({ ...base, toolVersion: '1.0.1' }));
    assert.notEqual(cacheContextKey(base), cacheContextKey({ ...base, config: { ...DEFAULT_CONFIG, staleAfterDays: 30 } }));
    assert.equal(stableJson({ b: 1, a: [1, { d: 2, c: 3 }] }), stableJson({ a: [1, { c: 3, d: 2 }], b: 1 }));
  });

  it('a warm run returns exactly the fresh results, from the cache', () => {
    const files = { ...OWN_DOCUMENTS, 'not-utf8.md': '' };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'not-utf8.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    const context = { toolVersion: 'test', config: DEFAULT_CONFIG, today: TODAY };
    // Every file (--all): the cache is under test here, not the pre-check.
    const fresh = run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: null, all: true });
    const cold = ResultCache.open(join(dir, 'cache'), context);
    const first = run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: cold, all: true });
    assert.equal(cold.hits, 0);
    const warm = ResultCache.open(join(dir, 'cache'), context);
    assert.equal(warm.size, Object.keys(OWN_DOCUMENTS).length);
    const second = run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: warm, all: true });
    assert.equal(warm.hits, Object.keys(OWN_DOCUMENTS).length);
    assert.equal(JSON.stringify(first), JSON.stringify(fresh));
    assert.equal(JSON.stringify(second), JSON.stringify(fresh));
    assert.ok(second.skipped.some((s) => s.path === 'not-utf8.md'));
    // Another day: nothing is reused.
    const nextDay = ResultCache.open(join(dir, 'cache'), { ...context, today: '2026-11-23' });
    assert.equal(nextDay.size, 0);
  });

  it('an edited file is checked again; a damaged cache is an empty one', () => {
    const file = join(dir, 'a.md');
    writeFileSync(file, OWN_DOCUMENTS['sections.md']!);
    const context = { toolVersion: 'test', config: DEFAULT_CONFIG, today: TODAY };
    run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: ResultCache.open(join(dir, 'cache'), context) });
    const edited = OWN_DOCUMENTS['sections.md']!.replace('(+25%)', '(+20%)');
    writeFileSync(file, edited);
    const cache = ResultCache.open(join(dir, 'cache'), context);
    const [outcome] = checkTargets([{ abs: file, path: 'a.md' }], { today: TODAY, config: DEFAULT_CONFIG, cache });
    assert.equal(cache.hits, 0);
    assert.deepEqual(outcome, { ok: true, result: (({ path: _p, ...r }) => r)(run([file], dir, TODAY, DEFAULT_CONFIG).files[0]!) });
    // A damaged entry is a miss; a damaged file is an empty cache.
    const good = ResultCache.open(join(dir, 'cache'), context);
    const key = cacheContextKey(context);
    writeFileSync(join(dir, 'cache', CACHE_FILE), JSON.stringify({ format: 2, context: key, entries: { h: { title: 3 } } }));
    const bad = ResultCache.open(join(dir, 'cache'), context);
    assert.equal(bad.size, 1);
    assert.equal(bad.get('h'), null);
    writeFileSync(join(dir, 'cache', CACHE_FILE), '{"format":2,"context":');
    assert.equal(ResultCache.open(join(dir, 'cache'), context).size, 0);
    assert.ok(good.size >= 1);
  });

  it('keeps the details apart, read only by a run that prints them; a result whose details are lost is a miss', () => {
    const docs = { ...OWN_DOCUMENTS, 'wrong.md': '# Report\n\n- [x] Parser\n\nProgress: 40% → 60% (+30 points)\n\n3/4 tests passing (50%)\n' };
    for (const [name, text] of Object.entries(docs)) writeFileSync(join(dir, name), text);
    const context = { toolVersion: 'test', config: DEFAULT_CONFIG, today: TODAY };
    const fresh = run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: null, all: true });
    const all = fresh.files.flatMap((f) => f.findings);
    assert.ok(fresh.files.some((f) => f.claims.length > 0) && all.some((x) => x.fix) && all.some((x) => x.related) && all.some((x) => x.detail));
    run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: ResultCache.open(join(dir, 'cache'), context), all: true });
    const detailsFile = join(dir, 'cache', DETAILS_FILE);
    const main = readFileSync(join(dir, 'cache', CACHE_FILE), 'latin1');
    assert.doesNotMatch(main, /"claims":\[|"fix":|"related":|"detail":/, 'the reports are stored without their details');
    assert.match(readFileSync(detailsFile, 'latin1'), /,"digest":"[A-Za-z0-9_-]{43}"\}$/);
    const files = Object.keys(docs).length;
    const brief = (f: (typeof fresh.files)[number]) => f.findings.map((x) => `${x.line}:${x.column}-${x.endLine}:${x.endColumn} ${x.severity} ${x.rule} ${x.message}`);
    // Without the details file: a run that needs no details still takes every result from the
    // cache, with the same findings as far as they go and the same summaries; one that needs
    // them checks every file again.
    rmSync(detailsFile);
    const briefRun = ResultCache.open(join(dir, 'cache'), context);
    const text = run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: briefRun, details: false, all: true });
    assert.equal(briefRun.hits, files);
    assert.deepEqual(text.files.map(brief), fresh.files.map(brief));
    assert.ok(text.files.every((f) => f.claims.length === 0 && f.findings.every((x) => !x.fix && !x.related && !x.detail)));
    assert.deepEqual(text.files.map((f) => f.summary), fresh.files.map((f) => f.summary));
    assert.deepEqual(text.summary, fresh.summary);
    const full = ResultCache.open(join(dir, 'cache'), context);
    assert.equal(JSON.stringify(run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: full, all: true })), JSON.stringify(fresh));
    assert.deepEqual([full.hits, full.misses], [0, files]);
    // That run wrote the details again: the next one takes everything from the cache.
    const again = ResultCache.open(join(dir, 'cache'), context);
    assert.equal(JSON.stringify(run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: again, all: true })), JSON.stringify(fresh));
    assert.equal(again.hits, files);
    // A new file that is no status document adds a pre-check verdict only: the details file is
    // not written again. A cache file of the earlier format is removed.
    writeFileSync(join(dir, 'cache', 'results-v1.json'), '{}');
    // A rewrite renames a new file into place: another inode.
    const stamp = statSync(detailsFile).ino;
    writeFileSync(join(dir, 'notes.md'), 'Plain notes without any status.\n');
    const verdictOnly = ResultCache.open(join(dir, 'cache'), context);
    run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: verdictOnly });
    assert.equal(statSync(detailsFile).ino, stamp, 'a new verdict alone rewrote the details');
    assert.ok(!existsSync(join(dir, 'cache', 'results-v1.json')));
    assert.match(readFileSync(join(dir, 'cache', CACHE_FILE), 'latin1'), /"prechecked":\{[^}]*:0/);
    rmSync(join(dir, 'notes.md'));
    // A damaged details file (digest no longer matching, an entry of the wrong shape): that entry is a miss.
    const damaged = readFileSync(detailsFile, 'latin1').replace(/"details":\{("[^"]+"):\{"findings":\[/, '"details":{$1:{"findings":7,"x":[');
    assert.notEqual(damaged, readFileSync(detailsFile, 'latin1'));
    writeFileSync(detailsFile, damaged);
    const checked = ResultCache.open(join(dir, 'cache'), context);
    assert.equal(JSON.stringify(run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: checked, all: true })), JSON.stringify(fresh));
    assert.deepEqual([checked.hits, checked.misses], [files - 1, 1]);
  });

  it('a cache file is ASCII with a digest; one whose digest does not match has every entry checked', () => {
    // A document with non-ASCII text, so its report holds characters the file escapes.
    writeFileSync(join(dir, 'a.md'), '# Étape 3 — état\n\n- [x] Schéma ✅\n- [ ] Écrans\n\nProgrès : 1/2 (50 %)\n');
    const context = { toolVersion: 'test', config: DEFAULT_CONFIG, today: TODAY };
    const fresh = run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: null, all: true });
    run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: ResultCache.open(join(dir, 'cache'), context), all: true });
    const file = join(dir, 'cache', CACHE_FILE);
    const bytes = readFileSync(file);
    assert.ok(bytes.every((b) => b < 0x80), 'the cache file holds a byte that is not ASCII');
    assert.match(bytes.toString('latin1'), /,"digest":"[A-Za-z0-9_-]{43}"\}$/);
    // Digest matches: the entries are read as written, and give the fresh output.
    const warm = ResultCache.open(join(dir, 'cache'), context);
    assert.equal(JSON.stringify(run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: warm, all: true })), JSON.stringify(fresh));
    assert.equal(warm.hits, 1);
    // One changed byte (still well-formed JSON): the digest no longer matches, and the entry,
    // now of the wrong shape, is checked against the schema and missed.
    const text = bytes.toString('latin1');
    const damaged = text.replace(/"title":"/, '"title":7,"x":"');
    assert.notEqual(damaged, text);
    writeFileSync(file, damaged);
    const checked = ResultCache.open(join(dir, 'cache'), context);
    assert.equal(checked.size, 1);
    const [key] = Object.keys((JSON.parse(text) as { entries: object }).entries);
    assert.equal(checked.get(key!), null);
    assert.equal(JSON.stringify(run([dir], dir, TODAY, DEFAULT_CONFIG, { cache: ResultCache.open(join(dir, 'cache'), context), all: true })), JSON.stringify(fresh));
  });
});
