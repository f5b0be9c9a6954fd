import { formatNumber } from '../model/numbers';
import type { NumberToken } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { agreesAtPrecision, checkedText, formatLike, roundTo, withinTolerance } from './util/numeric';

/** `164/173 tests passing (96%)`, `38 of 41 repos = 93%`. */
const RATIO_THEN_PERCENT = /^(?:[\s\p{L}'’-]{0,48}[(=≈]\s*|\s*[-–—]\s+)$/u;
/** `95% (19/20)`, `78% complete (7 of 9 tasks)`, `100% - 30/30`. */
const PERCENT_THEN_RATIO = /^(?:(?:\s*(?:complete|completed|completion|done|finished|success|successful|pass|passing|passed|rate|implemented|migrated|converted|fixed|resolved|closed|integration|test|tests)){0,3}\s*\(\s*|\s+[-–—]\s+)$/iu;
/** Words between a percentage and a ratio that say the percentage is something else. */
const OTHER_MEASURE = /\b(?:target|goal|threshold|required|minimum|min|max|maximum|needed|expected|budget|limit|sla|slo|weight|weighted|confidence|margin|tolerance|by\s+points?|points)\b/i;
/** Column headers of a percentage that may sit next to a ratio without stating it. */
const NOT_SHARE_HEADER = /weight|contribut|target|goal|threshold|budget|change|delta|growth|improvement|increase|reduction|risk|confidence|probability/i;
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
        const closes = between.includes('(') ? /^[^()\d]{0,60}\)/.test(after) : true;
        if (PERCENT_THEN_RATIO.test(between) && !OTHER_MEASURE.test(between) && closes) verify(ctx, r, prev, between + after.slice(0, 60));
      }
    }
    tableCells(ctx, masked);
  },
};

/**
 * `| 7/10 | 70% |`: a cell holding only a ratio followed by a cell holding only a percentage in
 * a completion column. Only this order: a percentage before a ratio is often a different
 * measure (`| 0% | 497/497 violations |`, `| 10% weight | 10/10 |`).
 */
function tableCells(ctx: RuleContext, masked: string): void {
  const nums = ctx.doc.numbers;
  const byBlock = new Map<number, NumberToken[]>();
  for (const n of nums) {
    const list = byBlock.get(n.block);
    if (list) list.push(n);
    else byBlock.set(n.block, [n]);
  }
  const cellBlock = new Map<string, number>();
  ctx.doc.blocks.forEach((b, i) => { if (b.table) cellBlock.set(b.table.join(':'), i); });
  const sole = (t: number, r: number, c: number, kind: NumberToken['kind']): NumberToken | null => {
    const bi = cellBlock.get(`${t}:${r}:${c}`);
    if (bi === undefined) return null;
    const list = byBlock.get(bi) ?? [];
    if (list.length !== 1 || list[0]!.kind !== kind) return null;
    const b = ctx.doc.blocks[bi]!;
    const rest = masked.slice(b.range.offset, b.range.endOffset).replace(list[0]!.text.trim(), '');
    return /[\p{L}\p{N}]/u.test(rest.replace(/\b(?:files?|tests?|tasks?|items?|stories|story|done|complete|passing|passed)\b/gi, '')) ? null : list[0]!;
  };
  for (const t of ctx.doc.tables) {
    for (let c = 0; c + 1 < t.columns.length; c++) {
      const header = t.header[c + 1]?.text ?? '';
      if (t.columns[c + 1] !== 'completion' && !/%|percent|rate|share/i.test(header)) continue;
      if (NOT_SHARE_HEADER.test(header) || NOT_SHARE_HEADER.test(t.header[c]?.text ?? '')) continue;
      for (let r = 0; r < t.rows.length; r++) {
        const ratio = sole(t.index, r, c, 'ratio');
        const percent = ratio && sole(t.index, r, c + 1, 'percent');
        if (ratio && percent && ratio.of !== null && ratio.of > 0) verify(ctx, ratio, percent, '');
      }
    }
  }
}

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
