/** Shared test helpers: fixture locations, the pinned "today", and the third-party documents in ../shared. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SNAPSHOTS = join(ROOT, 'test', 'snapshots');
/** Every fixture and corpus run uses this day, so time-based results never drift. */
export const TODAY = '2026-11-22';

export const SHARED = resolve(ROOT, '..', 'shared');
export const SEEDS = join(SHARED, 'seeds');
export const CORPUS = join(SHARED, 'corpus', 'docs');
export const hasShared = existsSync(SEEDS) && existsSync(CORPUS);

export function readUtf8(path: string): string {
  return new TextDecoder('utf-8').decode(readFileSync(path));
}

export function markdownFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, f));
}

/** Seeds and corpus documents, or an empty list when ../shared is absent. */
export function sharedDocuments(): { name: string; path: string }[] {
  if (!hasShared) return [];
  return [
    ...markdownFiles(SEEDS).map((p) => ({ name: `seeds/${p.split('/').pop()}`, path: p })),
    ...markdownFiles(CORPUS).map((p) => ({ name: `corpus/${p.split('/').pop()}`, path: p })),
  ];
}
