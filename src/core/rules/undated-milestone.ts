import type { Milestone } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { OPEN_STATUSES } from './util/time';

const DATE_KEY = /date|due|deadline|eta|when|scheduled|milestone|release|launch/i;
const MILESTONE_HEADER = /milestone|deliverable|release|phase|goal|checkpoint|gate|epic|target date|due|deadline/i;

function milestoneTable(ctx: RuleContext, m: Milestone): boolean {
  if (m.kind !== 'table-row') return m.kind === 'line';
  const table = ctx.doc.tables.find((t) => t.range.offset <= m.range.offset && m.range.endOffset <= t.range.endOffset);
  return Boolean(table && table.header.some((h) => MILESTONE_HEADER.test(h.text)));
}

/** An open milestone whose date is written as TBD / TBA / —: nobody has committed to when. */
export const undatedMilestone: Rule = {
  id: 'undated-milestone',
  description: 'An open milestone whose date is TBD, TBA or a dash.',
  defaultSeverity: 'info',
  tags: ['time'],
  fixable: false,
  run(ctx) {
    for (const m of ctx.doc.milestones) {
      if (!m.date?.none || !m.status || !OPEN_STATUSES.has(m.status.value)) continue;
      // A dash says "no date" only where dates are the point: a milestone table or a date field.
      const dash = !/^TB[DAC]$/i.test(m.date.text);
      if (dash && !milestoneTable(ctx, m)) continue;
      // `Target: TBD` is as often a number still to be set as a date.
      if (m.kind === 'line' && !DATE_KEY.test(m.name)) continue;
      ctx.report({
        range: m.date.range,
        message: `Unexpected date "${m.date.text}" for the open milestone "${m.name}", expected a target date: an open milestone without a date cannot be tracked or flagged when it slips.`,
      });
    }
  },
};
