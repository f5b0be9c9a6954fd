import type { Claim, Evidence, Quantity } from '../model/schema';
import { agreesAtPrecision, formatLike, roundTo, withinTolerance } from '../model/arithmetic';
import type { Rule, RuleContext, RuleReport } from './types';
import { capitalize } from './util/say';

/**
 * A progress claim against what the document computes itself (see `model/claims/progress.ts`):
 * its weighted table, its phase list, the column of per-row progress under the same measure,
 * the checklist a task count counts, the table a phase count counts.
 */
export const headlineMismatch: Rule = {
  id: 'headline-mismatch',
  description: 'A headline progress figure (Overall Progress, "% COMPLETE" in the title, "N of M tasks") that disagrees with what the document computes: its weighted table, phase list, progress column or checklist.',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    for (const claim of ctx.claims('progress')) {
      if (claim.unchecked) { ctx.verdict(claim, 'unchecked', claim.unchecked); continue; }
      if (claim.form === 'weighted') compareWithTable(ctx, claim);
      else if (claim.form === 'phase-mean' || claim.form === 'column-mean') compareWithMean(ctx, claim);
      else if (claim.form === 'task-count') compareWithChecklist(ctx, claim);
      else if (claim.form === 'unit-count') compareWithRows(ctx, claim);
      else if (claim.form === 'checklist-share') compareWithShare(ctx, claim);
      else ctx.verdict(claim, 'unchecked', `no comparison for the form "${claim.form}"`);
    }
  },
};

const role = (c: Claim, r: string): Evidence[] => c.evidence.filter((e) => e.role === r);

function agrees(q: Quantity, exact: number, tolerance: number, truncated = false): boolean {
  if (q.qualifier === '~' || q.qualifier === '≈') return withinTolerance(q.value, exact, tolerance) || agreesAtPrecision(q.value, exact, q.precision);
  if (q.qualifier === '+' || q.qualifier === '>' || q.qualifier === '≥' || q.qualifier === '>=') return exact >= q.value - 1e-9 || agreesAtPrecision(q.value, exact, q.precision);
  if (q.qualifier === '<' || q.qualifier === '≤' || q.qualifier === '<=') return exact <= q.value + 1e-9;
  if (truncated && q.precision === 0 && (Math.floor(exact) === q.value || Math.ceil(exact) === q.value)) return true;
  return agreesAtPrecision(q.value, exact, q.precision);
}

const pct = (v: number, precision: number) => `${formatLike({ text: '', precision }, roundTo(v, precision))}%`;
const exact = (v: number) => `${trim(formatLike({ text: '', precision: 2 }, roundTo(v, 2)))}%`;
function trim(s: string): string {
  if (!s.includes('.')) return s;
  let e = s.length;
  while (s[e - 1] === '0') e--;
  return s[e - 1] === '.' ? s.slice(0, e - 1) : s.slice(0, e);
}

function fixFor(claim: Claim, value: number): RuleReport['fix'] {
  const q = claim.stated!;
  return { title: `Change ${claim.subject} to ${pct(value, q.precision)}`, edits: [{ range: q.range, text: formatLike(q, roundTo(value, q.precision)) }], preferred: false };
}

function compareWithTable(ctx: RuleContext, claim: Claim): void {
  const q = claim.stated!;
  const weights = role(claim, 'weight');
  const completions = role(claim, 'completion');
  const rows = weights.map((w) => ({ w, c: completions.find((c) => c.group === w.group)! })).filter((r) => r.c);
  const weightSum = rows.reduce((s, r) => s + r.w.quantity!.value, 0);
  const overall = rows.reduce((s, r) => s + r.w.quantity!.value * r.c.quantity!.value, 0) / weightSum;
  if (agrees(q, overall, ctx.config.approximateTolerance)) { ctx.verdict(claim, 'right'); return; }
  if (rows.some((r) => r.c.quantity!.value > 100)) { ctx.verdict(claim, 'unchecked', 'a completion is above 100%'); return; }
  const terms = rows.map((r) => `${r.w.quantity!.value}% × ${trim(formatLike({ text: '', precision: 1 }, r.c.quantity!.value))}%`).join(' + ');
  const table = role(claim, 'table')[0]!;
  ctx.report({
    claim,
    range: claim.range,
    message: `${capitalize(claim.subject)} says ${claim.data.shown}, its weighted table gives ${pct(overall, q.precision)} (${terms} = ${exact(overall)}).`,
    related: [
      { range: table.range, message: 'The weighted table that computes the overall progress' },
      ...rows.map((r) => ({ range: r.c.range, message: `${r.c.label}: ${exact(r.c.quantity!.value)} at weight ${r.w.quantity!.value}%` })),
    ],
    detail: `The document's weighted table (weights adding up to 100%) gives Σ weight × completion = ${exact(overall)}; the headline says ${claim.data.shown}.`,
    fix: fixFor(claim, overall),
  });
}

