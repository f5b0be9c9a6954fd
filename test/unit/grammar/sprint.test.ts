/** `sprint` claims: a sprint's end and its status, in each wording, or none. */
import assert from 'node:assert/strict';
import { claimsOf, show } from './time-claims';

const ROWS: [string, string, string[]][] = [
  ['End Date and Status fields', '# Sprint 4\n\n**Start Date**: 2026-02-10\n**End Date**: 2026-02-18\n**Status**: Planned\n', ['2026-02-18 planned']],
  ['Dates range field', '# Sprint 4\n\n**Dates**: 2026-02-10 → 2026-02-18\n**Status**: In Progress\n', ['2026-02-18 in-progress']],
  ['Current Week range in a sprint section', '# Tracking\n\n**Updated**: 2025-12-26\n\n## Sprint 3: Integration\n\n**Status**: 🔄 IN PROGRESS\n**Current Week**: Dec 27 - Jan 3, 2026\n', ['2026-01-03 in-progress']],
  ['Period field in a phase section', '# Plan\n\n## Phase 2\n\n**Period:** 2025-12-07 to 2025-12-12\n**Status:** Planned\n', ['2025-12-12 planned']],
  ['sprint list item, in progress', '# Agile\n\n**Last Updated**: 2025-12-14\n\n- **Sprint 3**: Dec 27 - Jan 3 (Integration) - 🔄 **IN PROGRESS**\n', ['2026-01-03 in-progress']],
  ['sprint list item, planned', '# Agile\n\n**Last Updated**: 2025-12-14\n\n- **Sprint 4**: Jan 6-10 (Production) - 📋 Planned\n', ['2026-01-10 planned']],
  ['sprint list item, complete', '# Agile\n\n**Last Updated**: 2025-12-14\n\n- **Sprint 2**: Dec 8-12 - ✅ **COMPLETE**\n', ['2025-12-12 done']],
  ['sprint line with ISO range', '# Agile\n\nSprint 5: 2026-03-02 → 2026-03-13 - In Progress\n', ['2026-03-13 in-progress']],
  ['trap: a single day is not a sprint range', '# Agile\n\n- **Sprint 2**: Dec 16, 2025 (Gold Layer) - ✅ COMPLETE\n', []],
  ['trap: two different statuses on the line', '# Agile\n\n- **Sprint 6**: 2026-03-02 → 2026-03-13 - Done, Blocked\n', []],
  ['trap: range not right after the name', '# Agile\n\n- **Sprint 4**: planned after Sprint 3 (2026-01-06 → 2026-01-10) - Planned\n', []],
  ['trap: End Date in a section that is not a sprint', '# Notes\n\n## Budget\n\n**End Date**: 2026-02-18\n**Status**: Planned\n', []],
  ['trap: weekday range Mon-Fri', '# Sprint 9\n\n**Dates**: Mon-Fri\n**Status**: Planned\n', []],
  ['Spanish sprint fields', '# Sprint 7\n\n**Fecha de fin**: 2026-02-18\n**Estado**: Planificado\n', ['2026-02-18 planned']],
  ['Russian fields under a sprint title', '# Отчёт по спринту 14\n\n**Дата начала:** 2026-04-06\n**Дата окончания:** 2026-04-17\n**Статус:** В работе\n', ['2026-04-17 in-progress']],
  ['Russian sprint, planned', '# Спринт 15\n\n**Дата окончания:** 2026-05-01\n**Статус:** Запланирован\n', ['2026-05-01 planned']],
  ['Portuguese sprint section fields', '# Plano\n\n## Sprint 9 — Cadastro\n\n**Data de início:** 02/03/2026\n**Data de término:** 13/03/2026\n**Status:** Em andamento\n', ['2026-03-13 in-progress']],
  ['Spanish iteración with Fin field', '# Iteración 3\n\n**Fin:** 2026-06-12\n**Estado:** En curso\n', ['2026-06-12 in-progress']],
  ['German sprint, Ende field, done', '# Sprint 21\n\n**Ende:** 2026-02-27\n**Status:** Abgeschlossen ✅\n', ['2026-02-27 done']],
  ['Spanish Fechas range field in a sprint section', '# Equipo\n\n## Sprint 12\n\n**Fechas:** 2026-03-02 → 2026-03-13\n**Estado:** En curso\n', ['2026-03-13 in-progress']],
  ['trap: a Russian report that is no sprint', '# Отчёт о нагрузке\n\n**Дата окончания:** 2026-04-17\n**Статус:** В работе\n', []],
  ['Russian date in End Date', '# Sprint 8\n\n**End Date**: 22 декабря 2025\n**Status**: In Progress\n', ['2025-12-22 in-progress']],
];

describe('grammar: sprint claims', () => {
  for (const [name, text, expected] of ROWS) {
    it(name, () => {
      assert.deepEqual(claimsOf(text, 'sprint').map(show), expected);
    });
  }
});
