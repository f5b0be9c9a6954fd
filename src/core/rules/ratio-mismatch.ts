import { agreesAtPrecision, formatLike, roundTo, withinTolerance } from '../model/arithmetic';
import type { Claim } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { formatNumber } from './util/interval';
import { named } from './util/say';

/**
 * A percentage that states a ratio and disagrees with it (`ratio` claims): `164/173 tests
 * passing (96%)` is 94.8%, 95% at the author's precision. Rounding and truncation at the
 * author's precision stand; so does the complement when the words say so (`(61% failing)`).
 */
export const ratioMismatch: Rule = {
  id: 'ratio-mismatch',
  description: 'A percentage that disagrees with the ratio it states (`164/173 tests passing (96%)`).',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    for (const claim of ctx.claims('ratio')) {
      if (claim.form === 'completion') continue; // a share of 100 with no ratio: percent-range's
      if (claim.unchecked) ctx.verdict(claim, 'unchecked', claim.unchecked);
      else check(ctx, claim);
    }
  },
};

function check(ctx: RuleContext, claim: Claim): void {
  const percent = claim.stated;
  const ratio = claim.evidence.find((e) => e.role === 'ratio')?.quantity;
  if (!percent || !ratio || !ratio.of) { ctx.verdict(claim, 'unchecked', 'no ratio'); return; }
  const exact = (ratio.value / ratio.of) * 100;
  const p = percent.precision;
  const written = percent.value;
  const approx = Boolean(percent.qualifier || ratio.qualifier);
  if (agreesAtPrecision(written, exact, p) || (approx && withinTolerance(written, exact, ctx.config.approximateTolerance))) {
    ctx.verdict(claim, 'right');
    return;
  }
  if (claim.data.complement === true && agreesAtPrecision(written, 100 - exact, p)) { ctx.verdict(claim, 'right'); return; }
  // A part larger than its whole (`17/13 (86%)`): the ratio itself is in doubt, and "131%" is no
  // share a reader would accept either; say nothing rather than offer it.
  if (exact > 100 && written <= 100) { ctx.verdict(claim, 'unchecked', 'the ratio is above 100% while the percentage is a share'); return; }

  const expected = roundTo(exact, p);
  const newNumber = formatLike({ text: percent.text, precision: p }, expected);
  const percentText = String(claim.data.percentText ?? `${percent.text}%`);
  const newText = percentText.replace(percent.text, newNumber);
  const q = p === 0 ? 0 : p + 1;
  const shown = Math.max(p, 1) + (p === 0 ? 0 : 1);
  const exactText = formatNumber(roundTo(exact, Math.max(q, 1)), shown);
  const precisionWords = p === 0 ? 'as a whole number' : `with ${p} decimal${p === 1 ? '' : 's'}`;
  ctx.report({
    claim,
    range: claim.range,
    message: `${named(claim.subject, percentText, ratio.text)}${percentText} should be ${newText} (${ratio.text} = ${exactText}%).`,
    related: [{ range: ratio.range, message: `The ratio: ${ratio.text}` }],
    detail: `${formatNumber(ratio.value, ratio.precision)} ÷ ${formatNumber(ratio.of, 0)} × 100 = ${formatNumber(exact, 3)}%; written ${precisionWords} that is ${newNumber}%, but the text says ${percentText}.`,
    fix: { title: `Change to ${newText}`, edits: [{ range: claim.range, text: newText }], preferred: true },
  });
}

