/**
 * The fix policy (src/core/fixes.ts): selection, order, overlaps, the fixed point, idempotence,
 * and that Fix All never leaves a new finding behind on the fixtures and the seeds.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyEdits, applyFixes, check, FIX_ALL, fixToFixedPoint, planFixes, selectFixes, textEdits, unifiedDiff,
  type Edit, type Finding, type Fix,
} from '../../src/core/index';
import { FIXTURES, markdownFiles, readUtf8, ROOT, SEEDS, SHARED, skipWithoutShared, TODAY } from './helpers';

const edit = (line: number, column: number, endColumn: number, text: string, endLine = line): Edit => ({ line, column, endLine, endColumn, text });
const fix = (title: string, edits: Edit[], preferred = true): Fix => ({ title, edits, preferred });
const finding = (rule: string, f?: Fix, alternatives?: Fix[]): Finding => ({
  rule, severity: 'error', message: rule, line: f?.edits[0]?.line ?? 1, column: f?.edits[0]?.column ?? 1, endLine: 1, endColumn: 1,
  ...(f ? { fix: f } : {}), ...(alternatives ? { alternatives } : {}),
});
const checkAt = (today = TODAY) => (text: string) => check(text, { today }).findings;

/** A document whose two change claims overlap nothing, and a total whose parts are those lines. */
const DELTAS = '# Sprint report\n\n- Velocity: 55% → 73% (+20 points)\n- Coverage: 80% → 74% (+6 points)\n';

describe('fix policy: selection', () => {
  const a = fix('a', [edit(1, 1, 2, 'A')]);
  const b = fix('b', [edit(2, 1, 2, 'B')], false);
  const alt = fix('alt', [edit(3, 1, 2, 'C')], false);
  const findings = [finding('delta-mismatch', a), finding('headline-mismatch', b), finding('stale-milestone', undefined, [alt])];

  it('fix all takes the preferred fixes only, never an alternative', () => {
    assert.deepEqual(selectFixes(findings, FIX_ALL), [a]);
  });
  it('per rule takes the fix of each finding of the rules, preferred or not', () => {
    assert.deepEqual(selectFixes(findings, { kind: 'rules', rules: ['headline-mismatch'] }), [b]);
    assert.deepEqual(selectFixes(findings, { kind: 'rules', rules: ['stale-milestone'] }), []);
  });
  it('per finding takes its fix, or the alternative asked for', () => {
    assert.deepEqual(selectFixes(findings, { kind: 'finding', finding: findings[1]! }), [b]);
    assert.deepEqual(selectFixes(findings, { kind: 'finding', finding: findings[2]!, fix: alt }), [alt]);
  });
});

describe('fix policy: order and overlaps', () => {
  const text = 'abcdef\nghijkl\n';

  it('takes fixes in order and defers one whose edits overlap an edit already taken, whole', () => {
    const first = fix('first', [edit(1, 2, 4, 'XY')]);
    const second = fix('second', [edit(2, 1, 2, 'G'), edit(1, 3, 5, 'ZZ')]);
    const third = fix('third', [edit(2, 6, 7, 'L')]);
    const plan = planFixes(text, [first, second, third]);
    assert.deepEqual(plan.taken, [first, third]);
    assert.deepEqual(plan.deferred, [second]);
    assert.equal(applyEdits(text, plan.edits), 'aXYdef\nghijkL\n');
  });

  it('two insertions at one place overlap; touching replacements do not', () => {
    const plan = planFixes(text, [fix('i1', [edit(1, 3, 3, '1')]), fix('i2', [edit(1, 3, 3, '2')]), fix('r', [edit(1, 1, 3, 'AB')])]);
    assert.equal(plan.taken.length, 2);
    assert.equal(applyEdits(text, plan.edits), 'AB1cdef\nghijkl\n');
  });

  it('the same edit from two findings is made once; an edit that changes nothing is no fix', () => {
    const same = [fix('x', [edit(1, 1, 2, 'A')]), fix('y', [edit(1, 1, 2, 'A')])];
    const plan = planFixes(text, same);
    assert.equal(plan.taken.length, 2);
    assert.equal(applyEdits(text, plan.edits), 'Abcdef\nghijkl\n');
    assert.deepEqual(planFixes(text, [fix('noop', [edit(1, 1, 3, 'ab')])]).taken, []);
  });

  it('edits are trimmed to the characters that change', () => {
    const plan = planFixes('(+20 points)\n', [fix('x', [edit(1, 2, 12, '+18 points')])]);
    assert.deepEqual(plan.edits, [edit(1, 3, 5, '18')]);
  });

  it('applyFixes keeps its contract: every fix given, overlaps skipped', () => {
    const r = applyFixes(text, [finding('a', fix('a', [edit(1, 1, 3, 'AB')], false)), finding('b', fix('b', [edit(1, 2, 4, 'ZZ')]))]);
    assert.deepEqual(r, { text: 'ABcdef\nghijkl\n', applied: 1 });
  });

  it('line breaks in a replacement follow the document (CRLF)', () => {
    assert.equal(applyEdits('a\r\nb\r\n', [edit(1, 2, 2, '\nx')]), 'a\r\nx\r\nb\r\n');
  });
});

