/** The status bar item for the active status document: `$(checklist) 7/13 · 2 ⚠`; click focuses the tree. */
import * as vscode from 'vscode';
import { engine } from './lazy';
import { CommandId } from './commands';
import type { AnalysisService, Entry } from './documents';

export function statusBarText(entry: Entry): string {
  if (!entry.doc) return '$(checklist) skipped';
  const { checklist } = entry.doc;
  const progress = checklist.total > 0 ? `${checklist.done}/${checklist.total}` : engine().headlineProgress(entry.doc)?.split(/\s*(?:→|->)\s*/).pop() ?? '';
  const problems = entry.findings.length;
  return ['$(checklist)', [progress, problems ? `${problems} ⚠` : ''].filter(Boolean).join(' · ') || 'status document'].join(' ');
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
    const c = entry.doc?.checklist;
    const lines = ['Status Docs'];
    if (entry.skipped) lines.push(entry.skipped);
    if (c?.total) lines.push(`${c.done} of ${c.total} checklist items done`);
    lines.push(`${entry.findings.length} problem${entry.findings.length === 1 ? '' : 's'}`, 'Click to show the Progress view');
    this.item.tooltip = lines.join('\n');
    this.item.backgroundColor = entry.findings.some((f) => f.severity === 'error') ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
