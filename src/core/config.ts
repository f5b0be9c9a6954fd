/**
 * Configuration: one zod schema is the source of truth for the CLI's `--config` file and the
 * extension's `statusDocs.*` settings (a test keeps `package.json` in step with it).
 * Bad values never throw: `parseConfig` keeps the default for each bad key and says why.
 */
import { z } from 'zod';
import { STATUS_VALUES } from './model/schema';

export const RULE_SEVERITY_VALUES = ['off', 'info', 'warning', 'error'] as const;
export const RuleSeveritySchema = z.enum(RULE_SEVERITY_VALUES);
export type RuleSeverity = z.infer<typeof RuleSeveritySchema>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const IsoDaySchema = z
  .string()
  .regex(ISO_DAY, 'expected a date written YYYY-MM-DD')
  .refine(isRealDay, 'not a real calendar day');

export function isRealDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Bounds of `statusWords`: they become one regular expression, so they must stay small. */
export const MAX_STATUS_WORDS = 200;
export const MAX_STATUS_WORD_LENGTH = 60;

/** Each key with its default; the descriptions are what the settings UI and the README show. */
export const ConfigSchema = z.object({
  rules: z
    .record(z.string(), RuleSeveritySchema)
    .default({})
    .describe('Severity per rule id (`off`, `info`, `warning`, `error`); rules not listed keep their default.'),
  staleAfterDays: z
    .number().int().min(1).max(3650)
    .default(90)
    .describe('A document not marked done whose newest date is older than this many days is reported by `stale-document`.'),
  approximateTolerance: z
    .number().min(0).max(1)
    .default(0.1)
    .describe('Relative tolerance for numbers written as approximate (`~730`, `≈ 5%`): 0.1 accepts ±10%.'),
  today: z
    .union([IsoDaySchema, z.literal('')])
    .default('')
    .describe('Pins "today" for the time-based rules (YYYY-MM-DD); empty means the real date.'),
  statusWords: z
    .partialRecord(
      z.enum(STATUS_VALUES),
      z
        .array(z.string().max(MAX_STATUS_WORD_LENGTH, `a status word is at most ${MAX_STATUS_WORD_LENGTH} characters`))
        .max(MAX_STATUS_WORDS, `at most ${MAX_STATUS_WORDS} words per status`),
    )
    .default({})
    .describe(`Extra words or emoji that mean a status, for example \`{ "done": ["Consegnato"] }\` (at most ${MAX_STATUS_WORDS} words per status, ${MAX_STATUS_WORD_LENGTH} characters each).`),
  maxAnalysisMs: z
    .number().int().min(1).max(600_000)
    .default(2000)
    .describe('Analysis of one document that runs longer than this many milliseconds is stopped; the document is listed as skipped and the rest goes on.'),
});
export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});

export interface ConfigResult {
  config: Config;
  /** One sentence per rejected key: what was wrong and that the default is kept. */
  problems: string[];
}

/** The keys a settings source gives, each already valid (what it leaves out comes from below). */
export type ConfigValues = Partial<Config>;

/** One rejected key: where it is (`["rules", "mojibake"]`, `["statusWords", "done", 3]`) and why. */
export interface ConfigIssue {
  path: (string | number)[];
  message: string;
}

/** Reads untrusted settings key by key, keeping defaults for what is wrong. */
export function parseConfig(raw: unknown, knownRules?: readonly string[]): ConfigResult {
  const { values, issues } = readConfigValues(raw, knownRules);
  return { config: ConfigSchema.parse(values), problems: issues.map((i) => i.message) };
}

/**
 * The valid keys of untrusted settings, without defaults, and one issue per rejected key (or
 * rule, or status) with its path: what `parseConfig` reads, for hosts that layer several sources
 * (a project file under the editor's settings) or point at the bad key in a file.
 */