describe('fix policy: the fixed point', () => {
  it('applies the fixes a pass deferred in the next pass, checking again between passes', () => {
    // Two fixes overlap on "B": the first pass takes one, the check after it finds the other again.
    let calls = 0;
    const fake = (t: string): Finding[] => {
      calls++;
      const out: Finding[] = [];
      if (t.slice(0, 2) === 'AB') out.push(finding('r1', fix('r1', [edit(1, 1, 3, 'ab')])));
      if (['BC', 'bC'].includes(t.slice(1, 3))) out.push(finding('r2', fix('r2', [edit(1, 2, 4, 'bc')])));
      return out;
    };
    const once = planFixes('ABC\n', selectFixes(fake('ABC\n'), FIX_ALL));
    assert.deepEqual(once.deferred.map((f) => f.title), ['r2']);
    calls = 0;
    const r = fixToFixedPoint('ABC\n', fake);
    assert.deepEqual({ text: r.text, passes: r.passes, applied: r.applied, converged: r.converged }, { text: 'abc\n', passes: 2, applied: 2, converged: true });
    assert.equal(calls, 3, 'one check before the first pass and one after each pass');
  });

  it('stops after the pass bound, and when fixes undo each other', () => {
    const forever = (t: string) => [finding('up', fix('up', [edit(1, 1, t.length + 1, String(Number(t) + 1))]))];
    const r = fixToFixedPoint('1', forever, FIX_ALL, { maxPasses: 5 });
    assert.deepEqual({ text: r.text, passes: r.passes, converged: r.converged }, { text: '6', passes: 5, converged: false });
    const flip = (t: string) => [finding('flip', fix('flip', [edit(1, 1, 2, t === 'a' ? 'b' : 'a')]))];
    const f = fixToFixedPoint('a', flip);
    assert.equal(f.converged, false);
    assert.ok(f.passes <= 2);
  });

  it('a one-finding selection runs one pass', () => {
    const findings = checkAt()(DELTAS);
    const target = findings.find((f) => f.rule === 'delta-mismatch')!;
    const r = fixToFixedPoint(DELTAS, checkAt(), { kind: 'finding', finding: target }, { findings });
    assert.equal(r.passes, 1);
    assert.equal(r.findings.filter((f) => f.rule === 'delta-mismatch').length, 1);
  });

  it('fixes a real document and is idempotent: Fix All twice changes nothing', () => {
    const r = fixToFixedPoint(DELTAS, checkAt());
    assert.equal(r.text, '# Sprint report\n\n- Velocity: 55% → 73% (+18 points)\n- Coverage: 80% → 74% (-6 points)\n');
    assert.equal(r.applied, 2);
    assert.deepEqual(r.findings.filter((f) => f.fix?.preferred), []);
    const again = fixToFixedPoint(r.text, checkAt());
    assert.deepEqual({ changed: again.changed, applied: again.applied, passes: again.passes }, { changed: false, applied: 0, passes: 0 });
  });

  it('textEdits turns the fixed text back into the smallest edits', () => {
    const r = fixToFixedPoint(DELTAS, checkAt());
    const edits = textEdits(DELTAS, r.text);
    assert.deepEqual(edits, [edit(3, 25, 27, '18'), edit(4, 24, 25, '-')]);
    assert.equal(applyEdits(DELTAS, edits), r.text);
  });
});

