/**
 * Quick fixes from the findings' fixes, "Mark as done" / "Move date to today" for stale items,
 * "Ignore this finding here" (a suppression comment) for every finding, and the
 * `source.fixAll.statusDocs` action (usable from `editor.codeActionsOnSave`).
 */
import * as vscode from 'vscode';
import type { Edit, Finding, Fix } from '../core/index';
import { suppressionEdits } from '../core/suppressEdit';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { AnalysisService } from './documents';
import { toRange } from './ranges';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('statusDocs');

function workspaceEdit(uri: vscode.Uri, edits: readonly Edit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e), e.text);
  return edit;
}

/** The edits "fix all" applies: each finding's preferred fix, skipping any that overlap an earlier one. */
export function fixAllEdits(findings: readonly Finding[]): Edit[] {
  const chosen: Edit[] = [];
  const before = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line < b.line || (a.line === b.line && a.column < b.column);
  const overlaps = (a: Edit, b: Edit) => before(a, { line: b.endLine, column: b.endColumn }) && before(b, { line: a.endLine, column: a.endColumn });
  for (const f of findings) {
    if (!f.fix?.preferred) continue;
    if (f.fix.edits.some((e) => chosen.some((c) => overlaps(e, c) || (sameStart(e, c))))) continue;
    chosen.push(...f.fix.edits);
  }
  return chosen;
}

const sameStart = (a: Edit, b: Edit) => a.line === b.line && a.column === b.column;

/** The text that replaces a stale item's status: keeps its style (emoji, word, capitals). */
export function doneText(statusText: string): string {
  // A task item's own box: ticking it is marking it done.
  if (/^\[ \]$/.test(statusText.trim())) return '[x]';
  const hasEmoji = /\p{Extended_Pictographic}/u.test(statusText);
  const words = statusText.replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '').trim();
  const word = words === '' ? '' : words === words.toUpperCase() && /[A-Z]/.test(words) ? 'DONE' : /^[a-z]/.test(words) ? 'done' : 'Done';
  return [hasEmoji ? '✅' : '', word].filter(Boolean).join(' ') || 'Done';
}

export class StatusDocsCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly service: AnalysisService) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only) {
      // `source`, `source.fixAll` (editor.codeActionsOnSave) or `source.fixAll.statusDocs`.
      if (context.only.contains(FIX_ALL_KIND)) {
        const action = this.fixAll(document);
        return action ? [action] : [];
      }
      if (!context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    }
    const entry = this.service.current(document);
    if (!entry) return [];
    const actions: vscode.CodeAction[] = [];
    let text: string | undefined;
    for (const finding of entry.findings) {
      const findingRange = toRange(finding);
      if (!findingRange.intersection(range) && !context.diagnostics.some((d) => d.range.isEqual(findingRange))) continue;
      const diagnostic = context.diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && d.range.isEqual(findingRange) && codeOf(d) === finding.rule);
      const fixes: Fix[] = [...(finding.fix ? [finding.fix] : []), ...(finding.alternatives ?? [])];
      for (const fix of fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(document.uri, fix.edits);
        action.isPreferred = fix === finding.fix && fix.preferred;
        if (diagnostic) action.diagnostics = [diagnostic];
        actions.push(action);
      }
      actions.push(...staleActions(document, finding, entry.today, diagnostic));
      const ignore = entry.doc ? suppressionEdits(entry.doc, (text ??= document.getText()), finding) : null;
      if (ignore) {
        // A status-docs-disable comment for this rule on this line, never part of fix-all.
        const action = new vscode.CodeAction('Ignore this finding here', vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(document.uri, ignore);
        if (diagnostic) action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }
    // Offered next to quick fixes only: a cursor move must not re-check the document.
    const fixAll = actions.length ? this.fixAll(document) : undefined;
    if (fixAll) actions.push(fixAll);
    return actions;
  }

  /** One action with every preferred fix of the document, computed on its current text. */
  fixAll(document: vscode.TextDocument): vscode.CodeAction | undefined {
    const entry = this.service.current(document) ?? this.service.analyzeDocument(document);
    const edits = fixAllEdits(entry.findings);
    if (edits.length === 0) return undefined;
    const action = new vscode.CodeAction(`Fix all Status Docs problems (${edits.length})`, FIX_ALL_KIND);
    action.edit = workspaceEdit(document.uri, edits);
    return action;
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

const OPEN_WORDS = /^\uFE0F?[ \t]*(?:in[ -]progress|in[ -]review|not[ -]started|planned|blocked|at[ -]risk|on[ -]hold|pending|ongoing|open|to[ -]?do|wip|started|delayed)\b/i;

/**
 * The span that states an item's status on its line, 0-based columns: the whole table cell when
 * the status sits in one (`| 🚧 In Progress |`), else the emoji or word plus the status words
 * right after it (`🚧 In Progress`).
 */
export function statusSpan(line: string, start: number, end: number): [number, number] {
  if (/^\s*\|/.test(line)) {
    const left = line.lastIndexOf('|', start - 1);
    const right = line.indexOf('|', end);
    if (left >= 0 && right >= 0) {
      const cell = line.slice(left + 1, right);
      const lead = cell.length - cell.trimStart().length;
      return [left + 1 + lead, left + 1 + cell.trimEnd().length];
    }
  }
  const more = OPEN_WORDS.exec(line.slice(end));
  return [start, more ? end + more[0].length : end];
}

/** "Mark as done" (the status cell or words) and "Move date to today" (the date) for a stale finding. */
export function staleActions(document: vscode.TextDocument, finding: Finding, today: string, diagnostic?: vscode.Diagnostic): vscode.CodeAction[] {
  const stale = finding.stale;
  if (!stale) return [];
  const out: vscode.CodeAction[] = [];
  const uri = document.uri;
  const s = stale.statusRange;
  if (s && s.line === s.endLine && s.line <= document.lineCount) {
    const line = document.lineAt(s.line - 1).text;
    const [from, to] = statusSpan(line, s.column - 1, s.endColumn - 1);
    const text = doneText(line.slice(from, to));
    const a = new vscode.CodeAction(`Mark as done (${text})`, vscode.CodeActionKind.QuickFix);
    a.edit = workspaceEdit(uri, [{ line: s.line, column: from + 1, endLine: s.line, endColumn: to + 1, text }]);
    if (diagnostic) a.diagnostics = [diagnostic];
    out.push(a);
  }
  if (stale.dateRange && today) {
    const a = new vscode.CodeAction(`Move date to today (${today})`, vscode.CodeActionKind.QuickFix);
    a.edit = workspaceEdit(uri, [{ ...stale.dateRange, text: today }]);
    if (diagnostic) a.diagnostics = [diagnostic];
    out.push(a);
  }
  return out;
}

export function registerCodeActions(service: AnalysisService): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new StatusDocsCodeActions(service), StatusDocsCodeActions.metadata);
}
