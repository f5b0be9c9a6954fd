import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/core/index';
import { looksLikeStatusDocument } from '../../src/core/precheck';
import { workspaceDocuments } from '../bench/generate';
import { CORPUS, FIXTURES, markdownFiles, markdownUnder, readUtf8, ROOT, SEEDS, SHARED_DOC_DIRS, skipWithoutShared, TODAY } from './helpers';

describe('precheck', () => {
  const yes: [string, string][] = [
    ['a task list', '# Plan\n\n- [ ] write the tests\n- [x] ship\n'],
    ['an ordered task list', '1. [X] first\n'],
    ['a bold status field', '# Report\n\n**Status**: 🚧 In Progress\n'],
    ['a plain progress field', 'Overall Progress: 40%\n'],
    ['a progress arrow', 'Coverage went 40% → 65% this week.\n'],
    ['a tracker row', '| Auth | 80% | ✅ Done |\n'],
    ['a milestone row', '| Billing export | 2026-03-01 | 🚧 In Progress |\n'],
    ['a bold date field', '# Benchmark report\n\n**Date:** 2026-11-18\n'],
    ['a status field in another language', '**Статус:** В работе\n'],
    ['a Change column', '| Item | March | April | Change |\n|---|---|---|---|\n| Cost | 1,000 | 900 | -20% |\n'],
    ['a Total row', '| Sprint | Hours |\n|---|---|\n| 1 | 40 |\n| **Total** | **40** |\n'],
    ['a counted heading', '## Files Changed (3 total)\n\n- a\n- b\n- c\n'],
    ['a count with its items', 'The exporter writes 4 kinds of report (daily, weekly, monthly).\n'],
    ['a ratio with its percentage', 'Готово 14 из 20 тестов (70%).\n'],
    ['a weekday next to a date', '- Friday, 2026-05-14: dress rehearsal\n'],
    ['damaged characters', 'Build âœ… passed\n'],
  ];
  for (const [what, text] of yes) it(`accepts ${what}`, () => assert.equal(looksLikeStatusDocument(text), true));

  const no: [string, string][] = [
    ['a plain README', '# Tool\n\nInstall it with npm. Run it.\n\n## License\n\nMIT\n'],
    ['a link in brackets', '- [docs](https://example.com)\n- [ ]not a task\n'],
    ['a lone percentage', 'The cache hit rate is about 90% in production.\n'],
    ['an empty file', ''],
    ['a changelog', '# Changelog\n\n## [2.0.1](https://example.com/compare/v2.0.0...v2.0.1) (2022-10-01)\n\n### Bug Fixes\n\n* **deps:** update dependency x to v3 (#123)\n'],
    ['an HTTP date', 'Last updated: Thu, 13 Nov 2025 10:00:00 GMT\n'],
    ['a code sample with a data key', '```js\nconst x = {\n  data: 1,\n};\n```\n'],
    ['a version heading', '## UTF-16 Encodings\n\nSee below.\n'],
  ];
  for (const [what, text] of no) it(`rejects ${what}`, () => assert.equal(looksLikeStatusDocument(text), false));

  it('accepts every sample status document (examples/)', () => {
    const files = markdownFiles(join(ROOT, 'examples'));
    assert.ok(files.length >= 3);
    for (const f of files) assert.equal(looksLikeStatusDocument(readFileSync(f, 'utf8')), true, f);
  });

  it('accepts every seed document (uses ../shared/seeds)', function () {
    skipWithoutShared(this, SEEDS);
    const files = readdirSync(SEEDS).filter((f) => f.endsWith('.md'));
    assert.ok(files.length > 0);
    for (const f of files) assert.equal(looksLikeStatusDocument(readFileSync(join(SEEDS, f), 'utf8')), true, f);
  });

  /**
   * The hosts analyse only what the pre-check accepts: it must never lose a finding. Every
   * document we have that the pre-check rejects is analysed in full here and must have none.
   */
  const noLostFinding = (files: { name: string; text: string }[]) => {
    let rejected = 0;
    for (const f of files) {
      if (looksLikeStatusDocument(f.text)) continue;
      rejected++;
      const findings = check(f.text, { today: TODAY }).findings;
      assert.deepEqual(findings.map((x) => `${x.rule} ${x.line}: ${x.message}`), [], `${f.name} is rejected by the pre-check but has findings`);
    }
    return rejected;
  };
  const read = (paths: string[]) => paths.map((p) => ({ name: p, text: readUtf8(p) }));
  for (const d of [{ name: 'test/fixtures', path: FIXTURES }, { name: 'test/eval/docs', path: join(ROOT, 'test', 'eval', 'docs') }, { name: 'examples', path: join(ROOT, 'examples') }]) {
    it(`accepts every document of ${d.name} that has a finding`, () => {
      const files = read(markdownUnder(d.path));
      assert.ok(files.length > 0);
      noLostFinding(files);
    });
  }
  for (const d of SHARED_DOC_DIRS) {
    it(`accepts every document of ${d.name} that has a finding (uses ${d.name})`, function () {
      skipWithoutShared(this, d.path);
      noLostFinding(read(markdownUnder(d.path)));
    });
  }
  it('accepts every document with a finding of the generated bench workspace (50 MB, test/bench/generate.ts; uses ../shared/corpus)', function () {
    skipWithoutShared(this, CORPUS);
    this.timeout(600_000);
    let n = 0;
    let rejected = 0;
    const batch: { name: string; text: string }[] = [];
    for (const doc of workspaceDocuments(50e6, CORPUS)) {
      n++;
      batch.push({ name: doc.path, text: doc.text });
      if (batch.length >= 200) rejected += noLostFinding(batch.splice(0));
    }
    rejected += noLostFinding(batch);
    assert.ok(n > 1000);
    // Some corpus documents the workspace is made from are notes, not status documents.
    assert.ok(rejected < n / 10, `${rejected} of ${n} generated documents rejected`);
  });

  // Its speed is measured by the bench (and its patterns' linearity by redos.test.ts), not timed here.
  it('rejects a 1 MB document of plain prose', () => {
    const text = 'Some prose without status content, repeated many times over.\n'.repeat(17_000);
    assert.equal(looksLikeStatusDocument(text), false);
  });
});
