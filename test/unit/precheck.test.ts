import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeStatusDocument } from '../../src/core/precheck';
import { markdownFiles, ROOT, SEEDS, skipWithoutShared } from './helpers';

describe('precheck', () => {
  const yes: [string, string][] = [
    ['a task list', '# Plan\n\n- [ ] write the tests\n- [x] ship\n'],
    ['an ordered task list', '1. [X] first\n'],
    ['a bold status field', '# Report\n\n**Status**: 🚧 In Progress\n'],
    ['a plain progress field', 'Overall Progress: 40%\n'],
    ['a progress arrow', 'Coverage went 40% → 65% this week.\n'],
    ['a tracker row', '| Auth | 80% | ✅ Done |\n'],
  ];
  for (const [what, text] of yes) it(`accepts ${what}`, () => assert.equal(looksLikeStatusDocument(text), true));

  const no: [string, string][] = [
    ['a plain README', '# Tool\n\nInstall it with npm. Run it.\n\n## License\n\nMIT\n'],
    ['a link in brackets', '- [docs](https://example.com)\n- [ ]not a task\n'],
    ['a lone percentage', 'The cache hit rate is about 90% in production.\n'],
    ['an empty file', ''],
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

  it('answers quickly on a 1 MB document', () => {
    const text = 'Some prose without status content, repeated many times over.\n'.repeat(17_000);
    const start = performance.now();
    looksLikeStatusDocument(text);
    assert.ok(performance.now() - start < 500);
  });
});