describe('unified diff', () => {
  it('writes hunks with three lines of context, merging close changes', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join('');
    const after = before.replace('line 2\n', 'line two\n').replace('line 6\n', 'line six\n').replace('line 18\n', '');
    assert.equal(unifiedDiff('docs/a.md', before, after), [
      '--- a/docs/a.md', '+++ b/docs/a.md',
      '@@ -1,9 +1,9 @@', ' line 1', '-line 2', '+line two', ' line 3', ' line 4', ' line 5', '-line 6', '+line six', ' line 7', ' line 8', ' line 9',
      '@@ -15,6 +15,5 @@', ' line 15', ' line 16', ' line 17', '-line 18', ' line 19', ' line 20', '',
    ].join('\n'));
  });

  it('marks a last line without a line break, and is empty for equal texts', () => {
    assert.equal(unifiedDiff('a.md', 'x\ny', 'x\nz'), '--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n');
    assert.equal(unifiedDiff('a.md', 'same\n', 'same\n'), '');
  });
});

/**
 * Every fixture of every rule, the labeled documents and the seeds: Fix All to the fixed point
 * leaves no finding that was not there before (matched by rule and line, so a fixed row that
 * makes its Total row wrong is caught even when the count of the rule's findings stays the
 * same), no preferred fix, and is idempotent.
 */
function assertCleanFix(name: string, text: string, today: string): void {
  const before = checkAt(today)(text);
  // Each fix alone (its finding's one fix, preferred or not) leaves nothing new behind either:
  // a fixed contribution corrects the Total row that adds it up in the same fix.
  for (const f of before) {
    if (!f.fix) continue;
    const one = fixToFixedPoint(text, checkAt(today), { kind: 'finding', finding: f }, { findings: before });
    assert.deepEqual(freshFindings(before, one.findings), [], `${name}: the fix of ${f.rule} ${f.line}:${f.column} ("${f.fix.title}") left new findings behind`);
  }
  const r = fixToFixedPoint(text, checkAt(today), FIX_ALL, { findings: before });
  assert.equal(r.converged, true, `${name}: Fix All did not reach a fixed point`);
  // A fix may leave what it could not repair (the mojibake finding then counts fewer lines),
  // never a finding of any rule on a line where that rule found nothing before.
  assert.deepEqual(freshFindings(before, r.findings), [], `${name}: Fix All left new findings behind`);
  assert.deepEqual(r.findings.filter((f) => f.fix?.preferred).map((f) => `${f.line}:${f.column} ${f.rule}`), [], `${name}: preferred fixes remain`);
  const again = fixToFixedPoint(r.text, checkAt(today), FIX_ALL, { findings: r.findings });
  assert.equal(again.changed, false, `${name}: Fix All twice changed the text again`);
}

/**
 * Findings of `after` that `before` has not on the same line with the same rule (as many as
 * before), nor among the related locations of a finding of that rule (what a fix could not
 * repair and the finding already pointed at, as mojibake's characters that lost a byte).
 */
function freshFindings(before: readonly Finding[], after: readonly Finding[]): string[] {
  const was = new Map<string, number>();
  const pointed = new Set(before.flatMap((f) => (f.related ?? []).map((r) => `${f.rule} ${r.line}`)));
  for (const f of before) was.set(`${f.rule} ${f.line}`, (was.get(`${f.rule} ${f.line}`) ?? 0) + 1);
  return after.filter((f) => {
    const k = `${f.rule} ${f.line}`;
    if (pointed.has(k)) return false;
    const n = was.get(k) ?? 0;
    if (n > 0) { was.set(k, n - 1); return false; }
    return true;
  }).map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
}

const EVAL_DOCS = join(ROOT, 'test', 'eval', 'docs');
const LABELED = join(SHARED, 'labeled');
/** The day the labeled sets were labeled on (their expect.json). */
const labeledToday = (dir: string) => (JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as { today: string }).today;

