import { agreesAtPrecision, formatLike, roundTo, withinTolerance } from '../model/arithmetic';
import type { Claim, Quantity } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { capitalize, rowName, subjectOf } from './util/say';
import { contributions, exactPrecision, halves, inGroup, isApprox, means, product, quantities, show, sumAgrees, sumPrecision } from './util/sums';

/**
 * A total that is not the sum of its parts: Total rows against their column, weighted tables
 * (weight × completion = contribution, and their sum), lead-ins (`(3 files, ~730 lines)`),
 * heading totals over a table, prose totals of a list, status tallies under a table, Average
 * rows (the mean of their column) and summary rows against the section table of that name.
 */
export const totalMismatch: Rule = {
  id: 'total-mismatch',
  description: 'A total that is not the sum of its parts: Total rows, Average rows, weighted tables (weight × completion = contribution), `(3 files, ~730 lines)` lead-ins, `(117 total)` headings, status tallies, summary rows against their section\'s table.',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    const claims = ctx.claims('total');
    const sums = new Map(claims.filter((c) => c.form === 'weighted-sum' && !c.unchecked).map((c) => [c.data.group, c]));
    // Once per weighted total, not once per row: a long table has as many rows as parts.
    const written = new Map<Claim, number | null>();
    const carry = (total: Claim | undefined) => {
      if (!total) return undefined;
      if (!written.has(total)) written.set(total, writtenSumItAgreesWith(ctx, total));
      const sum = written.get(total)!;
      return sum === null ? undefined : { total, written: sum };
    };
    for (const c of claims) {
      if (c.unchecked) ctx.verdict(c, 'unchecked', c.unchecked);
      else if (c.form === 'weighted-row') checkRow(ctx, c, carry(sums.get(c.data.group)));
      else if (c.form === 'weighted-sum') checkWeightedSum(ctx, c);
      else if (c.form === 'weighted-average') checkAverage(ctx, c);
      else if (c.form === 'column-mean') checkMean(ctx, c);
      else if (c.form === 'rollup-done') checkRollup(ctx, c);
      else if (c.form === 'done-ratio' || c.form === 'tally' || (c.form === 'line-total' && c.data.ratio)) checkHalves(ctx, c);
      else checkSum(ctx, c);
    }
  },
};

const tol = (ctx: RuleContext) => ctx.config.approximateTolerance;
/** `TOTAL says 95% for Contribution`: the row's own word, else "The total". */
const says = (c: Claim, what: string) => `${typeof c.data.label === 'string' && c.data.label ? c.data.label : 'The total'} says ${what}${c.subject ? ` for ${subjectOf(c.subject)}` : ''}`;

function checkSum(ctx: RuleContext, c: Claim): void {
  const stated = c.stated!;
  const parts = quantities(c.evidence, 'part');
  const sum = parts.reduce((s, p) => s + p.value, 0);
  if (sumAgrees(stated, parts, sum, tol(ctx))) { ctx.verdict(c, 'right'); return; }
  reportSum(ctx, c, parts.map((p) => [p, p.value]), sum);
}

function reportSum(ctx: RuleContext, c: Claim, terms: [Quantity, number][], sum: number): void {
  const stated = c.stated!;
  const parts = terms.map(([p]) => p);
  const precision = sumPrecision(stated, parts);
  const lower = stated.qualifier === '+' || parts.some((p) => p.qualifier === '+');
  const approx = isApprox(stated) || parts.some(isApprox);
  const expected = show(stated, sum);
  const unit = typeof c.data.unit === 'string' ? ` ${c.data.unit}` : '';
  const said = `${isApprox(stated) ? stated.qualifier : ''}${show(stated)}${stated.qualifier === '+' ? '+' : ''}`;
  const termsText = terms.map(([p, v]) => show(p, v, p.precision)).join(' + ');
  const sumText = `${approx ? '~' : ''}${expected}${lower ? '+' : ''}`;
  // "TOTAL says 95% for Contribution, its rows add up to 90% (50% + 20% + 20% + 0%)"; "The 3 files listed below add up to 528 lines, not ~730".
  const message = c.form === 'column-sum' || c.form === 'weighted-sum'
    ? `${says(c, said)}, its rows add up to ${sumText} (${termsText}).`
    : `${capitalize(String(c.data.what))} ${String(c.data.what).includes(' column') ? 'adds' : 'add'} up to ${sumText}${unit}, not ${said}${unit} (${termsText}).`;
  ctx.report({
    claim: c,
    range: c.range,
    message,
    related: c.evidence.filter((e) => e.role === 'part').slice(0, 20).map((e) => ({ range: e.range, message: `Part: ${e.label} (${show(e.quantity!)})` })),
    detail: `${terms.length} parts add up to ${show({ ...stated, of: null }, sum, precision)}${lower ? ' (at least: some parts are lower bounds)' : ''}${approx ? ` (approximate numbers: accepted within ${Math.round(tol(ctx) * 100)}%)` : ''}, but the total says ${show(stated)}.`,
    ...totalFix(stated, roundTo(sum, stated.precision), expected),
  });
}

