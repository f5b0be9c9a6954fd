/**
 * The analysis service: one entry per status document of the workspace, from the open editor's
 * text when the document is open, else from the file read with `workspace.fs` (never opened as a
 * document). Open documents are checked on type (debounced) or on save; a generation counter per
 * document drops results that a newer edit has overtaken. Everything else (diagnostics, tree,
 * status bar, decorations) listens to `onDidChange`.
 *
 * Open documents are re-checked incrementally (only the changed top-level blocks are parsed
 * again); files read from disk go through the result cache, so an unchanged workspace is listed
 * again without being parsed.
 */
import * as vscode from 'vscode';
import type { ClaimVerdict, Finding, StatusDoc } from '../core/index';
import type { IncrementalChecker } from '../core/incremental';
import { loadFactor, yieldToEventLoop } from './host';
import { engine } from './lazy';
import type { ProjectConfigs } from './projectConfig';
import { ResultCache } from './resultCache';
import { readSettings, todayOf, type Settings } from './settings';

export interface Entry {
  uri: vscode.Uri;
  folder: vscode.WorkspaceFolder | undefined;
  /** The model, or null when the document was skipped. */
  doc: StatusDoc | null;
  findings: Finding[];
  /** What the rules decided about each of `doc.claims` (empty when skipped). */
  verdicts: ClaimVerdict[];
  /** Why the document was not analysed (too large, unreadable). */
  skipped: string | null;
  /** The pre-check or the model found status content. */
  isStatusDocument: boolean;
  /** The document version the entry was computed from (-1 for a file read from disk). */
  version: number;
  today: string;
}


