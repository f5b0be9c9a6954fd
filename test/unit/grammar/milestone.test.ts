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
  ['archived document', '# Old plan\n\n> ARCHIVED: kept for reference.\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-03-01 | Planned |\n', ['unchecked: the document is marked as archived or superseded']],
];

describe('grammar: milestone claims', () => {
  for (const [name, text, expected] of ROWS) {
    it(name, () => {
      assert.deepEqual(claimsOf(text, 'milestone').filter((c) => c.date?.date || c.unchecked).map(show), expected);
    });
  }
});
