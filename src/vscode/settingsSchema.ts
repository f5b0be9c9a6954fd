/**
 * The settings schema, free of `vscode` so that unit tests can compare it with package.json.
 * Settings: `statusDocs.*` read through two zod schemas — the core's `ConfigSchema` for what the
 * analysis needs and `HostSettingsSchema` below for what only the editor needs. A test keeps
 * `package.json` `contributes.configuration` in step with both. Bad values never throw: each bad
 * key keeps its default and is named in the output channel.
 */
import { z } from 'zod';
import { ConfigSchema, RULE_IDS, parseConfig, type Config } from '../core/index';

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
}

/** Every `statusDocs.*` key the extension reads: the core's keys plus the host's. */
export const SETTING_KEYS: readonly string[] = [...Object.keys(ConfigSchema.shape), ...Object.keys(HostSettingsSchema.shape)];

/** Parses raw values (as `getConfiguration` returns them) key by key. Pure, for tests. */
export function parseSettings(raw: Record<string, unknown>): Settings {
  const coreRaw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.shape)) if (raw[key] !== undefined) coreRaw[key] = raw[key];
  const { config, problems } = parseConfig(coreRaw, RULE_IDS);
  const host: Record<string, unknown> = {};
  const shape = HostSettingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const value = raw[key];
    if (value === undefined) continue;
    const parsed = (shape[key] as z.ZodType).safeParse(value);
    if (parsed.success) host[key] = parsed.data;
    else problems.push(`Setting "${key}" is invalid (${parsed.error.issues[0]?.message ?? 'bad value'}): got ${JSON.stringify(value)}, keeping the default.`);
  }
  return {
    config,
    host: HostSettingsSchema.parse(host),
    problems: problems.map((p) => p.replace(/Setting "([^"]+)"/, `Setting "${SECTION}.$1"`)),
  };
}
