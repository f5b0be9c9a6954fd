/**
 * The CLI's result cache (`--cache`): one JSON file in a cache folder, mapping a hash of each
 * file's bytes to its report (and to the pre-check's verdict, so a file seen before is not
 * decoded and pre-checked again). The entries are valid for one context (tool version, settings,
 * today — see `cacheContextKey` in the core); a different context starts an empty cache.
 * A missing or damaged cache file is an empty cache, never an error.
 *
 * The file is plain ASCII (every other character written as a `\u` escape) and ends with a
 * SHA-256 digest of everything before it. A file whose digest matches holds exactly the bytes
 * this build wrote, so its entries are used as they are; any other file (damaged, edited,
 * written without a digest) has each entry checked against the report schema, and a bad
 * entry is a miss. Both keep a warm run of a large workspace short: an ASCII file decodes
 * several times faster than UTF-8, and checking tens of megabytes of reports against the
 * schema costs more than reading them.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { cacheContextKey, readCachedResult, type CacheContext, type CachedResult } from '../core/incremental';

export const DEFAULT_CACHE_DIR = '.status-docs-cache';
const FILE = 'results-v1.json';
/** Entries kept at most; past that the oldest ones (in file order) go. */
const MAX_ENTRIES = 50_000;

interface CacheFile {
  format: 1;
  context: string;
  entries: Record<string, unknown>;
  /** The pre-check's verdict per content hash: 1 accepted, 0 rejected as not a status document. */
  prechecked?: Record<string, unknown>;
  /** SHA-256 (base64url) of the file's bytes before `,"digest":`. */
  digest?: string;
}

const DIGEST_TAIL = /,"digest":"([A-Za-z0-9_-]{43})"\}$/;
const NON_ASCII = /[\u0080-\uffff]/g;

/** JSON.stringify with every non-ASCII UTF-16 unit escaped: the same value, read back by JSON.parse. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The cache file's text, and whether its digest vouches for it. A file with a matching digest
 * is ASCII, so it is decoded as Latin-1 (the fast path); any other file as UTF-8.
 */
function readCacheText(path: string): { text: string; trusted: boolean } {
  const bytes = readFileSync(path);
  const tail = bytes.subarray(Math.max(0, bytes.length - 80)).toString('latin1');
  const m = DIGEST_TAIL.exec(tail);
  if (m) {
    const body = bytes.subarray(0, bytes.length - m[0].length);
    if (createHash('sha256').update(body).digest('base64url') === m[1]) return { text: bytes.toString('latin1'), trusted: true };
  }
  return { text: bytes.toString('utf8'), trusted: false };
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * The tool version plus a hash of the running bundle, so a rebuilt tool (a changed rule) never
 * reuses results of the previous build even when the version number stayed the same.
 */
export function toolFingerprint(version: string): string {
  try {
    return `${version}+${contentHash(readFileSync(__filename)).slice(0, 16)}`;
  } catch {
    return version;
  }
}

export class ResultCache {
  hits = 0;
  misses = 0;
  private changed = false;

  private constructor(
    readonly dir: string,
    private readonly context: string,
    private readonly entries: Map<string, unknown>,
    private readonly verdicts: Map<string, boolean>,
    /** The entries as read from a file whose digest matched: written by this build, used unchecked. */
    private readonly trusted: Set<string>,
  ) {}

  /** The pre-check's verdicts by content hash (`notStatusDocument` in files.ts); a new one is saved with the cache. */
  readonly prechecked = {
    get: (hash: string): boolean | undefined => this.verdicts.get(hash),
    set: (hash: string, accepted: boolean): void => {
      if (this.verdicts.get(hash) === accepted) return;
      this.verdicts.delete(hash);
      this.verdicts.set(hash, accepted);
      this.changed = true;
    },
  };

  static open(dir: string, context: CacheContext): ResultCache {
    const key = cacheContextKey(context);
    let entries = new Map<string, unknown>();
    const verdicts = new Map<string, boolean>();
    let trusted = new Set<string>();
    try {
      const file = readCacheText(join(dir, FILE));
      const raw = JSON.parse(file.text) as Partial<CacheFile>;
      if (raw && raw.format === 1 && raw.context === key && raw.entries && typeof raw.entries === 'object') {
        entries = new Map(Object.entries(raw.entries));
        if (file.trusted) trusted = new Set(entries.keys());
        if (raw.prechecked && typeof raw.prechecked === 'object') {
          for (const [hash, v] of Object.entries(raw.prechecked)) if (v === 0 || v === 1) verdicts.set(hash, v === 1);
        }
      }
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return new ResultCache(dir, key, entries, verdicts, trusted);
  }

  get size(): number {
    return this.entries.size;
  }

  get(hash: string): CachedResult | null {
    const raw = this.entries.get(hash);
    const hit = raw === undefined ? null : this.trusted.has(hash) ? (raw as CachedResult) : readCachedResult(raw);
    if (hit) this.hits++;
    else this.misses++;
    return hit;
  }

  set(hash: string, result: CachedResult): void {
    this.entries.delete(hash);
    this.trusted.delete(hash);
    this.entries.set(hash, result);
    this.changed = true;
  }

  /** Writes the cache if anything changed (atomically: a temporary file, then a rename). */
  save(): void {
    if (!this.changed) return;
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    while (this.verdicts.size > MAX_ENTRIES) this.verdicts.delete(this.verdicts.keys().next().value!);
    const tmp = join(this.dir, `${FILE}.${process.pid}.tmp`);
    let fd: number | null = null;
    try {
      mkdirSync(this.dir, { recursive: true });
      // The folder ignores itself, so it never shows up as a change in the user's repository.
      writeFileSync(join(this.dir, '.gitignore'), '*\n');
      // The JSON of a CacheFile (ASCII, digest last), written entry by entry: a cache of a
      // large workspace is tens of megabytes, which need not exist as one string.
      fd = openSync(tmp, 'w');
      const digest = createHash('sha256');
      const write = (text: string) => { digest.update(text); writeSync(fd!, text); };
      let buffer = `{"format":1,"context":${asciiJson(this.context)},"entries":{`;
      let first = true;
      for (const [hash, entry] of this.entries) {
        buffer += `${first ? '' : ','}${asciiJson(hash)}:${asciiJson(entry)}`;
        first = false;
        if (buffer.length >= 1 << 20) { write(buffer); buffer = ''; }
      }
      buffer += '},"prechecked":{';
      first = true;
      for (const [hash, accepted] of this.verdicts) {
        buffer += `${first ? '' : ','}${asciiJson(hash)}:${accepted ? 1 : 0}`;
        first = false;
        if (buffer.length >= 1 << 20) { write(buffer); buffer = ''; }
      }
      write(buffer + '}');
      writeSync(fd, `,"digest":"${digest.digest('base64url')}"}`);
      closeSync(fd);
      fd = null;
      renameSync(tmp, join(this.dir, FILE));
      this.changed = false;
    } catch {
      // A cache that cannot be written only costs time on the next run.
      if (fd !== null) try { closeSync(fd); } catch { /* already closed */ }
      try { rmSync(tmp, { force: true }); } catch { /* nothing to remove */ }
    }
  }
}
