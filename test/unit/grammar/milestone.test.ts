/** `milestone` claims: each wording and the claim it yields (date and status), or none. */
import assert from 'node:assert/strict';
import { claimsOf, show } from './time-claims';

const ROWS: [string, string, string[]][] = [
  ['table row with a Due column', '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-03-01 | In Progress |\n', ['2026-03-01 in-progress']],
  ['table row, done', '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-03-01 | ✅ Done |\n', ['2026-03-01 done']],
  ['dated heading over open boxes', '# Plan\n\n### Week 2 (Jan 11-18, 2026)\n\n- [ ] write the parser\n- [ ] test it\n', ['2026-01-18 planned']],
  ['Due field', '# Plan\n\n**Status:** In Progress\n**Due:** 2026-02-18\n', ['2026-02-18 in-progress']],
  ['Scheduled for line', '# Plan\n\nThe migration is scheduled for March 3, 2026.\n', ['2026-03-03 planned']],
  ['target end of a month, in progress', '# Plan\n\nWe target end of October 2026 — in progress.\n', ['2026-10-31 in-progress']],
  ['Estimated Completion under an open milestone heading', '# Plan\n\n### Milestone 2 - IN PROGRESS\n- **Status:** ⏳ IN PROGRESS\n- **Estimated Completion:** Q1 2026\n', ['2026-03-31 in-progress']],
  ['Estimated Completion under a done milestone', '# Plan\n\n### Milestone 1 - COMPLETE\n- **Status:** ✅ ACHIEVED\n- **Estimated Completion:** Q1 2026\n', ['2026-03-31 done']],
  ['fenced timeline with markers', '# Plan\n\n```\n[✅] 2026-03-30: Kickoff\n[📅] 2026-05-30: Alpha\n```\n', ['2026-03-30 done', '2026-05-30 planned']],
  ['fenced timeline with a status word', '# Plan\n\n```\n2026-03-01  Beta release  (planned)\n2026-04-01  GA release  (planned)\n```\n', ['2026-03-01 planned', '2026-04-01 planned']],
  ['a lone dated code line is not a timeline', '# Plan\n\n```\n[📅] 2026-05-30: Alpha\n```\n', []],
  ['trap: dated outage heading', '# Ops\n\n### 2025-10-03 — Outage\n\n- [ ] write the postmortem\n', []],
  ['trap: changelog version heading', '# Changes\n\n## [1.2.0] - 2025-01-05\n\n- [ ] note\n', []],
  ['trap: fault heading with a status word', '# Sprint\n\n### FAULT-7: merge on failing CI (2026-02-15)\n\nSomething broke.\n', []],
  ['trap: current status snapshot heading', '# Project\n\n## Current Status (Dec 26, 2025)\n\n| Metric | Value | Status |\n|---|---|---|\n| Progress | 31% | 🔄 On Track |\n', []],
  ['trap: timeline of incidents', '# Ops\n\n```\n[🔴] 2025-10-03: Outage of the API\n[🔴] 2025-10-09: Incident in billing\n```\n', []],
  ['Portuguese due field', '# Plano\n\n**Status:** Em andamento\n**Due:** 3 de novembro de 2025\n', ['2025-11-03 in-progress']],
  // Other languages: date columns (Fällig, Срок, Prazo, Quartal, Trimestre, Início/Término), open status words, detail sections.
  ['German Fällig column, In Arbeit', '# Stand\n\n| Meilenstein | Fällig | Status |\n|---|---|---|\n| M3 Umzug der Datenbank | 2026-05-31 | 🚧 In Arbeit |\n', ['2026-05-31 in-progress']],
  ['German Quartal column, Geplant', '# Roadmap\n\n| Quartal | Vorhaben | Status |\n|---|---|---|\n| Q2 2026 | Neues Abrechnungsmodul | Geplant |\n', ['2026-06-30 planned']],
  ['German Termin column, Erledigt is not open', '# Plan\n\n| Aufgabe | Termin | Status |\n|---|---|---|\n| Export | 2026-04-10 | ✅ Erledigt |\n', ['2026-04-10 done']],
  ['Russian Срок column, Запланировано', '# Релиз\n\n| Этап | Срок | Статус |\n|---|---|---|\n| Открытая бета | 2026-03-15 | Запланировано |\n', ['2026-03-15 planned']],
  ['Russian negated done is open', '# Релиз\n\n| Этап | Срок | Статус |\n|---|---|---|\n| Миграция | 2026-03-15 | Не выполнено |\n', ['2026-03-15 in-progress']],
  ['Portuguese Início/Término columns: the end is due', '# Sprints\n\n| Sprint | Início | Término | Status |\n|---|---|---|---|\n| Sprint 7 | 04/05/2026 | 15/05/2026 | Em andamento |\n', ['2026-05-15 in-progress']],
  ['Portuguese Prazo column with a dash: undated', '# Marcos\n\n| Marco | Prazo | Status |\n|---|---|---|\n| Integração fiscal | — | 📋 Planejado |\n', ['none planned']],
  ['Spanish Trimestre column, En progreso', '# Hoja de ruta\n\n| Trimestre | Iniciativa | Estado |\n|---|---|---|\n| Q1 2026 | Pagos recurrentes | 🚧 En progreso |\n', ['2026-03-31 in-progress']],
  ['Chinese 未完成 is open, not done', '# 计划\n\n| 里程碑 | 截止日期 | 状态 |\n|---|---|---|\n| 数据迁移 | 2026年4月30日 | 未完成 |\n', ['2026-04-30 in-progress']],
  ['a detail section takes its row\'s status: its TBD field is an open date', '# Roadmap\n\n| Trimestre | Iniciativa | Estado |\n|---|---|---|\n| Q1 2026 | Pagos recurrentes | 🚧 En progreso |\n\n### Pagos recurrentes (Q1 2026)\n\n- Fecha objetivo revisada: TBD\n', ['2026-03-31 in-progress', 'none in-progress']],
  ['the same detail section, dated otherwise, is its own milestone', '# Roadmap\n\n| Trimestre | Iniciativa | Estado |\n|---|---|---|\n| Q1 2026 | Pagos recurrentes | 🚧 En progreso |\n\n### Pagos recurrentes (Q3 2026)\n\nMovido.\n', ['2026-03-31 in-progress', '2026-09-30 in-progress']],
  ['Portuguese previsto para line', '# Plano\n\nO lançamento está previsto para 15/03/2026.\n', ['2026-03-15 planned']],
  ['Spanish programado para el line, done on the same line', '# Plan\n\nLa migración, programada para el 2026-03-02, está ✅ completada.\n', ['2026-03-02 done']],
  ['German geplant für line', '# Plan\n\n- Abnahme geplant für 15. März 2026\n', ['2026-03-15 planned']],
  ['Chinese 计划于 line', '# 计划\n\n数据迁移计划于2026年3月1日切换。\n', ['2026-03-01 planned']],
  ['Spanish quarter words in a heading over open boxes', '# Plan\n\n### Pagos (3er trimestre de 2026)\n\n- [ ] integrar\n- [x] diseñar\n', ['2026-09-30 in-progress']],
  ['Portuguese Previsão de conclusão field', '# Projeto\n\n**Status:** Em andamento\n**Previsão de conclusão:** T2 2026\n', ['2026-06-30 in-progress']],
  ['Portuguese Próxima revisão field is upcoming by its name', '# Roadmap\n\n**Próxima revisão:** Julho 2026\n', ['2026-07-31 planned']],
  ['Chinese 计划于 … 完成 reads as done: a miss, never a wrong flag', '# 计划\n\n数据迁移计划于2026年3月1日完成。\n', ['2026-03-01 done']],
  ['Russian quarter in a Срок column', '# План\n\n| Этап | Срок | Статус |\n|---|---|---|\n| Релиз | III квартал 2026 | В работе |\n', ['2026-09-30 in-progress']],
  ['trap: German incident table with a Datum column', '# Betrieb\n\n## Vorfälle\n\n| Datum | Vorfall | Status |\n|---|---|---|\n| 2026-02-03 | Ausfall der API | Offen |\n', []],
  ['trap: Portuguese Data column of a log', '# Operação\n\n## Histórico de incidentes\n\n| Data | Evento | Status |\n|---|---|---|\n| 2026-02-03 | Queda do banco | Em andamento |\n', []],
  ['trap: Portuguese diary with a Data column', '# Squad\n\n## Diário\n\n| Data | Atividade | Status |\n|---|---|---|\n| 2026-02-03 | Revisão do fluxo | Em andamento |\n', []],
  ['archived document', '# Old plan\n\n> ARCHIVED: kept for reference.\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-03-01 | Planned |\n', ['unchecked: the document is marked as archived or superseded']],
];

describe('grammar: milestone claims', () => {
  for (const [name, text, expected] of ROWS) {
    it(name, () => {
      assert.deepEqual(claimsOf(text, 'milestone').filter((c) => c.date?.date || c.date?.none || c.unchecked).map(show), expected);
    });
  }
});
