/** The core is pure: it imports only the parser (and its parts), zod and itself, and never reads the clock. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers';

const GFM_PARTS = ['footnote', 'strikethrough', 'table', 'task-list-item'].flatMap((p) => [`micromark-extension-gfm-${p}`, `mdast-util-gfm-${p}`]);
/** micromark's edit map: the parser replaces its `consume` with a linear one (src/core/model/editMap.ts). */
const ALLOWED = new Set(['unified', 'remark-parse', 'remark-frontmatter', ...GFM_PARTS, 'micromark-util-classify-character', 'micromark-util-edit-map', 'zod', 'mdast', 'jsonc-parser']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  const core = sources(join(ROOT, 'src', 'core'));

  it('src/core imports only unified, remark, micromark parts, zod, jsonc-parser, mdast types and itself', () => {
    for (const file of core) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"`;]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3]!;
        if (spec.startsWith('.')) continue;
        assert.ok(ALLOWED.has(spec), `${relative(ROOT, file)} imports "${spec}"`);
      }
    }
  });

  it('src/core never reads the clock', () => {
    for (const file of core) {
      const text = readFileSync(file, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
      assert.doesNotMatch(text, /Date\.now\(|new Date\(\s*\)|performance\.now\(/, relative(ROOT, file));
    }
  });

  it('only src/vscode imports vscode', () => {
    for (const file of [...core, ...sources(join(ROOT, 'src', 'cli'))]) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), /from\s+['"]vscode['"]/, relative(ROOT, file));
    }
  });
});
