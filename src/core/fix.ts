/** Applying fixes to text: the one implementation behind the CLI, "fix all" and the tests. */
import type { Edit, Finding } from './findings';
import { LineIndex } from './model/positions';

/**
 * Applies the preferred fix of each finding. Edits that overlap an edit already taken are
 * skipped whole (with their finding), so the result is always well-formed; run again to converge.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const lines = new LineIndex(text);
  const toOffset = (line: number, column: number) => (lines.starts[line - 1] ?? text.length) + column - 1;
  type Abs = { start: number; end: number; text: string };
  const chosen: Abs[] = [];
  let applied = 0;
  for (const f of findings) {
    if (!f.fix) continue;
    const edits: Abs[] = f.fix.edits.map((e: Edit) => ({ start: toOffset(e.line, e.column), end: toOffset(e.endLine, e.endColumn), text: e.text }));
    if (edits.some((e) => chosen.some((c) => e.start < c.end && c.start < e.end) || e.start > e.end)) continue;
    chosen.push(...edits);
    applied++;
  }
  chosen.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of chosen) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied };
}
