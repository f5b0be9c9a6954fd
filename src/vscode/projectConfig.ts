/**
 * The editor's side of the project configuration file (`.status-docs.jsonc` / `.status-docs.json`):
 * the same file the CLI reads, parsed by the same core code, found the same way — the nearest
 * file up from each document's folder to the file-system root, the first name of
 * `PROJECT_CONFIG_FILES` in the nearest folder that has one.
 *
 * The files inside the workspace folders are found with `findFiles` and kept current by a file
 * system watcher; the folders above a workspace folder (and above a document outside every
 * folder) are probed with `workspace.fs.stat` and watched one folder each, not recursively (a
 * repository's file when a sub-folder is opened, created or edited after the window opened). Everything goes through `workspace.fs`, so it
 * works on virtual file systems and in the browser. Files are read from disk: an unsaved edit of
 * the file counts once it is saved, as for the CLI.
 *
 * A bad key is a diagnostic on the file itself, at the key, and a line in the output channel;
 * the other keys apply.
 */
import * as vscode from 'vscode';
import type { ConfigLayer, ProjectConfigIssue } from '../core/index';
import { engine } from './lazy';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { AnalysisService } from './documents';

/** The file names, nearest folder first in each folder (the core's `PROJECT_CONFIG_FILES`). */
const NAMES = ['.status-docs.jsonc', '.status-docs.json'] as const;
const GLOB = '**/.status-docs.{jsonc,json}';

export interface ProjectFile {
  uri: vscode.Uri;
  /** The path as shown: relative to its workspace folder when inside one. */
  label: string;
  layer: ConfigLayer;
  issues: ProjectConfigIssue[];
}

export class ProjectConfigs implements vscode.Disposable {
  /** Config file URI → its parsed content, for every file known to exist. */
  private readonly files = new Map<string, ProjectFile>();
  /** Folders outside the workspace folders whose candidates have been probed (or are being). */
  private readonly probed = new Set<string>();
  /** Watchers of single folders outside the workspace folders, by folder URI. */
  private readonly outside = new Map<string, vscode.Disposable>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('statusDocs.projectConfig');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private loading: Promise<void> | undefined;
  private loaded = false;
  /** Fires when a project file appears, changes or goes: settings must be read again. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.watch(vscode.workspace.createFileSystemWatcher(GLOB)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
    );
  }

  /** Reads a file again when the watcher says it appeared or changed; forgets it when it went. */
  private watch(watcher: vscode.FileSystemWatcher): vscode.Disposable {
    const reload = (uri: vscode.Uri) => void this.read(uri).then((changed) => changed && this.changed.fire());
    return vscode.Disposable.from(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete((uri) => {
        if (this.forget(uri)) this.changed.fire();
      }),
    );
  }

