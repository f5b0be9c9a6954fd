/**
 * The CLI's result cache (`--cache`): JSON files in a cache folder, mapping a hash of each
 * file's bytes to its report (and to the pre-check's verdict, so a file seen before is not
 * decoded and pre-checked again). The entries are valid for one context (tool version, settings,
 * today — see `cacheContextKey` in the core); a different context starts an empty cache.
 * A missing or damaged cache file is an empty cache, never an error.
 *
 * Each report is kept in two parts: in `results-v2.json` its findings reduced to place, rule,
 * severity and message (all that the text, GitHub, JUnit and Markdown outputs print), in
 * `details-v2.json` its findings in full (fixes, related places, explanations) and its claims,
 * which only the JSON and SARIF outputs print. The details are six sevenths of a cache's bytes:
 * a run that prints something else reads them only when it has a new result to store.
 *
 * Each file is plain ASCII (every other character written as a `\u` escape) and ends with a
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
import {
  cacheContextKey, joinResult, readCachedDetails, readCachedReport, splitResult, type CacheContext, type CachedDetails, type CachedReport, type CachedResult,
} from '../core/incremental';

export const DEFAULT_CACHE_DIR = '.status-docs-cache';
export const CACHE_FILE = 'results-v2.json';
export const DETAILS_FILE = 'details-v2.json';
/** Files of earlier formats, removed when the cache is written. */
const OLD_FILES = ['results-v1.json'];
/** Entries kept at most; past that the oldest ones (in file order) go. */
const MAX_ENTRIES = 50_000;

/** `results-v2.json`. */
interface CacheFile {
  format: 2;
  context: string;
  /** The reports with brief findings and without claims (see `CachedReport`), by content hash. */
  entries: Record<string, unknown>;
  /** The pre-check's verdict per content hash: 1 accepted, 0 rejected as not a status document. */
  prechecked?: Record<string, unknown>;
  /** SHA-256 (base64url) of the file's bytes before `,"digest":`. */
  digest?: string;
}

