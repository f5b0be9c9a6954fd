/**
 * The staged parse (src/core/model/parse.ts, `parseStaged`) must give exactly the tree of one
 * whole parse with every extension (`parseWhole`): fenced code blocks built from their lines,
 * pieces parsed with only the extensions their characters can trigger, chunks moved in place.
 * Here on hand-written wordings of every construct that decides it (right, and traps where it
 * must fall back), and on every document we have: the same tree, so the same model, claims,
 * verdicts and findings, which are compared too.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { check, DEFAULT_CONFIG, evaluate, LineIndex, stripBom } from '../../src/core/index';
import { analyzeTree } from '../../src/core/model/analyze';
import { IncrementalParser, parseWhole } from '../../src/core/model/parse';
import { workspaceDocuments } from '../bench/generate';
import { CORPUS, FIXTURES, markdownUnder, readUtf8, ROOT, SHARED_DOC_DIRS, skipWithoutShared, TODAY } from './helpers';

/** The staged tree and how many code blocks it built from lines. */
function staged(text: string) {
  const parser = new IncrementalParser();
  const tree = parser.parse(text);
  return { tree, fences: parser.stats.fences };
}

function assertSameTree(text: string, label: string): number {
  const { tree, fences } = staged(text);
  // JSON: the same nodes with the same keys in the same order (hosts serialize what is read from them).
  assert.equal(JSON.stringify(tree), JSON.stringify(parseWhole(text)), `${label}: staged tree differs from the whole parse`);
  return fences;
}

const fence = (...lines: string[]) => lines.join('\n');

/** [wording, code blocks built from lines]: the count proves which path was taken. */
const CASES: [string, string, number][] = [
  ['plain fence with a language', fence('# Build', '', '```bash', 'npm test', '```', '', 'Done: 3 of 4.'), 1],
  ['language and meta, spaces around', fence('Intro', '```  ts   title="a.ts"  ', 'const x = 1;', '```', 'after'), 1],
  ['no info string, empty block', fence('```', '```', '- [x] a'), 1],
  ['tilde fence, longer closing fence with trailing spaces', fence('~~~ text', '12 of 12 done', '~~~~~  ', '', '| a | b |', '|---|---|', '| 1 | 2 |'), 1],
  ['closing fence indented up to three spaces', fence('```', 'x', '   ```', 'para'), 1],
  ['content lines indented, with tabs and blank lines', fence('```py', '\tif x:', '', '        y()', '```'), 1],
  ['fence directly after a paragraph line (it interrupts it)', fence('Status: done', '```', 'log', '```'), 1],
  ['fence directly after a list item (it ends the list)', fence('- [ ] open', '- [x] closed', '```', 'code', '```', '- [ ] next list'), 1],
  ['fence after a table', fence('| a | b |', '|---|---|', '| 1 | 2 |', '```', 'x', '```', 'text'), 1],
  ['fence after a block quote', fence('> quoted', '```', 'x', '```'), 1],
  ['fence at the very start and the very end, no final line break', fence('```', 'a', '```', 'mid', '```', 'b', '```'), 2],
  ['thematic break right after a fence (not front matter)', fence('# T', '```', 'x', '```', '---', 'Setext?', '---'), 1],
  ['plus signs right after a fence (not toml front matter)', fence('```', 'x', '```', '+++', 'a = 1', '+++'), 1],
  ['front matter, then a fence', fence('---', 'status: done', '---', '```', 'x', '```'), 1],
  ['a table only after the fence', fence('intro without pipes', '```', 'x', '```', '| Phase | Done |', '|---|---|', '| 1 | 50% |'), 1],
  ['strikethrough, a footnote call and a task only in some pieces', fence('~~old~~ 40%', '```', 'x', '```', '- [x] done[^1]', '```', 'y', '```', 'plain'), 2],
  ['many fences in sections', fence('# A', '```', '1', '```', '## B', '```js', '2', '```', 'text', '## C', '~~~', '3', '~~~'), 3],
  // Traps: not a top-level fence, or one the parser decodes; built by parsing.
  ['fence inside a list item', fence('- item', '  ```', '  # code', '  ```', 'after'), 0],
  ['fence inside a block quote', fence('> ```', '> x', '> ```'), 0],
  ['indented opening fence', fence('  ```', '  x', '  ```'), 0],
  ['backtick in a backtick info string (inline code, not a fence)', fence('```a`b', 'x', '```'), 0],
  ['escape in the info string', fence('```c\\+\\+', 'x', '```'), 0],
  ['character reference in the info string', fence('```a&amp;b', 'x', '```'), 0],
  ['unclosed fence (runs to the end)', fence('para', '```', 'x', '## not a heading'), 0],
  ['fence inside an HTML block', fence('<div>', '```', 'x', '```', '</div>'), 0],
  ['fence inside a comment', fence('<!--', '```', 'x', '```', '-->'), 0],
  ['fence inside front matter', fence('---', '```', 'x', '```', '---'), 0],
  ['shorter closing fence does not close', fence('````', 'x', '```', '````'), 1],
  ['tab-indented closing fence does not close', fence('```', 'x', '\t```', '```'), 1],
  ['CRLF line endings', ['```', 'x', '```', 'y'].join('\r\n'), 0],
  ['NUL in the text', fence('```', 'a\u0000b', '```'), 0],
  ['link reference definitions (parsed whole)', fence('[a]: https://example.com', '```', 'x', '```', 'see [a]'), 0],
  ['a no-break space after a closing fence: not a closing fence', fence('```', 'a', '``` \u00a0', '```js', 'x', '```'), 1],
  ['a line separator in an info string (the fence after it is a closing one)', fence('```js\u2028x', '```', 'y', '```'), 0],
  ['a fence in a table row position', fence('| a | b |', '|---|---|', '```', 'x', '```'), 1],
];