/**
 * The fix that writes a new total. A sign written before the number (`-900`) is not part of the
 * number's range: the magnitude is written when the sign stays, and no fix is offered when it
 * would have to change (`-900` → `+250`).
 */
function totalFix(stated: Quantity, value: number, shown: string): { fix?: { title: string; edits: { range: Quantity['range']; text: string }[] } } {
  if (stated.sign !== null && stated.sign !== undefined) {
    const negative = stated.value < 0;
    if ((negative && value > 0) || (!negative && value < 0)) return {};
    return { fix: { title: `Change the total to ${shown}`, edits: [{ range: stated.range, text: formatLike(stated, Math.abs(value)) }] } };
  }
  return { fix: { title: `Change the total to ${shown}`, edits: [{ range: stated.range, text: formatLike(stated, value) }] } };
}

function checkMean(ctx: RuleContext, c: Claim): void {
  const t = c.stated!;
  const { mean, parts, other } = means(c);
  const ok = isApprox(t) ? withinTolerance(t.value, mean, tol(ctx)) : agreesAtPrecision(t.value, mean, t.precision);
  if (ok) { ctx.verdict(c, 'right'); return; }
  if (other) { ctx.verdict(c, 'unchecked', `the average row states ${other}`); return; }
  const expected = roundTo(mean, t.precision);
  const p = Math.max(t.precision, exactPrecision(mean, t.precision) <= t.precision + 2 ? exactPrecision(mean, t.precision) : t.precision + 1);
  ctx.report({
    claim: c,
    range: t.range,
    message: `${typeof c.data.label === 'string' && c.data.label ? c.data.label : 'The average'} says ${show(t)} for ${subjectOf(c.subject)}, its rows average ${show(t, expected)}, as (${parts.map((q) => show(q)).join(' + ')}) / ${parts.length} = ${show(t, mean, p)}.`,
    related: c.evidence.filter((e) => e.role === 'part').slice(0, 20).map((e) => ({ range: e.range, message: `Part: ${e.label} (${show(e.quantity!)})` })),
    detail: `An Average row states the mean of the rows above: ${show(t, mean, p)}, but it says ${show(t)}.`,
    fix: { title: `Change the average to ${show(t, expected)}`, edits: [{ range: t.range, text: formatLike(t, expected) }] },
  });
}

function checkRollup(ctx: RuleContext, c: Claim): void {
  const t = c.stated!;
  const done = c.evidence.filter((e) => e.role === 'done');
  if (t.value === done.length) { ctx.verdict(c, 'right'); return; }
  ctx.report({
    claim: c,
    range: t.range,
    message: `${subjectOf(c.subject)}: ${String(c.data.column)} ${show(t)} should be ${done.length} (${c.data.what} marks ${done.length} of its ${c.data.rows} rows done).`,
    related: done.slice(0, 20).map((e) => ({ range: e.range, message: `Done: ${e.label}` })),
    fix: { title: `Change it to ${done.length}`, edits: [{ range: t.range, text: formatLike(t, done.length) }] },
  });
}

/**
 * The sum of the written contributions when the weighted total agrees with it and not with the
 * right ones (it adds up the written rows, so it moves with a row's fix); else null.
 */
function writtenSumItAgreesWith(ctx: RuleContext, total: Claim): number | null {
  const rows = contributions(total);
  const written = rows.reduce((s, x) => s + x.written.value, 0);
  const parts = rows.map((x) => x.written);
  const agrees = sumAgrees(total.stated!, parts, written, tol(ctx)) && !sumAgrees(total.stated!, parts, rows.reduce((s, x) => s + x.right, 0), tol(ctx));
  return agrees ? written : null;
}

/** A weighted row; `carry` is its table's total when that total adds up the written rows. */
function checkRow(ctx: RuleContext, c: Claim, carry: { total: Claim; written: number } | undefined): void {
  const k = c.stated!;
  const p = product(c, c.data.row as number);
  if (agreesAtPrecision(k.value, p, k.precision)) { ctx.verdict(c, 'right'); return; }
  const expected = roundTo(p, k.precision);
  const edits = [{ range: k.range, text: formatLike(k, expected) }];
  const [w, m] = [c.evidence.find((e) => e.role === 'weight')!, c.evidence.find((e) => e.role === 'completion')!];
  // A total that adds up the written contributions moves with this row: the fix corrects it too.
  let carried = '';
  const total = carry?.total;
  if (carry) {
    const moved = carry.written - k.value + expected;
    edits.push({ range: carry.total.stated!.range, text: formatLike(carry.total.stated!, roundTo(moved, carry.total.stated!.precision)) });
    carried = show(carry.total.stated!, moved);
  }
  ctx.report({
    claim: c,
    range: k.range,
    message: `${rowName(c.subject)}: contribution ${show(k)} should be ${show(k, expected)} (weight ${show(w.quantity!)} × ${String(c.data.completion).toLowerCase()} ${show(m.quantity!)} = ${show(k, p, exactPrecision(p, k.precision))})${carried ? `; the total that adds it up becomes ${carried}` : ''}.`,
    related: [
      { range: w.range, message: `${w.label}: ${show(w.quantity!)}` },
      { range: m.range, message: `${m.label}: ${show(m.quantity!)}` },
      ...(carried ? [{ range: total!.stated!.range, message: `Total, which adds up the written rows and changes with this one: ${show(total!.stated!)} → ${carried}` }] : []),
    ],
    detail: `In a weighted table each row contributes its weight times its completion: ${show(w.quantity!)} × ${show(m.quantity!)} = ${formatLike({ text: '', precision: k.precision + 2 }, roundTo(p, k.precision + 2))}.${carried ? ` The total row adds up the written contributions, so the fix changes it to ${carried} too.` : ''}`,
    fix: { title: `Change the contribution to ${show(k, expected)}${carried ? ` and the total to ${carried}` : ''}`, edits },
  });
}

