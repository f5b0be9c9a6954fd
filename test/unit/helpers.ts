/** Shared test helpers: fixture locations, the pinned "today", and the third-party documents in ../shared. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SNAPSHOTS = join(ROOT, 'test', 'snapshots');
/** Every fixture and corpus run uses this day, so time-based results never drift. */
export const TODAY = '2026-11-22';

/**
 * The third-party documents next to the repository (`../shared`), read in place and never
 * copied in. `SHARED_DIR` points elsewhere (`SHARED_DIR=/nonexistent npm run test:unit` runs the
 * suite as a fresh clone without them would). Tests that read them say so in their title,
 * "(uses ../shared/…)", and skip with the reason when they are absent.
 */
export const SHARED = process.env.SHARED_DIR ? resolve(process.env.SHARED_DIR) : resolve(ROOT, '..', 'shared');
export const SEEDS = join(SHARED, 'seeds');
export const CORPUS = join(SHARED, 'corpus', 'docs');
export const hasShared = existsSync(SEEDS) && existsSync(CORPUS);

/**
 * In a `before` hook or a test: skips it (and, from a hook, its suite) with the reason printed
 * when one of `paths` (under ../shared) is absent.
 */
export function skipWithoutShared(ctx: Mocha.Context, ...paths: string[]): void {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return;
  const base = process.env.SHARED_DIR ? SHARED : '../shared';
  const shown = missing.map((p) => (p.startsWith(SHARED) ? `${base}${p.slice(SHARED.length)}` : p));
  console.log(`      skipped: ${shown.join(' and ')} not found (third-party documents next to the repository, not part of it)`);
  ctx.skip();
}

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

/** Every markdown file below `dir`, recursively, in a stable order. */
export function markdownUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownUnder(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** The folders of real documents under ../shared that whole-corpus tests read (each may be absent). */
export const SHARED_DOC_DIRS = ['seeds', 'corpus', join('labeled', 'docs')].map((d) => ({ name: `../shared/${d}`, path: join(SHARED, d) }));

/** A small deterministic random generator (mulberry32): numbers in [0, 1) from a seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
