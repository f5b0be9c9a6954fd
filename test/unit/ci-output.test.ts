// The CI outputs: GitHub workflow commands (escaped as GitHub's toolkit escapes them), JUnit XML
// (well-formed, escaped, one suite per file) and the markdown job summary.
import assert from 'node:assert/strict';
import { check } from '../../src/core/index';
import { escapeGithubData, escapeGithubProperty, formatGithub } from '../../src/core/output/github';
import { escapeXml, formatJunit } from '../../src/core/output/junit';
import { formatMarkdownSummary } from '../../src/core/output/markdown';
import { fileReport, reportSummary, type Report } from '../../src/core/output/report';

const TODAY = '2026-11-22';
const RULES = ['delta-mismatch', 'ratio-mismatch'];

function report(docs: Record<string, string>, skipped: Report['skipped'] = []): Report {
  const files = Object.entries(docs).map(([path, text]) => {
    const { doc, findings, verdicts } = check(text, { today: TODAY });
    return fileReport(path, doc, findings, verdicts);
  });
  return { version: 1, today: TODAY, files, skipped, summary: reportSummary(files) };
}

const WRONG = '# Report\n\nTests: 164/173 passing (99%).\n';
const CLEAN = '# Report\n\nTests: 164/173 passing (95%).\n';

/**
 * A strict check of well-formed XML 1.0 as this output writes it: a declaration, elements that
 * nest and close, quoted attributes without duplicates, only the five named entities and
 * numeric references, no raw `<` or `&` in text. Returns the elements as a tree.
 */
