/**
 * package.json with its `%key%` strings replaced from package.nls.json (or, given a language,
 * package.nls.<language>.json, falling back to English per key), as VS Code shows it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const NLS_LANGUAGES = ['de', 'fr', 'es', 'pt-br', 'ja', 'zh-cn'] as const;

export function readNls(language?: string): Record<string, string> {
  const file = join(ROOT, language ? `package.nls.${language}.json` : 'package.nls.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/** Every `%key%` value in a manifest (keys in document order). */
export function manifestKeys(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) out.push(m[1]!);
  } else if (Array.isArray(value)) for (const v of value) manifestKeys(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) manifestKeys(v, out);
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function localizedManifest(language?: string): any {
  const english = readNls();
  const strings = language ? { ...english, ...readNls(language) } : english;
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const replace = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = /^%([^%\s]+)%$/.exec(v);
      return m && strings[m[1]!] !== undefined ? strings[m[1]!] : v;
    }
    if (Array.isArray(v)) return v.map(replace);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replace(x)]));
    return v;
  };
  return replace(manifest);
}