describe('staged parse: the same tree as one whole parse', function () {
  this.timeout(600_000);

  for (const [name, text, fences] of CASES) {
    it(`${name}${fences ? ` (${fences} built from lines)` : ' (parsed)'}`, () => {
      assert.equal(assertSameTree(text, name), fences, 'code blocks built from lines');
      // Whatever follows the fence, also when every line is shifted down.
      assertSameTree(`# Title\n\nIntro 50%.\n\n${text}\n`, `${name}, after a heading`);
    });
  }

  const dirs = [
    { name: 'test/fixtures', path: FIXTURES },
    { name: 'test/eval/docs', path: join(ROOT, 'test', 'eval', 'docs') },
    { name: 'test/vscode/workspace', path: join(ROOT, 'test', 'vscode', 'workspace') },
    { name: 'examples', path: join(ROOT, 'examples') },
    ...SHARED_DOC_DIRS,
  ];
  for (const d of dirs) {
    it(`gives the same tree, claims, verdicts and findings on every document of ${d.name}`, function () {
      if (!existsSync(d.path)) {
        console.log(`      skipped: ${d.name} not found (third-party documents next to the repository, not part of it)`);
        this.skip();
      }
      const files = markdownUnder(d.path);
      assert.ok(files.length > 0);
      let built = 0;
      for (const f of files) {
        const text = stripBom(readUtf8(f));
        built += assertSameTree(text, f);
        const ours = check(text, { today: TODAY });
        const doc = analyzeTree(text, parseWhole(text));
        const whole = evaluate(doc, text, new LineIndex(text), { today: TODAY, config: DEFAULT_CONFIG });
        assert.equal(JSON.stringify(ours.doc.claims), JSON.stringify(doc.claims), `${f}: claims differ`);
        assert.deepEqual(ours.verdicts, whole.verdicts, `${f}: verdicts differ`);
        assert.deepEqual(ours.findings, whole.findings, `${f}: findings differ`);
      }
      if (d.name.includes('corpus')) assert.ok(built > 200, `only ${built} code blocks built from lines on the corpus`);
    });
  }

  it('gives the same tree on every document of the generated bench workspace (10 MB, test/bench/generate.ts; uses ../shared/corpus)', function () {
    skipWithoutShared(this, CORPUS);
    let n = 0;
    for (const doc of workspaceDocuments(10e6, CORPUS)) {
      assertSameTree(doc.text, doc.path);
      n++;
    }
    assert.ok(n > 300);
  });
});
