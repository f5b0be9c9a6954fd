import { daysBetween } from '../model/dates';
import { sprintScopes } from '../model/milestones';
import type { Milestone } from '../model/schema';
import type { Rule } from './types';
import { OPEN_STATUSES, plural } from './util/time';

/**
 * A milestone whose due date is before today while its status is not done: a table row with a
 * date and a status, a dated heading over open work, a When/Target Date/Due field, a
 * `Scheduled for <date>` line. Milestones of a sprint that `stale-sprint` reports are left to it.
 */
export const staleMilestone: Rule = {
  id: 'stale-milestone',
  description: 'A milestone, task or plan whose due date has passed while its status is still open.',
  defaultSeverity: 'warning',
  tags: ['time'],
  fixable: false,
  run(ctx) {
    const staleSprints = sprintScopes(ctx.doc).filter((s) => s.status && OPEN_STATUSES.has(s.status.value) && s.end.date! < ctx.today);
    for (const m of ctx.doc.milestones) {
      if (!isOverdue(m, ctx.today)) continue;
      if (staleSprints.some((s) => m.range.offset >= s.offset && m.range.endOffset <= s.endOffset)) continue;
      const date = m.date!;
      const status = m.status!;
      const days = daysBetween(date.date!, ctx.today);
      const due = date.kind === 'day' ? date.date! : `${date.text.trim()} (ends ${date.date})`;
      // `Next Milestone: <date>` is open by its name and has no status of its own: nothing to mark done.
      const implied = status.text === m.name;
      // A dated heading whose status is its own checklist: the open boxes are what is late, and
      // there is no single status to mark done (each box is ticked on its own).
      const list = status.text === '[ ]' && m.kind === 'heading' && m.section !== null ? ctx.doc.sections[m.section]!.checklist : null;
      const open = list ? list.total - list.done : 0;
      ctx.report({
        range: m.kind === 'heading' ? m.range : date.range,
        message: implied
          ? `Unexpected past date ${due} for "${m.name}", expected an upcoming date: it passed ${plural(days, 'day')} ago and the document was not updated.`
          : list
            ? `Unexpected ${open} of ${plural(list.total, 'task')} still open ${plural(days, 'day')} after the due date ${due}, expected them done or a new date: this is ${plural(days, 'day')} overdue.`
            : `Unexpected open status "${status.text}" ${plural(days, 'day')} after the due date ${due}, expected done or a new date: this is ${plural(days, 'day')} overdue.`,
        stale: {
          due: date.date!, daysOverdue: days, statusText: implied ? null : list ? `${open} of ${list.total} open` : status.text,
          dateRange: date.range, statusRange: implied || list ? null : status.range,
        },
        ...(!implied && status.range.line !== date.range.line ? { related: [{ range: status.range, message: list ? `First open task` : `Status "${status.text}"` }] } : {}),
      });
    }
  },
};

export function isOverdue(m: Milestone, today: string): boolean {
  return Boolean(m.date?.date && m.status && OPEN_STATUSES.has(m.status.value) && m.date.date < today);
}
