/** Status wordings: each row is a tiny document and the status claim the model reads from it. */
import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/model/analyze';
import { classifyStatus, isHeadingMarker } from '../../../src/core/grammar/status';
import { getVocabulary } from '../../../src/core/model/vocabulary';

interface Row { name: string; text: string; form?: string; status?: string; evidence?: Record<string, number>; none?: boolean }

const row = (status: string, pct: string) => `# P\n\n| Item | Status | Progress |\n|---|---|---|\n| A | ${status} | ${pct} |\n`;

const ROWS: Row[] = [
  { name: 'done row at 95%', text: row('✅ Complete', '95%'), form: 'table-row', status: 'done', evidence: { completion: 1 } },
  { name: 'planned row at 100%', text: row('Planned', '100%'), form: 'table-row', status: 'planned' },
  { name: 'Spanish done row', text: row('✅ Completado', '90%'), form: 'table-row', status: 'done' },
  { name: 'Russian readiness column', text: `# P\n\n| Компонент | Статус | Готовность |\n|---|---|---|\n| A | ✅ Готово | 90% |\n`, form: 'table-row', status: 'done' },
  { name: 'a traffic light on a number is no status', text: row('✅ 95%', '95%'), none: true },
  { name: 'hedged: not complete', text: row('Not complete', '95%'), none: true },
  { name: 'hedged: almost done', text: row('Almost done', '95%'), none: true },
  { name: 'hedged: partially complete', text: row('Partially complete', '95%'), none: true },
  { name: 'section marked done in its heading', text: `# P\n\n## Phase 1 ✅\n\n- [x] a\n- [ ] b\n`, form: 'section', status: 'done', evidence: { done: 1, open: 1 } },
  { name: 'section Status field (Portuguese)', text: `# P\n\n## Fase 3\n\n**Status:** ✅ Concluído\n\n- [x] a\n- [ ] b\n`, form: 'section', status: 'done', evidence: { open: 1 } },
  { name: 'next steps under a done section are later work', text: `# P\n\n## Phase 1 (Done)\n\n- [x] a\n- [ ] Next steps: b\n`, form: 'section', evidence: { later: 1, open: 0 } },
  { name: 'a verb starting a title is no status', text: `# P\n\n## Complete Data Validation\n\n- [ ] a\n`, none: true },
  { name: 'Definition of Done is a phrase', text: `# P\n\n## Definition of Done\n\n- [ ] a\n`, none: true },
  { name: 'acceptance criteria are conditions', text: `# P\n\n## Acceptance Criteria ✅\n\n- [ ] a\n`, none: true },
  { name: 'a Status line inside a task item is the item\'s', text: `# P\n\n## Exports\n\n- [x] CSV\n  - **Status:** ✅ DONE\n- [ ] PDF\n`, none: true },
  // A mark and a word together at the end of a heading (any script).
  { name: 'emoji and word at the end of a heading', text: `# P\n\n## Phase 2 — Data model ✅ COMPLETE\n\n- [x] a\n- [ ] b\n`, form: 'section', status: 'done', evidence: { open: 1 } },
  { name: 'story heading with a mark and Done', text: `# P\n\n### Story 7 — ✔️ Done\n\nAcceptance criteria:\n\n- [x] a\n- [ ] b\n`, form: 'section', status: 'done', evidence: { open: 1 } },
  { name: 'German heading marked Erledigt', text: `# P\n\n## Löschkonzept ✅ Erledigt\n\n- [x] a\n- [ ] b\n`, form: 'section', status: 'done' },
  { name: 'a resolved list with a trailing mark', text: `# P\n\n## Resolved ✅\n\n- [x] a\n- [ ] b\n`, form: 'section', status: 'done', evidence: { open: 1 } },
  { name: 'Chinese heading ending with a mark and 已完成', text: `# P\n\n## 第二阶段：用户库 ✅ 已完成\n\n- [x] a\n- [ ] b\n`, form: 'section', status: 'done', evidence: { open: 1 } },
  { name: 'Chinese heading in parentheses （已完成）', text: `# P\n\n## 第一阶段（已完成）\n\n- [x] a\n- [ ] b\n`, form: 'section', status: 'done' },
  { name: 'Russian heading after a dash', text: `# P\n\n## Этап 2 — Завершено\n\n- [x] a\n- [ ] b\n`, form: 'section', status: 'done' },
  { name: 'Spanish list of completed stories', text: `# P\n\n### Historias completadas\n\n- [x] a\n- [ ] b\n`, form: 'section', status: 'done', evidence: { open: 1 } },
  { name: 'a Chinese status word inside a phrase is no marker', text: `# P\n\n## 已完成的任务\n\n- [x] a\n- [ ] b\n`, none: true },
  { name: 'a Russian status word inside a phrase is no marker', text: `# P\n\n## Что готово к релизу\n\n- [x] a\n- [ ] b\n`, none: true },
  { name: 'an inflected German word is no marker', text: `# P\n\n## Erledigte Punkte\n\n- [x] a\n- [ ] b\n`, none: true },
  // A done document whose sections (without a status of their own) leave boxes open.
  { name: 'done document with open deliverables', text: `# P\n\n**Status:** ✅ Complete\n\n## Deliverables\n\n- [x] a\n- [x] b\n- [ ] c\n- [ ] d\n`, form: 'document-checklist', status: 'done', evidence: { done: 2, open: 2 } },
  { name: 'Portuguese done document with open boxes', text: `# P\n\n**Status:** Concluído\n\n## Entregas\n\n- [x] a\n- [x] b\n- [ ] c\n`, form: 'document-checklist', status: 'done', evidence: { open: 1 } },
  { name: 'open boxes under the next phase are later work', text: `# P\n\n**Status:** ✅ Complete\n\n## Deliverables\n\n- [x] a\n- [x] b\n- [x] c\n\n## Next phase\n\n- [ ] d\n- [ ] e\n`, none: true },
  { name: 'open boxes of acceptance criteria are conditions', text: `# P\n\n**Status:** ✅ Complete\n\n## Acceptance criteria\n\n- [x] a\n- [x] b\n- [ ] c\n`, none: true },
  { name: 'a sub-section with its own status is its own claim', text: `# P\n\n**Status:** ✅ Complete\n\n## Work\n\n- [x] a\n- [x] b\n- [x] c\n\n## Extras 🚧 In Progress\n\n- [ ] d\n`, none: true },
  { name: 'document Status field over a progress headline', text: `# P\n\n**Status:** ✅ Complete\n**Overall Progress:** 85%\n`, form: 'document', status: 'done', evidence: { progress: 1 } },
  { name: 'a ✅ in the title is not the document status', text: `# ✅ Release Checklist\n\n**Status:** In progress\n**Overall Progress:** 85%\n`, none: true },
];

