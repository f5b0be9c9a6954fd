import { formatNumber, parseNum } from '../model/numbers';
import type { Range } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { agreesAtPrecision, checkedText, formatLike, linesWithOffsets, NUMBER_SOURCE, roundTo, unitScale, withinTolerance } from './util/numeric';

const NUM = NUMBER_SOURCE;
const UNIT = String.raw`%|[a-zA-Zµ]+`;
const ARROW = String.raw`(?:→|->|=>|⟶|➔|➡️?|â†’)`;
const FACTOR = String.raw`(?<fq>[~≈]\s?)?(?<f>${NUM})\s?[x×]`;
const WORDS = String.raw`speedup|speed-up|better|faster|quicker|lower|smaller|less|fewer|higher|larger|more|improvement|improved|speed-?up|reduction|under|below|above|over`;
const NOT_AFTER = String.raw`(?<![\p{L}\p{N}_.,:/\\#@$€£¥+\-−])`;

/**
 * `0.079% (target <1%, achieved 88x better)`, `46ms (target <200ms, 4.3x better)`,
 * `30 minutes (estimated: 6h, 12x faster!)`.
 */
const AGAINST_REFERENCE = new RegExp(
  String.raw`${NOT_AFTER}(?<vq>[~≈]\s?)?(?<v>${NUM})\s?(?<vu>${UNIT})?\s*\(\s*(?<ref>target|goal|sla|slo|budget|baseline|estimated|estimate|expected|limit|threshold|planned|plan|was|previously|before)\s*:?\s*(?<tq>[<>≤≥]=?|[~≈])?\s*(?<t>${NUM})\s?(?<tu>${UNIT})?\s*[,;]\s*(?:(?:achieved|actual|actually|so|i\.e\.|=|about|roughly)\s*)?${FACTOR}\s+(?:${WORDS})\b`,
  'dgiu',
);
/** `500ms → 50ms (10x faster)`. */
const ARROW_FACTOR = new RegExp(
  String.raw`${NOT_AFTER}(?<vq>[~≈]\s?)?(?<v>${NUM})\s?(?<vu>${UNIT})?\s*${ARROW}\s*(?<tq>[~≈]\s?)?(?<t>${NUM})\s?(?<tu>${UNIT})?\s*\(\s*${FACTOR}\s+(?:${WORDS})\b[^()]*\)`,
  'dgiu',
);

/** `832ms (AST), 595ms (Bytecode) = 1.4x speedup`. */
const LABELLED_PAIR = new RegExp(
  String.raw`${NOT_AFTER}(?<vq>[~≈]\s?)?(?<v>${NUM})\s?(?<vu>${UNIT})?\s*\([^()\d]{1,30}\)\s*(?:,|vs\.?|versus|and)\s*(?<tq>[~≈]\s?)?(?<t>${NUM})\s?(?<tu>${UNIT})?\s*\([^()\d]{1,30}\)\s*[=:→]\s*${FACTOR}\s+(?:${WORDS})\b`,
  'dgiu',
);

interface Claim {
  v: { value: number; text: string; start: number; end: number; unit: string | null; approx: boolean };
  t: { value: number; text: string; start: number; end: number; unit: string | null; approx: boolean };
  factor: { value: number; precision: number; text: string; start: number; end: number; approx: boolean };
}

/**
 * A multiplier that disagrees with the two values it compares: `0.079% (target <1%, achieved
 * 88x better)` is 1 ÷ 0.079 ≈ 12.7x. Only factors written next to both values are checked
 * (`50,000 (10x canary)` names one value only and is left alone).
 */
export const factorMismatch: Rule = {
  id: 'factor-mismatch',
  description: 'A factor (`88x better`, `4.3x faster`) that disagrees with the two values it compares.',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    const masked = checkedText(ctx.doc, ctx.text);
    const seen = new Set<number>();
    for (const line of linesWithOffsets(masked)) {
      if (!/\d\s?[x×]/.test(line.text)) continue;
      for (const re of [AGAINST_REFERENCE, ARROW_FACTOR, LABELLED_PAIR]) {
        re.lastIndex = 0;
        for (const m of line.text.matchAll(re)) {
          const c = claimOf(m, line.offset);
          if (c && !seen.has(c.factor.start)) {
            seen.add(c.factor.start);
            verify(ctx, c, re === ARROW_FACTOR);
          }
        }
      }
    }
  },
};

