/**
 * The fix policy: which fixes run, in what order, without overlaps, and again until nothing
 * changes. The one implementation behind the editor's Fix All (Ctrl+. and on save), the Progress
 * view's wand, the CLI's `fix` command and the tests. Pure: the host passes the text and a
 * function that checks a text the way it checks the document.
 */
import type { Edit, Finding, Fix } from './findings';
import { LineIndex } from './model/positions';
import { pushAll } from './collections';

/**
 * Which fixes to apply:
 * - `all`: the preferred fix of every finding ("fix all": safe to apply without reading);
 * - `rules`: the fix of every finding of these rules, preferred or not (naming the rule is the
 *   reader's choice); never an alternative;
 * - `finding`: one fix of one finding (its fix, or one of its alternatives).
 */
export type FixSelection =
  | { kind: 'all' }
  | { kind: 'rules'; rules: readonly string[] }
  | { kind: 'finding'; finding: Finding; fix?: Fix };

export const FIX_ALL: FixSelection = Object.freeze({ kind: 'all' });

/** At most this many check-and-fix passes: fixes whose edits overlapped get their turn in the next one. */
export const MAX_FIX_PASSES = 5;

/** The fixes a selection takes from the findings, in document order (the findings' order). */
export function selectFixes(findings: readonly Finding[], selection: FixSelection): Fix[] {
  switch (selection.kind) {
    case 'all':
      return findings.flatMap((f) => (f.fix?.preferred ? [f.fix] : []));
    case 'rules':
      return findings.flatMap((f) => (f.fix && selection.rules.includes(f.rule) ? [f.fix] : []));
    case 'finding': {
      const fix = selection.fix ?? selection.finding.fix;
      return fix ? [fix] : [];
    }
  }
}

interface Span { start: number; end: number; text: string }

export interface Plan {
  /** The edits to apply, on the text they were planned on, in document order, none overlapping. */
  edits: Edit[];
  /** The fixes taken whole. */
  taken: Fix[];
  /** Fixes left for a later pass: one of their edits overlaps an edit already taken. */
  deferred: Fix[];
}

/**
 * Orders and de-overlaps fixes: in the order given, a fix is taken whole when none of its
 * edits overlaps an edit already taken (or inserts where one starts); otherwise it is deferred
 * whole, so the result is always well-formed. An edit that another fix already makes (the same
 * range and text) is made once. A fix whose edits change nothing is not taken. Each edit is
 * trimmed to the characters it changes.
 */
export function planFixes(text: string, fixes: readonly Fix[]): Plan {
  const lines = new LineIndex(text);
  const offset = (line: number, column: number) => Math.min((lines.starts[line - 1] ?? text.length) + column - 1, text.length);
  const chosen: Span[] = [];
  const taken: Fix[] = [];
  const deferred: Fix[] = [];
  const overlaps = (a: Span, b: Span) =>
    (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));
  for (const fix of fixes) {
    const spans = fix.edits
      .map((e): Span => trim(text, { start: offset(e.line, e.column), end: offset(e.endLine, e.endColumn), text: e.text }))
      .filter((s) => !(s.start === s.end && s.text === ''));
    if (spans.length === 0) continue; // changes nothing
    if (spans.some((s) => s.start > s.end) || spans.some((s, i) => spans.some((t, j) => i < j && overlaps(s, t)))) continue; // malformed: never applied
    const fresh = spans.filter((s) => !chosen.some((c) => c.start === s.start && c.end === s.end && c.text === s.text));
    if (fresh.some((s) => chosen.some((c) => overlaps(s, c)))) {
      deferred.push(fix);
      continue;
    }
    pushAll(chosen, fresh);
    taken.push(fix);
  }
  chosen.sort((a, b) => a.start - b.start || a.end - b.end);
  return { edits: chosen.map((s) => toEdit(lines, s)), taken, deferred };
}

/** Applies non-overlapping edits (1-based, end exclusive, on `text`). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const lines = new LineIndex(text);
  const offset = (line: number, column: number) => Math.min((lines.starts[line - 1] ?? text.length) + column - 1, text.length);
  const eol = text.includes('\r\n') ? '\r\n' : null;
  const spans = edits.map((e) => ({ start: offset(e.line, e.column), end: offset(e.endLine, e.endColumn), text: eol ? e.text.replace(/\r?\n/g, eol) : e.text }));
  spans.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

export interface FixResult {
  /** The text after every pass. */
  text: string;
  /** Whether anything changed. */
  changed: boolean;
  /** Fixes applied over all passes. */
  applied: number;
  /** Passes that applied something. */
  passes: number;
  /** Whether the last check found nothing more to apply (false: the pass bound was reached, or the fixes undo each other). */
  converged: boolean;
  /** The findings of the fixed text (from the last check). */
  findings: Finding[];
}

export interface FixOptions {
  /** The findings of `text`, when the host already has them (saves the first check). */
  findings?: readonly Finding[];
  maxPasses?: number;
}

/**
 * Applies the selected fixes, checks the result and applies again, until no selected fix is
 * left (a fixed point) or `maxPasses` passes have run. A one-finding selection runs one pass:
 * its finding is gone afterwards.
 */
export function fixToFixedPoint(text: string, check: (text: string) => readonly Finding[], selection: FixSelection = FIX_ALL, options: FixOptions = {}): FixResult {
  const maxPasses = selection.kind === 'finding' ? 1 : Math.max(1, options.maxPasses ?? MAX_FIX_PASSES);
  let current = text;
  let findings = options.findings ?? check(text);
  let applied = 0;
  let passes = 0;
  const seen = new Set([current]);
  let converged = false;
  for (;;) {
    const plan = planFixes(current, selectFixes(findings, selection));
    if (plan.edits.length === 0) { converged = true; break; }
    if (passes === maxPasses) break;
    const next = applyEdits(current, plan.edits);
    passes++;
    applied += plan.taken.length;
    current = next;
    findings = check(current);
    // Fixes that undo each other would flip the text back and forth: stop at the first repeat.
    if (seen.has(current)) break;
    seen.add(current);
    if (selection.kind === 'finding') { converged = true; break; }
  }
  return { text: current, changed: current !== text, applied, passes, converged, findings: [...findings] };
}

/**
 * Applies the fix of each finding given, preferred or not, in one pass; fixes that overlap
 * one already taken are skipped (run again to converge). Kept for callers that pick the
 * findings themselves; "fix all" is `fixToFixedPoint`.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const plan = planFixes(text, findings.flatMap((f) => (f.fix ? [f.fix] : [])));
  return { text: applyEdits(text, plan.edits), applied: plan.taken.length };
}

/** The smallest edit: common leading and trailing characters of the old and new text left out. */
function trim(text: string, s: Span): Span {
  if (s.start > s.end) return s;
  const old = text.slice(s.start, s.end);
  let head = 0;
  while (head < old.length && head < s.text.length && old.charCodeAt(head) === s.text.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < old.length - head && tail < s.text.length - head && old.charCodeAt(old.length - 1 - tail) === s.text.charCodeAt(s.text.length - 1 - tail)) tail++;
  // Never split a surrogate pair.
  if (head > 0 && isLow(old.charCodeAt(head))) head--;
  if (tail > 0 && isLow(old.charCodeAt(old.length - tail))) tail--;
  return { start: s.start + head, end: s.end - tail, text: s.text.slice(head, s.text.length - tail) };
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function toEdit(lines: LineIndex, s: Span): Edit {
  const r = lines.range(s.start, s.end);
  return { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, text: s.text };
}