export class AnalysisService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private scanning: Promise<void> | undefined;
  private rescanRequested = false;
  private readonly reported = new Set<string>();
  /**
   * Parsed settings per workspace folder and project file (`folder|file`, `''` for none); cleared
   * on a configuration change and when a project file changes.
   */
  private readonly settings = new Map<string, Settings>();
  /** One incremental checker per open document, dropped when it closes. */
  private readonly checkers = new Map<string, IncrementalChecker>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  /** Fires with the URIs whose entry changed (or disappeared). */
  readonly onDidChange = this.changed.event;
  /** Files looked at and found by the scan that is running, if one is. */
  private progress: ScanProgress | undefined;
  private completedScans = 0;
  private readonly scanChanged = new vscode.EventEmitter<void>();
  /** Fires when a scan starts, looks at a file, or ends (read `scanProgress`, `scansCompleted`). */
  readonly onDidChangeScan = this.scanChanged.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    readonly cache: ResultCache = new ResultCache(undefined, '0', log),
    /** The project configuration files (`.status-docs.jsonc`); without them, settings alone. */
    readonly projects?: ProjectConfigs,
  ) {
    const ws = vscode.workspace;
    if (projects) {
      this.disposables.push(projects.onDidChange(() => {
        this.log.info(vscode.l10n.t('Project configuration changed: checking the workspace again.'));
        this.resetReportedProblems();
        void this.rescan();
      }));
    }
    this.disposables.push(
      // Registered before any other listener of the extension, so they all read fresh settings.
      ws.onDidChangeConfiguration(() => this.settings.clear()),
      ws.onDidOpenTextDocument((d) => this.isCandidate(d) && this.schedule(d, 0)),
      ws.onDidChangeTextDocument((e) => {
        if (!this.isCandidate(e.document) || e.contentChanges.length === 0) return;
        const { host } = this.settingsFor(e.document.uri);
        // Undo and redo are single steps, not typing: checked at once.
        const step = e.reason === vscode.TextDocumentChangeReason.Undo || e.reason === vscode.TextDocumentChangeReason.Redo;
        if (host.run === 'onType') this.schedule(e.document, step ? 0 : host.debounceMs);
      }),
      ws.onDidSaveTextDocument((d) => this.isCandidate(d) && this.schedule(d, 0)),
      ws.onDidCloseTextDocument((d) => {
        this.checkers.delete(d.uri.toString());
        // Back to what is on disk (an unsaved edit is gone).
        if (this.isCandidate(d)) void this.refreshFile(d.uri);
      }),
      ws.onDidChangeWorkspaceFolders(() => this.rescan()),
    );
    const watcher = ws.createFileSystemWatcher('**/*.{md,markdown}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.refreshFile(uri)),
      watcher.onDidChange((uri) => void this.refreshFile(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
    );
  }

  /**
   * Settings for a document, read and parsed once per workspace folder until the configuration
   * changes (a keystroke or a scanned file asks several times); each bad value is reported once
   * in the output channel.
   */
  settingsFor(uri?: vscode.Uri): Settings {
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    const project = uri && this.projects?.nearest(uri);
    const key = `${folder ? folder.uri.toString() : ''}|${project ? project.uri.toString() : ''}`;
    let settings = this.settings.get(key);
    if (settings) return settings;
    settings = readSettings(folder ? folder.uri : uri, project?.layer);
    this.settings.set(key, settings);
    for (const p of settings.problems) {
      if (this.reported.has(p)) continue;
      this.reported.add(p);
      this.log.warn(p);
    }
    return settings;
  }

  /** Finds and reads the project configuration files again (Refresh). */
  async reloadProjectConfigs(): Promise<void> {
    await this.projects?.reload();
    this.settings.clear();
  }

  /** Resolves when the project configuration files of the workspace are known. */
  private configsReady(): Promise<void> {
    return this.projects ? this.projects.ready() : Promise.resolve();
  }

  /** Read the settings again and report their problems anew (after a change, on Refresh). */
  resetReportedProblems(): void {
    this.settings.clear();
    this.reported.clear();
  }

  /** The running scan's progress: files looked at of those found so far; undefined when no scan runs. */
  get scanProgress(): Readonly<ScanProgress> | undefined {
    return this.progress;
  }

  /** How many workspace scans have finished (0 until the first one has). */
  get scansCompleted(): number {
    return this.completedScans;
  }

  get(uri: vscode.Uri): Entry | undefined {
    return this.entries.get(uri.toString());
  }

  /**
   * The entry of an open document when it describes the document's text as it is now: analysed
   * at this version, or read from disk while the document has no unsaved change (just opened).
   */
  current(document: vscode.TextDocument): Entry | undefined {
    const entry = this.get(document.uri);
    if (!entry) return undefined;
    return entry.version === document.version || (entry.version === -1 && !document.isDirty) ? entry : undefined;
  }

  /** All entries that are status documents (skipped ones included), in path order. */
  all(): Entry[] {
    return [...this.entries.values()].filter((e) => e.isStatusDocument).sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  isCandidate(document: vscode.TextDocument): boolean {
    return document.languageId === 'markdown' && document.uri.scheme !== 'output' && document.uri.scheme !== 'vscode-scm';
  }

  /** Debounced analysis of an open document. */
  schedule(document: vscode.TextDocument, delayMs: number): void {
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const old = this.timers.get(key);
    if (old) clearTimeout(old);
    else this.pending++;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // Once the project files are known (at once, but for the first check after activation).
      void this.configsReady()
        .then(() => {
          if (this.generations.get(key) === generation && !document.isClosed) this.analyzeDocument(document);
        })
        .catch((error: unknown) => this.log.error(`Checking ${document.uri.toString(true)} failed: ${String(error)}`))
        .finally(() => this.settle());
    }, delayMs));
  }

  /** Analyses an open document now (used by fix-all and on demand). */
  analyzeDocument(document: vscode.TextDocument): Entry {
    const entry = this.tooLarge(document) ?? this.analyze(document.uri, document.getText(), document.version);
    this.store(entry);
    return entry;
  }

  /**
   * The skipped entry of an open document over `maxFileSizeKB`, found without reading its whole
   * text: its length comes from the line offsets, and only the head the pre-check needs is read.
   */
  private tooLarge(document: vscode.TextDocument): Entry | undefined {
    const { config, host } = this.settingsFor(document.uri);
    const limit = host.maxFileSizeKB * 1024;
    const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
    if (length <= limit) return undefined;
    const head = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(limit)));
    return {
      uri: document.uri, folder: vscode.workspace.getWorkspaceFolder(document.uri), version: document.version, today: todayOf(config),
      doc: null, findings: [], verdicts: [], skipped: skippedReason(length, host.maxFileSizeKB), isStatusDocument: engine().looksLikeStatusDocument(head),
    };
  }

  /**
   * Analyses text without storing the result. An open document's text (`version` ≥ 0) goes
   * through its incremental checker, which yields the same results as a cold check. `settings`
   * is the snapshot a caller already keyed something by (the result cache): a configuration
   * change between its await and this call must not check with other settings than the key says.
   */
  analyze(uri: vscode.Uri, text: string, version: number, settings: Settings = this.settingsFor(uri)): Entry {
    const { config, host } = settings;
    const today = todayOf(config);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const base = { uri, folder, version, today };
    const limit = host.maxFileSizeKB * 1024;
    if (text.length > limit) {
      return { ...base, doc: null, findings: [], verdicts: [], skipped: skippedReason(text.length, host.maxFileSizeKB), isStatusDocument: engine().looksLikeStatusDocument(text.slice(0, limit)) };
    }
    if (!engine().looksLikeStatusDocument(text)) return { ...base, doc: null, findings: [], verdicts: [], skipped: null, isStatusDocument: false };
    // The time budget (statusDocs.maxAnalysisMs) is checked between analysis steps: cooperative,
    // the extension host has no thread to terminate (the CLI has). Like the CLI's, the budget's
    // clock runs slower on a machine busier than its cores.
    const scale = loadFactor();
    const now = () => performance.now() / scale;
    try {
      const { doc, findings, verdicts } = version >= 0 ? this.checkerFor(uri).check(text, { today, config, now }) : engine().check(text, { today, config, now });
      return { ...base, doc, findings, verdicts, skipped: null, isStatusDocument: true };
    } catch (error) {
      if (error instanceof engine().AnalysisStopped) {
        // A half-done incremental state is not kept.
        this.checkers.delete(uri.toString());
        return { ...base, doc: null, findings: [], verdicts: [], skipped: `Skipped: ${error.message} (statusDocs.maxAnalysisMs).`, isStatusDocument: true };
      }
      this.log.error(`Checking ${uri.toString(true)} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return { ...base, doc: null, findings: [], verdicts: [], skipped: `Skipped: the check failed (${String(error)}).`, isStatusDocument: true };
    }
  }

  private checkerFor(uri: vscode.Uri): IncrementalChecker {
    const key = uri.toString();
    let checker = this.checkers.get(key);
    if (!checker) {
      checker = new (engine().IncrementalChecker)();
      this.checkers.set(key, checker);
    }
    return checker;
  }

  /** The incremental checker of an open document, if it has been checked (for tests). */
  checkerOf(uri: vscode.Uri): IncrementalChecker | undefined {
    return this.checkers.get(uri.toString());
  }

  private store(entry: Entry): void {
    const key = entry.uri.toString();
    const before = this.entries.get(key);
    if (!before && !entry.isStatusDocument && !entry.skipped) return;
    this.entries.set(key, entry);
    if (entry.skipped && before?.skipped !== entry.skipped) this.log.info(`${vscode.workspace.asRelativePath(entry.uri)}: ${entry.skipped}`);
    this.changed.fire([entry.uri]);
  }

  private remove(uri: vscode.Uri): void {
    if (this.entries.delete(uri.toString())) this.changed.fire([uri]);
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  /** Re-reads one file from disk unless it is open (the open text wins). */
  async refreshFile(uri: vscode.Uri): Promise<void> {
    const open = this.openDocument(uri);
    if (open && !open.isClosed) {
      if (this.isCandidate(open)) this.schedule(open, 0);
      return;
    }
    if (!this.isIncluded(uri)) return this.remove(uri);
    const key = uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    this.pending++;
    try {
      const entry = await this.readAndAnalyze(uri);
      if (this.generations.get(key) !== generation) return;
      if (entry) this.store(entry);
      else this.remove(uri);
    } finally {
      this.settle();
    }
  }

  private async readAndAnalyze(uri: vscode.Uri): Promise<Entry | undefined> {
    try {
      await this.configsReady();
      const { host } = this.settingsFor(uri);
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return undefined;
      if (stat.size > host.maxFileSizeKB * 1024) {
        // Read only what the pre-check needs to decide whether to list it at all.
        const decoded = engine().decodeText((await vscode.workspace.fs.readFile(uri)).subarray(0, host.maxFileSizeKB * 1024));
        if (!decoded.ok || !engine().looksLikeStatusDocument(decoded.text)) return undefined;
        return { uri, folder: vscode.workspace.getWorkspaceFolder(uri), doc: null, findings: [], verdicts: [], skipped: skippedReason(stat.size, host.maxFileSizeKB), isStatusDocument: true, version: -1, today: '' };
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      return await this.analyzeBytes(uri, bytes);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      this.log.warn(`Could not read ${uri.toString(true)}: ${String(error)}`);
      return undefined;
    }
  }

  /** A file's entry from the result cache, or analysed and then cached. */
  private async analyzeBytes(uri: vscode.Uri, bytes: Uint8Array): Promise<Entry> {
    // One snapshot for the key and the check: settings read again after the await could differ
    // (a setting changed meanwhile), and their results would be stored under the old key.
    const settings = this.settingsFor(uri);
    const { config } = settings;
    const today = todayOf(config);
    const hash = ResultCache.hash(bytes);
    const cached = await this.cache.get(hash, config, today);
    if (cached) {
      return { uri, folder: vscode.workspace.getWorkspaceFolder(uri), version: -1, today, doc: cached.doc, findings: cached.findings, verdicts: cached.verdicts, skipped: null, isStatusDocument: true };
    }
    // UTF-8, or UTF-16 with a byte order mark; invalid UTF-8 is read as the editor reads it.
    const decoded = engine().decodeText(bytes);
    if (!decoded.ok) {
      // A one-line note in the output channel (see store); not listed as a status document.
      return { uri, folder: vscode.workspace.getWorkspaceFolder(uri), version: -1, today, doc: null, findings: [], verdicts: [], skipped: `Skipped: ${decoded.reason}.`, isStatusDocument: false };
    }
    const entry = this.analyze(uri, decoded.text, -1, settings);
    if (entry.doc && !entry.skipped) await this.cache.set(hash, config, today, { doc: entry.doc, findings: entry.findings, verdicts: entry.verdicts });
    return entry;
  }

  /** Whether a file matches `statusDocs.include` and none of the excludes of its folder. */
  isIncluded(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const { host } = this.settingsFor(uri);
    const matches = (glob: string) => vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, { uri, languageId: 'markdown' } as vscode.TextDocument) > 0;
    return host.include.some(matches) && !excludeGlobs(folder, host.exclude).some(matches);
  }

  /** Scans every workspace folder; a second call while scanning runs one more scan after it. */
  rescan(): Promise<void> {
    if (this.scanning) {
      this.rescanRequested = true;
      return this.scanning;
    }
    this.pending++;
    this.scanning = (async () => {
      try {
        // After the caller's turn: activation returns before the engine is loaded for the scan.
        await yieldToEventLoop();
        await this.configsReady();
        do {
          this.rescanRequested = false;
          await this.scanOnce();
        } while (this.rescanRequested);
      } catch (error) {
        this.log.error(`Workspace scan failed: ${String(error)}`);
      } finally {
        this.scanning = undefined;
        this.progress = undefined;
        this.completedScans++;
        this.scanChanged.fire();
        this.settle();
      }
    })();
    return this.scanning;
  }

  private async scanOnce(): Promise<void> {
    const started = Date.now();
    const seen = new Set<string>();
    const progress: ScanProgress = { done: 0, total: 0 };
    this.progress = progress;
    this.scanChanged.fire();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const { host } = this.settingsFor(folder.uri);
      const exclude = excludeGlobs(folder, host.exclude);
      const excludePattern = exclude.length ? new vscode.RelativePattern(folder, `{${exclude.join(',')}}`) : null;
      for (const include of host.include) {
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), excludePattern, 5000);
        const queue = uris.filter((u) => !seen.has(u.toString()));
        for (const u of queue) seen.add(u.toString());
        progress.total += queue.length;
        this.scanChanged.fire();
        // A few reads at a time; each check yields back to the event loop in between.
        const workers = Array.from({ length: 4 }, async () => {
          for (let uri = queue.shift(); uri; uri = queue.shift()) {
            const open = this.openDocument(uri);
            if (open) this.analyzeDocument(open);
            else {
              const entry = await this.readAndAnalyze(uri);
              if (entry) this.store(entry);
            }
            progress.done++;
            this.scanChanged.fire();
            await yieldToEventLoop();
          }
        });
        await Promise.all(workers);
      }
    }
    // Files that no longer match (deleted, excluded by a new setting).
    const gone = [...this.entries.keys()].filter((k) => !seen.has(k) && !this.openDocument(vscode.Uri.parse(k)));
    for (const k of gone) this.entries.delete(k);
    if (gone.length) this.changed.fire(gone.map((k) => vscode.Uri.parse(k)));
    // Open markdown documents outside the include globs are still checked.
    for (const d of vscode.workspace.textDocuments) if (this.isCandidate(d) && !seen.has(d.uri.toString())) this.analyzeDocument(d);
    this.log.info(`Scanned ${seen.size} file(s) in ${Date.now() - started} ms: ${this.all().length} status document(s); result cache ${this.cache.hits} hit(s), ${this.cache.misses} miss(es).`);
  }

  /** Resolves when no scan or analysis is pending (for tests and commands). */
  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
    this.scanChanged.dispose();
  }
}

export interface ScanProgress {
  done: number;
  total: number;
}

function skippedReason(size: number, maxFileSizeKB: number): string {
  return `Skipped: ${(size / 1024).toFixed(0)} KB is more than statusDocs.maxFileSizeKB (${maxFileSizeKB} KB).`;
}

/** `statusDocs.exclude` plus the folder's `files.exclude` and `search.exclude` globs that are on. */
export function excludeGlobs(folder: vscode.WorkspaceFolder, own: readonly string[]): string[] {
  const globs = new Set(own);
  for (const section of ['files.exclude', 'search.exclude']) {
    const map = vscode.workspace.getConfiguration(undefined, folder.uri).get<Record<string, unknown>>(section) ?? {};
    for (const [glob, on] of Object.entries(map)) if (on === true) globs.add(glob);
  }
  // Nested braces would break the `{a,b}` group handed to findFiles.
  return [...globs].filter((g) => !/[{}]/.test(g));
}
