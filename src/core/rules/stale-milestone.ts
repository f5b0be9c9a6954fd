import { daysBetween } from '../model/calendar';
import type { Claim } from '../model/schema';
import type { Rule } from './types';
import { staleAlternatives } from './util/done';
import { isOverdue, isStaleSprint, plural } from './util/time';
import { subjectOf, withoutOwnParenthesis } from './util/say';

/**
 * A milestone whose due date is before today while its status is not done: a table row with a
 * date and a status, a dated heading over open work, a When/Target Date/Due/Estimated Completion
 * field, a `Scheduled for <date>` line, a fenced timeline line. Milestones of a sprint that
 * `stale-sprint` reports are left to it.
 */
export const staleMilestone: Rule = {
  id: 'stale-milestone',
  description: 'A milestone, task or plan whose due date has passed while its status is still open.',
  defaultSeverity: 'warning',
  tags: ['time'],
  fixable: false,
  run(ctx) {
    const staleSprints = ctx.claims('sprint').filter((s) => isStaleSprint(s, ctx.today));
    const inStaleSprint = (m: Claim) =>
      staleSprints.some((s) => m.statement.offset >= Number(s.data.scopeOffset) && m.statement.endOffset <= Number(s.data.scopeEnd));
    for (const m of ctx.claims('milestone')) {
      if (m.unchecked !== null) { ctx.verdict(m, 'unchecked', m.unchecked); continue; }
      if (!m.date?.date || !m.status) { ctx.verdict(m, 'unchecked', m.date?.date ? 'no status' : 'no date'); continue; }
      if (!isOverdue(m, ctx.today)) { ctx.verdict(m, 'right'); continue; }
      if (inStaleSprint(m)) { ctx.verdict(m, 'unchecked', 'left to stale-sprint: its sprint has ended'); continue; }
      const date = m.date;
      const status = m.status;
      const days = daysBetween(date.date!, ctx.today);
      const due = String(m.data.due);
      // "Nov 2-30 (ends 2025-11-30)" inside "(due …)" reads "due Nov 2-30, ends 2025-11-30".
      const dueText = due.endsWith(')') && due.includes(' (ends ') ? due.slice(0, -1).replace(' (ends ', ', ends ') : due;
      const name = withoutOwnParenthesis(subjectOf(m.subject), [date.text, status.text]) || 'This milestone';
      const implied = m.data.implied === true;
      const list = m.data.total !== null ? { open: Number(m.data.open), total: Number(m.data.total) } : null;
      ctx.report({
        claim: m,
        range: m.range,
        // "Sprint 3 is 366 days overdue and still Planned (due 2025-11-30)".
        message: implied
          ? `${name} (${dueText}) passed ${plural(days, 'day')} ago and is still named as upcoming.`
          : list
            ? `${name} is ${plural(days, 'day')} overdue with ${list.open} of ${plural(list.total, 'task')} still open (due ${dueText}).`
            : `${name} is ${plural(days, 'day')} overdue and still ${status.text} (due ${dueText}).`,
        stale: {
          due: date.date!, daysOverdue: days, statusText: implied ? null : list ? `${list.open} of ${list.total} open` : status.text,
          dateRange: date.range, statusRange: implied || list ? null : status.range,
        },
        alternatives: staleAlternatives(ctx, m, date.range),
        ...(!implied && status.range.line !== date.range.line ? { related: [{ range: status.range, message: list ? `First open task` : `Status "${status.text}"` }] } : {}),
      });
    }
  },
};
