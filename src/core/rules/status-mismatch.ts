import type { Claim, Evidence } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { subjectOf } from './util/say';

/**
 * A status that contradicts its own numbers (see `model/claims/status.ts`): `✅ Complete | 96%`
 * in a Status/Progress table, a section marked Complete with open task boxes, a Planned section
 * with every box ticked, a document whose Status says complete over a progress headline below 100%.
 */
export const statusMismatch: Rule = {
  id: 'status-mismatch',
  description: 'A status that contradicts its own numbers: "✅ Complete" at 96%, a Complete section with open tasks, a Planned section with every box ticked, a Complete document at 85%.',
  defaultSeverity: 'warning',
  tags: ['consistency'],
  fixable: false,
  run(ctx) {
    for (const claim of ctx.claims('status')) {
      if (claim.unchecked) { ctx.verdict(claim, 'unchecked', claim.unchecked); continue; }
      if (claim.form === 'table-row') checkRow(ctx, claim);
      else if (claim.form === 'section' || claim.form === 'document-checklist') checkSection(ctx, claim);
      else if (claim.form === 'document') checkDocument(ctx, claim);
      else ctx.verdict(claim, 'unchecked', `no comparison for the form "${claim.form}"`);
    }
  },
};

const role = (c: Claim, r: string): Evidence[] => c.evidence.filter((e) => e.role === r);

function checkRow(ctx: RuleContext, claim: Claim): void {
  const v = role(claim, 'completion')[0]!;
  const q = v.quantity!;
  const header = String(claim.data.header);
  const shown = String(claim.data.shown);
  const name = claim.subject;
  if (claim.status!.value === 'done' && q.value < 100) {
    ctx.report({
      claim,
      range: claim.range,
      message: `${name} is marked "${shown}" but its ${header.toLowerCase()} is ${q.text}%.`,
      related: [{ range: v.range, message: `${header} of ${name}: ${q.text}%` }],
      detail: `A row marked done should show 100% in its ${header} column; ${q.text}% leaves ${100 - q.value}% open.`,
    });
  } else if (claim.status!.value === 'planned' && q.value >= 100) {
    ctx.report({
      claim,
      range: claim.range,
      message: `${name} is still "${shown}" but its ${header.toLowerCase()} is ${q.text}%.`,
      related: [{ range: v.range, message: `${header} of ${name}: ${q.text}%` }],
      detail: `A row whose ${header} is 100% is finished, yet its status says "${shown}".`,
    });
  } else ctx.verdict(claim, 'right');
}

function checkSection(ctx: RuleContext, claim: Claim): void {
  const counted = role(claim, 'open');
  const open = counted.length + role(claim, 'later').length;
  const total = claim.evidence.length;
  const shown = String(claim.data.shown);
  if (claim.status!.value === 'done') {
    if (counted.length === 0) {
      ctx.verdict(claim, open ? 'unchecked' : 'right', open ? 'the open boxes are later work (next steps, optional, deferred)' : undefined);
      return;
    }
    const what = claim.form === 'section' ? 'section' : 'document';
    ctx.report({
      claim,
      range: claim.range,
      message: `"${subjectOf(claim.subject)}" is marked "${shown}" but ${open === total ? (total === 1 ? 'its only task is' : `all ${total} of its tasks are`) : `${open} of its ${total} tasks ${open === 1 ? 'is' : 'are'}`} unchecked.`,
      related: counted.slice(0, 20).map((t) => ({ range: t.range, message: `Open: ${t.label}` })),
      detail: `The ${what}'s checklist shows ${total - open} of ${total} boxes ticked; a finished ${what} has every box ticked (or its open items moved to a follow-up list).`,
    });
  } else if (claim.status!.value === 'planned' && open === 0 && total >= 2) {
    ctx.report({
      claim,
      range: claim.range,
      message: `"${subjectOf(claim.subject)}" is still "${shown}" but all ${total} of its tasks are checked.`,
      related: claim.evidence.slice(0, 20).map((t) => ({ range: t.range, message: `Done: ${t.label}` })),
      detail: `The section's checklist shows ${total} of ${total} boxes ticked, which reads as done, not "${shown}".`,
    });
  } else ctx.verdict(claim, 'right');
}

function checkDocument(ctx: RuleContext, claim: Claim): void {
  const p = role(claim, 'progress')[0]!;
  const q = p.quantity!;
  const shown = String(claim.data.shown);
  if (claim.status!.value !== 'done' || q.value >= 100 || (q.qualifier !== null && q.qualifier !== '~' && q.qualifier !== '≈')) { ctx.verdict(claim, 'right'); return; }
  ctx.report({
    claim,
    range: claim.range,
    message: `The document is marked "${shown}" but its ${p.label} is ${q.text.trim()}.`,
    related: [{ range: p.range, message: `${p.label}: ${q.text.trim()}` }],
    detail: `A finished document shows 100% progress; ${q.text.trim()} leaves ${100 - q.value}% open.`,
  });
}
