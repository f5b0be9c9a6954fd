/** Factor wordings, each read by the real analyzer from a tiny document. */
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/model/analyze';
import { FACTOR_HEADER } from '../../../src/core/grammar/factor';

type Row = [doc: string, form: string | null, stated?: number, a?: number, b?: number];

const ROWS: Row[] = [
  ['- Startup: 3.6s → 0.1s (36x faster)\n', 'arrow', 36, 3.6, 0.1],
  // Other languages, a clause before the factor, Note / Result columns, target bounds.
  ['La latence est passée de 600 ms à 200 ms : l\'API est 3x plus rapide.\n', 'arrow', 3, 600, 200],
  ['El tiempo bajó de 90 s a 30 s, 3x más rápido.\n', 'arrow', 3, 90, 30],
  ['- 查询延迟从 300 毫秒降到 100 毫秒，提升 3 倍。\n', 'zh-arrow', 3, 300, 100],
  ['| Measure | Before | After | Note |\n|---|---|---|---|\n| p95 | 400 ms | 100 ms | 4x faster |\n', 'table', 4, 400, 100],
  ['| Metric | Target | Engine actual | Result |\n|---|---|---|---|\n| p99 | < 200 ms | 50 ms | ✅ 4x better |\n', 'table', 4, 200, 50],
  ['| Stage | v1 (ms) | v2 (ms) | Speed-up |\n|---|---|---|---|\n| Load | 90 | 30 | 3.0x |\n', 'table', 3, 90, 30],
  // Traps: no comparison word after the factor; a size.
  ['De 10 a 20 servidores: 2x4 núcleos cada.\n', null],
  ['Requests now take from 900 ms to 300 ms — 3x faster.\n', 'arrow', 3, 900, 300],
  ['The bundle went 1.2 MB down to 400 KB (3x smaller).\n', 'arrow', 3, 1.2, 400],
  ['- Capacity: 5x increase (100 → 500 concurrent users)\n', 'factor-then-pair', 5, 100, 500],
  ['Queries: 2.2x más rápido (0.0824 → 0.0378 s)\n', 'factor-then-pair', 2.2, 0.0824, 0.0378],
  ['- Error rate: 0.05% (target <1%, achieved 20x better)\n', 'against-reference', 20, 0.05, 1],
  ['- Duration: 30 minutes (estimated: 6h, 12x faster!)\n', 'against-reference', 12, 30, 6],
  ['Parser: 640ms (walker), 400ms (compiled) = 1.6x speedup\n', 'labelled-pair', 1.6, 640, 400],
  ['| Op | Baseline | Phase 2 | Phase 2 Speedup |\n|---|---|---|---|\n| Parse | 900.0ms | 30.0ms | 30.0x |\n', 'table', 30, 900, 30],
  ['| Metric | Before | After | Improvement |\n|---|---|---|---|\n| Build | 12 s | 4 s | 3x faster |\n', 'table', 3, 12, 4],
  ['| Metric | Target | Actual | Improvement |\n|---|---|---|---|\n| P95 | 300 ms | 100 ms | **3x** |\n', 'table', 3, 300, 100],
  ['- Throughput: ~10 → ~1000 chunks/s (100x faster)\n', 'arrow', 100, 10, 1000],
  ['Tempo: 10 s → 2 s (5x faster)\n', 'arrow', 5, 10, 2],
  ['- Index: 4.0 GB → 1.0 GB (4x smaller)\n', 'arrow', 4, 4, 1],
  ['- Memory: 800 MB → 200 MB (4× lower)\n', 'arrow', 4, 800, 200],
  // Traps: no factor claim.
  ['Use a 4x4 grid for the 390 × 844 px screen.\n', null],
  ['We run 2x the tests now (120 tests).\n', null],
  ['- Phase 1 → 3 (2x faster)\n', null],
  ['- Load: 50,000 (10x canary)\n', null],
];

describe('grammar: factor claims', () => {
  for (const [doc, form, stated, a, b] of ROWS) {
    it(`${form ?? 'no claim'}: ${doc.split('\n').filter(Boolean).pop()!.slice(0, 70)}`, () => {
      const claims = analyze(doc).claims.filter((c) => c.kind === 'factor');
      if (form === null) { assert.deepEqual(claims.map((c) => c.form), []); return; }
      assert.equal(claims.length, 1, JSON.stringify(claims.map((c) => c.form)));
      const c = claims[0]!;
      assert.equal(c.form, form);
      assert.equal(c.stated?.value, stated);
      assert.deepEqual(c.evidence.map((e) => e.quantity?.value), [a, b]);
    });
  }
  it('knows speed-up column headers', () => {
    assert.ok(FACTOR_HEADER.test('Phase 2 Speedup'));
    assert.ok(FACTOR_HEADER.test('Improvement'));
    assert.ok(!FACTOR_HEADER.test('Owner'));
  });
});
