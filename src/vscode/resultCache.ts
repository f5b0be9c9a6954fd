/**
 * The extension's result cache: the model and findings of each workspace file, keyed by a hash
 * of its bytes and the context (tool build, settings, today), kept in the extension's storage so
 * a window that opens again re-lists an unchanged workspace without parsing it. Entries are
 * checked against the schemas when read; a missing, damaged or foreign cache is an empty one,
 * never an error, and writing it may fail without losing anything but time.
 */
import * as vscode from 'vscode';
import type { ClaimVerdict, Config, Finding, StatusDoc } from '../core/index';
import { buildFingerprint, contentHash } from './host';
import { engine } from './lazy';

const FILE = 'results-v2.json';
/** Entries kept at most (the most recently used); a workspace beyond that re-checks the rest. */
const MAX_ENTRIES = 2000;
/** Quiet time before changes are written. */
const WRITE_DELAY_MS = 2000;

export interface CachedAnalysis {
  doc: StatusDoc;
  findings: Finding[];
  verdicts: ClaimVerdict[];
}

interface CacheFileShape {
  format: 1;
  tool: string;
  entries: [string, unknown][];
}

export class ResultCache implements vscode.Disposable {
  hits = 0;
  misses = 0;
  private entries = new Map<string, unknown>();
  private loaded: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private tool: string | undefined;
  private readonly contextKeys = new WeakMap<Config, Map<string, string>>();

  constructor(
    readonly dir: vscode.Uri | undefined,
    private readonly version: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The content hash the cache is keyed by. */
  static hash(bytes: Uint8Array): string {
    return contentHash(bytes);
  }

  /**
   * The version plus a hash of the running bundle, so a rebuilt extension (a changed rule)
   * never reuses results of the previous build. Computed on first use, not at activation.
   */
  private toolKey(): string {
    if (this.tool) return this.tool;
    this.tool = `${this.version}+${buildFingerprint()}`;
    return this.tool;
  }

  private key(hash: string, config: Config, today: string): string {
    // The settings object is shared per folder until the configuration changes: its part of the
    // key is computed once, not for every file of a scan.
    let byDay = this.contextKeys.get(config);
    if (!byDay) this.contextKeys.set(config, (byDay = new Map()));
    let context = byDay.get(today);
    if (!context) byDay.set(today, (context = engine().cacheContextKey({ toolVersion: this.toolKey(), config, today })));
    return `${context}:${hash}`;
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.dir) return;
      try {
        const raw = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.dir, FILE)))) as Partial<CacheFileShape>;
        if (raw.format === 1 && raw.tool === this.toolKey() && Array.isArray(raw.entries)) {
          for (const e of raw.entries) if (Array.isArray(e) && typeof e[0] === 'string') this.entries.set(e[0], e[1]);
        }
      } catch {
        // No cache yet, or one that cannot be read: start empty.
      }
    })();
    return this.loaded;
  }

  async get(hash: string, config: Config, today: string): Promise<CachedAnalysis | undefined> {
    await this.load();
    const key = this.key(hash, config, today);
    const raw = this.entries.get(key) as Partial<CachedAnalysis> | undefined;
    const { ClaimVerdictSchema, FindingSchema, StatusDocSchema } = engine();
    if (
      raw && StatusDocSchema.safeParse(raw.doc).success &&
      Array.isArray(raw.findings) && raw.findings.every((f) => FindingSchema.safeParse(f).success) &&
      Array.isArray(raw.verdicts) && raw.verdicts.length === raw.doc!.claims.length && raw.verdicts.every((v) => ClaimVerdictSchema.safeParse(v).success)
    ) {
      // Most recently used last, so the oldest go first when the cache is full.
      this.entries.delete(key);
      this.entries.set(key, raw);
      this.hits++;
      return raw as CachedAnalysis;
    }
    if (raw) this.entries.delete(key);
    this.misses++;
    return undefined;
  }

  async set(hash: string, config: Config, today: string, value: CachedAnalysis): Promise<void> {
    await this.load();
    const key = this.key(hash, config, today);
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.scheduleWrite();
  }

  private scheduleWrite(): void {
    if (!this.dir) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), WRITE_DELAY_MS);
  }

  /** Writes the cache now (also called when the extension is deactivated). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dir || !this.loaded) return;
    try {
      await vscode.workspace.fs.createDirectory(this.dir);
      const body: CacheFileShape = { format: 1, tool: this.toolKey(), entries: [...this.entries] };
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.dir, FILE), new TextEncoder().encode(JSON.stringify(body)));
    } catch (error) {
      this.log.warn(`Could not write the result cache: ${String(error)}`);
    }
  }

  /** Forgets every entry, in memory and on disk. */
  async clear(): Promise<void> {
    await this.load();
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
    await this.flush();
  }

  dispose(): void {
    if (this.timer) void this.flush();
  }
}
