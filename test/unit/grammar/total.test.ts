/**
 * The wording of totals: each row is a tiny document of our own, read by the real analyzer; the
 * row states the `total` claim it must yield (form, stated value, the parts' values) or that it
 * is kept `unchecked` with a reason, or that no claim is read at all.
 */
import assert from 'node:assert/strict';
import {
  AVERAGE_LABEL, COUNT_AND_SUM, DONE_COUNT_HEADER, DOT_THOUSANDS, DURATION_AMOUNT_HEADER, HEADING_TOTAL, ITEM_QUANTITY, ITEMS_HEADER, nameKey, NOT_ADDITIVE,
  SUBTOTAL_LABEL, SUM_ACROSS, SUM_ONLY, TALLY_LINE, TOTAL_LABEL, unitKey, wholeCount,
} from '../../../src/core/grammar/total';
import { analyze } from '../../../src/core/model/analyze';

interface Row {
  name: string;
  doc: string;
  /** The claim expected (first of the form), or null when no total claim may be read. */
  want: { form: string; stated: number; of?: number; parts?: number[]; unchecked?: RegExp; column?: string } | null;
}

const table = (rows: string) => `# T\n\n${rows.trim()}\n`;

const ROWS: Row[] = [
  { name: 'Total row of counts', doc: table('| Area | Files |\n|---|---|\n| API | 3 |\n| UI | 4 |\n| **Total** | **7** |'), want: { form: 'column-sum', stated: 7, parts: [3, 4] } },
  { name: 'wrong Total row of hours', doc: table('| Sprint | Hours |\n|---|---|\n| 1 | 40h |\n| 2 | 52h |\n| **Total** | **150h** |'), want: { form: 'column-sum', stated: 150, parts: [40, 52] } },
  { name: 'German Gesamt row', doc: table('| Bereich | Abgedeckt |\n|---|---|\n| Kern | 12 |\n| Module | 20 |\n| **Gesamt** | **31** |'), want: { form: 'column-sum', stated: 31, parts: [12, 20] } },
  { name: 'Russian Итого row', doc: table('| Этап | Задачи |\n|---|---|\n| Анализ | 4 |\n| Разработка | 9 |\n| Итого | 13 |'), want: { form: 'column-sum', stated: 13, parts: [4, 9] } },
  { name: 'Chinese 合计 row of money', doc: table('| 项目 | 费用 |\n|---|---|\n| 服务器 | $120 |\n| 域名 | $15 |\n| **合计** | **$135** |'), want: { form: 'column-sum', stated: 135, parts: [120, 15] } },
  { name: 'Portuguese Total geral', doc: table('| Fase | Testes |\n|---|---|\n| Fase 1 | 10 |\n| Fase 2 | 29 |\n| Total geral | 39 |'), want: { form: 'column-sum', stated: 39, parts: [10, 29] } },
  { name: 'n/N cells both halves add up', doc: table('| Priority | Files |\n|---|---|\n| P1 | 7/7 |\n| P2 | 3/5 |\n| **TOTAL** | **10/12** |'), want: { form: 'column-sum', stated: 10, of: 12, parts: [7, 3] } },
  { name: 'signed savings with a dash for nothing', doc: table('| Area | Before | Savings |\n|---|---|---|\n| A | 700 | -300 |\n| B | — | +150 |\n| C | 1,200 | -700 |\n| **Total** | **1,900** | **-850** |'), want: { form: 'column-sum', stated: 1900, parts: [700, 1200] } },
  { name: 'done points of all points', doc: table('| Task | Points | Status |\n|---|---|---|\n| A | 5 | ✅ Done |\n| B | 3 | 📋 Planned |\n| **Total** | **5/8** | |'), want: { form: 'done-ratio', stated: 5, of: 8 } },
  { name: 'weighted contribution', doc: table('| Phase | Weight | Completion | Contribution |\n|---|---|---|---|\n| A | 50% | 100% | 50% |\n| B | 50% | 40% | 20% |\n| **TOTAL** | 100% | **70%** | **70%** |'), want: { form: 'weighted-row', stated: 50 } },
  { name: 'Total row that is a maximum', doc: table('| Run | Peak users |\n|---|---|\n| Mon | 40 |\n| Tue | 70 |\n| **Total** | **70** |'), want: null },
  { name: 'Total row that counts the rows', doc: table('| Team | Members |\n|---|---|\n| A | 4 |\n| B | 6 |\n| C | 5 |\n| **Total** | **3** |'), want: { form: 'column-sum', stated: 3, unchecked: /counts the rows/ } },
  { name: 'subtotals then a grand total', doc: table('| Region | Sales |\n|---|---|\n| N | 1 |\n| Subtotal | 1 |\n| S | 2 |\n| Subtotal | 2 |\n| Grand Total | 3 |'), want: { form: 'column-sum', stated: 3, unchecked: /subtotal/ } },
  { name: 'parts continue below the total', doc: table('| Region | Sales |\n|---|---|\n| N | 100 |\n| S | 200 |\n| **Total** | **300** |\n| W | 150 |'), want: { form: 'column-sum', stated: 300, unchecked: /continues below/ } },
  { name: 'averages column is not a sum', doc: table('| Service | Avg latency |\n|---|---|\n| api | 120 |\n| web | 80 |\n| **Total** | **100** |'), want: null },
  { name: '`Total payers` is a row, not a total', doc: table('| Metric | Count |\n|---|---|\n| Total payers | 1,200 |\n| Active payers | 800 |'), want: null },
  { name: 'lead-in heading with count and sum over list items', doc: '# S\n\n### Sprint 3 (3 stories, 12 points)\n\n- A - one (5 points)\n- B - two (3 points)\n- C - three (5 points)\n', want: { form: 'lead-in', stated: 12, parts: [5, 3, 5] } },
  { name: 'bold lead-in over paragraph items, approximate', doc: '# S\n\n**Workers (2 files, ~220 lines)**\n\n**1. mail.ts** - 115 lines\n\n**2. push.ts** - 108 lines\n', want: { form: 'lead-in', stated: 220, parts: [115, 108] } },
  { name: 'lead-in with a catch-all item', doc: '# S\n\n### Sprint 4 (3 stories, 10 points)\n\n- A (5 points)\n- B (5 points)\n- C (3 points)\n- (more in the backlog)\n', want: { form: 'lead-in', stated: 10, unchecked: /states no points/ } },
  { name: 'German lead-in in lines', doc: '# S\n\n### Dateien (2 Dateien, 300 Zeilen)\n\n- a.ts (120 Zeilen)\n- b.ts (170 Zeilen)\n', want: { form: 'lead-in', stated: 300, parts: [120, 170] } },
  { name: 'heading total over the bases of a table', doc: '# S\n\n### Endpoints (30 total)\n\n| Area | Done |\n|---|---|\n| A | 5/10 |\n| B | 8/18 |\n', want: { form: 'heading-total', stated: 30, parts: [10, 18] } },
  { name: 'prose total of the list above', doc: '# S\n\n## Tests\n\n- unit (30 tests)\n- integration (8 tests)\n- e2e (4 tests)\n\nThat makes 42 tests in total.\n', want: { form: 'prose-sum', stated: 42, parts: [30, 8, 4] } },
  { name: 'prose number without a total word or a counting heading', doc: '# S\n\n## Docs\n\n- guide (40 pages)\n- spec (25 pages)\n- memo (12 pages)\n\nThe site serves 900 pages.\n', want: null },
  { name: 'sub-items are a breakdown of their item, not more parts', doc: '# S\n\n### Backend (10 hours)\n\n- API (6 hours)\n  - endpoints (4 hours)\n  - auth (2 hours)\n- DB (4 hours)\n', want: { form: 'lead-in', stated: 10, parts: [6, 4] } },
  { name: 'a cumulative total is not the sum of the list', doc: '# S\n\n## New tests\n\n- parser (5 tests)\n- runtime (8 tests)\n- cli (3 tests)\n\nThe suite now has 20 tests in total.\n', want: null },
  { name: 'Russian prose total', doc: '# S\n\n## Задачи\n\n- анализ (4 задачи)\n- разработка (9 задачи)\n- тесты (3 задачи)\n\nВсего 16 задачи.\n', want: { form: 'prose-sum', stated: 16, parts: [4, 9, 3] } },
  { name: 'Total line under phase lines, both halves', doc: '# S\n\n- Phase 1: 10/12\n- Phase 2: 29/35\n\n**Total: 39/47 (83%)**\n', want: { form: 'line-total', stated: 39, of: 47, parts: [10, 29] } },
  { name: 'Total line under three phase lines', doc: '# S\n\n- Phase 1: 10/12\n- Phase 2: 29/35\n- Phase 3: 4/8\n\n**Total: 43/55 (78%)**\n', want: { form: 'line-total', stated: 43, of: 55 } },
  { name: 'Total line of scores on one base is an average', doc: '# S\n\n- Design: 8/10\n- Build: 7/10\n- Total: 7.5/10\n', want: null },
  { name: 'lines across files over a file table', doc: '# S\n\nAdds 917 lines across 3 files.\n\n| File | Lines |\n|---|---|\n| a | 400 |\n| b | 350 |\n| c | 167 |\n', want: { form: 'lead-in', stated: 917, parts: [400, 350, 167] } },
  { name: 'status tally under a table (German)', doc: '# S\n\n## Bereich\n\n| Anforderung | Status |\n|---|---|\n| A | ✅ Abgedeckt |\n| B | ❌ Fehlt |\n\n**Zusammenfassung:**\n- ✅ Abgedeckt: 1 von 2 (50%)\n- ❌ Fehlend: 1 von 2 (50%)\n', want: { form: 'tally', stated: 1, of: 2 } },
  // Done-count columns: `Completed` over plain numbers is a count that adds up; `Completion` is not.
  { name: 'Completed column of a sprint table (English)', doc: table('| Sprint | Committed | Completed |\n|---|---|---|\n| 1 | 20 | 18 |\n| 2 | 22 | 21 |\n| **Total** | **42** | **39** |'), want: { form: 'column-sum', column: 'Completed', stated: 39, parts: [18, 21] } },
  { name: 'wrong Completado column (Spanish)', doc: table('| Sprint | Comprometido | Completado |\n|---|---|---|\n| 7 | 30 | 25 |\n| 8 | 28 | 26 |\n| 9 | 32 | 30 |\n| **Total** | **90** | **84** |'), want: { form: 'column-sum', column: 'Completado', stated: 84, parts: [25, 26, 30] } },
  { name: 'Concluídas column (Portuguese)', doc: table('| Fase | Tarefas | Concluídas |\n|---|---|---|\n| A | 10 | 7 |\n| B | 6 | 6 |\n| Total | 16 | 13 |'), want: { form: 'column-sum', column: 'Concluídas', stated: 13, parts: [7, 6] } },
  { name: 'trap: a Completion column of shares is not summed', doc: table('| Area | Completion |\n|---|---|\n| A | 80 |\n| B | 60 |\n| **Total** | **70** |'), want: null },
  // Effort amounts in plural time units are sums, not dates.
  { name: 'Engineer-weeks column is an amount', doc: table('| Team | Engineers | Engineer-weeks |\n|---|---|---|\n| A | 4 | 88 |\n| B | 3 | 66 |\n| **Total** | **7** | **154** |'), want: { form: 'column-sum', column: 'Engineer-weeks', stated: 154, parts: [88, 66] } },
  { name: 'wrong Person-days total', doc: table('| Workstream | Person-days |\n|---|---|\n| Design | 12 |\n| Build | 30 |\n| Test | 9 |\n| **Total** | **56** |'), want: { form: 'column-sum', stated: 56, parts: [12, 30, 9] } },
  { name: 'German Tage column', doc: table('| Paket | Tage |\n|---|---|\n| Analyse | 5 |\n| Umsetzung | 15 |\n| **Gesamt** | **20** |'), want: { form: 'column-sum', stated: 20, parts: [5, 15] } },
  { name: 'trap: a Week column holds dates', doc: table('| Release | Week |\n|---|---|\n| a | 12 |\n| b | 14 |\n| **Total** | **2** |'), want: null },
  // A sum across a count, with a word between the unit and the preposition, in other languages.
  { name: 'lines changed across files over a table', doc: '# S\n\n**820 lines changed across 3 files:**\n\n| File | Lines changed |\n|---|---|\n| a | 400 |\n| b | 250 |\n| c | 120 |\n', want: { form: 'lead-in', stated: 820, parts: [400, 250, 120] } },
  { name: 'Portuguese linhas alteradas em arquivos', doc: '# S\n\n1.250 linhas alteradas em 2 arquivos:\n\n| Arquivo | Linhas |\n|---|---|\n| a | 1.000 |\n| b | 250 |\n', want: { form: 'lead-in', stated: 1250 } },
  { name: 'German Zeilen in Dateien, right', doc: '# S\n\n300 Zeilen geändert in 2 Dateien.\n\n| Datei | Zeilen |\n|---|---|\n| a | 120 |\n| b | 180 |\n', want: { form: 'lead-in', stated: 300, parts: [120, 180] } },
  // Dots for thousands in a whole count after a list of whole counts.
  { name: 'Portuguese total with a thousands dot', doc: '# S\n\n## Arquivos\n\n1. a.ts — 600 linhas\n2. b.ts — 300 linhas\n3. c.ts — 150 linhas\n\n**Total: 1.050 linhas em 3 arquivos.**\n', want: { form: 'prose-sum', stated: 1050, parts: [600, 300, 150] } },
  { name: 'wrong German total with a thousands dot', doc: '# S\n\n## Dateien\n\n- a.ts — 900 Zeilen\n- b.ts — 400 Zeilen\n- c.ts — 150 Zeilen\n\nInsgesamt 1.600 Zeilen.\n', want: { form: 'prose-sum', stated: 1600, parts: [900, 400, 150] } },
  { name: 'Spanish total with a thousands dot', doc: '# S\n\n## Archivos\n\n- a.ts (700 líneas)\n- b.ts (350 líneas)\n- c.ts (200 líneas)\n\nEn total 1.250 líneas.\n', want: { form: 'prose-sum', stated: 1250 } },
  // Average rows: the mean of the column above.
  { name: 'Average row of percentages', doc: table('| Table | Completeness | Validity |\n|---|---|---|\n| a | 90% | 80% |\n| b | 96% | 90% |\n| **Average** | **93%** | **85%** |'), want: { form: 'column-mean', stated: 93, parts: [90, 96] } },
  { name: 'wrong Média row (Portuguese)', doc: table('| Sprint | Pontos |\n|---|---|\n| 1 | 30 |\n| 2 | 34 |\n| 3 | 38 |\n| **Média** | **36** |'), want: { form: 'column-mean', stated: 36, parts: [30, 34, 38] } },
  { name: 'Durchschnitt row (German)', doc: table('| Woche | Tickets |\n|---|---|\n| 1 | 10 |\n| 2 | 14 |\n| Durchschnitt | 12 |'), want: { form: 'column-mean', stated: 12, parts: [10, 14] } },
  { name: 'Promedio and 平均 rows', doc: table('| Equipo | Velocidad |\n|---|---|\n| A | 20 |\n| B | 25 |\n| C | 30 |\n| Promedio | 25 |'), want: { form: 'column-mean', stated: 25, parts: [20, 25, 30] } },
  { name: 'trap: a Total row with an average below is not an Average table', doc: table('| Team | Bugs |\n|---|---|\n| A | 4 |\n| B | 6 |\n| **Total** | **10** |\n| **Average** | **5** |'), want: { form: 'column-sum', stated: 10, unchecked: /continues below/ } },
  // A summary row against the table of the section of the same name.
  { name: 'summary row against its phase table', doc: '# P\n\n## Summary\n\n| Phase | Tasks | Done |\n|---|---|---|\n| Phase A — Build | 3 | 2 |\n| Phase B — Ship | 2 | 0 |\n\n## Phase A — Build ✅\n\n| # | Task | Status |\n|---|---|---|\n| 1 | x | ✅ Done |\n| 2 | y | ✅ Done |\n| 3 | z | 🚧 In Progress |\n', want: { form: 'rollup-done', stated: 2 } },
  { name: 'trap: a summary row whose item count differs from the section table', doc: '# P\n\n## Summary\n\n| Phase | Tasks | Done |\n|---|---|---|\n| Fase 1 | 5 | 2 |\n| Fase 2 | 3 | 1 |\n\n## Fase 1\n\n| # | Tarefa | Estado |\n|---|---|---|\n| 1 | x | ✅ Concluído |\n| 2 | y | 📋 Planejado |\n', want: { form: 'rollup-done', stated: 2, unchecked: /counts 5 items/ } },
  { name: 'trap: a name that titles two sections is not paired', doc: '# P\n\n| Phase | Tasks | Done |\n|---|---|---|\n| Rollout | 2 | 2 |\n| Other | 1 | 1 |\n\n## Rollout\n\n| # | Task | Status |\n|---|---|---|\n| 1 | x | ✅ Done |\n| 2 | y | 📋 Planned |\n\n## Rollout\n\n| # | Task | Status |\n|---|---|---|\n| 1 | x | ✅ Done |\n| 2 | y | ✅ Done |\n', want: null },
];

