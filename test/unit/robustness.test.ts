// The core on awkward input: a byte order mark, a time budget (with a clock the test controls),
// UTF-16 bytes, binary bytes, a block of more numbers than a call takes arguments.
import assert from 'node:assert/strict';
import { AnalysisStopped, check, decodeText, parseConfig, runRules, analyze, LineIndex, type Rule } from '../../src/core/index';
import { IncrementalChecker } from '../../src/core/incremental';
import { TODAY } from './helpers';

const DOC = 'Coverage: 40% → 65% (+20 points)\n\n# Tracker\n\n**Status**: In Progress\n\n- [x] one\n- [ ] two, due 2026-01-05\n';

describe('robustness of the core', () => {
  it('check() drops a leading BOM: the same model and findings at the same line and column', () => {
    const plain = check(DOC, { today: TODAY });
    const bom = check('\uFEFF' + DOC, { today: TODAY });
    assert.ok(plain.findings.some((f) => f.rule === 'delta-mismatch' && f.line === 1));
    assert.deepEqual(bom.findings, plain.findings);
    assert.deepEqual(bom.doc, plain.doc);
    assert.deepEqual(new IncrementalChecker().check('\uFEFF' + DOC, { today: TODAY }).findings, plain.findings);
  });

  it('with a clock, analysis past maxAnalysisMs stops with AnalysisStopped; without one it never does', () => {
    const { config } = parseConfig({ maxAnalysisMs: 50 });
    let t = 0;
    const slowClock = () => (t += 30); // every look at the clock: 30 ms later
    assert.throws(() => check(DOC, { today: TODAY, config, now: slowClock }), (e: unknown) => e instanceof AnalysisStopped && e.message === 'analysis stopped after 50 ms');
    t = 0;
    assert.throws(() => new IncrementalChecker().check(DOC, { today: TODAY, config, now: slowClock }), AnalysisStopped);
    const stopped = () => 0;
    assert.deepEqual(check(DOC, { today: TODAY, config, now: stopped }).findings, check(DOC, { today: TODAY, config }).findings);
  });

  it('a rule that runs past the budget stops the run (not an internal-error finding)', () => {
    const { config } = parseConfig({});
    const late: Rule = { id: 'slow-rule', description: 'A rule that runs out of time.', defaultSeverity: 'warning', tags: [], fixable: false, run: () => { throw new AnalysisStopped(5); } };
    const doc = analyze(DOC);
    assert.throws(() => runRules(doc, DOC, new LineIndex(DOC), { today: TODAY, config, rules: [late] }), AnalysisStopped);
    let calls = 0;
    const counting: Rule = { ...late, run: () => { calls++; } };
    assert.throws(() => runRules(doc, DOC, new LineIndex(DOC), { today: TODAY, config, rules: [counting, counting], stopIfLate: () => { if (calls) throw new AnalysisStopped(5); } }), AnalysisStopped);
    assert.equal(calls, 1, 'checked before each rule');
  });

  it('a paragraph of 130,000 numbers is checked: no list of them is spread into call arguments (the stack holds about 120,000)', function () {
    this.timeout(60_000);
    const text = `# Counts\n\n${'1 of '.repeat(260_000)}1\n`;
    const { doc } = check(text, { today: TODAY });
    assert.ok(doc.numbers.length > 125_000, `${doc.numbers.length} numbers`);
  });

  it('decodes UTF-16 LE and BE with a BOM; NUL bytes without one are binary', () => {
    const text = '# Plan ✅ 😀\n- [x] one\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    assert.deepEqual(decodeText(le), { ok: true, text, encoding: 'utf-16le' });
    assert.deepEqual(decodeText(be), { ok: true, text, encoding: 'utf-16be' });
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), { ok: true, text, encoding: 'utf-8' });
    assert.deepEqual(decodeText(Buffer.from(text, 'utf16le')), { ok: false, reason: 'binary file (contains NUL bytes)' });
    assert.equal(decodeText(le.subarray(0, le.length - 1), { strict: true }).ok, false);
    assert.deepEqual(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), { strict: true }), { ok: false, reason: 'not valid UTF-8 text' });
    assert.equal(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9])).ok, true, 'the editor reads invalid UTF-8 with U+FFFD');
  });
});
