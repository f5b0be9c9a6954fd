/** Ratio and completion-percentage wordings, each read by the real analyzer from a tiny document. */
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/model/analyze';
import { COMPLEMENT, ORDINAL_BEFORE } from '../../../src/core/grammar/ratio';

type Row = [doc: string, form: string | null, stated?: number, n?: number, m?: number];

const ROWS: Row[] = [
  ['164/173 tests passing (96%)\n', 'ratio-then-percent', 96, 164, 173],
  // Connectors and separators of other languages; dot thousands after them.
  ['38 de 40 pedidos entregues, ou seja, 95%\n', 'ratio-then-percent', 95, 38, 40],
  ['Cerramos 12 de 16 tareas (75%), es decir casi todas.\n', 'ratio-then-percent', 75, 12, 16],
  ['- Erledigt: 9 von 12 Aufgaben (80%)\n', 'ratio-then-percent', 80, 9, 12],
  ['Готово 14 из 20 тестов (70%).\n', 'ratio-then-percent', 70, 14, 20],
  ['Réussis : 18 sur 24 scénarios (75 %)\n', 'ratio-then-percent', 75, 18, 24],
  ['本周完成 8/10（80%）。\n', 'ratio-then-percent', 80, 8, 10],
  ['Afectados 450 de 1.500 usuarios (30%).\n', 'ratio-then-percent', 30, 450, 1500],
  ['Of 1.5 GB, 0.3/1.5 GB was cached (20%).\n', 'ratio-then-percent', 20, 0.3, 1.5],
  ['45 of 52 scenarios pass, i.e. 87%\n', 'ratio-then-percent', 87, 45, 52],
  ['**Coverage**: 95% (19/20)\n', 'percent-then-ratio', 95, 19, 20],
  ['Cobertura: 45/50 (90%)\n', 'ratio-then-percent', 90, 45, 50],
  ['- Progresso geral: 75% (3/4 contas criadas)\n', 'percent-then-ratio', 75, 3, 4],
  ['总体: 21/50 (42%)\n', 'ratio-then-percent', 42, 21, 50],
  ['6/7 Tasks Complete = 86%\n', 'ratio-then-percent', 86, 6, 7],
  ['| Sprint | Done | % |\n|---|---|---|\n| S5 | 24/42 | 57% |\n', 'table-cells', 57, 24, 42],
  ['Tests: 111/129 - 86%\n', 'ratio-then-percent', 86, 111, 129],
  ['~273/278 passing (98.2%)\n', 'ratio-then-percent', 98.2, 273, 278],
  ['18 of 46 fail (39% failure rate)\n', 'ratio-then-percent', 39, 18, 46],
  ['Gesamt: 30% complete (6/20 tasks)\n', 'percent-then-ratio', 30, 6, 20],
  ['# Migration: 2/3 done (66.7%)\n', 'ratio-then-percent', 66.7, 2, 3],
  ['Suite: 9/9 (100%)\n', 'ratio-then-percent', 100, 9, 9],
  ['Pass rate: 100% - 30/30\n', 'percent-then-ratio', 100, 30, 30],
  // Traps: no ratio claim.
  ['Phase 2/4 (30%)\n', null],
  ['Tests: 45/50 (90% threshold)\n', null],
  ['Coverage: 45/50 (≥90%)\n', null],
  ['Passed: 45/50 (+5%)\n', null],
];

describe('grammar: ratio claims', () => {
  for (const [doc, form, stated, n, m] of ROWS) {
    it(`${form ?? 'no claim'}: ${doc.split('\n').filter(Boolean).pop()!.slice(0, 70)}`, () => {
      const claims = analyze(doc).claims.filter((c) => c.kind === 'ratio' && c.form !== 'completion');
      if (form === null) { assert.deepEqual(claims.map((c) => c.form), []); return; }
      assert.equal(claims.length, 1, JSON.stringify(claims.map((c) => c.form)));
      const c = claims[0]!;
      assert.equal(c.form, form);
      assert.equal(c.stated?.value, stated);
      assert.deepEqual(c.evidence.map((e) => [e.quantity?.value, e.quantity?.of]), [[n, m]]);
    });
  }
  it('reads completion percentages, not growth or targets', () => {
    const completion = (doc: string) => analyze(doc).claims.filter((c) => c.form === 'completion').map((c) => c.stated?.value);
    assert.deepEqual(completion('# ATLAS 120% - Implementation Complete\n'), [120]);
    assert.deepEqual(completion('**Status:** **120% COMPLETE**\n'), [120]);
    assert.deepEqual(completion('Backend progress: 130%\n'), [130]);
    assert.deepEqual(completion('Revenue: 120% of target\n'), []);
    assert.deepEqual(completion('Throughput 150% growth\n'), []);
  });
  it('knows complement and ordinal words', () => {
    assert.ok(COMPLEMENT.test('(61% failing)'));
    assert.ok(!COMPLEMENT.test('(61% passing)'));
    assert.ok(ORDINAL_BEFORE.test('Phase '));
    assert.ok(ORDINAL_BEFORE.test('Fase '));
  });
});
