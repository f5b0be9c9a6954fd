/**
 * Headings, paragraphs and flat lists built from their lines (src/core/model/lineBlocks.ts)
 * must be exactly the parser's nodes: the staged tree equals one whole parse (`parseWhole`),
 * keys and positions included. Here on hand-written wordings of each construct, right (built)
 * and traps (left to the parser, or built and still equal), and on generated documents that
 * mix every line shape and inline character the builder decides on. The corpus, the labeled
 * sets and the bench workspace are compared in test/unit/staged-parse.test.ts.
 */
import * as assert from 'node:assert/strict';
import { IncrementalParser, parseWhole } from '../../src/core/model/parse';
import { random } from './helpers';

function builtLines(text: string): number {
  const parser = new IncrementalParser();
  const tree = parser.parse(text);
  assert.equal(JSON.stringify(tree), JSON.stringify(parseWhole(text)), `staged tree differs from the whole parse:\n${text}`);
  return parser.stats.lines;
}

const doc = (...lines: string[]) => lines.join('\n');

/** [wording, blocks built from lines]: the count proves which path was taken. */
const CASES: [string, string, number][] = [
  ['heading, paragraph and task list', doc('# Sprint 4', '', 'Status: 3 of 4 done.', '', '- [x] API', '- [ ] UI'), 3],
  ['numbered list starting at 3', doc('3. third', '4. fourth', '10. tenth'), 1],
  ['list with `)` delimiters, then one with `.`', doc('1) a', '2) b', '', '1. c'), 2],
  ['bullets `*` and `+`', doc('* one', '* two', '', '+ three'), 2],
  ['strong at the start, in the middle and at the end', doc('**Status:** done **now**', '', '- **API** 50% → **80%**'), 2],
  ['nested strong', doc('**a **b** c**'), 1],
  ['strong next to punctuation and emoji', doc('✅ **Done** (**100%**), **✅ shipped**.', '', '- [x] **🚀 Launch**: ok'), 2],
  ['unpaired and unopenable `**`', doc('2 ** 3 = 8, a** b, **c', '', '- x **'), 2],
  ['intraword `**` (both-flanking)', doc('a**b**c and a**b'), 1],
  ['code spans, with spaces, double backticks and an unclosed one', doc('Run `npm test` and `` a`b `` and ` x ` and `  ` and `open'), 1],
  ['`**` inside a code span does not open', doc('`**` is **bold**'), 1],
  ['task box followed by code or strong (the paragraph starts at the box)', doc('- [x] `api` done', '- [ ] **UI** open', '- [X] text'), 1],
  ['intraword underscores and a lone tilde', doc('snake_case_name ~50% done', '', '- file_name.md ~ approx'), 2],
  ['paragraph over several lines', doc('First line 40%', 'second line **60%**', 'third `x`'), 1],
  // Each heading starts a chunk and is also built in the lookahead (two lines) of the chunks before it.
  ['heading levels 1 to 6 and a heading right after a paragraph', doc('para', '## Two', '###### Six'), 6],
  ['ampersand that is not a character reference', doc('R&D 50% & more &x'), 1],
  ['list, blank line, paragraph', doc('- a', '- b', '', 'After the list.'), 2],
  ['a label line, then its list (the item ends the paragraph)', doc('**Done:**', '- ✅ API', '- ⏳ UI', '', 'Steps:', '1. build', '2. test'), 4],
  ['thematic breaks between blocks', doc('para', '', '---', '', '- a', '', '***', '', '___'), 5],
  ['non-ASCII start and CJK text', doc('进度：80%', '', '- 完成 **测试**'), 2],
  // Traps: left to the parser (0) or built only where certain.
  ['link', doc('See [the plan](plan.md).'), 0],
  ['HTML', doc('a <b>bold</b> word'), 0],
  ['escape', doc('50\\% done'), 0],
  ['character reference', doc('a &amp; b'), 0],
  ['single `*` emphasis', doc('*note* 50%'), 0],
  ['underscore emphasis', doc('_note_ 50%'), 0],
  ['strikethrough', doc('~~old~~ 40%'), 0],
  ['`***`', doc('***a*** b'), 0],
  ['trailing spaces (a hard break)', doc('line one  ', 'line two'), 0],
  ['tab in the text', doc('a\tb'), 0],
  ['table with alignments, strong, code and empty cells', doc('| Phase | **Done** | % |', '|:---|:-:|--:|', '| A `x` |  | 50% |', '|b|**c**|✅|'), 1],
  ['table rows with fewer and more cells than the header', doc('| a | b |', '| --- | --- |', '| x |', '| 1 | 2 | 3 |'), 1],
  ['pipes in code spans split cells', doc('| a | b |', '|---|---|', '| `x | y` |'), 1],
  ['table without outer pipes', doc('a | b', '--|--', '1 | 2'), 0],
  ['delimiter row with fewer cells (not a table)', doc('| a | b |', '|---|', '| 1 | 2 |'), 0],
  ['escaped pipe in a cell', doc('| a | b |', '|---|---|', '| 1 \\| 2 | 3 |'), 0],
  ['table right after a paragraph line', doc('Summary:', '| a | b |', '|---|---|'), 0],
  ['paragraph line with a pipe', doc('a | b', ':-- | --'), 0],
  ['setext heading', doc('Title', '==='), 0],
  ['nested lists, three levels', doc('- a', '  - b', '    - [x] c', '  - d', '- e'), 1],
  ['numbered lists nested in numbered and bullet items', doc('1. a', '   1. b', '   2. c', '10. d', '    - e'), 1],
  ['nested task list under a bold item', doc('- **Phase 1** 80%', '  - [x] API', '  - [ ] `ui`'), 1],
  ['nested numbered list not starting at 1 (its line goes on the text)', doc('1. a', '   2. b'), 0],
  ['nested item indented past the text', doc('- a', '   - b'), 0],
  ['item indented less than the text (a sibling)', doc('- a', ' - b'), 0],
  ['nested items of two kinds', doc('- a', '  - b', '  * c'), 0],
  ['an indented line that is not an item', doc('- a', '  more text'), 0],
  ['list item over two lines (lazy)', doc('- a', 'b'), 0],
  ['loose list', doc('- a', '', '- b'), 0],
  ['list followed by an indented line after a blank line', doc('- a', '', '  more of a'), 0],
  ['list item with two spaces after the marker', doc('-  a'), 0],
  ['empty item and task item without text', doc('- a', '-', '- [ ]'), 0],
  ['item whose text starts a block', doc('- # h', '- > q', '- 1. n'), 0],
  ['mixed bullets in one run', doc('- a', '* b'), 0],
  ['thematic breaks with spaces and a setext underline', doc('* * *', '', 'Title', '---'), 0],
  ['an empty item does not end a paragraph', doc('Intro', '-', '- a'), 0],
  ['closing `#` sequence in a heading', doc('# Title #'), 0],
  ['block quote, then a paragraph', doc('> quote', 'lazy', '', 'after'), 1],
  // Inside the comment a line looks like a paragraph: the check fails, the text is parsed.
  ['HTML comment with blank lines inside', doc('<!--', '', 'not a paragraph', '', '-->', '', 'para'), 0],
  ['front matter with blank lines', doc('---', 'a: 1', '', 'b: 2', '', 'c: 3', '---', '', 'Body 50%.'), 1],
  ['unclosed front matter', doc('---', 'a: 1', '', 'b: 2'), 0],
  ['indented fence with blank lines', doc('  ```', 'code', '', 'more code', '  ```', '', 'after'), 1],
  ['a quote ends a list: the next item starts another', doc('- a', '> q', '', '- b'), 1],
  ['a list continued after a nested item', doc('- a', '  - n', '', '- b'), 0],
  ['numbered item `2.` after a paragraph line (not a list)', doc('Intro', '2. not an item'), 0],
  ['CRLF line endings', ['# T', '', 'para'].join('\r\n'), 0],
];

