import type { Rule } from './types';
import { OPEN_STATUSES } from './util/time';
import { subjectOf } from './util/say';

/** An open milestone whose date is written as TBD / TBA / —: nobody has committed to when. */
export const undatedMilestone: Rule = {
  id: 'undated-milestone',
  description: 'An open milestone whose date is TBD, TBA or a dash.',
  defaultSeverity: 'info',
  tags: ['time'],
  fixable: false,
  run(ctx) {
    for (const m of ctx.claims('milestone')) {
      if (!m.date?.none) continue;
      if (m.unchecked !== null) { ctx.verdict(m, 'unchecked', m.unchecked); continue; }
      if (!m.status || !OPEN_STATUSES.has(m.status.value)) { ctx.verdict(m, 'right'); continue; }
      // A dash says "no date" only where dates are the point; `Target: TBD` is as often a number still to be set.
      if (m.data.undated === null) { ctx.verdict(m, 'unchecked', 'the blank may not stand for a date'); continue; }
      ctx.report({
        claim: m,
        range: m.date.range,
        message: `"${subjectOf(m.subject)}" is open and dated "${m.date.text}": without a date it cannot be tracked or flagged when it slips.`,
      });
    }
  },
};
