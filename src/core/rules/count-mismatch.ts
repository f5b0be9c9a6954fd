import { agreesAtPrecision, withinTolerance } from '../model/arithmetic';
import type { Claim } from '../model/schema';
import type { Rule } from './types';
import { subjectOf } from './util/say';

/** A heading that counts what is under it names itself: `"Documents Added (4 total)" says 4`. */
const heading = (claim: Claim) => (claim.form === 'heading' ? subjectOf(claim.subject) : '');

/**
 * A stated count against the items it counts (`count` claims, read in model/claims/count.ts):
 * `Documents Added (4 total)` over 5 items, `### CI/CD (7 files)` over its sub-sections,
 * `3 types (H3, H4)`, a distribution table against the rows it counts. The rule only compares:
 * the count of the evidence, and the other readings the model found (`data.also*`); a mismatch
 * the model doubts (`data.doubt`) stays unchecked.
 */
export const countMismatch: Rule = {
  id: 'count-mismatch',
  description: 'A stated count (`Documents Added (4 total)`, `(7 files)`, `3 types (H3, H4)`) that disagrees with the items of the list, table, code block or inline list it introduces.',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    const tolerance = ctx.config.approximateTolerance;
    const parents = ctx.claims('count').filter((c) => c.data.what === 'sub-sections' && c.stated);
    for (const claim of ctx.claims('count')) {
      if (claim.unchecked) { ctx.verdict(claim, 'unchecked', claim.unchecked); continue; }
      const stated = claim.stated;
      if (!stated || claim.evidence.length === 0) { ctx.verdict(claim, 'unchecked', 'no items to count'); continue; }
      const count = countOf(claim);
      const readings = [count, ...alsoOf(claim)];
      if (readings.some((n) => agrees(stated.value, stated.qualifier, n, tolerance))) { ctx.verdict(claim, 'right'); continue; }
      if (stated.qualifier === '~' || stated.qualifier === '≈') { ctx.verdict(claim, 'unchecked', 'an approximate count'); continue; }
      const doubt = claim.data.doubt;
      if (typeof doubt === 'string' && doubt) { ctx.verdict(claim, 'unchecked', doubt); continue; }
      report(ctx, claim, count, carried(parents, claim, count), totalDisagrees(ctx, claim, count));
    }
  },
};

/**
 * Why no fix may change the count, when a total is stated with it (`(4 stories, 15 points)`)
 * and the listed items do not add up to that total either: `missing` when fewer items are
 * listed than counted and the total is short too (an item is more likely missing from the list
 * than the count wrong), `total` otherwise (changing the count would only leave the total's
 * error, which the wrong count hides, to be found next). Null: the count alone is wrong.
 */
function totalDisagrees(ctx: Parameters<Rule['run']>[0], claim: Claim, count: number): 'missing' | 'total' | null {
  const overlaps = (a: Claim, b: Claim) => a.statement.offset < b.statement.endOffset && b.statement.offset < a.statement.endOffset;
  let why: 'missing' | 'total' | null = null;
  for (const t of ctx.claims('total')) {
    if (!t.stated || !overlaps(t, claim)) continue;
    const parts = t.evidence.filter((e) => e.role === 'part' && e.quantity);
    if (parts.length === 0) continue;
    const sum = parts.reduce((s, e) => s + e.quantity!.value, 0);
    if (agreesAtPrecision(t.stated.value, sum, t.stated.precision)) continue;
    if (count < claim.stated!.value && sum < t.stated.value) return 'missing';
    why = 'total';
  }
  return why;
}

/**
 * A heading over sub-sections whose count is the sum of their stated counts (not of their
 * items) moves with a sub-section's corrected count: one error, one fix, no finding left behind.
 */
