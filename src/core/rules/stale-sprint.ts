import { daysBetween } from '../model/calendar';
import type { Rule } from './types';
import { staleAlternatives } from './util/done';
import { isStaleSprint, plural } from './util/time';
import { capitalize, subjectOf } from './util/say';

/** A sprint or phase (document, section or sprint line) whose end has passed while its Status is Planned or In Progress. */
export const staleSprint: Rule = {
  id: 'stale-sprint',
  description: 'A sprint or phase whose End Date has passed while its Status still says Planned or In Progress.',
  defaultSeverity: 'warning',
  tags: ['time'],
  fixable: false,
  run(ctx) {
    for (const s of ctx.claims('sprint')) {
      if (s.unchecked !== null) { ctx.verdict(s, 'unchecked', s.unchecked); continue; }
      if (!s.status) { ctx.verdict(s, 'unchecked', 'no status'); continue; }
      if (!isStaleSprint(s, ctx.today)) { ctx.verdict(s, 'right'); continue; }
      const end = s.date!;
      const status = s.status;
      const days = daysBetween(end.date!, ctx.today);
      ctx.report({
        claim: s,
        range: s.range,
        message: `${capitalize(subjectOf(s.subject)) || 'This sprint'} is ${plural(days, 'day')} overdue and still ${status.text} (${String(s.data.endKey)} ${end.date}).`,
        related: [{ range: status.range, message: `Status "${status.text}"` }],
        stale: { due: end.date!, daysOverdue: days, statusText: status.text, dateRange: end.range, statusRange: status.range },
        alternatives: staleAlternatives(ctx, s, end.range),
      });
    }
  },
};
