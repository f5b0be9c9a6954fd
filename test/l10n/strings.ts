/**
 * The extension's translatable strings and which translations lack them: the `%key%` strings of
 * package.json (English in package.nls.json) and the literal `vscode.l10n.t('…')` strings in
 * src/vscode (English is the key; translations in l10n/bundle.l10n.<language>.json).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { manifestKeys, NLS_LANGUAGES, readNls, ROOT } from './manifest';

export { NLS_LANGUAGES, ROOT };
export const BUNDLE_DIR = join(ROOT, 'l10n');

function sources(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const QUOTED = String.raw`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\`(?:[^\`\\$]|\\.)*\``;
/** `vscode.l10n.t('…'` or `l10n.t("…"` with a literal first argument. */
const CALL = new RegExp(String.raw`\bl10n\.t\(\s*(${QUOTED})`, 'g');
/** A call whose first argument is not a literal: the scanner cannot see its key. */
const CALL_ANY = /\bl10n\.t\(\s*([^\s)])/g;

function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

export interface RuntimeStrings {
  /** Every literal key, with the files that use it. */
  keys: Map<string, string[]>;
  /** `file:line` of calls whose message is not a literal. */
  dynamic: string[];
}

export function runtimeStrings(dir = join(ROOT, 'src', 'vscode')): RuntimeStrings {
  const keys = new Map<string, string[]>();
  const dynamic: string[] = [];
  for (const file of sources(dir)) {
    const text = readFileSync(file, 'utf8');
    const name = relative(ROOT, file);
    for (const m of text.matchAll(CALL)) keys.set(unquote(m[1]!), [...(keys.get(unquote(m[1]!)) ?? []), name]);
    for (const m of text.matchAll(CALL_ANY)) {
      if (!/['"`]/.test(m[1]!)) dynamic.push(`${name}:${text.slice(0, m.index).split('\n').length}`);
    }
  }
  return { keys, dynamic };
}

export function readBundle(language: string): Record<string, string> | null {
  const file = join(BUNDLE_DIR, `bundle.l10n.${language}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : null;
}

export function manifestStringKeys(): string[] {
  return [...new Set(manifestKeys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))))];
}

export interface LanguageGaps {
  /** package.json keys without a translation in package.nls.<language>.json. */
  manifestMissing: string[];
  /** Translations of keys package.json no longer has. */
  manifestStale: string[];
  /** Runtime strings without a translation in l10n/bundle.l10n.<language>.json. */
  bundleMissing: string[];
  /** Translations of strings the code no longer has. */
  bundleStale: string[];
}

export interface Gaps {
  /** package.json keys package.nls.json lacks, and its keys package.json no longer uses. */
  english: { missing: string[]; stale: string[] };
  languages: Record<string, LanguageGaps>;
  dynamic: string[];
}

export function gaps(): Gaps {
  const used = manifestStringKeys();
  const usedSet = new Set(used);
  const english = readNls();
  const runtime = runtimeStrings();
  const out: Gaps = {
    english: { missing: used.filter((k) => english[k] === undefined), stale: Object.keys(english).filter((k) => !usedSet.has(k)) },
    languages: {},
    dynamic: runtime.dynamic,
  };
  for (const language of NLS_LANGUAGES) {
    const nls = readNls(language);
    const bundle = readBundle(language) ?? {};
    out.languages[language] = {
      manifestMissing: used.filter((k) => !nls[k]),
      manifestStale: Object.keys(nls).filter((k) => !usedSet.has(k)),
      bundleMissing: [...runtime.keys.keys()].filter((k) => !bundle[k]),
      bundleStale: Object.keys(bundle).filter((k) => !runtime.keys.has(k)),
    };
  }
  return out;
}