function carried(parents: readonly Claim[], child: Claim, count: number): { claim: Claim; value: number } | null {
  for (const parent of parents) {
    const part = parent.evidence.find((e) => e.range.offset <= child.range.offset && child.range.endOffset <= e.range.endOffset);
    if (!part) continue;
    const stated = parent.stated!;
    if (stated.qualifier || stated.value === countOf(parent) || !alsoOf(parent).includes(stated.value)) return null;
    return { claim: parent, value: stated.value + count - child.stated!.value };
  }
  return null;
}

function countOf(claim: Claim): number {
  return claim.evidence.reduce((a, e) => a + (e.quantity?.value ?? 1), 0);
}

function alsoOf(claim: Claim): number[] {
  return Object.entries(claim.data)
    .filter(([k, v]) => k.startsWith('also') && typeof v === 'number')
    .map(([, v]) => v as number);
}

function agrees(stated: number, qualifier: string | null, count: number, tolerance: number): boolean {
  // `15+ tests` is at least 15, and the list under it is often a selection: it never contradicts.
  if (qualifier === '+') return true;
  if (qualifier === '~' || qualifier === '≈') return withinTolerance(stated, count, tolerance);
  return stated === count;
}

function describe(claim: Claim, count: number): string {
  const what = typeof claim.data.what === 'string' ? claim.data.what : 'list';
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  switch (claim.form) {
    case 'inline': return `the inline list names ${plural(count, 'item')}`;
    case 'bucket': return `${plural(count, 'row')} of the table it counts ${count === 1 ? 'falls' : 'fall'} in that range`;
    default:
      if (what === 'sub-sections') {
        return `the ${claim.evidence.length} sub-sections below list ${claim.evidence.map((e) => e.quantity?.value ?? 1).join(' + ')} = ${plural(count, 'item')}`;
      }
      if (what === 'table') return `the table below has ${plural(count, 'row')}`;
      if (what === 'code block') return `the code block below has ${plural(count, 'entry').replace('entrys', 'entries')}`;
      return `the list below has ${plural(count, 'item')}`;
  }
}

function report(ctx: Parameters<Rule['run']>[0], claim: Claim, count: number, carry: { claim: Claim; value: number } | null = null, noFix: 'missing' | 'total' | null = null): void {
  const stated = claim.stated!;
  const what = describe(claim, count);
  const unit = stated.unit && stated.unit !== 'total' ? ` ${stated.unit}` : '';
  ctx.report({
    claim,
    range: claim.range,
    // "Phase 2 — Query parser" says 8 tasks, the list below has 7 items.
    message: claim.data.range === true
      ? `${heading(claim) ? `"${heading(claim)}": ` : ''}${stated.text} names ${stated.value}, but ${what}.`
      : heading(claim)
        ? `"${heading(claim)}" says ${stated.text}${unit}${stated.qualifier === '+' ? '+' : ''}, but ${what}.`
        : `${stated.text}${unit}${stated.qualifier === '+' ? '+' : ''} should be ${count}: ${what}.`,
    related: claim.evidence.slice(0, 30).map((e, i) => ({ range: e.range, message: claim.form === 'inline' ? e.label : `${e.label || `Item ${i + 1}`}` })),
    detail: `${claim.subject ? `"${claim.subject}" announces` : 'The text announces'} ${stated.value}${unit}; ${what}.${noFix === 'missing' ? ' The total stated with the count is short by as much, so an item may be missing from the list: no fix is offered.' : noFix === 'total' ? ' The total stated with the count does not match the items either, so no fix is offered.' : ''}`,
    // A range of numbered items (`Tasks 4-15`) names which items, not only how many: no fix;
    // nor when the list looks incomplete rather than the count wrong.
    ...(claim.data.range === true || noFix ? {} : {
      fix: {
        title: `Change the count to ${count}${carry ? ` and the heading's total to ${carry.value}` : ''}`,
        edits: [{ range: claim.range, text: String(count) }, ...(carry ? [{ range: carry.claim.range, text: String(carry.value) }] : [])],
      },
    }),
  });
}
