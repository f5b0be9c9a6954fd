/** Progress wordings: each row is a tiny document and the progress claim the model reads from it. */
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/model/analyze';
import { HEADLINE_KEY, measureMatches, measureOf, NOT_PROGRESS_KEY, overallHeadingFigure, TARGET_VALUE } from '../../../src/core/grammar/progress';

interface Row { name: string; text: string; form?: string; stated?: number; of?: number; evidence?: Record<string, number>; unchecked?: RegExp; none?: boolean }

const table = (header: string, rows: [string, string][]) => [`| Item | ${header} |`, '|---|---|', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
const boxes = (done: number, open: number) => [...Array(done).fill('- [x] done item'), ...Array(open).fill('- [ ] open item')].join('\n');

const ROWS: Row[] = [
  { name: 'weighted table under Overall Progress', text: `# P\n\n**Overall Progress:** 95%\n\n| Phase | Weight | Completion |\n|---|---|---|\n| A | 50% | 100% |\n| B | 50% | 80% |\n`, form: 'weighted', stated: 95, evidence: { weight: 2, completion: 2 } },
  { name: 'arrow: the value after the last arrow', text: `# P\n\n**Overall Progress:** 75% → 90%\n\n| Phase | Weight | Completion |\n|---|---|---|\n| A | 50% | 100% |\n| B | 50% | 80% |\n`, form: 'weighted', stated: 90 },
  { name: 'phase list after the headline item', text: `# P\n\n- **Overall Progress:** 70%\n- Phase 1: 100%\n- Phase 2: 40%\n`, form: 'phase-mean', stated: 70, evidence: { part: 2 } },
  { name: 'overall heading with its phase list', text: `# P\n\n### Current Status: 60% Complete\n\n- ✅ **Phase 1:** 100% Complete\n- ⏳ **Phase 2:** 0% Complete\n`, form: 'phase-mean', stated: 60, evidence: { part: 2 } },
  { name: 'Spanish phase list (fases)', text: `# P\n\n- **Progreso:** 50%\n- Fase 1: 100%\n- Fase 2: 0%\n`, form: 'phase-mean', stated: 50 },
  { name: 'readiness column under a readiness headline (Russian)', text: `# P\n\n**Готовность:** 98%\n\n${table('Готовность', [['A', '100%'], ['B', '90%'], ['C', '95%']])}\n`, form: 'column-mean', stated: 98, evidence: { part: 3 } },
  { name: 'Overall Progress pairs with a Progress column', text: `# P\n\n**Overall Progress:** 80%\n\n${table('Progress', [['A', '100%'], ['B', '60%'], ['C', '80%']])}\n`, form: 'column-mean', stated: 80 },
  { name: 'a column of another measure is not a breakdown', text: `# P\n\n**Overall Progress:** 80%\n\n${table('Pass rate', [['A', '100%'], ['B', '60%'], ['C', '80%']])}\n`, none: true },
  { name: 'a target headline is no claim', text: `# P\n\n**Overall Progress:** 90% (target)\n\n- Phase 1: 100%\n- Phase 2: 40%\n`, none: true },
  { name: 'a coverage figure is no progress', text: `# P\n\n**Test Coverage:** 80%\n\n${table('Coverage', [['A', '100%'], ['B', '60%'], ['C', '80%']])}\n`, none: true },
  { name: 'prose task count against its section', text: `# P\n\n## Sprint\n\nFinished 2 of 3 tasks.\n\n${boxes(1, 2)}\n`, form: 'task-count', stated: 2, of: 3, evidence: { checklist: 1, done: 1 } },
  { name: 'task count with its percentage', text: `# P\n\n## Sprint\n\nProgress: 2 of 3 tasks (67%)\n\n${boxes(2, 1)}\n`, form: 'task-count', stated: 2, of: 3, evidence: { percent: 1 } },
  { name: 'Portuguese item count confirmed by the breakdown', text: `# P\n\n**Progresso Geral:** 80% (16/20 itens completos)\n\n\`\`\`\nFase 1: 100% (6/6)\nFase 2: 50% (2/4)\n\`\`\`\n\n${boxes(8, 2)}\n`, form: 'task-count', stated: 16, of: 20, evidence: { part: 2, percent: 1 } },
  { name: 'a count of tasks kept elsewhere is unchecked', text: `# P\n\n**Progress:** 60% (12/20 tasks complete)\n\n${boxes(1, 1)}\n`, form: 'task-count', unchecked: /no checklist of 20 boxes/ },
  { name: 'phase count against the phase table', text: `# P\n\n**Progress:** 2/3 phases complete\n\n| Phase | Status |\n|---|---|\n| One | ✅ Done |\n| Two | ✅ Done |\n| Three | Planned |\n`, form: 'unit-count', stated: 2, of: 3, evidence: { done: 2, 'not-done': 1 } },
  { name: 'a status field stating progress', text: `# P\n\n**Status:** 90% complete\n\n| Phase | Weight | Completion |\n|---|---|---|\n| A | 50% | 100% |\n| B | 50% | 80% |\n`, form: 'weighted', stated: 90 },
  // The one overall headline against the document's checklist, when nothing else computes it.
  { name: 'French overall heading against the checklist', text: `# P\n\n## Progression globale : 75 %\n\n## Tâches\n\n${boxes(6, 4)}\n`, form: 'checklist-share', stated: 75, evidence: { checklist: 1, done: 6 } },
  { name: 'Overall Progress field against the checklist', text: `# P\n\n**Overall Progress:** 50%\n\n## Tasks\n\n${boxes(5, 5)}\n`, form: 'checklist-share', stated: 50 },
  { name: 'Portuguese overall heading (Progresso geral)', text: `# P\n\n## Progresso geral: 40%\n\n## Tarefas\n\n${boxes(4, 6)}\n`, form: 'checklist-share', stated: 40 },
  { name: 'German Gesamtfortschritt field against the checklist', text: `# P\n\n**Gesamtfortschritt:** 30%\n\n## Aufgaben\n\n${boxes(3, 7)}\n`, form: 'checklist-share', stated: 30 },
  { name: 'a short checklist is no breakdown', text: `# P\n\n**Overall Progress:** 50%\n\n${boxes(2, 3)}\n`, none: true },
  { name: 'a checklist nobody ticks is no breakdown', text: `# P\n\n**Overall Progress:** 50%\n\n${boxes(0, 10)}\n`, none: true },
  { name: 'next steps in the checklist make the scope uncertain', text: `# P\n\n**Overall Progress:** 50%\n\n## Tasks\n\n${boxes(5, 3)}\n\n## Next steps\n\n${boxes(0, 2)}\n`, form: 'checklist-share', unchecked: /later work/ },
  { name: 'a progress column computes the headline, not the checklist', text: `# P\n\n**Overall Progress:** 50%\n\n| Item | Status | Progress |\n|---|---|---|\n| A | x | 50% |\n\n${boxes(5, 5)}\n`, none: true },
  // A scoped key that names what the rows are pairs with the generic Progress column.
  { name: 'Overall OKR progress pairs with a Progress column', text: `# P\n\n**Overall OKR progress:** 60%\n\n${table('Progress', [['O1', '80%'], ['O2', '40%'], ['O3', '60%']])}\n`, form: 'column-mean', stated: 60, evidence: { part: 3 } },
  { name: 'Overall epic progress pairs with a Progress column', text: `# P\n\n**Overall epic progress:** 70%\n\n${table('Progress', [['E1', '100%'], ['E2', '40%'], ['E3', '70%']])}\n`, form: 'column-mean', stated: 70 },
  { name: 'an unscoped key of another measure does not pair', text: `# P\n\n**Test progress:** 70%\n\n${table('Progress', [['E1', '100%'], ['E2', '40%'], ['E3', '70%']])}\n`, none: true },
  { name: 'title progress (level 1)', text: `# Phase 2: 90% COMPLETE\n\n- Phase 2a: 100%\n- Phase 2b: 80%\n`, form: 'phase-mean', stated: 90 },
];

describe('grammar: progress claims', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const claims = analyze(row.text).claims.filter((c) => c.kind === 'progress');
      if (row.none) { assert.deepEqual(claims.map((c) => c.form), []); return; }
      const c = claims.find((x) => x.form === row.form);
      assert.ok(c, `no ${row.form} claim; got ${claims.map((x) => x.form).join(', ') || 'none'}`);
      if (row.unchecked) { assert.match(c.unchecked ?? '', row.unchecked); return; }
      assert.equal(c.unchecked, null);
      if (row.stated !== undefined) assert.equal(c.stated?.value, row.stated);
      if (row.of !== undefined) assert.equal(c.stated?.of, row.of);
      for (const [role, n] of Object.entries(row.evidence ?? {})) assert.equal(c.evidence.filter((e) => e.role === role).length, n, role);
    });
  }

  it('word lists', () => {
    for (const k of ['Overall Progress', 'Progresso Geral', 'Gesamtfortschritt', '总体进度', 'Прогресс', 'Готовность', 'Avancement global']) assert.match(k, HEADLINE_KEY, k);
    for (const k of ['Test Coverage', 'Quality Score', 'Покрытие']) assert.match(k, NOT_PROGRESS_KEY, k);
    for (const v of ['90% (target)', 'meta: 80%', '预计 80%', 'Ziel 90%']) assert.match(v, TARGET_VALUE, v);
    assert.equal(measureOf('**Overall Progress**'), measureOf('Progress'));
    assert.equal(overallHeadingFigure('Current Status: 60% Complete'), 60);
    assert.equal(overallHeadingFigure('OVERALL PROJECT COMPLETION: 85%'), 85);
    assert.equal(overallHeadingFigure('Phase 3: 60% Complete'), null);
    assert.equal(overallHeadingFigure('Progression globale : 75 %'), 75);
    assert.equal(overallHeadingFigure('Progresso geral: 40%'), 40);
    assert.equal(overallHeadingFigure('Global rollout: 40%'), null);
    assert.ok(measureMatches('Overall OKR progress', 'Progress'));
    assert.ok(!measureMatches('Test progress', 'Progress'));
    assert.ok(!measureMatches('Overall OKR progress', 'Pass rate'));
  });
});
