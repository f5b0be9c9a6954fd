/**
 * Inline flags: `⏰ 277 days overdue` after stale milestone lines and, if opted in, the expected
 * value after numbers a rule found wrong. Decoration types are created once; colors come from
 * `contributes.colors`; only visible lines are decorated; huge documents are skipped.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/index';
import type { AnalysisService } from './documents';

export function staleFlag(f: Finding): string {
  const days = f.stale!.daysOverdue;
  return days === 1 ? vscode.l10n.t('⏰ 1 day overdue') : vscode.l10n.t('⏰ {0} days overdue', days);
}

export class InlineFlags implements vscode.Disposable {
  private readonly stale = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('statusDocs.staleForeground'), fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly claim = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('statusDocs.claimForeground'), fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly disposables: vscode.Disposable[] = [this.stale, this.claim];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly service: AnalysisService) {
    this.disposables.push(
      service.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.window.onDidChangeTextEditorVisibleRanges(() => this.schedule()),
    );
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.updateAll();
    }, 50);
  }

  updateAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  /** The flags of one editor, by kind; exposed for tests. */
  flagsOf(editor: vscode.TextEditor): { stale: vscode.DecorationOptions[]; claims: vscode.DecorationOptions[] } {
    const none = { stale: [], claims: [] };
    const document = editor.document;
    const entry = this.service.current(document);
    if (!entry?.doc) return none;
    const { host } = this.service.settingsFor(document.uri);
    // (An entry with a model is of this very text, within maxFileSizeKB.)
    if (!host['decorations.enabled']) return none;
    const visible = (line: number) => editor.visibleRanges.some((r) => line >= r.start.line && line <= r.end.line);
    const stale: vscode.DecorationOptions[] = [];
    const claims: vscode.DecorationOptions[] = [];
    const flagged = new Set<number>();
    for (const f of entry.findings) {
      const line = f.endLine - 1;
      if (!visible(line) || line >= document.lineCount) continue;
      const end = document.lineAt(line).range.end;
      if (f.stale && !flagged.has(line)) {
        flagged.add(line);
        stale.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: staleFlag(f) } }, hoverMessage: f.message });
      } else if (!f.stale && host['decorations.checkedClaims'] && f.fix) {
        const expected = f.fix.edits.map((e) => e.text.trim()).join(' ');
        claims.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: vscode.l10n.t('✗ expected {0}', expected) } }, hoverMessage: f.message });
      }
    }
    return { stale, claims };
  }

  private update(editor: vscode.TextEditor): void {
    if (editor.document.languageId !== 'markdown') return;
    const { stale, claims } = this.flagsOf(editor);
    editor.setDecorations(this.stale, stale);
    editor.setDecorations(this.claim, claims);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
