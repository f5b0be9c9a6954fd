import { formatLike, roundTo, withinTolerance } from '../model/arithmetic';
import type { Claim } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { endpointInterval, formatNumber, over, unitScale, writtenWithin } from './util/interval';
import { named } from './util/say';

/**
 * A multiplier that disagrees with the two values it compares (`factor` claims): `0.079%
 * (target <1%, achieved 88x better)` is 1 ÷ 0.079 ≈ 12.7x; `3.6s → 0.1s (366x faster)` is 36x.
 * The factor is the larger value over the smaller; values written with decimals, times and
 * sizes may be anything their rounding allows (0.26 ms is 0.255–0.265 ms).
 */
export const factorMismatch: Rule = {
  id: 'factor-mismatch',
  description: 'A factor (`88x better`, `4.3x faster`) that disagrees with the two values it compares.',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    for (const claim of ctx.claims('factor')) {
      if (claim.unchecked) ctx.verdict(claim, 'unchecked', claim.unchecked);
      else check(ctx, claim);
    }
  },
};

function check(ctx: RuleContext, claim: Claim): void {
  const factor = claim.stated;
  const [v, t] = claim.evidence.map((e) => e.quantity);
  if (!factor || !v || !t) { ctx.verdict(claim, 'unchecked', 'no values to compare'); return; }
  const su = unitScale(v.unit);
  const st = unitScale(t.unit);
  if (su && st && su.family !== st.family) { ctx.verdict(claim, 'unchecked', 'the values have different units'); return; }
  const family = (su ?? st)?.family ?? null;
  const sa = su?.scale ?? st?.scale ?? 1;
  const sb = st?.scale ?? su?.scale ?? 1;
  const a = v.value * sa;
  const b = t.value * sb;
  if (a <= 0 || b <= 0) { ctx.verdict(claim, 'unchecked', 'a value is zero'); return; }
  const exact = Math.max(a, b) / Math.min(a, b);
  const iv = over(endpointInterval(v, sa, family), endpointInterval(t, sb, family), (x, y) => Math.max(x, y) / Math.min(x, y));
  if (writtenWithin(factor.value, factor.precision, iv, exact)) { ctx.verdict(claim, 'right'); return; }
  // `提升 5 倍` may count the increase (6x): that reading stands too.
  if (claim.data.plusOne === true && writtenWithin(factor.value + 1, factor.precision, iv, exact)) { ctx.verdict(claim, 'right'); return; }
  const approx = Boolean(factor.qualifier || v.qualifier || t.qualifier);
  if (approx && withinTolerance(factor.value, exact, ctx.config.approximateTolerance)) { ctx.verdict(claim, 'right'); return; }
  const expected = roundTo(exact, factor.precision);
  if (expected === 0) { ctx.verdict(claim, 'unchecked', 'the factor rounds to zero'); return; }

  const newNumber = formatLike({ text: factor.text, precision: factor.precision }, expected);
  const newText = `${String(claim.data.prefix ?? '')}${newNumber}${String(claim.data.suffix ?? 'x')}`;
  const [big, small] = a >= b ? [v, t] : [t, v];
  const exactText = formatNumber(roundTo(exact, Math.max(1, factor.precision)), Math.max(1, factor.precision));
  const roles = claim.evidence.map((e) => e.label);
  ctx.report({
    claim,
    range: factor.range,
    message: `${named(claim.subject, factor.text)}${factor.text.trim()} should be ${newText.trim()} (${big.text.trim()} ÷ ${small.text.trim()} = ${exactText}x).`,
    related: [
      { range: v.range, message: `${roles[0]}: ${v.text.trim()}` },
      { range: t.range, message: `${roles[1]}: ${t.text.trim()}` },
    ],
    detail: `The larger value ${big.text.trim()} divided by the smaller ${small.text.trim()}${sa !== sb ? ' (in the same unit)' : ''} is ${formatNumber(exact, 2)}; written with ${factor.precision} decimal${factor.precision === 1 ? '' : 's'} that is ${newNumber}x, but the text says ${factor.text.trim()}.`,
    fix: { title: `Change to ${newText.trim()}`, edits: [{ range: factor.range, text: newText }], preferred: true },
  });
}
