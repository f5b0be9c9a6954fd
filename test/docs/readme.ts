/**
 * The README's rule and settings tables are generated from their sources of truth — the rule
 * registry and `package.json`'s `contributes.configuration` — so they cannot drift:
 *
 *   npm run docs            rewrites the tables between the README's RULES and SETTINGS markers
 *
 * `test/unit/readme.test.ts` fails when the README differs from what this renders.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigSchema, RULES, ruleDocsAnchor } from '../../src/core/index';
import { localizedManifest } from '../l10n/manifest';

const ROOT = join(__dirname, '..', '..');
export const README = join(ROOT, 'README.md');

interface SettingEntry {
  default?: unknown;
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  markdownDescription?: string;
  description?: string;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRules(): string {
  const lines = ['| rule | default severity | fix | what it reports |', '| --- | --- | --- | --- |'];
  for (const r of RULES) {
    lines.push(`| [\`${r.id}\`](#${ruleDocsAnchor(r.id)}) | ${r.defaultSeverity} | ${r.fixable ? 'yes' : '—'} | ${cell(r.description)} |`);
  }
  return lines.join('\n');
}

export function renderSettings(manifest: { contributes: { configuration: { properties: Record<string, SettingEntry> } } }): string {
  const core = new Set(Object.keys(ConfigSchema.shape));
  const lines = [
    '| setting | default | CLI `--config` key | what it does |',
    '| --- | --- | --- | --- |',
  ];
  for (const [key, entry] of Object.entries(manifest.contributes.configuration.properties)) {
    const short = key.replace(/^statusDocs\./, '');
    const values = entry.enum ? ` One of ${entry.enum.map((v) => `\`${v}\``).join(', ')}.` : '';
    const bounds = entry.minimum !== undefined || entry.maximum !== undefined ? ` Range ${entry.minimum ?? '…'}–${entry.maximum ?? '…'}.` : '';
    lines.push(
      `| \`${key}\` | \`${cell(JSON.stringify(entry.default))}\` | ${core.has(short) ? `\`${short}\`` : '—'} | ${cell(entry.markdownDescription ?? entry.description ?? '')}${values}${bounds} |`,
    );
  }
  return lines.join('\n');
}

/** Replaces the text between `<!-- NAME:BEGIN -->` and `<!-- NAME:END -->`. */
export function replaceBlock(text: string, name: string, body: string): string {
  const begin = `<!-- ${name}:BEGIN -->`;
  const end = `<!-- ${name}:END -->`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${begin} … ${end} block`);
  return `${text.slice(0, a + begin.length)}\n${body}\n${text.slice(b)}`;
}

export function renderReadme(text: string): string {
  const manifest = localizedManifest();
  const settings = [
    '## Settings',
    '',
    'The extension reads `statusDocs.*` settings (user, workspace or folder). The CLI reads the keys',
    'marked below from a JSON file given with `--config FILE`. In the editor a bad value is reported in',
    'the **Status Docs** output channel and that key keeps its default; activation goes on. The CLI',
    'names every bad key on stderr and exits with code 2, so a CI job never runs with settings other',
    'than the ones its author wrote.',
    '',
    renderSettings(manifest),
    '',
    'A CLI config file, for example:',
    '',
    '```json',
    '{ "rules": { "stale-document": "off", "delta-mismatch": "warning" }, "staleAfterDays": 60 }',
    '```',
  ].join('\n');
  return replaceBlock(replaceBlock(text, 'RULES', renderRules()), 'SETTINGS', settings);
}

if (process.argv.includes('--write')) {
  const before = readFileSync(README, 'utf8');
  const after = renderReadme(before);
  if (after !== before) writeFileSync(README, after);
  process.stdout.write(after === before ? 'README.md is up to date\n' : 'README.md updated\n');
}
