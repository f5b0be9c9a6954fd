/**
 * The wording of totals: each row is a tiny document of our own, read by the real analyzer; the
 * row states the `total` claim it must yield (form, stated value, the parts' values) or that it
 * is kept `unchecked` with a reason, or that no claim is read at all.
 */
import assert from 'node:assert/strict';
import { COUNT_AND_SUM, HEADING_TOTAL, ITEM_QUANTITY, NOT_ADDITIVE, SUBTOTAL_LABEL, SUM_ONLY, TALLY_LINE, TOTAL_LABEL, unitKey } from '../../../src/core/grammar/total';
import { analyze } from '../../../src/core/model/analyze';

interface Row {
  name: string;
  doc: string;
  /** The claim expected (first of the form), or null when no total claim may be read. */
  want: { form: string; stated: number; of?: number; parts?: number[]; unchecked?: RegExp } | null;
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
];

describe('grammar: total claims', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const claims = analyze(row.doc).claims.filter((c) => c.kind === 'total');
      if (!row.want) {
        assert.deepEqual(claims.filter((c) => !c.unchecked).map((c) => `${c.form} ${c.stated?.value}`), []);
        return;
      }
      const c = claims.find((x) => x.form === row.want!.form);
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
  it('unit keys match a lead-in with its items', () => {
    assert.equal(unitKey('LOC'), unitKey('lines'));
    assert.equal(unitKey('lines of code'), 'lines');
    assert.equal(unitKey('pts'), unitKey('points'));
    assert.equal(unitKey('stories'), unitKey('storie'));
    assert.notEqual(unitKey('hours'), unitKey('points'));
  });
});
