import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, parseConfig, RULE_IDS } from '../../src/core/index';

describe('configuration', () => {
  it('defaults', () => {
    assert.deepEqual(DEFAULT_CONFIG, { rules: {}, staleAfterDays: 90, approximateTolerance: 0.1, today: '', statusWords: {}, maxAnalysisMs: 2000 });
  });

  it('keeps good keys and reports each bad one, keeping its default', () => {
    const { config, problems } = parseConfig(
      { staleAfterDays: 30, approximateTolerance: 'lots', today: '2026-13-01', rules: { mojibake: 'error', nope: 'off', other: 7 }, colour: 'red' },
      ['mojibake', 'other'],
    );
    assert.equal(config.staleAfterDays, 30);
    assert.equal(config.approximateTolerance, 0.1);
    assert.equal(config.today, '');
    assert.equal(config.rules.mojibake, 'error');
    assert.equal(problems.length, 5, problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('"approximateTolerance" is invalid')));
    assert.ok(problems.some((p) => p.includes('"today" is invalid')));
    assert.ok(problems.some((p) => p.includes('Unknown rule "nope"')));
    assert.ok(problems.some((p) => p.includes('Unknown setting "colour"')));
    assert.ok(problems.some((p) => p.includes('Severity of rule "other" must be one of off, info, warning, error; got 7')));
  });

  it('never throws on garbage', () => {
    for (const raw of [null, undefined, 42, 'x', [], { rules: [] }, { rules: 'all' }, { statusWords: { done: 'yes' } }]) {
      const { config } = parseConfig(raw, RULE_IDS);
      assert.equal(config.staleAfterDays, 90);
    }
  });

  it('statusWords extend the vocabulary', async () => {
    const { check } = await import('../../src/core/index');
    const text = '# Plan\n\n**Status**: Consegnato\n';
    assert.equal(check(text, { today: '2026-11-22' }).doc.status, null);
    const { config } = parseConfig({ statusWords: { done: ['Consegnato'] } });
    assert.equal(check(text, { today: '2026-11-22', config }).doc.status?.value, 'done');
  });

  it('keys of Object.prototype are unknown settings and unknown rules, never an internal error', () => {
    const raw = JSON.parse('{ "__proto__": { "staleAfterDays": 1 }, "constructor": 1, "toString": "x", "hasOwnProperty": [], "valueOf": 2, "rules": { "__proto__": "off", "toString": "off" } }');
    for (const known of [RULE_IDS, undefined]) {
      const { config, problems } = parseConfig(raw, known);
      assert.equal(config.staleAfterDays, 90);
      assert.deepEqual(Object.keys(config.rules), []);
      for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
        assert.ok(problems.includes(`Unknown setting "${key}" is ignored.`), `${key}: ${problems.join(' | ')}`);
      }
      assert.ok(problems.includes('Unknown rule "__proto__" in "rules" is ignored.'));
      assert.ok(problems.includes('Unknown rule "toString" in "rules" is ignored.'));
    }
  });

  it('statusWords are bounded in count and length, with a short message', () => {
    const many = parseConfig({ statusWords: { done: Array.from({ length: 100_000 }, (_, i) => `w${i}`) } });
    assert.deepEqual(many.config.statusWords, {});
    assert.equal(many.problems.length, 1);
    assert.match(many.problems[0]!, /^Setting "statusWords" is invalid \(done: at most 200 words per status\)/);
    assert.ok(many.problems[0]!.length < 300, many.problems[0]!.slice(0, 300));
    const long = parseConfig({ statusWords: { blocked: ['ok', 'x'.repeat(5_000_000)] } });
    assert.match(long.problems[0]!, /blocked\[1\]: a status word is at most 60 characters/);
    assert.ok(long.problems[0]!.length < 300);
    assert.deepEqual(parseConfig({ statusWords: { done: Array.from({ length: 200 }, (_, i) => `${i}`.padEnd(60, 'x')) } }).problems, []);
  });

  it('statusWords are literal text, not patterns', async () => {
    const { check } = await import('../../src/core/index');
    const { config, problems } = parseConfig({ statusWords: { blocked: ['.*', '(', '[x', 'a|b', '\\', '$^', '(a+)+$'] } });
    assert.deepEqual(problems, []);
    const status = (line: string) => check(`# Plan\n\n**Status**: ${line}\n`, { today: '2026-11-22', config }).doc.status?.value;
    assert.equal(status('In Progress'), 'in-progress');
    assert.equal(status('a|b'), 'blocked');
    assert.equal(status('.*'), 'blocked');
    assert.equal(status('(a+)+$'), 'blocked');
    const started = Date.now();
    check(`# Plan\n\n**Status**: ${'a'.repeat(5000)}!\n`, { today: '2026-11-22', config });
    assert.ok(Date.now() - started < 2000);
  });

  it('maxAnalysisMs is a bounded whole number', () => {
    assert.equal(parseConfig({ maxAnalysisMs: 250 }).config.maxAnalysisMs, 250);
    for (const bad of [0, -1, 1.5, '100', 10_000_000]) {
      const { config, problems } = parseConfig({ maxAnalysisMs: bad });
      assert.equal(config.maxAnalysisMs, 2000, String(bad));
      assert.equal(problems.length, 1, String(bad));
    }
  });
});