/** `details-v2.json`: each report's details (see `CachedDetails`), by the same content hash. */
interface DetailsFile {
  format: 2;
  context: string;
  details: Record<string, unknown>;
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

/** One of the cache's files: its entries (null: none for this context, or unreadable) and whether its digest vouches for them. */
function readCacheFile<T extends { format: 2; context: string }>(path: string, context: string, field: keyof T & string): { entries: Map<string, unknown>; trusted: boolean; raw: Partial<T> } | null {
  try {
    const file = readCacheText(path);
    const raw = JSON.parse(file.text) as Partial<T>;
    const entries = raw?.[field] as unknown;
    if (!raw || raw.format !== 2 || raw.context !== context || !entries || typeof entries !== 'object') return null;
    return { entries: new Map(Object.entries(entries)), trusted: file.trusted, raw };
  } catch {
    // No cache yet, or an unreadable one.
    return null;
  }
}

/**
 * Writes a cache file atomically (a temporary file, then a rename): its head, then each map as
 * an object, then the digest. Written piece by piece: a cache of a large workspace is tens of
 * megabytes, which need not exist as one string.
 */
function writeCacheFile(dir: string, name: string, head: string, maps: [string, Iterable<[string, string]>][]): void {
  const tmp = join(dir, `${name}.${process.pid}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'w');
    const digest = createHash('sha256');
    const write = (text: string) => { digest.update(text); writeSync(fd!, text); };
    let buffer = head;
    for (const [field, entries] of maps) {
      buffer += `,${asciiJson(field)}:{`;
      let first = true;
      for (const [key, json] of entries) {
        buffer += `${first ? '' : ','}${asciiJson(key)}:${json}`;
        first = false;
        if (buffer.length >= 1 << 20) { write(buffer); buffer = ''; }
      }
      buffer += '}';
    }
    write(buffer);
    writeSync(fd, `,"digest":"${digest.digest('base64url')}"}`);
    closeSync(fd);
    fd = null;
    renameSync(tmp, join(dir, name));
  } catch (e) {
    if (fd !== null) try { closeSync(fd); } catch { /* already closed */ }
    try { rmSync(tmp, { force: true }); } catch { /* nothing to remove */ }
    throw e;
  }
}

function* jsonValues(map: Map<string, unknown>): Iterable<[string, string]> {
  for (const [key, value] of map) yield [key, asciiJson(value)];
}

/** The pre-check's verdicts as stored: 1 accepted, 0 rejected. */
function* verdictValues(map: Map<string, boolean>): Iterable<[string, string]> {
  for (const [key, accepted] of map) yield [key, accepted ? '1' : '0'];
}

export class ResultCache {
  hits = 0;
  misses = 0;
  private changed = false;
  private detailsChanged = false;
  /** The details by content hash, read on first use (null: not yet). */
  private details: Map<string, unknown> | null = null;
  /** The details as read from a file whose digest matched. */
  private trustedDetails = new Set<string>();

  private constructor(
    readonly dir: string,
    private readonly context: string,
    /** The reports with brief findings, without claims. */
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
    const file = readCacheFile<CacheFile>(join(dir, CACHE_FILE), key, 'entries');
    const verdicts = new Map<string, boolean>();
    const prechecked = file?.raw.prechecked;
    if (prechecked && typeof prechecked === 'object') {
      for (const [hash, v] of Object.entries(prechecked)) if (v === 0 || v === 1) verdicts.set(hash, v === 1);
    }
    const entries = file?.entries ?? new Map<string, unknown>();
    return new ResultCache(dir, key, entries, verdicts, file?.trusted ? new Set(entries.keys()) : new Set());
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The result stored for `hash`, or null. With `details: false` the result comes without its
   * details (brief findings, no claims: see `joinResult`) and the details file is not read.
   */
  get(hash: string, options: { details?: boolean } = {}): CachedResult | null {
    const raw = this.entries.get(hash);
    const report = raw === undefined ? null : this.trusted.has(hash) ? (raw as CachedReport) : readCachedReport(raw);
    const wanted = options.details !== false;
    let details: CachedDetails | null = null;
    if (report && wanted) {
      const stored = this.loadDetails().get(hash);
      details = stored === undefined ? null : this.trustedDetails.has(hash) ? (stored as CachedDetails) : readCachedDetails(stored);
    }
    if (!report || (wanted && !details)) {
      this.misses++;
      return null;
    }
    this.hits++;
    return joinResult(report, details);
  }

  set(hash: string, result: CachedResult): void {
    const { report, details } = splitResult(result);
    const stored = this.loadDetails();
    this.entries.delete(hash);
    this.trusted.delete(hash);
    this.entries.set(hash, report);
    stored.delete(hash);
    this.trustedDetails.delete(hash);
    stored.set(hash, details);
    this.changed = true;
    this.detailsChanged = true;
  }

  private loadDetails(): Map<string, unknown> {
    if (!this.details) {
      const file = readCacheFile<DetailsFile>(join(this.dir, DETAILS_FILE), this.context, 'details');
      this.details = file?.entries ?? new Map();
      if (file?.trusted) this.trustedDetails = new Set(this.details.keys());
    }
    return this.details;
  }

  /**
   * Writes the cache if anything changed (each file atomically: a temporary file, then a
   * rename); the details file only when a result was stored (a new pre-check verdict alone
   * leaves it as it is).
   */
  save(): void {
    if (!this.changed) return;
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    while (this.verdicts.size > MAX_ENTRIES) this.verdicts.delete(this.verdicts.keys().next().value!);
    try {
      mkdirSync(this.dir, { recursive: true });
      // The folder ignores itself, so it never shows up as a change in the user's repository.
      writeFileSync(join(this.dir, '.gitignore'), '*\n');
      const head = `{"format":2,"context":${asciiJson(this.context)}`;
      if (this.detailsChanged) {
        const details = this.loadDetails();
        for (const hash of details.keys()) if (!this.entries.has(hash)) details.delete(hash);
        // The details first: a run stopped between the two writes leaves, at worst, reports
        // whose details were trimmed, which are misses.
        writeCacheFile(this.dir, DETAILS_FILE, head, [['details', jsonValues(details)]]);
      }
      writeCacheFile(this.dir, CACHE_FILE, head, [['entries', jsonValues(this.entries)], ['prechecked', verdictValues(this.verdicts)]]);
      for (const old of OLD_FILES) rmSync(join(this.dir, old), { force: true });
      this.changed = false;
      this.detailsChanged = false;
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }
}
