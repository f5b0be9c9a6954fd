/** Helpers for the time claims' table tests: analyze a tiny document, pick the claims of a kind. */
import { analyze } from '../../../src/core/model/analyze';
import type { Claim, ClaimKind } from '../../../src/core/model/schema';

export function claimsOf(text: string, kind: ClaimKind): Claim[] {
  return analyze(text).claims.filter((c) => c.kind === kind);
}

/** `date status` of each claim, `unchecked: reason` when the model left it unchecked. */
export function show(c: Claim): string {
  if (c.unchecked) return `unchecked: ${c.unchecked}`;
  return `${c.date?.date ?? (c.date?.none ? 'none' : '-')} ${c.status?.value ?? '-'}`;
}