describe('Fix All leaves no new finding behind', () => {
  for (const rule of readdirSync(FIXTURES).sort()) {
    it(`fixtures of ${rule}`, () => {
      for (const path of markdownFiles(join(FIXTURES, rule))) assertCleanFix(`${rule}/${path.split('/').pop()}`, readUtf8(path), TODAY);
    });
  }
  it('the documents of the own labeled set (test/eval/docs)', () => {
    const today = labeledToday(join(ROOT, 'test', 'eval'));
    for (const path of markdownFiles(EVAL_DOCS)) assertCleanFix(`eval/${path.split('/').pop()}`, readUtf8(path), today);
  });
  it('the documents of the shared labeled set (uses ../shared/labeled)', function () {
    skipWithoutShared(this, join(LABELED, 'docs'));
    const today = labeledToday(LABELED);
    for (const path of markdownFiles(join(LABELED, 'docs'))) assertCleanFix(`labeled/${path.split('/').pop()}`, readUtf8(path), today);
  });
  it('the seeds (uses ../shared/seeds)', function () {
    skipWithoutShared(this, SEEDS);
    for (const path of markdownFiles(SEEDS)) assertCleanFix(`seeds/${path.split('/').pop()}`, readUtf8(path), TODAY);
  });
});

describe('one error, one finding', () => {
  const DOC = [
    '# Rollout report',
    '',
    '**Overall Progress:** 60% → 95%',
    '',
    '| Phase | Weight | Completion | Contribution |',
    '|-------|--------|------------|--------------|',
    '| Core | 50% | 100% | 50% |',
    '| Mobile | 30% | 100% | 30% |',
    '| Reports | 20% | 0% | 0% |',
    '| **TOTAL** | 100% | **80%** | **95%** |',
    '',
    '## Sign-off',
    '',
    '**Overall Progress:** 95%',
    '',
  ].join('\n');

  it('reports a wrong TOTAL once, with the headlines that repeat it as related locations', () => {
    const r = check(DOC, { today: TODAY });
    const wrong = r.findings.filter((f) => f.rule === 'total-mismatch' || f.rule === 'headline-mismatch');
    assert.deepEqual(wrong.map((f) => `${f.rule} ${f.line}`), ['total-mismatch 10']);
    const [total] = wrong;
    assert.match(total!.message, /Overall Progress on lines 3 and 14 repeats it/);
    assert.deepEqual(total!.related!.slice(0, 2).map((x) => x.line), [3, 14]);
    assert.deepEqual(total!.fix!.edits.map((e) => [e.line, e.text]), [[10, '80'], [3, '80'], [14, '80']]);
    assert.equal(total!.fix!.preferred, true);
    // The headlines' claims stay wrong, and say where they are reported.
    const headlines = r.doc.claims.filter((c) => c.kind === 'progress');
    assert.deepEqual(headlines.map((c) => r.verdicts[c.id]!.verdict), ['wrong', 'wrong']);
    assert.match(r.verdicts[headlines[0]!.id]!.reason!, /Reported with line 10/);
  });

  it('Fix All corrects the total and every headline together', () => {
    const r = fixToFixedPoint(DOC, checkAt());
    assert.match(r.text, /60% → 80%/);
    assert.match(r.text, /\*\*80%\*\* \| \*\*80%\*\*/);
    assert.match(r.text, /Progress:\*\* 80%\n/);
    assert.deepEqual(r.findings.filter((f) => f.rule === 'total-mismatch' || f.rule === 'headline-mismatch'), []);
    assert.equal(r.passes, 1);
  });

  it('keeps a headline that states another number as a finding of its own', () => {
    const r = check(DOC.replace('**Overall Progress:** 95%', '**Overall Progress:** 90%'), { today: TODAY });
    assert.deepEqual(r.findings.filter((f) => f.rule === 'total-mismatch' || f.rule === 'headline-mismatch').map((f) => `${f.rule} ${f.line}`), ['total-mismatch 10', 'headline-mismatch 14']);
  });

  it('a suppressed root leaves its echoes, which are one error among themselves', () => {
    const lines = DOC.split('\n');
    lines.splice(9, 0, '<!-- status-docs-disable-next-line total-mismatch -->');
    const r = check(lines.join('\n'), { today: TODAY });
    const left = r.findings.filter((f) => f.rule === 'total-mismatch' || f.rule === 'headline-mismatch');
    assert.deepEqual(left.map((f) => `${f.rule} ${f.line}`), ['headline-mismatch 3']);
    assert.equal(left[0]!.related![0]!.line, 15);
    assert.deepEqual(left[0]!.fix!.edits.map((e) => e.line), [3, 15]);
  });
});