interface XmlNode { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string }
function parseXml(xml: string): XmlNode {
  const decode = (s: string, where: string) => {
    assert.ok(!/[<]/.test(s), `raw < in ${where}`);
    assert.ok(!/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s), `bare & in ${where}: ${s}`);
    assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(s), `a character XML forbids in ${where}`);
    return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
      e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
  };
  let i = 0;
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  assert.ok(decl, 'XML declaration');
  i = decl[0].length;
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/y;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.trim()) {
      assert.ok(stack.length > 1, `text outside the root element: ${text}`);
      stack[stack.length - 1]!.text += decode(text, 'text');
    }
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    assert.ok(m, `malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`);
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      assert.ok(!attrText && !selfClose, `closing tag with attributes: ${m[0]}`);
      const open = stack.pop()!;
      assert.equal(open.name, name, `</${name}> closes <${open.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        assert.ok(!(a[1]! in attrs), `duplicate attribute ${a[1]}`);
        attrs[a[1]!] = decode(a[2]!, `attribute ${a[1]}`);
      }
      const node: XmlNode = { name: name!, attrs, children: [], text: '' };
      assert.ok(stack.length > 1 || root.children.length === 0, 'one root element');
      stack[stack.length - 1]!.children.push(node);
      if (!selfClose) stack.push(node);
    }
    i = tag.lastIndex;
  }
  assert.equal(stack.length, 1, `unclosed <${stack[stack.length - 1]!.name}>`);
  return root.children[0]!;
}

describe('--format github', () => {
  it('escapes data and properties as GitHub documents', () => {
    assert.equal(escapeGithubData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeGithubProperty('docs/a:b,c%\n.md'), 'docs/a%3Ab%2Cc%25%0A.md');
  });

  it('one command per finding with file, line, col, endLine, endColumn and the rule as title', () => {
    const out = formatGithub(report({ 'docs/q3, plan.md': WRONG, 'clean.md': CLEAN }));
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^::error file=docs\/q3%2C plan\.md,line=3,col=\d+,endLine=3,endColumn=\d+,title=ratio-mismatch::.*99%25/);
    // The message holds no raw line break and no unescaped percent sign.
    assert.ok(!/%(?![0-9A-F]{2})/.test(lines[0]!.split('::')[2]!));
  });

  it('warnings and info become ::warning and ::notice; skipped files a notice', () => {
    const stale = '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-01-10 | 🚧 In Progress |\n';
    const out = formatGithub(report({ 'plan.md': stale }, [{ path: 'big.md', reason: 'larger than 512 KB' }]));
    assert.match(out, /^::warning file=plan\.md,line=5,.*title=stale-milestone::/m);
    assert.match(out, /^::notice file=big\.md,title=status-docs%3A skipped::Not checked: larger than 512 KB$/m);
  });

  it('prints nothing for a clean run', () => {
    assert.equal(formatGithub(report({ 'a.md': CLEAN })), '');
  });
});

describe('--format junit', () => {
  it('is well-formed XML: one testsuite per file, a passing testcase per clean rule, a failing one per error', () => {
    const xml = formatJunit(report({ 'a.md': WRONG, 'b.md': CLEAN }), { rules: RULES });
    const root = parseXml(xml);
    assert.equal(root.name, 'testsuites');
    assert.deepEqual(root.children.map((s) => s.attrs.name), ['a.md', 'b.md']);
    const [a, b] = root.children;
    assert.deepEqual(a!.children.map((c) => c.attrs.name), ['delta-mismatch', 'ratio-mismatch at 3:25']);
    assert.equal(a!.attrs.failures, '1');
    const failure = a!.children[1]!.children[0]!;
    assert.equal(failure.name, 'failure');
    assert.equal(failure.attrs.type, 'error');
    assert.match(failure.attrs.message!, /99%/);
    assert.match(failure.text, /^a\.md:3:25: error ratio-mismatch /);
    assert.deepEqual(b!.children.map((c) => [c.attrs.name, c.children.length]), [['delta-mismatch', 0], ['ratio-mismatch', 0]]);
    assert.equal(root.attrs.tests, '4');
    assert.equal(root.attrs.failures, '1');
  });

  it('escapes markup, quotes and characters XML cannot carry, in names, attributes and text', () => {
    const nasty = 'docs/<R&D> "q3" \'plan\'\u0001.md';
    const xml = formatJunit(report({ [nasty]: WRONG }), { rules: RULES });
    const root = parseXml(xml);
    assert.equal(root.children[0]!.attrs.name, 'docs/<R&D> "q3" \'plan\'\uFFFD.md');
    assert.equal(escapeXml('a<b>&"\'\u0000\uD800x\tc'), 'a&lt;b&gt;&amp;&quot;&apos;\uFFFD\uFFFDx&#9;c');
    // A line break in an attribute survives as a reference.
    const multi: Report = { version: 1, today: TODAY, files: [], skipped: [{ path: 'x.md', reason: 'one\ntwo' }] };
    assert.equal(parseXml(formatJunit(multi, { rules: RULES })).children[0]!.children[0]!.children[0]!.attrs.message, 'one\ntwo');
  });

  it('a warning is a failure only with failOn warning; a skipped file is a skipped test', () => {
    const stale = '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-01-10 | 🚧 In Progress |\n';
    const rep = report({ 'plan.md': stale }, [{ path: 'big.md', reason: 'larger than 512 KB' }]);
    const passing = parseXml(formatJunit(rep, { rules: ['stale-milestone'] }));
    const warned = passing.children[0]!.children.find((c) => c.attrs.name!.startsWith('stale-milestone at'))!;
    assert.equal(warned.children[0]!.name, 'system-out');
    assert.equal(passing.attrs.failures, '0');
    const failing = parseXml(formatJunit(rep, { rules: ['stale-milestone'], failOn: 'warning' }));
    assert.equal(failing.attrs.failures, '1');
    const skippedSuite = failing.children.find((s) => s.attrs.name === 'big.md')!;
    assert.equal(skippedSuite.attrs.skipped, '1');
    assert.equal(skippedSuite.children[0]!.children[0]!.name, 'skipped');
    assert.equal(failing.attrs.skipped, '1');
  });

  it('the checker rejects what is not well-formed', () => {
    for (const bad of ['<a><b></a></b>', '<a x="1" x="2"/>', '<a>R&D</a>', '<a>1 < 2</a>', '<a x=1/>', '<a>']) {
      assert.throws(() => parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n${bad}\n`), assert.AssertionError, bad);
    }
  });
});

describe('--format markdown', () => {
  it('a table row per file with errors, warnings, claims checked and wrong, and a total', () => {
    const out = formatMarkdownSummary(report({ 'docs/a|b.md': WRONG, 'b.md': CLEAN }, [{ path: 'big.md', reason: 'too large' }]));
    const rows = out.split('\n').filter((l) => l.startsWith('|'));
    assert.equal(rows[0], '| File | Errors | Warnings | Claims checked | Claims wrong |');
    assert.equal(rows[2], '| docs/a\\|b.md | 1 | 0 | 1 | 1 |');
    assert.equal(rows[3], '| b.md | 0 | 0 | 1 | 0 |');
    assert.equal(rows[4], '| **Total (2 files)** | **1** | **0** | **2** | **1** |');
    assert.match(out, /^- big\.md: too large$/m);
  });
});