describe('grammar: total claims', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const claims = analyze(row.doc).claims.filter((c) => c.kind === 'total');
      if (!row.want) {
        assert.deepEqual(claims.filter((c) => !c.unchecked).map((c) => `${c.form} ${c.stated?.value}`), []);
        return;
      }
      const c = claims.find((x) => x.form === row.want!.form && (!row.want!.column || x.subject === row.want!.column));
      assert.ok(c, `no ${row.want.form} claim: ${claims.map((x) => x.form).join(', ')}`);
      assert.equal(c.stated?.value, row.want.stated);
      if (row.want.of !== undefined) assert.equal(c.stated?.of, row.want.of);
      if (row.want.parts) assert.deepEqual(c.evidence.filter((e) => e.role === 'part').map((e) => e.quantity?.value), row.want.parts);
      if (row.want.unchecked) assert.match(c.unchecked ?? '', row.want.unchecked);
      else assert.equal(c.unchecked, null);
    });
  }
});

describe('grammar: total word lists', () => {
  it('Total labels in the languages seen, exact cells only', () => {
    for (const t of ['Total', 'TOTAL', 'Totals', 'Sum', 'Grand Total', 'Gesamt', 'GESAMT', 'Insgesamt', 'Summe', 'Total geral', 'Totale', 'Suma', 'Somme', 'Итого', 'Всего', '合计', '总计', '合計', '총계', 'Total:']) assert.ok(TOTAL_LABEL.test(t), t);
    for (const t of ['Total payers', 'Subtotal', 'Totally done', 'Summary', 'Overall score']) assert.ok(!TOTAL_LABEL.test(t), t);
  });
  it('Subtotal labels', () => {
    for (const t of ['Subtotal', 'Sub-total', 'Zwischensumme', 'Sous-total', '小计']) assert.ok(SUBTOTAL_LABEL.test(t), t);
    assert.ok(!SUBTOTAL_LABEL.test('Total'));
  });
  it('non-additive headers', () => {
    for (const h of ['Avg latency', 'Error rate', 'Coverage', 'Completion %', 'Durchschnitt', 'Peak (max)', 'Velocity']) assert.ok(NOT_ADDITIVE.test(h), h);
    for (const h of ['Files', 'Lines', 'Points', 'Hours', 'Abgedeckt', 'Before', 'Tests']) assert.ok(!NOT_ADDITIVE.test(h), h);
  });
  it('lead-ins, items, heading totals and tallies', () => {
    assert.equal(COUNT_AND_SUM.exec('Workflows (3 files, ~730 lines)')?.groups?.m, '730');
    assert.equal(COUNT_AND_SUM.exec('Sprint 3 (10 stories, 34 points)')?.groups?.count, '10');
    assert.equal(SUM_ONLY.exec('Dimension Builders (21 points)')?.groups?.m, '21');
    assert.equal(SUM_ONLY.exec('Builders (21 points) and more'), null);
    assert.equal(ITEM_QUANTITY.exec('STORY-034 - Write 70+ unit tests (8 points)')?.groups?.v, '8');
    assert.equal(ITEM_QUANTITY.exec('CI Workflow (ci.yml) - 232 lines')?.groups?.v, '232');
    assert.equal(HEADING_TOTAL.exec('API Endpoints (117 total)')?.groups?.n, '117');
    assert.equal(HEADING_TOTAL.exec('Endpunkte (insgesamt 40)')?.groups?.n2, '40');
    const t = TALLY_LINE.exec('- ✅ Abgedeckt: 28 von 38 (74%)');
    assert.deepEqual([t?.groups?.n, t?.groups?.of], ['28', '38']);
    assert.equal(TALLY_LINE.exec('- ⚠️ Partial: 10 of 38')?.groups?.of, '38');
    assert.equal(TALLY_LINE.exec('- Done: 10 of 38'), null);
  });
  it('done-count and effort-amount headers, Average labels, whole counts with dots', () => {
    for (const h of ['Completed', 'Done', 'Completado', 'Completadas', 'Concluídos', 'Erledigt', 'Terminées', 'Выполнено', '已完成']) assert.ok(DONE_COUNT_HEADER.test(h), h);
    for (const h of ['Completion', 'Completion %', 'Complete', 'Done %', 'Completed on']) assert.ok(!DONE_COUNT_HEADER.test(h), h);
    for (const h of ['Completed', 'Completado', 'Completadas']) assert.ok(!NOT_ADDITIVE.test(h), h);
    for (const h of ['Engineer-weeks', 'Person-days', 'Weeks', 'Tage', 'Semanas', 'Jours']) assert.ok(DURATION_AMOUNT_HEADER.test(h), h);
    for (const h of ['Week', 'Due week', 'Target date', 'Quarter']) assert.ok(!DURATION_AMOUNT_HEADER.test(h), h);
    for (const t of ['Average', 'AVG', 'Mean', 'Média', 'Promedio', 'Moyenne', 'Durchschnitt', 'Среднее', '平均', 'Average:']) assert.ok(AVERAGE_LABEL.test(t), t);
    for (const t of ['Average latency', 'Total', 'Means of transport']) assert.ok(!AVERAGE_LABEL.test(t), t);
    assert.equal(wholeCount('1.120'), 1120);
    assert.equal(wholeCount('1,017'), 1017);
    assert.equal(wholeCount('12.500.000'), 12500000);
    assert.ok(!DOT_THOUSANDS.test('1.5') && !DOT_THOUSANDS.test('1.12') && !DOT_THOUSANDS.test('1234.567'));
    assert.equal(SUM_ACROSS.exec('1,017 lines changed across 5 files')?.groups?.count, '5');
    assert.equal(SUM_ACROSS.exec('1.120 linhas alteradas em 5 arquivos')?.groups?.m, '1.120');
    assert.equal(SUM_ACROSS.exec('42 tests in 5 suites')?.groups?.su, 'tests');
    for (const t of ['Tasks', 'Items', 'Tarefas', 'Aufgaben', 'タスク数']) assert.ok(ITEMS_HEADER.test(t), t);
    assert.equal(nameKey('Phase 2 — Integrations ✅'), nameKey('**Phase 2 - Integrations**'));
  });
  it('unit keys match a lead-in with its items', () => {
    assert.equal(unitKey('LOC'), unitKey('lines'));
    assert.equal(unitKey('lines of code'), 'lines');
    assert.equal(unitKey('pts'), unitKey('points'));
    assert.equal(unitKey('stories'), unitKey('storie'));
    assert.notEqual(unitKey('hours'), unitKey('points'));
  });
});
