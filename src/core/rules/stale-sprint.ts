import { daysBetween } from '../model/dates';
import { sprintScopes } from '../model/milestones';
import type { Rule } from './types';
import { plural } from './util/time';

/** A sprint is stale only while it still says it is planned or running (not blocked or at risk). */
const OPEN = new Set(['planned', 'in-progress']);

/** A sprint or phase (document or section) whose End Date has passed while its Status is Planned or In Progress. */
export const staleSprint: Rule = {
  id: 'stale-sprint',
  description: 'A sprint or phase whose End Date has passed while its Status still says Planned or In Progress.',
  defaultSeverity: 'warning',
  tags: ['time'],
  fixable: false,
  run(ctx) {
    for (const s of sprintScopes(ctx.doc)) {
      if (!s.status || !OPEN.has(s.status.value) || !(s.end.date! < ctx.today)) continue;
      const days = daysBetween(s.end.date!, ctx.today);
      const what = s.section === null ? 'this sprint' : `"${ctx.doc.sections[s.section]!.title}"`;
      ctx.report({
        range: s.end.range,
        message: `Unexpected status "${s.status.text}" ${plural(days, 'day')} after the ${s.endField.key} ${s.end.date}, expected done or new dates: ${what} ended ${plural(days, 'day')} ago.`,
        related: [{ range: s.status.range, message: `Status "${s.status.text}"` }],
        stale: { due: s.end.date!, daysOverdue: days, statusText: s.status.text, dateRange: s.end.range, statusRange: s.status.range },
      });
    }
  },
};
