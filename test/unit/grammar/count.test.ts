/**
 * Count wordings, each run through the real analyzer on a tiny document: the count claim it
 * yields (form, stated value, how many items the evidence counts, and whether the model doubts
 * a mismatch or leaves the claim unchecked), or no claim at all. Then the word lists.
 */
import assert from 'node:assert/strict';
import {
  countValue, idRangeSize, isBounded, isCountedNoun, isOrdinalLabel, isPerItem, isSelection, itemShape, moreItems,
  splitInlineList, bucketRange, measureWord,
} from '../../../src/core/grammar/count';
import { analyze } from '../../../src/core/model/analyze';
import type { Claim } from '../../../src/core/model/schema';

interface Row {
  name: string;
  doc: string;
  /** null: no count claim at all. */
  want: null | {
    form: string;
    stated: number;
    qualifier?: string | null;
    /** Items the evidence counts (absent when unchecked). */
    items?: number;
    unchecked?: RegExp;
    doubt?: RegExp | null;
  };
}

const counted = (c: Claim) => c.evidence.reduce((a, e) => a + (e.quantity?.value ?? 1), 0);

const ROWS: Row[] = [
  { name: 'heading (N) over a shorter list (wrong)', doc: '## Completed (6)\n\n- Login\n- Signup\n- Reset\n- Audit\n- Export\n', want: { form: 'heading', stated: 6, items: 5, doubt: null } },
  { name: 'heading (N total) over its list (right)', doc: '## Documents Added (4 total)\n\n- `a.md`\n- `b.md`\n- `c.md`\n- `d.md`\n', want: { form: 'heading', stated: 4, items: 4, doubt: null } },
  { name: 'heading (N files) over a numbered list', doc: '### CI/CD (3 files)\n1. `ci.yml`\n2. `cd.yml`\n3. `lint.yml`\n', want: { form: 'heading', stated: 3, items: 3, doubt: null } },
  { name: 'heading tail "- N packages" over a code block', doc: '### Very Good (85-89%) - 3 packages\n\n```\npkg/a   87%\npkg/b   86%\n```\n', want: { form: 'heading', stated: 3, items: 2, doubt: null } },
  { name: 'bold lead-in with a colon over a list', doc: 'Intro.\n\n**Scripts written (3 files):**\n- `lint.sh`\n- `build.sh`\n', want: { form: 'lead-in', stated: 3, items: 2, doubt: null } },
  { name: 'prose lead-in "All N tables:"', doc: 'All 3 tables:\n\n- users\n- orders\n- items\n', want: { form: 'lead-in', stated: 3, items: 3, doubt: null } },
  { name: 'lead-in over a table', doc: 'The system has 4 modules:\n\n| Module | Owner |\n|---|---|\n| Core | Ada |\n| Map | Bo |\n| UI | Cy |\n', want: { form: 'lead-in', stated: 4, items: 3, doubt: null } },
  { name: 'list item over its sub-list, a metadata field skipped', doc: '1. **TestHashErrors** (2 subtests):\n   - bad JSON → 400\n   - missing hash → 400\n   - **Function Coverage**: 60% → 86%\n', want: { form: 'lead-in', stated: 2, items: 2, doubt: null } },
  { name: 'inline list with ID ranges (Portuguese)', doc: 'Resumo:\n\n4. **mercado** - 9 tipologias (F1-F6, J5, K5)\n', want: { form: 'inline', stated: 9, items: 8 } },
  { name: 'inline list in parentheses', doc: 'We support 3 types (H3, H4) today.\n', want: { form: 'inline', stated: 3, items: 2 } },
  { name: 'inline list after a noun with `de` (Portuguese, wrong)', doc: 'O serviço gera 4 tipos de relatório (diário, semanal, mensal) para o time.\n', want: { form: 'inline', stated: 4, items: 3 } },
  { name: 'inline list after a noun with `de` (Spanish, right)', doc: 'Se admiten 3 tipos de archivo (PDF, CSV, XLSX).\n', want: { form: 'inline', stated: 3, items: 3 } },
  { name: 'inline list after a noun with `of` (English, wrong)', doc: 'The importer reads 5 kinds of feed (RSS, Atom, JSON).\n', want: { form: 'inline', stated: 5, items: 3 } },
  { name: 'inline list after a noun with `von` (German, right)', doc: 'Es gibt 2 Arten von Berichten (kurz, lang).\n', want: { form: 'inline', stated: 2, items: 2 } },
  { name: 'trap: `de` before a number is a ratio, not a noun', doc: 'Passaram 4 de 5 (A, B, C, D).\n', want: null },
  { name: 'trap: a measure with `de` is not a list', doc: 'Foram 3 horas de trabalho (análise, código, testes).\n', want: null },
  { name: 'inline list after a number word and a colon', doc: 'Export offers two formats: PDF, CSV and XML.\n', want: { form: 'inline', stated: 2, items: 3 } },
  { name: 'Portuguese heading (5 arquivos)', doc: '### Arquivos criados (5 arquivos)\n\n- a.ts\n- b.ts\n- c.ts\n- d.ts\n', want: { form: 'heading', stated: 5, items: 4, doubt: null } },
  { name: 'Spanish lead-in "5 archivos modificados:"', doc: 'Se cambiaron 2 archivos:\n\n- `a.py`\n- `b.py`\n', want: { form: 'lead-in', stated: 2, items: 2, doubt: null } },
  { name: 'German heading (5 Dateien)', doc: '## Neue Dateien (3 Dateien)\n\n- a.md\n- b.md\n- c.md\n', want: { form: 'heading', stated: 3, items: 3, doubt: null } },
  { name: 'Chinese heading (5个)', doc: '#### 配置 (5个)\n- ⏳ 检测 (a.rs:1)\n- ⏳ 调度 (a.rs:2)\n- ⏳ 大页 (a.rs:3)\n- ⏳ 功耗 (a.rs:4)\n- ⏳ 内存 (a.rs:5)\n- ⏳ 电源 (a.rs:6)\n', want: { form: 'heading', stated: 5, items: 6, doubt: null } },
  { name: 'Russian heading (N файлов)', doc: '### Изменено (2 файлов)\n\n- a.ts\n- b.ts\n', want: { form: 'heading', stated: 2, items: 2, doubt: null } },
  { name: 'sub-sections that sum to the heading', doc: '## Files (5 total)\n\n### A (2 files)\n- a\n- b\n\n### B (3 files)\n- c\n- d\n- e\n', want: { form: 'heading', stated: 5, items: 5, doubt: null } },
  { name: 'SQL code block of status-marked entries', doc: '#### Core Tables (3)\n\n```sql\n✅ users   -- people\n✅ orders  -- sales\n```\n', want: { form: 'heading', stated: 3, items: 2, doubt: null } },
  { name: 'tree listing counts files, not folders', doc: '### Tree (3 files)\n\n```\nsrc/\n├── a.ts\n├── b.ts\n└── lib/\n    └── c.ts\n```\n', want: { form: 'heading', stated: 3, items: 3 } },
  { name: 'distribution table against the rows it counts', doc: '| Module | Coverage |\n|---|---|\n| A | 96% |\n| B | 91% |\n| C | 88% |\n\n| Coverage Range | Modules |\n|---|---|\n| 95%+ | 2 modules |\n| 85-94% | 1 module |\n', want: { form: 'bucket', stated: 2, items: 1 } },
  { name: 'a field whose value is the count, over a list', doc: '**Git Commits**: 3 commits\n\n1. abc123 - init\n2. def456 - api\n', want: { form: 'lead-in', stated: 3, items: 2, doubt: null } },
  { name: 'Chinese field with a spaced counter', doc: '已修改文件: 3 个\n\n- a.ts\n- b.ts\n- c.ts\n', want: { form: 'lead-in', stated: 3, items: 3, doubt: null } },
  { name: 'a range of numbered items stands for a count', doc: '## Desktop (Tasks 4-7)\n\n- TASK 4\n- TASK 5\n- TASK 7\n', want: { form: 'heading', stated: 4, items: 3, doubt: null } },
  { name: 'trap: headings numbered (1), (2) are not counts', doc: '## Case (1)\n\n- a\n- b\n\n## Case (2)\n\n- c\n', want: { form: 'heading', stated: 1, unchecked: /numbered/ } },
  { name: 'trap: a range of weeks is a measure', doc: '## Roadmap (Weeks 1-4)\n\n- a\n', want: null },
  // traps
  { name: 'trap: a field with more than the count is not a lead-in', doc: '**Git Commits**: 3 commits pushed to main today\n\n1. abc123\n2. def456\n', want: null },
  { name: 'trap: (10 tasks) over metadata bullets and two tasks', doc: '## Sprint 4 (10 tasks)\n\n- **Estimated:** 3 days\n- **Priority:** High\n- **Owner:** Ada\n- Build the importer\n- Ship the importer\n', want: { form: 'heading', stated: 10, items: 2, doubt: /selection or a grouping/ } },
  { name: 'trap: a description bullet before the items', doc: '**Vocabulary (2 tables)**\n- Each serves its own purpose\n- `words` (16,331) - words\n- `pairs` (2,495) - pairs\n', want: { form: 'lead-in', stated: 2, items: 2, doubt: /mixes kinds/ } },
  { name: 'trap: (N total) over a table whose rows carry counts', doc: '### API Endpoints (40 total)\n| Category | Implemented |\n|---|---|\n| Auth | 15/15 |\n| Pitches | 25/25 |\n', want: { form: 'heading', stated: 40, items: 2, doubt: /counts of their own/ } },
  { name: 'trap: 15+ tests is a lower bound', doc: '## Tests (15+ tests)\n\n- a\n- b\n', want: { form: 'heading', stated: 15, qualifier: '+', items: 2 } },
  { name: 'trap: ~40 files is approximate', doc: '## Files (~4 files)\n\n- a\n- b\n- c\n', want: { form: 'heading', stated: 4, qualifier: '~', items: 3 } },
  { name: 'trap: (3 days) is a measure', doc: '## Sprint 4 (3 days)\n\n- Ship the importer\n', want: null },
  { name: 'trap: (2 hours) and (5 lines) are measures', doc: '## Setup (2 hours)\n\n- a\n\n## Patch (5 lines)\n\n- b\n', want: null },
  { name: 'trap: a selection (highlights)', doc: '## Highlights (5)\n\n- a\n- b\n', want: { form: 'heading', stated: 5, unchecked: /selection/ } },
  { name: 'trap: an inline selection (e.g.)', doc: 'It covers 4 formats (e.g. PDF, CSV).\n', want: { form: 'inline', stated: 4, unchecked: /selection/ } },
  { name: 'trap: a heading over several lists', doc: '## Done (4)\n\n- a\n- b\n\nAnd then some more prose.\n\n- c\n', want: { form: 'heading', stated: 4, unchecked: /several lists/ } },
  { name: 'trap: a per-item count is not the list count', doc: '**3 modules tested** (2 endpoints each):\n1. A\n2. B\n3. C\n', want: { form: 'lead-in', stated: 3, items: 3, doubt: null } },
  { name: 'trap: tests described by what they cover', doc: '- Backend: 5 tests (validation, limits, streaming)\n', want: { form: 'inline', stated: 5, unchecked: /tests cover/ } },
  { name: 'trap: an ordinal is not a count (Month 13)', doc: '**Month 13 Goal Checklist:**\n- [ ] a\n- [ ] b\n', want: null },
  { name: 'trap: a zero-padded document number', doc: '#### 1. Async traits (03)\n\n- a\n- b\n', want: null },
  { name: 'trap: a count far from the colon is not the lead-in', doc: 'All 10 workstreams delivered on schedule with great quality:\n- 21,537 lines\n- 1,072 tests\n', want: null },
  { name: 'trap: "at least 2" is a bound', doc: 'Include at least 2 states:\n\n- bull\n- bear\n- flat\n', want: { form: 'lead-in', stated: 2, qualifier: '+', items: 3 } },
  { name: 'trap: a list nested under group labels', doc: '## Files (4)\n\n- Backend:\n  - a\n  - b\n- Frontend:\n  - c\n  - d\n', want: { form: 'heading', stated: 4, items: 2, doubt: /group labels/ } },
];

