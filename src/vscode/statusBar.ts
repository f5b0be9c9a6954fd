/**
 * The status bar item for the active status document: `$(checklist) 7/13 · $(error) 1 $(warning) 2`
 * (the checklist, else the overall progress, and the problems by severity, as the Problems panel
 * counts them); click focuses the tree. The tooltip names the document in its repaired text.
 */
import * as vscode from 'vscode';
import { CommandId } from './commands';
import type { AnalysisService, Entry } from './documents';
import { severityText } from './progressTree';
import { display, overallProgress, severityCounts } from './tree/verdicts';

export function statusBarText(entry: Entry): string {
  if (!entry.doc) return `$(checklist) ${vscode.l10n.t('skipped')}`;
  const { checklist } = entry.doc;
  const overall = overallProgress(entry.doc);
  const progress = checklist.total > 0 ? `${checklist.done}/${checklist.total}` : overall ? `${overall.percent}%` : '';
  const c = severityCounts(entry.findings);
  const problems = [c.error ? `$(error) ${c.error}` : '', c.warning ? `$(warning) ${c.warning}` : '', c.info ? `$(info) ${c.info}` : ''].filter(Boolean).join(' ');
  return ['$(checklist)', [progress, problems].filter(Boolean).join(' · ') || vscode.l10n.t('status document')].join(' ');
}

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('statusDocs.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly service: AnalysisService) {
    this.item.name = 'Status Docs';
    this.item.command = CommandId.FocusTree;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      service.onDidChange((uris) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (uris.some((u) => u.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const entry = document ? this.service.get(document.uri) : undefined;
    if (!entry || !entry.isStatusDocument) {
      this.item.hide();
      return;
    }
    this.item.text = statusBarText(entry);
    const doc = entry.doc;
    const c = severityCounts(entry.findings);
    const title = doc?.title ? display(doc.title) : entry.uri.path.split('/').pop() ?? '';
    const overall = doc ? overallProgress(doc) : undefined;
    const facts: string[] = [];
    if (entry.skipped) facts.push(entry.skipped);
    if (doc?.checklist.total) facts.push(vscode.l10n.t('{0} of {1} checklist items done', doc.checklist.done, doc.checklist.total));
    else if (overall) facts.push(vscode.l10n.t('Overall progress: {0}%', overall.percent));
    facts.push(severityText(c) || vscode.l10n.t('No problems'));
    this.item.tooltip = [`Status Docs: ${title}`, ...facts, vscode.l10n.t('Click to show the Progress view')].join('\n');
    this.item.accessibilityInformation = { label: vscode.l10n.t('Status Docs: {0}', [title, ...facts].join(', ')) };
    this.item.backgroundColor = c.error ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
