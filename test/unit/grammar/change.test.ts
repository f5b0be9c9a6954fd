/** Change wordings, each read by the real analyzer from a tiny document. */
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/model/analyze';
import { directionOf, isChangeWord } from '../../../src/core/grammar/change';

type Row = [doc: string, form: string | null, stated?: number, before?: number, after?: number, low?: number | null];

const ROWS: Row[] = [
  ['Coverage: 40% → 55% (+15 points)\n', 'score', 15, 40, 55],
  // From/to words, decimal commas and point units of other languages.
  ['- Erros caíram de 6,5% para 2,5% (-4 pontos)\n', 'from-to-change', 4, 6.5, 2.5],
  ['Abbruchquote: von 3,2% auf 2,0% (-1,2 Prozentpunkte)\n', 'from-to-change', 1.2, 3.2, 2],
  ['La tasa subió de 40% a 52% (+12 puntos).\n', 'from-to-change', 12, 40, 52],
  ['Конверсия выросла с 10% до 14% (+4 п.п.)\n', 'from-to-change', 4, 10, 14],
  ['| Metric | Before | After | Note |\n|---|---|---|---|\n| Memory | 800 MB | 600 MB | -25% |\n', 'table', 25, 800, 600],
  ['| Metric | Engine A | Engine B | Change |\n|---|---|---|---|\n| Reads | 2.0 | 3.0 | +50% |\n', 'table', 50, 2, 3],
  ['| Item | March | April | Change |\n|---|---|---|---|\n| Cost | 1,000 | 900 | -10% |\n', 'table', 10, 1000, 900],
  // Traps: a value, not a change, in a Result column; a range, not a from/to.
  ['| Metric | Before | After | Result |\n|---|---|---|---|\n| Memory | 800 MB | 600 MB | 600 MB |\n', null],
  ['- Latency: 200ms → 150ms (-40ms)\n', 'arrow', 40, 200, 150],
  ['Conversion rose +25% (from 4.0% to 5.0%).\n', 'change-from-to', 25, 4, 5],
  ['Hit rate went from 60% to 84% (+24 points).\n', 'from-to-change', 24, 60, 84],
  ['- Throughput: 60-80% increase (1000 → 1700 req/s)\n', 'worded', 80, 1000, 1700, 60],
  ['- Latência: 85% redução (P95: 900ms → 130ms)\n', 'worded', 85, 900, 130],
  ['Build: 50% faster (from 10 s to 5 s)\n', 'change-from-to', 50, 10, 5],
  ['- **Previous:** 50% complete\n- **Current:** 70% complete (+20%)\n', 'previous-current', 20, 50, 70],
  ['| Metric | Before | After | Change |\n|---|---|---|---|\n| Flaky | 40 | 10 | -75% |\n', 'table', 75, 40, 10],
  ['| Metric | Target | Achieved | Variance |\n|---|---|---|---|\n| Velocity | 2.0 SP/day | 5.0 SP/day | ✅ +150% |\n', 'table', 150, 2, 5],
  ['| Metric | Meta | Alcançado | Variação |\n|---|---|---|---|\n| Testes | 20 | 30 | +50% |\n', 'table', 50, 20, 30],
  ['| Step | Phase 1 | Phase 2 | Improvement |\n|---|---|---|---|\n| Load | 8.0 s | 6.0 s | -25% |\n', 'table', 25, 8, 6],
  ['| Item | Target | Achieved | Variance |\n|---|---|---|---|\n| Points | 26 SP | 26 SP | 100% |\n', 'table', 100, 26, 26],
  ['Budget: $10k → $16k (+60%).\n', 'arrow', 60, 10, 16],
  // Traps: no change claim.
  ['Score: 38% → 55% → 70% (+32 points)\n', null],
  ['Sprint 3 → 4 (+25%)\n', null],
  ['Progress: 40% → 75% (75%)\n', null],
  ['Retention 14 → 120 days\n', null],
  ['| Metric | Baseline | Target | Actual | Change |\n|---|---|---|---|---|\n| Tests | 10 | 20 | 30 | +50% |\n', null],
];

describe('grammar: change claims', () => {
  for (const [doc, form, stated, before, after, low] of ROWS) {
    it(`${form ?? 'no claim'}: ${doc.split('\n').filter(Boolean).pop()!.slice(0, 70)}`, () => {
      const claims = analyze(doc).claims.filter((c) => c.kind === 'change');
      if (form === null) { assert.deepEqual(claims.map((c) => c.form), []); return; }
      assert.equal(claims.length, 1, JSON.stringify(claims.map((c) => c.form)));
      const c = claims[0]!;
      assert.equal(c.form, form);
      assert.equal(c.stated?.value, stated);
      assert.deepEqual(c.evidence.map((e) => e.quantity?.value), [before, after]);
      if (low !== undefined) assert.equal(c.data.low, low);
    });
  }
  it('knows direction words in several languages', () => {
    assert.equal(directionOf('increase'), 'increase');
    assert.equal(directionOf('redução'), 'decrease');
    assert.equal(directionOf('faster'), 'speed');
    assert.equal(directionOf('later'), null);
    assert.ok(isChangeWord('points', 'points'));
    assert.ok(!isChangeWord('target', null));
  });
});
