/**
 * Finding and reading the markdown files the CLI was asked about. The only file-system code of
 * the CLI. Folders are walked and globs expanded by tinyglobby (matching by picomatch); only
 * regular files are ever opened: FIFOs, sockets and devices are skipped with a note, because
 * opening a FIFO blocks until something writes to it.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { decodeText } from '../core/decode';
import { contentHash } from './cache';
import { looksLikeStatusDocument } from '../core/precheck';

export const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', '.vscode-test', '.next', '.cache', 'coverage', '.status-docs-cache']);
const MARKDOWN_EXTENSIONS = ['md', 'markdown', 'mdown', 'mkd'];
const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i;
const MARKDOWN_GLOB = `**/*.{${MARKDOWN_EXTENSIONS.join(',')}}`;
const IGNORE = [...SKIP_DIRS].map((d) => `**/${d}/**`);
export const MAX_BYTES = 8 * 1024 * 1024;

/** `named`: given as a file argument (not found by walking a folder or expanding a glob). */
export interface Target { path: string; abs: string; named?: boolean }
export interface Problem { path: string; reason: string }

export interface Collected {
  targets: Target[];
  /** Files found but not checked (not regular files, unreadable folders): a note each, the run goes on. */
  problems: Problem[];
  /** Arguments that name nothing to check (no such path; a glob or folder without markdown): usage errors. */
  errors: Problem[];
}

/** Expands paths, folders (recursively) and globs into markdown files, sorted and deduplicated. */
export function collectTargets(args: string[], cwd: string): Collected {
  const found = new Map<string, Target>();
  const problems: Problem[] = [];
  const errors: Problem[] = [];
  const seenReal = new Set<string>();
  /** Adds a candidate found by a walk or named directly; true when it is a regular file. */
  const consider = (abs: string, st?: Stats, named = false): boolean => {
    const kind = fileKind(abs, st);
    if (kind !== 'file') {
      problems.push({ path: display(abs, cwd), reason: kind });
      return false;
    }
    const real = realOf(abs);
    if (seenReal.has(real)) {
      if (named) for (const t of found.values()) if (t.abs === abs || realOf(t.abs) === real) t.named = true;
      return true;
    }
    seenReal.add(real);
    found.set(abs, named ? { abs, path: display(abs, cwd), named } : { abs, path: display(abs, cwd) });
    return true;
  };
  for (const arg of args.length ? args : ['.']) {
    const abs = resolve(cwd, arg);
    const st = statOrNull(abs);
    if (!st && isDynamicPattern(arg)) {
      const before = found.size;
      expandGlob(arg, cwd, consider, problems);
      if (found.size === before) errors.push({ path: arg, reason: 'no markdown file matches this pattern' });
      continue;
    }
    if (!st) {
      errors.push({ path: arg, reason: lstatOrNull(abs) ? 'broken symbolic link' : 'no such file or directory' });
      continue;
    }
    if (st.isDirectory()) {
      const before = found.size;
      walkFolder(abs, cwd, consider, problems);
      if (found.size === before) errors.push({ path: arg, reason: 'folder contains no markdown files' });
    } else consider(abs, st, true);
  }
  return { targets: [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), problems, errors };
}

/** Every markdown file under `dir`, skipping SKIP_DIRS; special files are noted, not opened. */
function walkFolder(dir: string, cwd: string, consider: (abs: string) => boolean, problems: Problem[]): void {
  const options = { cwd: dir, dot: true, ignore: IGNORE, followSymbolicLinks: true, caseSensitiveMatch: false, expandDirectories: false };
  for (const rel of globSync([MARKDOWN_GLOB], options)) consider(join(dir, rel));
  noteSpecialFiles(dir, options, (rel) => MARKDOWN.test(rel), cwd, problems);
}

/** `docs/**\/*.md`: tinyglobby from the pattern's static folder (`docs`). */
function expandGlob(pattern: string, cwd: string, consider: (abs: string) => boolean, problems: Problem[]): void {
  const parts = pattern.split(/[\\/]/);
  let i = 0;
  while (i < parts.length - 1 && !isDynamicPattern(parts[i]!)) i++;
  const base = resolve(cwd, parts.slice(0, i).join('/') || (pattern.startsWith('/') ? '/' : '.'));
  const rest = parts.slice(i).join('/');
  if (!statOrNull(base)?.isDirectory()) return;
  const options = { cwd: base, dot: true, ignore: IGNORE, followSymbolicLinks: true, expandDirectories: false };
  for (const rel of globSync([rest], options)) consider(join(base, rel));
  const isMatch = picomatch(rest, { dot: true });
  noteSpecialFiles(base, options, isMatch, cwd, problems);
}

/**
 * The walk lists regular files and symbolic links only (a symlink to a FIFO is caught by
 * `consider`). A FIFO, socket or device sitting in a scanned folder is not listed at all; this
 * pass finds those whose name matches, so that they are reported instead of silently missing.
 */
