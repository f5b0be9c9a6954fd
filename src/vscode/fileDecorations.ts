/**
 * Explorer badges for status documents: one badge per file. VS Code's own problem decorations
 * (`problems.decorations.enabled`, on by default) already badge a file with the number of its
 * errors and warnings, so while they are on this provider adds nothing to such a file (two
 * badges that count differently read as two answers). It badges what they leave out: a file
 * whose findings are all infos, or every file with findings when they are turned off, with the
 * count the Problems panel and the Progress view show.
 */
import * as vscode from 'vscode';
import type { AnalysisService, Entry } from './documents';
import { severityText } from './progressTree';
import { severityCounts } from './tree/verdicts';

export function decorationOf(entry: Entry, builtInBadges = problemDecorationsOn(entry.uri)): vscode.FileDecoration | undefined {
  const c = severityCounts(entry.findings);
  const problems = c.error + c.warning + c.info;
  if (problems === 0) return undefined;
  if (builtInBadges && c.error + c.warning > 0) return undefined;
  const stale = entry.findings.filter((f) => f.stale).length;
  const badge = stale === problems ? '⏰' : problems > 99 ? '9+' : String(problems);
  const tooltip = vscode.l10n.t('Status Docs: {0}', severityText(c));
  const color = new vscode.ThemeColor(c.error ? 'statusDocs.problemForeground' : stale === problems ? 'statusDocs.staleForeground' : 'statusDocs.problemForeground');
  return new vscode.FileDecoration(badge, tooltip, color);
}

function problemDecorationsOn(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('problems', uri).get<boolean>('decorations.enabled', true);
}

export class StatusDocsFileDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly service: AnalysisService) {
    this.subscriptions = [
      service.onDidChange((uris) => this.changed.fire([...uris])),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('problems.decorations.enabled') && this.refreshAll()),
    ];
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
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