describe('grammar: count wordings through analyze()', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const claims = analyze(row.doc).claims.filter((c) => c.kind === 'count');
      if (row.want === null) {
        assert.deepEqual(claims.map((c) => `${c.form} ${c.stated?.value}`), []);
        return;
      }
      const w = row.want;
      const c = claims.find((x) => x.form === w.form && x.stated?.value === w.stated);
      assert.ok(c, `no ${w.form} claim of ${w.stated}; got ${claims.map((x) => `${x.form} ${x.stated?.value} ${x.unchecked ?? ''}`).join('; ')}`);
      if (w.qualifier !== undefined) assert.equal(c.stated!.qualifier, w.qualifier);
      if (w.unchecked) {
        assert.match(c.unchecked ?? '', w.unchecked);
        return;
      }
      assert.equal(c.unchecked, null, `unchecked: ${c.unchecked}`);
      if (w.items !== undefined) assert.equal(counted(c), w.items);
      if (w.doubt === null) assert.equal(c.data.doubt ?? null, null, `doubt: ${c.data.doubt}`);
      else if (w.doubt) assert.match(String(c.data.doubt), w.doubt);
    });
  }
});

describe('grammar: count word lists', () => {
  it('reads digits and number words', () => {
    assert.equal(countValue('1,200'), 1200);
    assert.equal(countValue('three'), 3);
    assert.equal(countValue('dois'), 2);
    assert.equal(countValue('drei'), 3);
    assert.equal(countValue('пять'), 5);
    assert.equal(countValue('banana'), null);
  });
  it('tells counted nouns from measures, subsets and per-item words', () => {
    for (const n of ['files', 'arquivos', 'Dateien', 'файлов', 'core tables', 'modules']) assert.ok(isCountedNoun(n), n);
    for (const n of ['days', 'hours', 'lines', 'points', 'minutos', 'Stunden', 'дней', 'new', 'remaining', 'active tables', 'endpoints cada']) assert.ok(!isCountedNoun(n), n);
    // A link word between two nouns is part of the noun; first or last it is `3 of 5`, `4 de`.
    for (const n of ['tipos de documento', 'types of report', 'Arten von Dateien', 'casos de teste']) assert.ok(isCountedNoun(n), n);
    for (const n of ['de documento', 'tipos de', 'of them', 'horas de trabalho', 'tipos de cada']) assert.ok(!isCountedNoun(n), n);
    assert.ok(isPerItem('endpoints each'));
    assert.ok(isPerItem('endpoints cada'));
  });
  it('knows ordinals, bounds and selections', () => {
    for (const w of ['Sprint', 'phase', 'Fase', 'Month', 'этап']) assert.ok(isOrdinalLabel(w), w);
    assert.ok(!isOrdinalLabel('Created'));
    assert.ok(isBounded('at least '));
    assert.ok(isBounded('至少 '));
    for (const t of ['e.g. PDF, CSV', 'including a, b', 'Top 5 risks', 'a, b, etc.', 'z. B. A, B', 'por ejemplo a', '例如 A']) assert.ok(isSelection(t), t);
    assert.ok(!isSelection('Completed tasks'));
  });
  it('classifies item shapes', () => {
    assert.equal(itemShape('- **Priority:** High'), 'field');
    assert.equal(itemShape('- Owner: Ada'), 'field');
    assert.equal(itemShape('- `a.ts` - the entry'), 'name');
    assert.equal(itemShape('1. **STORY-001** - Login'), 'name');
    assert.equal(itemShape('- [x] ✅ [Guide](g.md)'), 'name');
    assert.equal(itemShape('- (more in the backlog)'), 'note');
    assert.equal(itemShape('- ⏳ CPU检测 (a.rs:156)'), 'text');
  });
  it('reads "N more" items, inline lists and ID ranges', () => {
    assert.equal(moreItems('(+ 4 mock packages)'), 4);
    assert.equal(moreItems('… and 3 more'), 3);
    assert.equal(moreItems('plain item'), null);
    assert.deepEqual(splitInlineList('PDF, CSV and XML'), ['PDF', 'CSV', 'XML']);
    assert.deepEqual(splitInlineList('H3、H4、H5'), ['H3', 'H4', 'H5']);
    assert.equal(splitInlineList('just one thing'), null);
    assert.equal(splitInlineList('mostly tests, some docs'), null);
    assert.equal(splitInlineList('English, Spanish and German, with French planned'), null);
    assert.equal(idRangeSize('F1-F6'), 6);
    assert.equal(idRangeSize('#249-#253'), 5);
    assert.equal(idRangeSize('TASK-001–005'), 5);
    assert.equal(idRangeSize('2024-2026'), null);
  });
  it('reads buckets and measures of distribution tables', () => {
    assert.deepEqual(bucketRange('95%+'), { lo: 95, hi: Infinity, loOpen: false, hiOpen: true });
    assert.deepEqual(bucketRange('90-94%'), { lo: 90, hi: 94, loOpen: false, hiOpen: false });
    assert.deepEqual(bucketRange('<80%'), { lo: -Infinity, hi: 80, loOpen: true, hiOpen: true });
    assert.equal(measureWord('Coverage Range'), 'coverage');
    assert.equal(measureWord('Coverage'), 'coverage');
  });
});
