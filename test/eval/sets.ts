/** The labeled sets the accuracy harness knows, and the two ways of getting their findings. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { check, DEFAULT_CONFIG } from '../../src/core/index';
import { readText } from '../../src/cli/files';
import { readExpect, type ExpectFile, type Got } from './score';

export const ROOT = resolve(__dirname, '..', '..');

export interface LabeledSet {
  name: string;
  /** Shown when the set is absent. */
  label: string;
  expectPath: string;
  docsDir: string;
}

/** The third-party documents next to the repository; `SHARED_DIR` points elsewhere (see test/unit/helpers.ts). */
const SHARED = process.env.SHARED_DIR ? resolve(process.env.SHARED_DIR) : resolve(ROOT, '..', 'shared');

export const SETS: LabeledSet[] = [
  {
    name: 'shared-labeled',
    label: '../shared/labeled',
    expectPath: join(SHARED, 'labeled', 'expect.json'),
    docsDir: join(SHARED, 'labeled', 'docs'),
  },
  {
    name: 'own',
    label: 'test/eval/docs',
    expectPath: join(ROOT, 'test', 'eval', 'expect.json'),
    docsDir: join(ROOT, 'test', 'eval', 'docs'),
  },
];

export const CLI = join(ROOT, 'dist', 'cli.js');

export function setPresent(set: LabeledSet): boolean {
  return existsSync(set.expectPath) && existsSync(set.docsDir);
}

export function loadSet(set: LabeledSet): { expect: ExpectFile; files: string[] } {
  const expect = readExpect(set.expectPath);
  return { expect, files: Object.keys(expect.docs).map((n) => join(set.docsDir, n)) };
}

/** A finding with enough of it to compare the two paths. */
export interface FullGot extends Got {
  column: number;
  message: string;
}

/** Findings of the built CLI (`dist/cli.js check --format json --today T files…`), by file name. */
export function findingsFromCli(files: string[], today: string): Map<string, FullGot[]> {
  // With no paths the CLI would check the current folder.
  if (files.length === 0) return new Map();
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--today', today, ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  let out: { files?: { path?: string; findings?: { rule?: string; line?: number; column?: number; message?: string }[] }[] };
  try {
    out = JSON.parse(r.stdout);
  } catch {
    throw new Error(`no JSON on stdout of dist/cli.js (exit ${r.status}): ${(r.stderr || r.stdout || '').slice(-500)}`);
  }
  const map = new Map<string, FullGot[]>();
  for (const f of out.files ?? []) {
    map.set(basename(f.path ?? ''), (f.findings ?? []).map((g) => ({ rule: g.rule ?? '', line: g.line ?? 0, column: g.column ?? 0, message: g.message ?? '' })));
  }
  return map;
}

/** Findings of the core (`check`) with the CLI's defaults: the same decoding, default settings, the given day. */
export function findingsFromCore(files: string[], today: string): Map<string, FullGot[]> {
  const map = new Map<string, FullGot[]>();
  for (const file of files) {
    const read = readText(file);
    if (!read.ok) continue;
    const { findings } = check(read.text, { today, config: DEFAULT_CONFIG });
    map.set(basename(file), findings.map((g) => ({ rule: g.rule, line: g.line, column: g.column, message: g.message })));
  }
  return map;
}

/** Text of a document's lines (1-based), for checking label evidence. */
export function docLines(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/);
}
