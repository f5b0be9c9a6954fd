/**
 * Quick fixes from the findings (each finding's fix and its alternatives, such as "Mark as done"
 * and "Move date to today"), "Ignore this finding here" (a suppression comment) for every
 * finding, and Fix All: in the Ctrl+. menu whenever the document has a preferred fix, and as the
 * `source.fixAll.statusDocs` action (usable from `editor.codeActionsOnSave`). Which fixes Fix
 * All applies is the core's fix policy.
 */
import * as vscode from 'vscode';
import type { Edit, Finding, Fix } from '../core/index';
import { suppressionEdits } from '../core/suppressEdit';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { AnalysisService } from './documents';
import { engine } from './lazy';
import { toRange } from './ranges';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('statusDocs');

function workspaceEdit(uri: vscode.Uri, edits: readonly Edit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e), e.text);
  return edit;
}

/** A Fix All action whose edit is computed when it is chosen (a cursor move never re-checks the document). */
class FixAllAction extends vscode.CodeAction {
  constructor(title: string, kind: vscode.CodeActionKind, readonly document: vscode.TextDocument) {
    super(title, kind);
  }
}

export class StatusDocsCodeActions implements vscode.CodeActionProvider<vscode.CodeAction> {
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
      const ignore = entry.doc ? suppressionEdits(entry.doc, (text ??= document.getText()), finding) : null;
      if (ignore) {
        // A status-docs-disable comment for this rule on this line, never part of Fix All.
        const action = new vscode.CodeAction(vscode.l10n.t('Ignore this finding here'), vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(document.uri, ignore);
        if (diagnostic) action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }
    // Offered whenever the document has a preferred fix, wherever the cursor is. Asked for
    // explicitly (Ctrl+.) the edit comes with it; for the light bulb it is computed on resolve.
    const count = preferredCount(entry.findings);
    if (count > 0) {
      const action = new FixAllAction(fixAllTitle(count), vscode.CodeActionKind.QuickFix, document);
      if (context.triggerKind !== vscode.CodeActionTriggerKind.Automatic) action.edit = this.fixAllEdit(document);
      if (action.edit || context.triggerKind === vscode.CodeActionTriggerKind.Automatic) actions.push(action);
    }
    return actions;
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (action instanceof FixAllAction && !action.edit) action.edit = this.fixAllEdit(action.document) ?? new vscode.WorkspaceEdit();
    return action;
  }

  /** The `source.fixAll.statusDocs` action, computed on the document's current text; undefined when there is nothing to fix. */
  fixAll(document: vscode.TextDocument): vscode.CodeAction | undefined {
    const entry = this.service.current(document) ?? this.service.analyzeDocument(document);
    const count = preferredCount(entry.findings);
    if (count === 0) return undefined;
    const edit = this.fixAllEdit(document);
    if (!edit) return undefined;
    const action = new vscode.CodeAction(fixAllTitle(count), FIX_ALL_KIND);
    action.edit = edit;
    return action;
  }

  /**
   * Fix All as one edit: the core's fix policy (every preferred fix, without overlaps, checked
   * and applied again until nothing changes) on the document's text, as the smallest edits.
   */
  fixAllEdit(document: vscode.TextDocument): vscode.WorkspaceEdit | undefined {
    const entry = this.service.current(document) ?? this.service.analyzeDocument(document);
    if (!entry.doc || preferredCount(entry.findings) === 0) return undefined;
    const text = document.getText();
    const e = engine();
    const result = e.fixToFixedPoint(text, (t) => this.service.analyze(document.uri, t, -1).findings, e.FIX_ALL, { findings: entry.findings });
    if (!result.changed) return undefined;
    return workspaceEdit(document.uri, e.textEdits(text, result.text));
  }
}

const preferredCount = (findings: readonly Finding[]) => findings.filter((f) => f.fix?.preferred).length;
const fixAllTitle = (n: number) => vscode.l10n.t('Fix all Status Docs problems ({0})', n);

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

export function registerCodeActions(service: AnalysisService): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new StatusDocsCodeActions(service), StatusDocsCodeActions.metadata);
}