describe('grammar: status claims', () => {
  for (const r of ROWS) {
    it(r.name, () => {
      const claims = analyze(r.text).claims.filter((c) => c.kind === 'status');
      if (r.none) { assert.deepEqual(claims.map((c) => `${c.form} ${c.status?.text}`), []); return; }
      const c = claims.find((x) => x.form === r.form);
      assert.ok(c, `no ${r.form} claim; got ${claims.map((x) => x.form).join(', ') || 'none'}`);
      if (r.status) assert.equal(c.status?.value, r.status);
      for (const [role, n] of Object.entries(r.evidence ?? {})) assert.equal(c.evidence.filter((e) => e.role === role).length, n, role);
    });
  }

  it('classifies one unhedged status', () => {
    const v = getVocabulary();
    assert.equal(classifyStatus(v, '✅ Complete')?.value, 'done');
    assert.equal(classifyStatus(v, 'To Do')?.value, 'planned');
    assert.equal(classifyStatus(v, '✅ 80% complete'), null);
    assert.equal(classifyStatus(v, 'Em andamento ✅'), null);
    assert.equal(classifyStatus(v, 'почти готово'), null);
  });

  it('reads heading markers', () => {
    assert.equal(isHeadingMarker('Phase 2 COMPLETE', 8, 'COMPLETE'), true);
    assert.equal(isHeadingMarker('Sprint 1 (Done)', 10, 'Done'), true);
    assert.equal(isHeadingMarker('Complete Data Validation', 0, 'Complete'), false);
    assert.equal(isHeadingMarker('Definition of Done', 14, 'Done'), false);
  });
});
