/**
 * The settings schema, free of `vscode` so that unit tests can compare it with package.json.
 * Settings: `statusDocs.*` read through two zod schemas — the core's `ConfigSchema` for what the
 * analysis needs and `HostSettingsSchema` below for what only the editor needs. A test keeps
 * `package.json` `contributes.configuration` in step with both. Bad values never throw: each bad
 * key keeps its default and is named in the output channel. A project file (`.status-docs.jsonc`)
 * sits between the defaults and the settings: a setting set explicitly wins over it.
 */
import { z } from 'zod';
import { ConfigSchema, layerConfig, readConfigValues, RULE_IDS, type Config, type ConfigLayer } from '../core/index';

import { SECTION } from './section';

export { SECTION, todayOf } from './section';

export const RUN_VALUES = ['onType', 'onSave'] as const;

/** Editor-only settings, keyed by their name under `statusDocs.`. */
export const HostSettingsSchema = z.object({
  include: z
    .array(z.string().min(1))
    .default(['**/*.md'])
    .describe('Glob patterns (relative to each workspace folder) of the files scanned for status documents.'),
  exclude: z
    .array(z.string().min(1))
    .default(['**/node_modules/**'])
    .describe('Glob patterns of files never scanned, in addition to `files.exclude` and `search.exclude`.'),
  run: z
    .enum(RUN_VALUES)
    .default('onType')
    .describe('Check open documents as you type (`onType`, debounced) or only when they are saved (`onSave`).'),
  debounceMs: z
    .number().int().min(0).max(10_000)
    .default(300)
    .describe('Milliseconds of quiet typing before an open document is checked again.'),
  maxFileSizeKB: z
    .number().int().min(1).max(100_000)
    .default(512)
    .describe('Documents larger than this many kilobytes are skipped (with a note in the Progress view) so huge files never slow the editor.'),
  'codeLens.enabled': z
    .boolean()
    .default(true)
    .describe('Show CodeLens above checklists (`☑ 7/13 done (54%)`) and score groups (`Δ verified`).'),
  'decorations.enabled': z
    .boolean()
    .default(true)
    .describe('Show inline flags after stale milestone lines (`⏰ 277 days overdue`).'),
  'decorations.checkedClaims': z
    .boolean()
    .default(false)
    .describe('Also show inline flags after numbers a rule found wrong, with the expected value.'),
  'fileDecorations.enabled': z
    .boolean()
    .default(true)
    .describe('Show a badge in the Explorer on documents with problems or stale items.'),
});
export type HostSettings = z.infer<typeof HostSettingsSchema>;
export const DEFAULT_HOST_SETTINGS: HostSettings = HostSettingsSchema.parse({});

export interface Settings {
  config: Config;
  host: HostSettings;
  /** One sentence per bad key; the default was kept. */
  problems: string[];
  /**
   * Where each core value that is not the default comes from (see `layerConfig`): a settings
   * scope's name or the project file's path, keyed `today`, `rules.<rule id>`, `statusWords.<status>`.
   */
  sources: Record<string, string>;
  /** The project file that applies (its path as shown), or null. */
  projectFile: string | null;
}

/** Every `statusDocs.*` key the extension reads: the core's keys plus the host's. */
export const SETTING_KEYS: readonly string[] = [...Object.keys(ConfigSchema.shape), ...Object.keys(HostSettingsSchema.shape)];

/** The keys a project file can set too (the core's); editor-only keys are settings only. */
export const PROJECT_KEYS: readonly string[] = Object.keys(ConfigSchema.shape);

/** Appended to the description of each setting a project file can set (package.json, the settings UI). */
export const PROJECT_FILE_NOTE = 'A `.status-docs.jsonc` project file can set it for the documents of its folder; a value set here wins over the file.';

export interface SettingsInput {
  /** The nearest project file's keys (already valid), lowest of the layers above the defaults. */
  project?: ConfigLayer;
  /** Values set explicitly, per scope, lowest first (user, workspace, folder), keyed like `SETTING_KEYS`. */
  scopes: readonly { source: string; raw: Record<string, unknown> }[];
  /** The editor-only settings as `getConfiguration().get` returns them. */
  host: Record<string, unknown>;
}

/**
 * Reads the settings of a document: for the core's keys, the defaults, then the project file,
 * then each scope where a value is set (a later one wins; `rules` and `statusWords` per entry);
 * for the editor's own keys, the values VS Code gives. Pure, for tests.
 */
export function parseLayeredSettings(input: SettingsInput): Settings {
  const problems: string[] = [];
  const layers: ConfigLayer[] = input.project ? [input.project] : [];
  for (const scope of input.scopes) {
    const coreRaw: Record<string, unknown> = {};
    for (const key of PROJECT_KEYS) if (scope.raw[key] !== undefined) coreRaw[key] = scope.raw[key];
    const { values, issues } = readConfigValues(coreRaw, RULE_IDS);
    for (const i of issues) if (!problems.includes(i.message)) problems.push(i.message);
    layers.push({ source: scope.source, values });
  }
  const { config, sources } = layerConfig(layers);
  const host: Record<string, unknown> = {};
  const shape = HostSettingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const value = input.host[key];
    if (value === undefined) continue;
    const parsed = (shape[key] as z.ZodType).safeParse(value);
    if (parsed.success) host[key] = parsed.data;
    else problems.push(`Setting "${key}" is invalid (${parsed.error.issues[0]?.message ?? 'bad value'}): got ${JSON.stringify(value)}, keeping the default.`);
  }
  return {
    config,
    host: HostSettingsSchema.parse(host),
    problems: problems.map((p) => p.replace(/Setting "([^"]+)"/, `Setting "${SECTION}.$1"`)),
    sources,
    projectFile: input.project?.source ?? null,
  };
}

/** Parses raw values (as `getConfiguration` returns them) key by key, without a project file. Pure, for tests. */
export function parseSettings(raw: Record<string, unknown>): Settings {
  return parseLayeredSettings({ scopes: [{ source: 'settings', raw }], host: raw });
}
