import type { Claim } from '../model/schema';
import type { Rule, RuleContext } from './types';

/**
 * A completion or progress percentage outside 0–100 % (`ratio` claims of form `completion`:
 * `Backend track: 120% complete`, `**Status:** 120% COMPLETE`, a Progress column cell of
 * 130%). Growth, "of target", ROI and coverage figures may exceed 100 and are not claims.
 */
export const percentRange: Rule = {
  id: 'percent-range',
  description: 'A completion or progress percentage below 0% or above 100% (`Backend track: 120% complete`).',
  defaultSeverity: 'warning',
  tags: ['consistency'],
  fixable: false,
  run(ctx) {
    for (const claim of ctx.claims('ratio')) {
      if (claim.form !== 'completion' || !claim.stated) continue;
      if (claim.unchecked) { ctx.verdict(claim, 'unchecked', claim.unchecked); continue; }
      const v = claim.stated.value;
      if (v >= 0 && v <= 100) { ctx.verdict(claim, 'right'); continue; }
      report(ctx, claim);
    }
  },
};

function report(ctx: RuleContext, claim: Claim): void {
  const text = String(claim.data.percentText ?? claim.subject);
  const why = String(claim.data.why ?? 'it is read as a completion');
  const side = claim.stated!.value > 100 ? 'above 100%' : 'below 0%';
  ctx.report({
    claim,
    range: claim.range,
    message: `${text} is ${side}: ${why}, and a completion cannot be ${side}.`,
    detail: `${text} is read as a share of work done because ${why}. A share of the whole is at most 100% and at least 0%; if the figure measures something else (growth, attainment of a target), say so next to it ("of target", "growth").`,
  });
}
