/** Every command of the extension, in one place. */
import * as vscode from 'vscode';
import type { Report } from '../core/output/report';
import { engine } from './lazy';
import type { StatusDocsCodeActions } from './codeActions';
import type { AnalysisService } from './documents';
import type { Filter, ProgressTree } from './progressTree';
import { SECTION, todayOf } from './settings';

export enum CommandId {
  Refresh = 'statusDocs.refresh',
  ExportReport = 'statusDocs.exportReport',
  SetToday = 'statusDocs.setToday',
  ClearToday = 'statusDocs.clearToday',
  OpenRuleDocs = 'statusDocs.openRuleDocs',
  FixAll = 'statusDocs.fixAll',
  Filter = 'statusDocs.filter',
  FilterAll = 'statusDocs.filterAll',
  FilterOpen = 'statusDocs.filterOpen',
  FilterProblems = 'statusDocs.filterProblems',
  FocusTree = 'statusDocs.focusTree',
  ShowOutput = 'statusDocs.showOutput',
  /** Internal: tree items and tests. */
  Reveal = 'statusDocs.reveal',
}

export type ReportFormat = 'json' | 'sarif' | 'markdown';

export interface CommandDeps {
  service: AnalysisService;
  tree: ProgressTree;
  codeActions: StatusDocsCodeActions;
  readme: vscode.Uri;
  version: string;
  log: vscode.LogOutputChannel;
}

/** The workspace report, paths relative to their workspace folder. */
export function workspaceReport(service: AnalysisService): Report {
  const entries = service.all();
  const today = entries.find((e) => e.today)?.today ?? todayOf(service.settingsFor().config);
  return {
    version: 1,
    today,
    files: entries.filter((e) => e.doc).map((e) => engine().fileReport(vscode.workspace.asRelativePath(e.uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1), e.doc!, e.findings)),
    skipped: entries.filter((e) => e.skipped).map((e) => ({ path: vscode.workspace.asRelativePath(e.uri), reason: e.skipped! })),
  };
}

export function formatReport(report: Report, format: ReportFormat, deps: Pick<CommandDeps, 'version' | 'readme'>): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (format === 'sarif') return JSON.stringify(engine().formatSarif(report, { rules: engine().RULES, toolVersion: deps.version }), null, 2) + '\n';
  const c = engine().countBySeverity(report);
  const lines = [
    `# Status documents — ${report.today}`,
    '',
    `${report.files.length} document(s), ${c.error} error(s), ${c.warning} warning(s), ${c.info} info.`,
    '',
    '```text',
    engine().formatSummary(report).trimEnd(),
    '```',
  ];
  for (const f of report.files.filter((x) => x.findings.length)) {
    lines.push('', `## ${f.path}`, '');
    for (const x of f.findings) lines.push(`- line ${x.line}: ${x.message.replace(/\n/g, ' ')} (\`${x.rule}\`)`);
  }
  if (report.skipped.length) {
    lines.push('', '## Skipped', '');
    for (const s of report.skipped) lines.push(`- ${s.path}: ${s.reason}`);
  }
  return lines.join('\n') + '\n';
}

async function setToday(value: string | undefined): Promise<void> {
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update('today', value, target);
}

/**
 * Applies Fix All to a document in one edit (one undo step): the core's fix policy, which checks
 * and fixes again until nothing changes. Returns how many edits were made.
 */
async function fixAll(deps: CommandDeps, document: vscode.TextDocument): Promise<number> {
  const edit = deps.codeActions.fixAllEdit(document);
  if (!edit || !(await vscode.workspace.applyEdit(edit))) return 0;
  deps.service.analyzeDocument(document);
  return edit.size === 0 ? 0 : edit.get(document.uri).length;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable {
  const { service, tree } = deps;
  const register = (id: CommandId, fn: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, fn);
  const setFilter = (f: Filter) => () => tree.setFilter(f);
  return vscode.Disposable.from(
    register(CommandId.Refresh, async () => {
      service.resetReportedProblems();
      await service.rescan();
      tree.refresh();
    }),
    register(CommandId.ExportReport, async (format?: ReportFormat) => {
      if (!format) {
        const pick = await vscode.window.showQuickPick(
          [
            { label: 'Markdown summary', format: 'markdown' as const, description: 'a table of every status document and its problems' },
            { label: 'JSON', format: 'json' as const, description: 'the stable report of `status-docs check --format json`' },
            { label: 'SARIF', format: 'sarif' as const, description: 'SARIF 2.1.0 for code scanning tools' },
          ],
          { title: 'Export the Status Docs report of the workspace' },
        );
        if (!pick) return undefined;
        format = pick.format;
      }
      await service.whenIdle();
      const content = formatReport(workspaceReport(service), format, deps);
      const document = await vscode.workspace.openTextDocument({ language: format === 'markdown' ? 'markdown' : 'json', content });
      await vscode.window.showTextDocument(document, { preview: false });
      return document;
    }),
    register(CommandId.SetToday, async (value?: string) => {
      if (value === undefined) {
        value = await vscode.window.showInputBox({
          title: vscode.l10n.t('Pin "today" for the time-based checks'),
          prompt: vscode.l10n.t('A date written YYYY-MM-DD; stale milestones are counted from it.'),
          value: todayOf(service.settingsFor().config),
          validateInput: (v) => (engine().IsoDaySchema.safeParse(v.trim()).success ? undefined : vscode.l10n.t('Write a real date as YYYY-MM-DD')),
        });
        if (value === undefined) return;
      }
      if (!engine().IsoDaySchema.safeParse(value.trim()).success) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Status Docs: "{0}" is not a date written YYYY-MM-DD.', value));
        return;
      }
      await setToday(value.trim());
    }),
    register(CommandId.ClearToday, () => setToday(undefined)),
    register(CommandId.OpenRuleDocs, async (ruleId?: string) => {
      if (!ruleId) {
        const pick = await vscode.window.showQuickPick(engine().RULES.map((r) => ({ label: r.id, description: r.defaultSeverity, detail: r.description })), { title: vscode.l10n.t('Open the documentation of a rule') });
        if (!pick) return;
        ruleId = pick.label;
      }
      await vscode.commands.executeCommand('markdown.showPreview', deps.readme.with({ fragment: engine().ruleDocsAnchor(ruleId) }));
    }),
    register(CommandId.FixAll, async (uri?: vscode.Uri) => {
      const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'markdown') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Status Docs: open a markdown status document to fix.'));
        return 0;
      }
      return fixAll(deps, document);
    }),
    register(CommandId.Filter, async () => {
      const picks = (['all', 'open', 'problems'] as const).map((f) => ({ label: tree.filter === f ? `$(check) ${filterLabel(f)}` : filterLabel(f), filter: f }));
      const pick = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Show in the Progress view') });
      if (pick) tree.setFilter(pick.filter);
    }),
    register(CommandId.FilterAll, setFilter('all')),
    register(CommandId.FilterOpen, setFilter('open')),
    register(CommandId.FilterProblems, setFilter('problems')),
    register(CommandId.FocusTree, () => vscode.commands.executeCommand('statusDocs.progress.focus')),
    register(CommandId.ShowOutput, () => deps.log.show()),
    register(CommandId.Reveal, async (uri: vscode.Uri, range: vscode.Range) => {
      const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
}

const filterLabel = (f: Filter): string =>
  f === 'all' ? vscode.l10n.t('All items') : f === 'open' ? vscode.l10n.t('Open items only') : vscode.l10n.t('Problems only');