  /** Watches the project file names in folders outside the workspace folders (each folder alone). */
  private watchOutside(dirs: readonly vscode.Uri[]): void {
    for (const dir of dirs) {
      const key = dir.toString();
      if (this.outside.has(key)) continue;
      try {
        // One plain name per watcher: a flat watch of the folder (a brace pattern would ask for a
        // recursive one, of a folder that holds the whole workspace).
        this.outside.set(key, vscode.Disposable.from(...NAMES.map((name) => this.watch(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, name))))));
      } catch (error) {
        // A file system that cannot watch there: the file is still read at start and on Refresh.
        this.outside.set(key, new vscode.Disposable(() => undefined));
        this.log.warn(vscode.l10n.t('Cannot watch {0} for project configuration files: {1}', dir.toString(true), String(error)));
      }
    }
  }

  /** Resolves once the files of the workspace are known (started on the first call). */
  ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  /** Finds and reads every project file again (Refresh, a workspace folder added or removed); fires when something changed. */
  reload(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    const found: vscode.Uri[] = [];
    try {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        found.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, GLOB))));
        // The folders above: a repository's file when a sub-folder is opened.
        const above = ancestors(folder.uri);
        this.watchOutside(above);
        found.push(...(await this.existing(above)));
      }
    } catch (error) {
      this.log.warn(vscode.l10n.t('Could not look for project configuration files: {0}', String(error)));
    }
    const keep = new Set(found.map((u) => u.toString()));
    let changed = false;
    for (const key of [...this.files.keys()]) if (!keep.has(key)) changed = this.forget(vscode.Uri.parse(key)) || changed;
    this.probed.clear();
    changed = (await Promise.all(found.map((u) => this.read(u)))).some(Boolean) || changed;
    if (this.loaded && changed) this.changed.fire();
    this.loaded = true;
  }

  /** The project file that applies to a document (or to a folder's files, given a URI inside it). */
  nearest(uri: vscode.Uri): ProjectFile | undefined {
    const dir = parent(uri);
    if (!dir) return undefined;
    if (!vscode.workspace.getWorkspaceFolder(uri)) this.probe(dir);
    for (let d: vscode.Uri | undefined = dir; d; d = parent(d)) {
      for (const name of NAMES) {
        const file = this.files.get(vscode.Uri.joinPath(d, name).toString());
        if (file) return file;
      }
    }
    return undefined;
  }

  /** Every known project file, in path order. */
  all(): ProjectFile[] {
    return [...this.files.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  /** A document outside every workspace folder: its folders are probed once, in the background. */
  private probe(dir: vscode.Uri): void {
    const key = dir.toString();
    if (this.probed.has(key)) return;
    this.probed.add(key);
    const dirs = [dir, ...ancestors(dir)];
    this.watchOutside(dirs);
    void this.existing(dirs).then(async (uris) => {
      const fresh = uris.filter((u) => !this.files.has(u.toString()));
      if (fresh.length === 0) return;
      await Promise.all(fresh.map((u) => this.read(u)));
      this.changed.fire();
    });
  }

  /** The candidates of these folders that exist as files. */
  private async existing(dirs: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
    const candidates = dirs.flatMap((d) => NAMES.map((n) => vscode.Uri.joinPath(d, n)));
    const exists = await Promise.all(candidates.map(async (u) => {
      try {
        return ((await vscode.workspace.fs.stat(u)).type & vscode.FileType.File) !== 0;
      } catch {
        return false;
      }
    }));
    return candidates.filter((_, i) => exists[i]);
  }

  /** Reads and parses one file; true when what applies changed. Never throws. */
  private async read(uri: vscode.Uri): Promise<boolean> {
    const label = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return this.forget(uri);
      text = '';
      const issue: ProjectConfigIssue = { path: '', message: vscode.l10n.t('Cannot read the file ({0}); its settings are not used.', error instanceof vscode.FileSystemError ? error.code : vscode.l10n.t('not valid UTF-8 text')), offset: 0, length: 0, line: 1, column: 1 };
      return this.store({ uri, label, layer: { source: label, values: {} }, issues: [issue] }, text);
    }
    const { values, issues } = engine().parseProjectConfig(text);
    return this.store({ uri, label, layer: { source: label, values }, issues }, text);
  }

  private store(file: ProjectFile, text: string): boolean {
    const key = file.uri.toString();
    const before = this.files.get(key);
    this.files.set(key, file);
    if (file.issues.length) {
      const at = positions(text);
      this.diagnostics.set(file.uri, file.issues.map((i) => {
        const d = new vscode.Diagnostic(new vscode.Range(at(i.offset), at(i.offset + i.length)), i.message, i.path ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
        d.source = DIAGNOSTIC_SOURCE;
        if (i.path) d.code = i.path;
        return d;
      }));
    } else this.diagnostics.delete(file.uri);
    const same = before && JSON.stringify(before.layer.values) === JSON.stringify(file.layer.values) && JSON.stringify(before.issues) === JSON.stringify(file.issues);
    if (same) return false;
    for (const i of file.issues) this.log.warn(`${file.label}:${i.line}:${i.column}: ${i.path ? `${i.path}: ` : ''}${i.message}`);
    this.log.info(vscode.l10n.t('Project configuration {0} read: {1}', file.label, JSON.stringify(file.layer.values)));
    return true;
  }

  private forget(uri: vscode.Uri): boolean {
    this.diagnostics.delete(uri);
    const had = this.files.delete(uri.toString());
    if (had) this.log.info(vscode.l10n.t('Project configuration {0} removed.', vscode.workspace.asRelativePath(uri)));
    return had;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const d of this.outside.values()) d.dispose();
    this.outside.clear();
  }
}

