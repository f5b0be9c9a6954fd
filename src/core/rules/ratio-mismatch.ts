import { formatNumber } from '../model/numbers';
import type { NumberToken } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { agreesAtPrecision, checkedText, formatLike, roundTo, withinTolerance } from './util/numeric';

/** `164/173 tests passing (96%)`, `38 of 41 repos = 93%`. */
const RATIO_THEN_PERCENT = /^[\s\p{L}'’-]{0,48}[(=≈]\s*$/u;
/** `95% (19/20)`, `88% (7/8 successful)`. */
const PERCENT_THEN_RATIO = /^\s*\(\s*$/;
/** `Phase 2/4 (30%)`: an ordinal position, not a share. */
const ORDINAL_BEFORE = /(?:phase|sprint|week|step|day|stage|wave|iteration|part|page|chapter|level|round|session|epic|milestone|month|quarter|release|version|story|task|item)\s*$/i;
/** `(90% threshold)`, `(20% of the project)`, `(30% weight)`: a percentage next to the ratio that is not its share. */
const NOT_THE_SHARE = /^\s*(?:of|target|goal|threshold|required|requirement|minimum|min|max|maximum|needed|expected|budget|limit|sla|slo|bar|cutoff|weight|weighted|confidence|margin|tolerance)\b/i;
/** Words that make a percentage the complement of the ratio (`18 of 46 fail (39% failure rate)` is direct; `(61% failing)` would be the rest). */
const COMPLEMENT = /\b(?:fail(?:s|ed|ing|ures?)?|remaining|left|pending|missing|open|outstanding|to go|not\s+\p{L}+|incomplete|uncovered|blocked)\b/iu;

/**
 * A percentage that states a ratio and disagrees with it: `164/173 tests passing (96%)` is
 * 94.8%, 95% at the author's precision. Only a percentage written right after the ratio (in
 * parentheses or after `=`), or a ratio in parentheses right after the percentage, is paired.
 */
export const ratioMismatch: Rule = {
  id: 'ratio-mismatch',
  description: 'A percentage that disagrees with the ratio it states (`164/173 tests passing (96%)`).',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    const masked = checkedText(ctx.doc, ctx.text);
    const nums = ctx.doc.numbers;
    for (let i = 0; i < nums.length; i++) {
      const r = nums[i]!;
      if (r.kind !== 'ratio' || r.of === null || r.of <= 0 || r.value < 0) continue;
      const lineStart = ctx.lines.starts[r.range.line - 1]!;
      if (ORDINAL_BEFORE.test(masked.slice(lineStart, r.range.offset))) continue;
      // Ratio, words, then the percentage.
      const next = nums[i + 1];
      if (next && next.kind === 'percent' && next.block === r.block && next.range.line === r.range.line) {
        const between = masked.slice(r.range.endOffset, next.range.offset);
        if (RATIO_THEN_PERCENT.test(between)) {
          const after = masked.slice(next.range.endOffset, ctx.lines.lineEnd(next.range.line - 1));
          const closes = between.includes('(') ? /^[^()\d]{0,40}\)/.test(after) : true;
          if (closes && !NOT_THE_SHARE.test(after)) verify(ctx, r, next, between + after.slice(0, 40));
          continue;
        }
      }
      // Percentage, then the ratio in parentheses.
      const prev = nums[i - 1];
      if (prev && prev.kind === 'percent' && prev.block === r.block && prev.range.line === r.range.line) {
        const between = masked.slice(prev.range.endOffset, r.range.offset);
        const after = masked.slice(r.range.endOffset, ctx.lines.lineEnd(r.range.line - 1));
        if (PERCENT_THEN_RATIO.test(between) && /^[^()\d]{0,60}\)/.test(after)) verify(ctx, r, prev, after.slice(0, 60));
      }
    }
  },
};

function verify(ctx: RuleContext, ratio: NumberToken, percent: NumberToken, context: string): void {
  const q = percent.qualifier;
  if (q && q !== '~' && q !== '≈') return; // `≥90%`, `95%+`: bounds, not values.
  if (ratio.qualifier && ratio.qualifier !== '~' && ratio.qualifier !== '≈') return;
  if (percent.sign) return; // `(+36%)` is a change, not a share.
  const exact = (ratio.value / ratio.of!) * 100;
  const p = percent.precision;
  const written = percent.value;
  if (agreesAtPrecision(written, exact, p)) return;
  const approx = q === '~' || q === '≈' || ratio.qualifier === '~' || ratio.qualifier === '≈';
  if (approx && withinTolerance(written, exact, ctx.config.approximateTolerance)) return;
  if (COMPLEMENT.test(context) && agreesAtPrecision(written, 100 - exact, p)) return;

  const expected = roundTo(exact, p);
  const digits = /\d[\d,]*(?:\.\d+)?/.exec(percent.text)!;
  const newNumber = formatLike({ text: digits[0], precision: p }, expected);
  const newText = percent.text.slice(0, digits.index) + newNumber + percent.text.slice(digits.index + digits[0].length);
  const ratioText = ratio.text.replace(/\s+/g, ' ').trim();
  const exactText = formatNumber(roundTo(exact, Math.max(p, 1) + (p === 0 ? 0 : 1)), Math.max(p, 1) + (p === 0 ? 0 : 1));
  const precisionWords = p === 0 ? 'as a whole number' : `with ${p} decimal${p === 1 ? '' : 's'}`;
  const lead = percent.text.length - percent.text.trimStart().length;
  const range = ctx.lines.range(percent.range.offset + lead, percent.range.endOffset);
  ctx.report({
    range,
    message: `Unexpected ${percent.text.trim()}, expected ${newText.trim()}: ${ratioText} = ${exactText}%.`,
    related: [{ range: ratio.range, message: `The ratio: ${ratioText}` }],
    detail: `${formatNumber(ratio.value, ratio.precision)} ÷ ${formatNumber(ratio.of!, 0)} × 100 = ${formatNumber(exact, 3)}%; written ${precisionWords} that is ${newNumber}%, but the text says ${percent.text.trim()}.`,
    fix: { title: `Change to ${newText.trim()}`, edits: [{ range, text: newText.trimStart() }], preferred: true },
  });
}