export function readConfigValues(raw: unknown, knownRules?: readonly string[]): { values: ConfigValues; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const out: Record<string, unknown> = {};
  if (raw === undefined || raw === null) return { values: out, issues };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { values: out, issues: [{ path: [], message: 'Settings must be an object; using the defaults.' }] };
  }
  const input = raw as Record<string, unknown>;
  const shape = ConfigSchema.shape;
  for (const [key, value] of Object.entries(input)) {
    // Own keys only: `key in shape` is true for `toString`, `constructor`, `__proto__`….
    if (!Object.hasOwn(shape, key)) {
      issues.push({ path: [key], message: `Unknown setting "${clip(key)}" is ignored.` });
      continue;
    }
    if (value === undefined) continue;
    if (key === 'rules' && value && typeof value === 'object' && !Array.isArray(value)) {
      const rules: Record<string, RuleSeverity> = {};
      for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
        if ((knownRules && !knownRules.includes(id)) || id in Object.prototype || id === '__proto__') {
          issues.push({ path: ['rules', id], message: `Unknown rule "${clip(id)}" in "rules" is ignored.` });
          continue;
        }
        const parsed = RuleSeveritySchema.safeParse(sev);
        if (parsed.success) rules[id] = parsed.data;
        else issues.push({ path: ['rules', id], message: `Severity of rule "${id}" must be one of ${RULE_SEVERITY_VALUES.join(', ')}; got ${shown(sev)}, keeping its default.` });
      }
      out.rules = rules;
      continue;
    }
    const parsed = (shape[key as keyof typeof shape] as z.ZodType).safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else {
      const issue = parsed.error.issues[0];
      issues.push({ path: [key, ...(issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol')], message: `Setting "${key}" is invalid (${issueText(issue)}): got ${shown(value)}, keeping the default.` });
    }
  }
  return { values: out as ConfigValues, issues };
}

/** One source of settings for `layerConfig`: a name shown to the user and its valid keys. */
export interface ConfigLayer {
  /** `default`, `user setting`, a project file's path, `--config FILE`… */
  source: string;
  values: ConfigValues;
}

export interface LayeredConfig {
  config: Config;
  /**
   * Where each value that is not the default comes from: `staleAfterDays`, and per entry
   * `rules.<rule id>` and `statusWords.<status>`. A key not listed has its default.
   */
  sources: Record<string, string>;
}

/**
 * Stacks settings sources, lowest first: a later layer's key wins. `rules` and `statusWords`
 * merge per entry (a rule's severity, a status's word list), as VS Code merges object settings
 * of the user and the workspace; every other key is taken whole.
 */
export function layerConfig(layers: readonly ConfigLayer[]): LayeredConfig {
  const sources: Record<string, string> = {};
  const merged: Record<string, unknown> = {};
  const rules: Record<string, RuleSeverity> = {};
  const statusWords: Record<string, string[]> = {};
  for (const { source, values } of layers) {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      if (key === 'rules') {
        for (const [id, sev] of Object.entries(value as Record<string, RuleSeverity>)) { rules[id] = sev; sources[`rules.${id}`] = source; }
      } else if (key === 'statusWords') {
        for (const [status, words] of Object.entries(value as Record<string, string[]>)) { statusWords[status] = words; sources[`statusWords.${status}`] = source; }
      } else {
        merged[key] = value;
        sources[key] = source;
      }
    }
  }
  return { config: ConfigSchema.parse({ ...merged, rules, statusWords }), sources };
}

/** A zod issue as `where: what` (`done[3]: a status word is at most 60 characters`). */
function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'bad value';
  const where = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');
  return clip(where ? `${where}: ${issue.message}` : issue.message);
}

/** A value as JSON, cut short: a problem is one line, even for a huge value. */
function shown(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return clip(json ?? String(value));
}

function clip(s: string, max = 80): string {
  const line = s.replace(/[\r\n]+/g, ' ');
  return line.length > max ? `${line.slice(0, max)}… (${line.length} characters)` : line;
}