/** The folder of a URI, or undefined at the root. */
function parent(uri: vscode.Uri): vscode.Uri | undefined {
  const path = uri.path.replace(/\/+$/, '');
  const at = path.lastIndexOf('/');
  if (at < 0 || path === '' || path === '/') return undefined;
  return uri.with({ path: at === 0 ? '/' : path.slice(0, at) });
}

/** The folders above `dir`, nearest first, up to the root. */
function ancestors(dir: vscode.Uri): vscode.Uri[] {
  const out: vscode.Uri[] = [];
  for (let d = parent(dir); d; d = parent(d)) out.push(d);
  return out;
}

/** Offsets of a text → positions (line, UTF-16 column), through the core's line index. */
function positions(input: string): (offset: number) => vscode.Position {
  // The offsets are of the text without its byte order mark, as the editor shows it.
  const at = engine().lineColumn(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  return (o) => {
    const p = at(o);
    return new vscode.Position(p.line - 1, p.column - 1);
  };
}

export interface EffectiveValue {
  /** `staleAfterDays`, `rules.<rule id>`, `statusWords.<status>`. */
  key: string;
  value: unknown;
  /** `default`, the project file's path, `user settings`, `workspace settings`, `folder settings`. */
  source: string;
}

export interface EffectiveConfiguration {
  /** The document (or folder) the values apply to, as shown. */
  target: string;
  projectFile: string | null;
  values: EffectiveValue[];
}

/**
 * Each value the analysis of a document uses, and where it comes from: VS Code's settings UI
 * cannot show a project file as a source, so this command lists them in the output channel.
 */
export function effectiveConfiguration(service: AnalysisService, uri: vscode.Uri | undefined): EffectiveConfiguration {
  const { RULES } = engine();
  const settings = service.settingsFor(uri);
  const fallback = vscode.l10n.t('default');
  const source = (key: string) => settings.sources[key] ?? fallback;
  const values: EffectiveValue[] = [];
  for (const rule of RULES) values.push({ key: `rules.${rule.id}`, value: settings.config.rules[rule.id] ?? rule.defaultSeverity, source: source(`rules.${rule.id}`) });
  const { rules: _rules, statusWords, ...plain } = settings.config;
  for (const [key, value] of Object.entries(plain)) values.push({ key, value, source: source(key) });
  const words = Object.entries(statusWords);
  if (words.length === 0) values.push({ key: 'statusWords', value: {}, source: fallback });
  for (const [status, list] of words) values.push({ key: `statusWords.${status}`, value: list, source: source(`statusWords.${status}`) });
  const target = uri ? vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1) : vscode.l10n.t('the window');
  return { target, projectFile: settings.projectFile, values };
}

/** `Status Docs: Show Effective Configuration`: for the active document, else the first workspace folder. */
export function registerShowConfiguration(id: string, service: AnalysisService, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (given?: vscode.Uri) => {
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = vscode.workspace.workspaceFolders?.[0];
    // A folder's own files: the settings of a document at its top level.
    const uri = given ?? active ?? (folder && vscode.Uri.joinPath(folder.uri, 'status.md'));
    await service.reloadProjectConfigs().catch(() => undefined);
    const effective = effectiveConfiguration(service, uri);
    const width = Math.max(...effective.values.map((v) => v.key.length));
    const lines = [
      effective.projectFile
        ? vscode.l10n.t('Effective configuration for {0} (project file {1}; settings set explicitly win over it):', effective.target, effective.projectFile)
        : vscode.l10n.t('Effective configuration for {0} (no project file .status-docs.jsonc or .status-docs.json applies):', effective.target),
      ...effective.values.map((v) => `  ${v.key.padEnd(width)}  ${JSON.stringify(v.value)}  (${v.source})`),
    ];
    log.info(lines.join('\n'));
    log.show(true);
    return effective;
  });
}