function compareWithMean(ctx: RuleContext, claim: Claim): void {
  const q = claim.stated!;
  const parts = role(claim, 'part');
  const mean = parts.reduce((s, p) => s + p.quantity!.value, 0) / parts.length;
  const column = claim.form === 'column-mean';
  // A column of rounded per-row figures: the headline may truncate or round up their mean.
  if (agrees(q, mean, ctx.config.approximateTolerance, column)) { ctx.verdict(claim, 'right'); return; }
  // A part above 100% (`180% complete`) is itself wrong (percent-range says so): no mean to trust.
  if (parts.some((p) => p.quantity!.value > 100)) { ctx.verdict(claim, 'unchecked', 'a part is above 100%'); return; }
  const shown = parts.map((p) => `${p.quantity!.text}%`).join(' + ');
  const what = column
    ? `the ${parts.length} rows of the "${claim.data.header}" column average ${pct(mean, q.precision)}, as (${shown}) / ${parts.length} = ${exact(mean)}`
    : `the ${parts.length} phases listed with it average ${pct(mean, q.precision)}, as (${shown}) / ${parts.length} = ${exact(mean)}`;
  ctx.report({
    claim,
    range: claim.range,
    message: `${capitalize(claim.subject)} says ${claim.data.shown}, ${what}.`,
    related: parts.map((p) => ({ range: p.range, message: `${p.label}: ${p.quantity!.text}%` })),
    detail: column
      ? `The table reports ${claim.data.header} per row without weights, so the rows count equally: their mean is ${exact(mean)}.`
      : `The phases listed under the headline carry no weights, so they count equally: their mean is ${exact(mean)}.`,
    fix: fixFor(claim, mean),
  });
}

function percentEdit(claim: Claim, done: number, total: number): { range: Quantity['range']; text: string }[] {
  const p = role(claim, 'percent')[0]?.quantity;
  return p ? [{ range: p.range, text: formatLike(p, roundTo((done / total) * 100, p.precision)) }] : [];
}

function compareWithChecklist(ctx: RuleContext, claim: Claim): void {
  const q = claim.stated!;
  const scope = role(claim, 'checklist')[0]!;
  const done = scope.quantity!.value;
  const total = scope.quantity!.of!;
  const unit = String(claim.data.unit);
  const where = String(claim.data.where);
  const related = role(claim, 'done').slice(0, 30).map((t) => ({ range: t.range, message: `Done: ${t.label}` }));
  if (total === q.of) {
    if (done === q.value) { ctx.verdict(claim, 'right'); return; }
    ctx.report({
      claim,
      range: claim.range,
      message: `${q.value} of ${total} ${unit} done should be ${done} of ${total}: ${done} of the ${total} checkboxes of ${where} ${done === 1 ? 'is' : 'are'} ticked.`,
      related,
      detail: `Counting the task boxes of ${where}: ${done} checked, ${total - done} open.`,
      fix: { title: `Change to ${done} of ${total}`, edits: [{ range: q.range, text: String(done) }, ...percentEdit(claim, done, total)] },
    });
    return;
  }
  // The count has another denominator than the checklist, and the document's own breakdown agrees with the checklist.
  const parts = role(claim, 'part');
  const denominator = role(claim, 'denominator')[0]!;
  ctx.report({
    claim,
    range: claim.range,
    message: `${q.value}/${q.of} ${unit} should be ${done}/${total}: ${where} has ${total} checkboxes, ${done} ticked, and its own breakdown counts ${parts.map((p) => p.quantity!.of).join(' + ')} = ${total} items.`,
    related: [...parts.map((p) => ({ range: p.range, message: `${p.label}` })), ...related.slice(0, 20)],
    detail: `The ${q.of} items of the headline are neither the ${total} boxes of the checklist nor the ${total} items its breakdown adds up to; ${done} of the ${total} boxes are ticked (${exact((done / total) * 100)}).`,
    fix: { title: `Change to ${done}/${total}`, edits: [{ range: q.range, text: String(done) }, { range: denominator.range, text: String(total) }, ...percentEdit(claim, done, total)] },
  });
}

function compareWithRows(ctx: RuleContext, claim: Claim): void {
  const q = claim.stated!;
  const done = role(claim, 'done');
  const total = q.of!;
  const unit = String(claim.data.unit);
  if (done.length === q.value) { ctx.verdict(claim, 'right'); return; }
  ctx.report({
    claim,
    range: claim.range,
    message: `${q.value} of ${total} ${unit} done should be ${done.length} of ${total}: the table of the ${total} ${unit} marks ${done.length} done.`,
    related: [
      { range: role(claim, 'table')[0]!.range, message: `The table that lists the ${total} ${unit}` },
      ...done.slice(0, 30).map((r) => ({ range: r.range, message: `Done: ${r.label}` })),
    ],
    detail: `Counting the rows of the table whose status says done: ${done.length} of ${total}.`,
    fix: { title: `Change to ${done.length} of ${total}`, edits: [{ range: q.range, text: String(done.length) }, ...percentEdit(claim, done.length, total)] },
  });
}

function compareWithShare(ctx: RuleContext, claim: Claim): void {
  const q = claim.stated!;
  const scope = role(claim, 'checklist')[0]!.quantity!;
  const of = scope.of ?? 0;
  const share = (scope.value / of) * 100;
  if (agrees(q, share, ctx.config.approximateTolerance, true)) { ctx.verdict(claim, 'right'); return; }
  ctx.report({
    claim,
    range: claim.range,
    message: `${capitalize(claim.subject)} says ${claim.data.shown}, its checklist gives ${pct(share, q.precision)} (${scope.value} of ${of} boxes ticked = ${exact(share)}).`,
    related: role(claim, 'done').slice(0, 20).map((t) => ({ range: t.range, message: `Done: ${t.label}` })),
    detail: `Nothing else in the document computes the headline (no weighted table, phase list or progress column); its ${of} task boxes show ${scope.value} ticked, ${of - scope.value} open.`,
    fix: fixFor(claim, share),
  });
}
