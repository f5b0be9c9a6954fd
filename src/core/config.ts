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
    .partialRecord(z.enum(STATUS_VALUES), z.array(z.string()))
    .default({})
    .describe('Extra words or emoji that mean a status, for example `{ "done": ["Livré"] }`.'),
});
export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});

export interface ConfigResult {
  config: Config;
  /** One sentence per rejected key: what was wrong and that the default is kept. */
  problems: string[];
}

/** Reads untrusted settings key by key, keeping defaults for what is wrong. */
export function parseConfig(raw: unknown, knownRules?: readonly string[]): ConfigResult {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { config: DEFAULT_CONFIG, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: DEFAULT_CONFIG, problems: ['Settings must be an object; using the defaults.'] };
  }
  const input = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const shape = ConfigSchema.shape;
  for (const [key, value] of Object.entries(input)) {
    if (!(key in shape)) {
      problems.push(`Unknown setting "${key}" is ignored.`);
      continue;
    }
    if (value === undefined) continue;
    if (key === 'rules' && value && typeof value === 'object' && !Array.isArray(value)) {
      const rules: Record<string, RuleSeverity> = {};
      for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
        if (knownRules && !knownRules.includes(id)) {
          problems.push(`Unknown rule "${id}" in "rules" is ignored.`);
          continue;
        }
        const parsed = RuleSeveritySchema.safeParse(sev);
        if (parsed.success) rules[id] = parsed.data;
        else problems.push(`Severity of rule "${id}" must be one of ${RULE_SEVERITY_VALUES.join(', ')}; got ${JSON.stringify(sev)}, keeping its default.`);
      }
      out.rules = rules;
      continue;
    }
    const parsed = (shape[key as keyof typeof shape] as z.ZodType).safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else problems.push(`Setting "${key}" is invalid (${parsed.error.issues[0]?.message ?? 'bad value'}): got ${JSON.stringify(value)}, keeping the default.`);
  }
  return { config: ConfigSchema.parse(out), problems };
}
