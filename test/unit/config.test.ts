import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, parseConfig, RULE_IDS } from '../../src/core/index';

describe('configuration', () => {
  it('defaults', () => {
    assert.deepEqual(DEFAULT_CONFIG, { rules: {}, staleAfterDays: 90, approximateTolerance: 0.1, today: '', statusWords: {} });
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
    const text = '# Plan\n\n**Status**: Livré\n';
    assert.equal(check(text, { today: '2026-11-22' }).doc.status, null);
    const { config } = parseConfig({ statusWords: { done: ['Livré'] } });
    assert.equal(check(text, { today: '2026-11-22', config }).doc.status?.value, 'done');
  });
});
