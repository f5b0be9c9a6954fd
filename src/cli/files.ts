/** Finding and reading the markdown files the CLI was asked about. The only file-system code of the CLI. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', '.vscode-test', '.next', '.cache', 'coverage', '.status-docs-cache']);
const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i;
export const MAX_BYTES = 8 * 1024 * 1024;

export interface Target { path: string; abs: string }
export interface Problem { path: string; reason: string }

/** Expands paths, directories (recursively) and globs into markdown files, sorted and deduplicated. */
export function collectTargets(args: string[], cwd: string): { targets: Target[]; problems: Problem[] } {
  const found = new Map<string, Target>();
  const problems: Problem[] = [];
  const add = (abs: string) => found.set(abs, { abs, path: display(abs, cwd) });
  for (const arg of args.length ? args : ['.']) {
    if (/[*?[{]/.test(arg)) {
      const { root, regex } = globToRegex(arg, cwd);
      const before = found.size;
      walk(root, (abs) => { if (regex.test(abs.split(sep).join('/'))) add(abs); }, problems, cwd);
      if (found.size === before) problems.push({ path: arg, reason: 'no markdown file matches this pattern' });
      continue;
    }
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      problems.push({ path: arg, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : `cannot read (${(e as Error).message})` });
      continue;
    }
    if (st.isDirectory()) {
      const before = found.size;
      walk(abs, (f) => { if (MARKDOWN.test(f)) add(f); }, problems, cwd);
      if (found.size === before) problems.push({ path: arg, reason: 'directory contains no markdown files' });
    } else add(abs);
  }
  return { targets: [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), problems };
}

function walk(dir: string, visit: (abs: string) => void, problems: Problem[], cwd: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: display(dir, cwd), reason: `cannot read directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    return;
  }
  for (const e of entries) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(abs, visit, problems, cwd);
    } else if (e.isFile() || e.isSymbolicLink()) visit(abs);
  }
}

/** `docs/**\/*.md` → the folder to walk and a regex over absolute forward-slash paths. */
export function globToRegex(pattern: string, cwd: string): { root: string; regex: RegExp } {
  const abs = resolve(cwd, pattern).split(sep).join('/');
  const parts = abs.split('/');
  const firstGlob = parts.findIndex((p) => /[*?[{]/.test(p));
  const root = parts.slice(0, firstGlob).join('/') || '/';
  let re = '';
  const rest = parts.slice(firstGlob).join('/');
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '*' && rest[i + 1] === '*') {
      const slash = rest[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = rest.indexOf('}', i);
      re += '(?:' + rest.slice(i + 1, close).split(',').map(escapeRe).join('|') + ')';
      i = close;
    } else re += escapeRe(c);
  }
  return { root: root.split('/').join(sep) || sep, regex: new RegExp('^' + escapeRe(root === '/' ? '' : root) + '/' + re + '$') };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel && !rel.startsWith('..') ? rel : abs).split(sep).join('/');
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a file as UTF-8 text, refusing binary data, invalid UTF-8 and huge files with a reason. */
export function readText(abs: string): ReadResult {
  let bytes: Buffer;
  try {
    const st = statSync(abs);
    if (st.size > MAX_BYTES) return { ok: false, reason: `file is ${(st.size / 1048576).toFixed(1)} MB; files over ${MAX_BYTES / 1048576} MB are not checked` };
    bytes = readFileSync(abs);
  } catch (e) {
    return { ok: false, reason: `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  return decodeText(bytes);
}

export function decodeText(bytes: Uint8Array): ReadResult {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    // The decoder drops a UTF-8 byte order mark.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}