function checkWeightedSum(ctx: RuleContext, c: Claim): void {
  const rows = contributions(c);
  const right = rows.reduce((s, x) => s + x.right, 0);
  const written = rows.reduce((s, x) => s + x.written.value, 0);
  const parts = rows.map((x) => x.written);
  if (sumAgrees(c.stated!, parts, right, tol(ctx))) { ctx.verdict(c, 'right'); return; }
  // Agreeing with the written rows, it is corrected by the wrong row's fix (one error, one finding).
  if (rows.some((x) => x.right !== x.written.value) && sumAgrees(c.stated!, parts, written, tol(ctx))) {
    ctx.verdict(c, 'unchecked', 'adds up the written contributions; the wrong row\'s fix corrects it');
    return;
  }
  reportSum(ctx, c, rows.map((x) => [x.written, x.right]), right);
}

function checkAverage(ctx: RuleContext, c: Claim): void {
  const t = c.stated!;
  const groups = c.evidence.filter((e) => e.role === 'weight').map((e) => e.group);
  const ws = groups.map((g) => inGroup(c, 'weight', g)!.quantity!.value);
  const wsum = ws.reduce((s, w) => s + w, 0);
  if (wsum <= 0) { ctx.verdict(c, 'unchecked', 'the weights add up to nothing'); return; }
  const overall = groups.reduce<number>((s, g) => s + product(c, g), 0) / (wsum / 100);
  const ok = isApprox(t) ? withinTolerance(t.value, overall, tol(ctx)) : agreesAtPrecision(t.value, overall, t.precision);
  if (ok || (t.qualifier !== null && ['<', '>', '≤', '≥'].includes(t.qualifier))) { ctx.verdict(c, 'right'); return; }
  const expected = roundTo(overall, t.precision);
  const terms = groups.map((g) => `${show(inGroup(c, 'weight', g)!.quantity!)} × ${show(inGroup(c, 'completion', g)!.quantity!)}`);
  const subject = String(c.data.completion).toLowerCase();
  ctx.report({
    claim: c,
    range: t.range,
    message: `${says(c, show(t))}, its weighted rows give ${show(t, expected)} (${terms.join(' + ')} = ${show(t, overall, Number.isInteger(roundTo(overall, 1)) ? 0 : 1)}).`,
    related: c.evidence.filter((e) => e.role === 'completion').map((e) => ({ range: e.range, message: `${e.label}: ${show(e.quantity!)}` })),
    detail: `The total of a completion column in a weighted table is the weighted average Σ(weight × completion) / Σ weight = ${show(t, overall, 2)}.`,
    fix: { title: `Change the overall ${subject} to ${show(t, expected)}`, edits: [{ range: t.range, text: formatLike(t, expected) }] },
  });
}

function checkHalves(ctx: RuleContext, c: Claim): void {
  const t = c.stated!;
  const h = halves(c);
  if (typeof h === 'string') { ctx.verdict(c, 'unchecked', h); return; }
  if (t.value === h.n && t.of === h.d) { ctx.verdict(c, 'right'); return; }
  const base = c.evidence.find((e) => e.role === 'base');
  const share = c.evidence.find((e) => e.role === 'percent')?.quantity;
  const edits = [{ range: t.range, text: formatLike(t, h.n) }];
  if (base) edits.push({ range: base.range, text: formatLike(base.quantity ?? t, h.d) });
  if (share && base && h.d > 0) edits.push({ range: share.range, text: formatLike(share, roundTo((h.n / h.d) * 100, share.precision)) });
  const of = c.form === 'tally' ? ' of ' : '/';
  ctx.report({
    claim: c,
    range: t.value === h.n && base ? base.range : t.range,
    message: `${c.form === 'tally' ? 'The tally' : typeof c.data.label === 'string' && c.data.label ? c.data.label : 'The total'} says ${t.value}${of}${t.of}, ${h.why}${h.why.includes(`${h.n}${of}${h.d}`) ? '' : ` (${h.n}${of}${h.d})`}.`,
    related: h.related,
    fix: base ? { title: `Change it to ${h.n}${of}${h.d}`, edits } : undefined,
  });
}
