/** Explorer badges for status documents with problems or stale items (at most 2 characters). */
import * as vscode from 'vscode';
import type { AnalysisService, Entry } from './documents';

export function decorationOf(entry: Entry): vscode.FileDecoration | undefined {
  const problems = entry.findings.length;
  if (problems === 0) return undefined;
  const stale = entry.findings.filter((f) => f.stale).length;
  const badge = stale === problems ? '⏰' : problems > 99 ? '9+' : String(problems);
  const parts = [`${problems} Status Docs problem${problems === 1 ? '' : 's'}`];
  if (stale) parts.push(`${stale} stale item${stale === 1 ? '' : 's'}`);
  const color = new vscode.ThemeColor(entry.findings.some((f) => f.severity === 'error') ? 'statusDocs.problemForeground' : stale === problems ? 'statusDocs.staleForeground' : 'statusDocs.problemForeground');
  return new vscode.FileDecoration(badge, parts.join(', '), color);
}

export class StatusDocsFileDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: AnalysisService) {
    this.subscription = service.onDidChange((uris) => this.changed.fire([...uris]));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const entry = this.service.get(uri);
    if (!entry || !this.service.settingsFor(uri).host['fileDecorations.enabled']) return undefined;
    return decorationOf(entry);
  }

  refreshAll(): void {
    this.changed.fire(this.service.all().map((e) => e.uri));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
