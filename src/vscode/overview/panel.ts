/**
 * The Status Overview: a web view of every status document of the workspace (progress bars,
 * errors, overdue milestones on a timeline, score changes before → after). The data is shaped by
 * the core (`core/output/overview.ts`); the page (`media/overview.js`, `.css`) only draws it, with
 * the theme's colours, and is sent new data whenever the analysis service reports a change.
 */
import * as vscode from 'vscode';
import type { OverviewData, OverviewInput } from '../../core/output/overview';
import type { AnalysisService } from '../documents';
import { engine } from '../lazy';
import { todayOf } from '../settings';

export const OVERVIEW_VIEW_TYPE = 'statusDocs.overview';

/** The inputs of the overview and of the exported report: every analysed status document. */
export function overviewInputs(service: AnalysisService): { inputs: OverviewInput[]; today: string; skipped: { path: string; reason: string }[] } {
  const entries = service.all();
  const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const today = entries.find((e) => e.today)?.today ?? todayOf(service.settingsFor().config);
  return {
    today,
    inputs: entries.filter((e) => e.doc).map((e) => ({ path: vscode.workspace.asRelativePath(e.uri, multi), uri: e.uri.toString(), doc: e.doc!, findings: e.findings, verdicts: e.verdicts })),
    skipped: entries.filter((e) => e.skipped).map((e) => ({ path: vscode.workspace.asRelativePath(e.uri, multi), reason: e.skipped! })),
  };
}

export function workspaceOverview(service: AnalysisService): OverviewData {
  const { inputs, today, skipped } = overviewInputs(service);
  return engine().overviewData(inputs, today, skipped);
}

export type FromPage = { type: 'ready' } | { type: 'open'; uri: string; line: number } | { type: 'rendered'; html: string };

/** The labels the page shows, translated here (the page has no `vscode.l10n`). */
function strings(): Record<string, string> {
  return {
    title: vscode.l10n.t('Status Overview'),
    summary: vscode.l10n.t('{0} documents · {1} errors · {2} warnings · {3} overdue milestones · {4} claims checked, {5} wrong'),
    documents: vscode.l10n.t('Documents'),
    progress: vscode.l10n.t('Progress'),
    errors: vscode.l10n.t('Errors'),
    warnings: vscode.l10n.t('Warnings'),
    overdue: vscode.l10n.t('Overdue'),
    noProgress: vscode.l10n.t('no progress stated'),
    checklist: vscode.l10n.t('checklist {0}/{1}'),
    milestones: vscode.l10n.t('Overdue milestones'),
    noMilestones: vscode.l10n.t('No overdue milestones.'),
    today: vscode.l10n.t('today {0}'),
    daysOverdue: vscode.l10n.t('{0} days overdue (due {1})'),
    changes: vscode.l10n.t('Score changes (before → after)'),
    noChanges: vscode.l10n.t('No score changes stated.'),
    leftOut: vscode.l10n.t('{0} more not shown.'),
    wrong: vscode.l10n.t('stated change is wrong'),
    before: vscode.l10n.t('before'),
    after: vscode.l10n.t('after'),
    empty: vscode.l10n.t('No status documents found.'),
    open: vscode.l10n.t('Open {0} at line {1}'),
  };
}

export class OverviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  /** The data last sent to the page (for tests and the report). */
  lastData: OverviewData | undefined;
  /** The page's rendered body as it reported it after the last data (for tests). */
  lastHtml: string | undefined;
  /** How many times data was sent to the page. */
  posts = 0;
  private readonly rendered = new vscode.EventEmitter<string>();
  /** Fires with the page's body HTML each time it has drawn new data. */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly service: AnalysisService,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(this.rendered, service.onDidChange(() => this.scheduleUpdate()));
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** The page's HTML (the shell with its CSP; the content is drawn by the script). */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.update();
      return this.panel;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(OVERVIEW_VIEW_TYPE, vscode.l10n.t('Status Overview'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(media, 'activity-bar.svg');
    this.panel = panel;
    this.ready = false;
    panel.webview.html = this.shell(panel.webview, media);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    }, undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: FromPage) => void this.receive(m), undefined, this.disposables);
    // A hidden page is thrown away (no retained context) and loads again when shown: it asks for
    // the data with `ready`; until then nothing is sent.
    panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false;
    }, undefined, this.disposables);
    return panel;
  }

  /** Handles a message of the page (public for tests: `open` is what a click on a row sends). */
  async receive(m: FromPage): Promise<void> {
    if (m.type === 'ready') {
      this.ready = true;
      await this.service.whenIdle();
      this.update();
    } else if (m.type === 'rendered') {
      this.lastHtml = m.html;
      this.rendered.fire(m.html);
    } else if (m.type === 'open') {
      try {
        const uri = vscode.Uri.parse(m.uri, true);
        const line = Math.max(0, Math.floor(Number(m.line)) - 1);
        const position = new vscode.Position(line, 0);
        await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside, preview: false });
      } catch (error) {
        this.log.warn(`Status Overview: could not open ${m.uri}: ${String(error)}`);
      }
    }
  }

  /** Coalesces a burst of changes (a scan, typing) into one message. */
  private scheduleUpdate(): void {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 150);
  }

  /** Sends the current data to the page (when it is listening). */
  update(): void {
    if (!this.panel || !this.ready) return;
    try {
      const data = workspaceOverview(this.service);
      this.lastData = data;
      this.posts++;
      void this.panel.webview.postMessage({ type: 'data', data, strings: strings() });
    } catch (error) {
      this.log.error(`Status Overview: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  private shell(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = makeNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'overview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'overview.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${escapeAttr(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${escapeAttr(vscode.l10n.t('Status Overview'))}</title>
</head>
<body>
<main id="root" aria-busy="true"><p class="muted">${escapeAttr(vscode.l10n.t('Loading the status documents…'))}</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** 128 random bits as hex (Web Crypto: in the extension host and in a browser). */
function makeNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
