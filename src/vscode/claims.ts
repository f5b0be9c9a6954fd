/**
 * What the rules verified, for the hover, the CodeLens and the tree: read from the entry's
 * verdicts only, so "checked" always means a rule compared the claim with its evidence.
 * Pure over the entry (no `vscode` import), for tests.
 */
import * as vscode from 'vscode';
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
  const parts = [counts.checked === 1 ? vscode.l10n.t('1 claim checked') : vscode.l10n.t('{0} claims checked', counts.checked)];
  if (counts.checked) parts.push(vscode.l10n.t('{0} wrong', counts.wrong));
  if (counts.unchecked) parts.push(vscode.l10n.t('{0} not checked', counts.unchecked));
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
  // The claim kind, the rule id and the reason come from the core and stay as they are.
  if (!verdict || verdict.verdict === 'unchecked') return vscode.l10n.t('Not checked ({0} claim): {1}.', claim.kind, verdict?.reason ?? claim.unchecked ?? vscode.l10n.t('no enabled rule checks it'));
  if (verdict.verdict === 'right') {
    const n = claim.evidence.length;
    if (n === 0) return vscode.l10n.t('Checked by {0} ({1} claim): consistent with its evidence.', verdict.rule ?? '', claim.kind);
    if (n === 1) return vscode.l10n.t('Checked by {0} ({1} claim): consistent with its evidence (1 piece).', verdict.rule ?? '', claim.kind);
    return vscode.l10n.t('Checked by {0} ({1} claim): consistent with its evidence ({2} pieces).', verdict.rule ?? '', claim.kind, n);
  }
  return vscode.l10n.t('Checked by {0} ({1} claim): wrong. {2}', verdict.rule ?? '', claim.kind, verdict.reason ?? '').trim();
}
