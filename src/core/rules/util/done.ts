/** The alternatives of a stale finding: "Mark as done" and "Move date to today". */
import type { Claim, Range } from '../../model/schema';
import type { RuleContext, RuleReport } from '../types';

type Alternative = NonNullable<RuleReport['alternatives']>[number];

/**
 * "Mark as done" rewrites the status cell or words the claim's extractor found (a task item's
 * box is ticked), "Move date to today" writes today's date over the stale one. Neither is safe
 * to apply unread, so neither is part of "fix all".
 */
export function staleAlternatives(ctx: RuleContext, claim: Claim, dateRange: Range | null): Alternative[] {
  const out: Alternative[] = [];
  const { doneStart, doneEnd, doneText } = claim.data;
  if (typeof doneStart === 'number' && typeof doneEnd === 'number' && typeof doneText === 'string') {
    const title = doneText === 'x' ? '[x]' : doneText;
    out.push({ title: `Mark as done (${title})`, edits: [{ range: ctx.lines.range(doneStart, doneEnd), text: doneText }] });
  }
  if (dateRange) out.push({ title: `Move date to today (${ctx.today})`, edits: [{ range: dateRange, text: ctx.today }] });
  return out;
}