describe('line blocks: headings, paragraphs and lists built from their lines', function () {
  for (const [name, text, built] of CASES) {
    it(`${name} (${built ? `${built} built` : 'parsed'})`, () => {
      assert.equal(builtLines(text), built, 'blocks built from lines');
      // Whatever comes before: after a heading and a paragraph, every line shifted down.
      builtLines(`# Title\n\nIntro 50%.\n\n${text}\n`);
      // And between fenced code blocks (each piece is staged on its own).
      builtLines(`\`\`\`\nx\n\`\`\`\n${text}\n\`\`\`js\ny\n\`\`\`\n`);
    });
  }

  it('equals the parser on 3,000 generated documents of every line shape and inline character', () => {
    const next = random(Number(process.env.LINE_BLOCKS_SEED ?? 20261203));
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const words = ['done', '50%', '3/4', '✅', '🚀', '进度', 'a', 'API', '(x)', '.', ':', '2026-12-01', 'R&D', '→'];
    const marks = ['**', '**', '*', '_', '__', '`', '``', '~', '~~', '&amp;', '&x', '\\*', '[', ']', '<b>', '|', '#', '!', ' ', '  '];
    const text = () => {
      let s = '';
      const n = 1 + Math.floor(next() * 6);
      for (let i = 0; i < n; i++) s += (next() < 0.3 ? pick(marks) : '') + pick(words) + (next() < 0.3 ? pick(marks) : '') + (next() < 0.7 ? ' ' : '');
      return s.trimEnd();
    };
    const shapes = [
      () => `# ${text()}`, () => `## ${text()}`, () => text(), () => text(), () => '',
      () => `- ${text()}`, () => `- [ ] ${text()}`, () => `- [x] ${text()}`, () => `* ${text()}`, () => `1. ${text()}`, () => `2) ${text()}`,
      () => `  - ${text()}`, () => `  - [x] ${text()}`, () => `    - ${text()}`, () => `   1. ${text()}`, () => `   - ${text()}`, () => `    ${text()}`, () => `> ${text()}`, () => `| ${text()} | x |`, () => `|${text()}|${text()}|`, () => '|---|---|', () => '|:-|-:|', () => `| ${text()} |`,
      () => '---', () => '===', () => '```', () => `<!-- ${text()}`, () => '-->', () => `${text()}  `,
    ];
    let built = 0;
    for (let d = 0; d < 3000; d++) {
      const lines: string[] = [];
      const n = 1 + Math.floor(next() * 14);
      for (let i = 0; i < n; i++) lines.push(pick(shapes)());
      built += builtLines(lines.join('\n'));
    }
    // The generated documents exercise the builder, not only the fallback.
    assert.ok(built > 1000, `only ${built} blocks built from lines`);
  });
});
