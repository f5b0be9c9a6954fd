/**
 * The README's rule and settings tables are generated from their sources of truth — the rule
 * registry and `package.json`'s `contributes.configuration` — so they cannot drift; so is the
 * JSON Schema of the project configuration file, from the zod schema:
 *
 *   npm run docs            rewrites the tables between the README's RULES and SETTINGS markers,
 *                           and media/status-docs.schema.json
 *
 * `test/unit/readme.test.ts` fails when the README differs from what this renders, and
 * `test/unit/project-config.test.ts` when the committed schema does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigSchema, projectConfigJsonSchema, RULES, ruleDocsAnchor } from '../../src/core/index';
import { PROJECT_CONFIG_SCHEMA_PATH } from '../../src/core/projectConfig';
import { PROJECT_FILE_NOTE } from '../../src/vscode/settingsSchema';
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
    '| setting | default | project file and `--config` key | what it does |',
    '| --- | --- | --- | --- |',
  ];
  for (const [key, entry] of Object.entries(manifest.contributes.configuration.properties)) {
    const short = key.replace(/^statusDocs\./, '');
    const values = entry.enum ? ` One of ${entry.enum.map((v) => `\`${v}\``).join(', ')}.` : '';
    const description = (entry.markdownDescription ?? entry.description ?? '').replace(` ${PROJECT_FILE_NOTE}`, '');
    const bounds = entry.minimum !== undefined || entry.maximum !== undefined ? ` Range ${entry.minimum ?? '…'}–${entry.maximum ?? '…'}.` : '';
    lines.push(
      `| \`${key}\` | \`${cell(JSON.stringify(entry.default))}\` | ${core.has(short) ? `\`${short}\`` : '—'} | ${cell(description)}${values}${bounds} |`,
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
    'The extension reads `statusDocs.*` settings (user, workspace or folder). The keys marked below',
    'can also be set by a [project configuration file](#project-configuration) (`.status-docs.jsonc`),',
    'which the CLI and the extension both read, and by a JSON file given to the CLI with',
    '`--config FILE`. In the editor a bad value is reported in the **Status Docs** output channel and',
    'that key keeps its default; activation goes on. The CLI names every bad key of a `--config` file',
    'on stderr and exits with code 2, so a CI job never runs with settings other than the ones its',
    'author wrote.',
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

/** The committed JSON Schema's text. */
export function renderSchema(): string {
  return JSON.stringify(projectConfigJsonSchema(), null, 2) + '\n';
}
export const SCHEMA = join(ROOT, PROJECT_CONFIG_SCHEMA_PATH);

if (process.argv.includes('--write')) {
  const schema = renderSchema();
  let old = '';
  try {
    old = readFileSync(SCHEMA, 'utf8');
  } catch {
    // Not written yet.
  }
  if (old !== schema) writeFileSync(SCHEMA, schema);
  process.stdout.write(old === schema ? `${PROJECT_CONFIG_SCHEMA_PATH} is up to date\n` : `${PROJECT_CONFIG_SCHEMA_PATH} updated\n`);
  const before = readFileSync(README, 'utf8');
  const after = renderReadme(before);
  if (after !== before) writeFileSync(README, after);
  process.stdout.write(after === before ? 'README.md is up to date\n' : 'README.md updated\n');
}