function claimOf(m: RegExpMatchArray, base: number): Claim | null {
  const g = m.groups!;
  const ix = m.indices!.groups!;
  const side = (k: 'v' | 't') => {
    const q = g[`${k}q`];
    const start = q && /[~≈]/.test(q) ? ix[`${k}q`]![0] : ix[k]![0];
    const unit = g[`${k}u`] ?? null;
    const end = unit ? ix[`${k}u`]![1] : ix[k]![1];
    return { value: parseNum(g[k]!), text: m.input!.slice(start, end), start: base + start, end: base + end, unit, approx: Boolean(q && /[~≈]/.test(q)) };
  };
  const [fs] = g.fq ? ix.fq! : ix.f!;
  const fe = ix.f![1] + (m.input!.slice(ix.f![1]).match(/^\s?[x×]/)?.[0].length ?? 0);
  return {
    v: side('v'),
    t: side('t'),
    factor: { value: parseNum(g.f!), precision: decimals(g.f!), text: m.input!.slice(fs, fe), start: base + fs, end: base + fe, approx: Boolean(g.fq) },
  };
}

function decimals(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function verify(ctx: RuleContext, c: Claim, arrow: boolean): void {
  const su = unitScale(c.v.unit);
  const st = unitScale(c.t.unit);
  if (su && st && su.family !== st.family) return;
  // A bare unit word that is not a unit family of its own on one side only: `5 users (target 10, …)`.
  const a = c.v.value * (su?.scale ?? st?.scale ?? 1);
  const b = c.t.value * (st?.scale ?? su?.scale ?? 1);
  if (a <= 0 || b <= 0) return;
  const exact = Math.max(a, b) / Math.min(a, b);
  const { factor } = c;
  if (agreesAtPrecision(factor.value, exact, factor.precision)) return;
  const approx = factor.approx || c.v.approx || c.t.approx;
  if (approx && withinTolerance(factor.value, exact, ctx.config.approximateTolerance)) return;

  const expected = roundTo(exact, factor.precision);
  if (expected === 0) return;
  const digits = /\d[\d,]*(?:\.\d+)?/.exec(factor.text)!;
  const newNumber = formatLike({ text: digits[0], precision: factor.precision }, expected);
  const newText = factor.text.slice(0, digits.index) + newNumber + factor.text.slice(digits.index + digits[0].length);
  const [big, small] = a >= b ? [c.v, c.t] : [c.t, c.v];
  const exactText = formatNumber(roundTo(exact, Math.max(1, factor.precision)), Math.max(1, factor.precision));
  const range: Range = ctx.lines.range(factor.start, factor.end);
  const roles = arrow ? ['Before', 'After'] : ['Value', 'Compared with'];
  ctx.report({
    range,
    message: `Unexpected ${factor.text.trim()}, expected ${newText.trim()}: ${big.text.trim()} ÷ ${small.text.trim()} = ${exactText}x.`,
    related: [
      { range: ctx.lines.range(c.v.start, c.v.end), message: `${roles[0]}: ${c.v.text.trim()}` },
      { range: ctx.lines.range(c.t.start, c.t.end), message: `${roles[1]}: ${c.t.text.trim()}` },
    ],
    detail: `The larger value ${big.text.trim()} divided by the smaller ${small.text.trim()}${su && st && su.scale !== st.scale ? ' (in the same unit)' : ''} is ${formatNumber(exact, 2)}; written with ${factor.precision} decimal${factor.precision === 1 ? '' : 's'} that is ${newNumber}x, but the text says ${factor.text.trim()}.`,
    fix: { title: `Change to ${newText.trim()}`, edits: [{ range, text: newText }], preferred: true },
  });
}
