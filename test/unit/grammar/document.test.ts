/** `document` claims: the document's newest own date and whether it is still open work. */
import assert from 'node:assert/strict';
import { claimsOf } from './time-claims';

const open = '- [ ] one\n- [x] two\n';
const ROWS: [string, string, string | null][] = [
  ['Last Updated', `# Tracker\n\n**Last Updated:** 2025-12-05\n\n${open}`, '2025-12-05 open'],
  ['Portuguese, DD/MM/YYYY', `# Lista\n\n**Última Atualização:** 03/11/2025 - 00:05\n**Status:** Em Desenvolvimento\n\nO projeto não está pronto para os usuários, com as tarefas do time em andamento.\n\n${open}`, '2025-11-03 open'],
  ['Russian month name', `# Matrix\n\n**Last Updated:** 22 декабря 2025\n\n${open}`, '2025-12-22 open'],
  ['Chinese label', `# 进度\n\n**最后更新**: 2024-11-16\n\n${open}`, '2024-11-16 open'],
  ['Spanish label with time', `# Estado\n\n**Última Actualización:** 20 Nov 2025, 19:15 hrs\n\n${open}`, '2025-11-20 open'],
  ['Arabic month', `# Status\n\n**آخر تحديث**: يناير 2025\n\n${open}`, '2025-01-31 open'],
  ['German Stand', `# Status\n\n**Stand:** 15. März 2026\n\n${open}`, '2026-03-15 open'],
  ['Date at the top with an Overall Progress below 100%', '# Status Breakdown\n\n**Date:** January 20, 2025\n**Overall Progress:** 60%\n', '2025-01-20 open'],
  ['Date and Last Updated on the same day: Last Updated', `# Matrix\n\n**Date:** 2025-12-22\n\n${open}\n**Last Updated:** 2025-12-22\n`, '2025-12-22 open'],
  ['trap: an entry\'s Date further down is not the document\'s', `# Log\n\n${open}\n## Pivot Log\n\n### PIVOT-1\n\n- **Date:** 2026-02-13\n`, null],
  ['trap: all boxes ticked', '# Tracker\n\n**Last Updated:** 2025-12-05\n\n- [x] one\n', '2025-12-05 done'],
  ['trap: a final report', '# Sprint 4 Final Report\n\n**Date:** 2025-12-05\n\n- [ ] follow-up\n', 'unchecked'],
  ['trap: archived banner', `# Plan\n\n> **ARCHIVED** — superseded by the new plan.\n\n**Last Updated:** 2025-12-05\n\n${open}`, 'unchecked'],
  ['trap: another document deprecated is not this one', `# Status\n\n**Last Updated:** 2025-12-05\n**Previous Document:** OLD.md (DEPRECATED)\n\n${open}`, '2025-12-05 open'],
  ['trap: an ambiguous English numeric day is not read', `# Tracker\n\n**Last Updated:** 03/11/2025\n\nThe team is working on the tasks for this sprint and the release.\n\n${open}`, null],
  ['English numeric day decided by another date above 12', `# Tracker\n\n**Last Updated:** 03/11/2025\n\nStarted 03/25/2025 for the release of the team and the users.\n\n${open}`, '2025-03-11 open'],
];

describe('grammar: document claims', () => {
  for (const [name, text, expected] of ROWS) {
    it(name, () => {
      const c = claimsOf(text, 'document')[0];
      const got = !c ? null : c.unchecked ? 'unchecked' : `${c.date!.date} ${String(c.data.state)}`;
      assert.equal(got, expected);
    });
  }
});
