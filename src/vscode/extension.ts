/**
 * Wires the features together. Each feature is a small module; everything it creates goes into
 * `context.subscriptions`. Activation never throws: a failure is logged in the output channel.
 */
import * as vscode from 'vscode';
import { registerCodeActions, StatusDocsCodeActions } from './codeActions';
import { StatusDocsCodeLens } from './codeLens';
import { CommandId, registerCommands } from './commands';
import { InlineFlags } from './decorations';
import { OverviewPanel } from './overview/panel';
import { registerDiagnostics } from './diagnostics';
import { AnalysisService } from './documents';
import { StatusDocsFileDecorations } from './fileDecorations';
import { hostKind } from './host';
import { StatusDocsHover } from './hover';
import { ProgressTree } from './progressTree';
import { ProjectConfigs, registerShowConfiguration } from './projectConfig';
import { ResultCache } from './resultCache';
import { SECTION } from './settings';
import { StatusBar } from './statusBar';
import { registerTreeCommands } from './tree/commands';

/** What `activate()` returns: used by the integration tests, stable enough for other extensions. */
export interface StatusDocsApi {
  service: AnalysisService;
  tree: ProgressTree;
  statusBar: StatusBar;
  fileDecorations: StatusDocsFileDecorations;
  flags: InlineFlags;
  codeLens: StatusDocsCodeLens;
  codeActions: StatusDocsCodeActions;
  hover: StatusDocsHover;
  /** The Status Overview web view (its last posted data and rendered HTML, for tests). */
  overview: OverviewPanel;
  log: vscode.LogOutputChannel;
  projects: ProjectConfigs;
  /** The extension host this build runs in: `node` (desktop, remote) or `web` (browser worker). */
  host: 'node' | 'web';
}

export function activate(context: vscode.ExtensionContext): StatusDocsApi | undefined {
  const log = vscode.window.createOutputChannel('Status Docs', { log: true });
  context.subscriptions.push(log);
  try {
    return start(context, log);
  } catch (error) {
    log.error(`Activation failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return undefined;
  }
}

function start(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): StatusDocsApi {
  const readme = vscode.Uri.joinPath(context.extensionUri, 'README.md');
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const markdown: vscode.DocumentSelector = { language: 'markdown' };

  // Results of unchanged files survive a restart: per workspace, or global without a workspace.
  const cache = new ResultCache(context.storageUri ?? context.globalStorageUri, version, log);
  const projects = new ProjectConfigs(log);
  const service = new AnalysisService(log, cache, projects);
  const tree = new ProgressTree(service);
  const codeActions = new StatusDocsCodeActions(service);
  const codeLens = new StatusDocsCodeLens(service);
  const fileDecorations = new StatusDocsFileDecorations(service);
  const statusBar = new StatusBar(service);
  const flags = new InlineFlags(service);
  const hover = new StatusDocsHover(service);
  const overview = new OverviewPanel(service, context.extensionUri, log);
  context.subscriptions.push(
    cache,
    projects,
    service,
    tree,
    tree.createView(),
    registerDiagnostics(service, readme),
    vscode.languages.registerCodeActionsProvider(markdown, codeActions, StatusDocsCodeActions.metadata),
    codeLens,
    vscode.languages.registerCodeLensProvider(markdown, codeLens),
    vscode.languages.registerHoverProvider(markdown, hover),
    fileDecorations,
    vscode.window.registerFileDecorationProvider(fileDecorations),
    statusBar,
    flags,
    overview,
    registerCommands({ service, tree, codeActions, readme, version, log, overview }),
    registerShowConfiguration(CommandId.ShowConfiguration, service, log),
    registerTreeCommands(tree),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION) && !e.affectsConfiguration('files.exclude') && !e.affectsConfiguration('search.exclude')) return;
      log.info('Settings changed: checking the workspace again.');
      service.resetReportedProblems();
      void service.rescan();
      codeLens.refresh();
      fileDecorations.refreshAll();
    }),
  );
  void vscode.commands.executeCommand('setContext', 'statusDocs.filter', 'all');
  void vscode.commands.executeCommand('setContext', 'statusDocs.sort', tree.sort);
  for (const document of vscode.workspace.textDocuments) if (service.isCandidate(document)) service.schedule(document, 0);
  void service.rescan();
  log.info(`Status Docs ${version} active.`);
  return { service, tree, statusBar, fileDecorations, flags, codeLens, codeActions, hover, overview, log, projects, host: hostKind };
}

export function deactivate(): void {}

export { CommandId, registerCodeActions };
