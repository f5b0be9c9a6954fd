/**
 * What the rules verified, for the hover, the CodeLens and the tree: read from the entry's
 * verdicts only, so "checked" always means a rule compared the claim with its evidence.
 * Pure over the entry (no `vscode` import), for tests.
 */
import type { Claim, ClaimVerdict } from '../core/index';

export interface ClaimCounts {
  claims: number;
  /** Compared with their evidence: right + wrong. */
  checked: number;
  wrong: number;
  unchecked: number;
}

interface HasVerdicts {
  doc: { claims: readonly Claim[] } | null;
  verdicts: readonly ClaimVerdict[];
}

export function claimCounts(entry: HasVerdicts): ClaimCounts {
  const claims = entry.doc?.claims.length ?? 0;
  let right = 0;
  let wrong = 0;
  for (const v of entry.verdicts) {
    if (v.verdict === 'right') right++;
    else if (v.verdict === 'wrong') wrong++;
  }
  return { claims, checked: right + wrong, wrong, unchecked: claims - right - wrong };
}

/** `12 claims checked · 2 wrong`, or null when the document states nothing checkable. */
export function claimCountsText(counts: ClaimCounts): string | null {
  if (counts.claims === 0) return null;
  const parts = [`${counts.checked} claim${counts.checked === 1 ? '' : 's'} checked`];
  if (counts.checked) parts.push(`${counts.wrong} wrong`);
  if (counts.unchecked) parts.push(`${counts.unchecked} not checked`);
  return parts.join(' · ');
}

/** The claims whose stated value covers a 1-based position, with their verdicts. */
export function claimsAt(entry: HasVerdicts, line: number, column: number): { claim: Claim; verdict: ClaimVerdict | undefined }[] {
  if (!entry.doc) return [];
  const out: { claim: Claim; verdict: ClaimVerdict | undefined }[] = [];
  for (const claim of entry.doc.claims) {
    const r = claim.range;
    if (r.line > line) break;
    const after = line > r.line || (line === r.line && column >= r.column);
    const before = line < r.endLine || (line === r.endLine && column <= r.endColumn);
    if (after && before) out.push({ claim, verdict: entry.verdicts[claim.id] });
  }
  return out;
}

/** One line for a hover: what was checked and how it came out. */
export function verdictText(claim: Claim, verdict: ClaimVerdict | undefined): string {
  const what = `${claim.kind} claim`;
  if (!verdict || verdict.verdict === 'unchecked') return `Not checked (${what}): ${verdict?.reason ?? claim.unchecked ?? 'no enabled rule checks it'}.`;
  if (verdict.verdict === 'right') return `Checked by ${verdict.rule} (${what}): consistent with its evidence${claim.evidence.length ? ` (${claim.evidence.length} ${claim.evidence.length === 1 ? 'piece' : 'pieces'})` : ''}.`;
  return `Checked by ${verdict.rule} (${what}): wrong. ${verdict.reason ?? ''}`.trim();
}
