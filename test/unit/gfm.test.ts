/**
 * The parser leaves out GFM's autolink literals (src/core/gfm.ts). Proof that nothing depends
 * on them: every document we have gives the same model claims, findings and verdicts as with
 * remark-gfm's full set of extensions.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { DEFAULT_CONFIG, evaluate, LineIndex, stripBom } from '../../src/core/index';
import { analyzeTree } from '../../src/core/model/analyze';
import { parseWhole } from '../../src/core/model/parse';
import { FIXTURES, markdownUnder, readUtf8, ROOT, SHARED_DOC_DIRS, TODAY } from './helpers';

const withAutolinks = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

function outcome(text: string, tree: ReturnType<typeof parseWhole>) {
  const doc = analyzeTree(text, tree);
  const { findings, verdicts } = evaluate(doc, text, new LineIndex(text), { today: TODAY, config: DEFAULT_CONFIG });
  return JSON.stringify({ claims: doc.claims, findings, verdicts });
}

describe('GFM without autolink literals', function () {
  this.timeout(600_000);

  it('parses a bare URL as text, a table, a task item, strikethrough and a footnote as GFM', () => {
    const tree = parseWhole('See www.example.com and https://example.com/x.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done ~~old~~[^1]\n\n[^1]: note\n');
    const types = new Set<string>();
    const walk = (n: { type: string; children?: unknown[] }) => { types.add(n.type); for (const c of n.children ?? []) walk(c as typeof n); };
    walk(tree);
    assert.ok(!types.has('link'), 'a bare URL became a link');
    for (const t of ['table', 'delete', 'footnoteReference', 'footnoteDefinition']) assert.ok(types.has(t), t);
  });

  const dirs = [
    { name: 'test/fixtures', path: FIXTURES },
    { name: 'test/eval/docs', path: join(ROOT, 'test', 'eval', 'docs') },
    { name: 'examples', path: join(ROOT, 'examples') },
    ...SHARED_DOC_DIRS,
  ];
  for (const d of dirs) {
    it(`gives the same claims, findings and verdicts as remark-gfm on ${d.name}`, function () {
      if (!existsSync(d.path)) {
        console.log(`      skipped: ${d.name} not found (third-party documents next to the repository, not part of it)`);
        this.skip();
      }
      const files = markdownUnder(d.path);
      assert.ok(files.length > 0);
      let differ = 0;
      for (const f of files) {
        const text = stripBom(readUtf8(f));
        const ours = outcome(text, parseWhole(text));
        const theirs = outcome(text, withAutolinks.parse(text));
        if (ours !== theirs) { differ++; assert.equal(ours, theirs, f); }
      }
      assert.equal(differ, 0);
    });
  }
});