function noteSpecialFiles(
  root: string, options: { cwd: string; dot: boolean; ignore: string[]; followSymbolicLinks: boolean },
  matches: (rel: string) => boolean, cwd: string, problems: Problem[],
): void {
  const dirs = ['', ...globSync(['**'], { ...options, onlyDirectories: true, expandDirectories: false })];
  for (const d of dirs) {
    let entries;
    try {
      entries = readdirSync(join(root, d), { withFileTypes: true });
    } catch (e) {
      problems.push({ path: display(join(root, d), cwd), reason: `cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    for (const e of entries) {
      if (e.isFile() || e.isDirectory() || e.isSymbolicLink()) continue;
      const rel = (d ? join(d, e.name) : e.name).split(sep).join('/').replace(/\/+/g, '/');
      if (matches(rel)) problems.push({ path: display(join(root, rel), cwd), reason: specialKind(e) });
    }
  }
}

/** 'file' for a regular file (after symlinks), else the reason it is skipped. Never opens it. */
function fileKind(abs: string, st?: Stats): string {
  const s = st ?? statOrNull(abs);
  if (!s) return lstatOrNull(abs) ? 'broken symbolic link, skipped' : 'no such file or directory';
  if (s.isFile()) return 'file';
  const via = lstatOrNull(abs)?.isSymbolicLink() ? 'symbolic link to ' : '';
  return `${via}${specialKind(s)}`;
}

function specialKind(s: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean; isDirectory(): boolean }): string {
  const what = s.isFIFO() ? 'a FIFO (named pipe)' : s.isSocket() ? 'a socket' : s.isBlockDevice() || s.isCharacterDevice() ? 'a device' : s.isDirectory() ? 'a folder' : 'not a regular file';
  return `${what}: not a regular file, skipped`;
}

/** The file's real path (to tell two names of one file apart), or the path as given. */
function realOf(abs: string): string {
  try {
    // The system's realpath: one call, where the JavaScript one checks every folder of the path.
    return realpathSync.native(abs);
  } catch {
    try {
      return realpathSync(abs);
    } catch {
      return abs;
    }
  }
}

function statOrNull(abs: string): Stats | null {
  try {
    return statSync(abs);
  } catch {
    return null;
  }
}

function lstatOrNull(abs: string): Stats | null {
  try {
    return lstatSync(abs);
  } catch {
    return null;
  }
}

function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel && !rel.startsWith('..') ? rel : abs).split(sep).join('/');
}

export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };
export { decodeText };

/**
 * A regular file's bytes. Opened non-blocking and checked with fstat before any read, so a
 * FIFO or device that took the file's place since it was listed is refused, never waited on.
 */
export function readBytes(abs: string): BytesResult {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, reason: `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: specialKind(st) };
    if (st.size > MAX_BYTES) return { ok: false, reason: `file is ${(st.size / 1048576).toFixed(1)} MB; files over ${MAX_BYTES / 1048576} MB are not checked` };
    const bytes = Buffer.allocUnsafe(st.size);
    let length = 0;
    while (length < bytes.length) {
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { ok: true, bytes: bytes.subarray(0, length) };
  } catch (e) {
    return { ok: false, reason: `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  } finally {
    closeSync(fd);
  }
}

/** What the pre-check keeps for the rest of a cached run (see `notStatusDocument`). */
export interface PrecheckMemo {
  /** Each file's content hash (`contentHash`), by absolute path: the cache lookup needs no second read. */
  hashes: Map<string, string>;
  /** The pre-check's verdict per content hash (a function of the bytes alone), kept between runs. */
  verdicts: { get(hash: string): boolean | undefined; set(hash: string, accepted: boolean): void };
}

/**
 * Whether the pre-check (`looksLikeStatusDocument`) rejects the file: false when it accepts it
 * and when the file cannot be read as text (the check then says why it is skipped). With
 * `memo`, a file whose bytes were pre-checked before is not decoded and checked again.
 */
export function notStatusDocument(abs: string, memo?: PrecheckMemo): boolean {
  const bytes = readBytes(abs);
  if (!bytes.ok) return false;
  const hash = memo ? contentHash(bytes.bytes) : '';
  if (memo) {
    memo.hashes.set(abs, hash);
    const known = memo.verdicts.get(hash);
    if (known !== undefined) return !known;
  }
  const read = decodeText(bytes.bytes, { strict: true });
  const accepted = !read.ok || looksLikeStatusDocument(read.text);
  memo?.verdicts.set(hash, accepted);
  return !accepted;
}

/** Reads a file as text (UTF-8, or UTF-16 with a byte order mark), refusing binary data, invalid text and huge files with a reason. */
export function readText(abs: string): ReadResult {
  const read = readBytes(abs);
  return read.ok ? decodeText(read.bytes, { strict: true }) : read;
}
