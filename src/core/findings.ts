/** What rules report, as data shared by the CLI, the JSON/SARIF output and the editor. */
import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const LocationSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
});
export type Location = z.infer<typeof LocationSchema>;

export const RelatedSchema = LocationSchema.extend({ message: z.string() });
export type Related = z.infer<typeof RelatedSchema>;

/** One text replacement; ranges are 1-based, end exclusive, and never overlap within a fix. */
export const EditSchema = LocationSchema.extend({ text: z.string() });
export type Edit = z.infer<typeof EditSchema>;

export const FixSchema = z.object({
  /** Short imperative title for a quick fix ("Change to +18 points"). */
  title: z.string(),
  edits: z.array(EditSchema).min(1),
  /** Safe to apply without reading: preferred quick fix, part of "fix all". */
  preferred: z.boolean(),
});
export type Fix = z.infer<typeof FixSchema>;

/** Data for inline flags of time-based findings. */
export const StaleInfoSchema = z.object({
  due: z.string(),
  daysOverdue: z.number().int(),
  statusText: z.string().nullable(),
  dateRange: LocationSchema.nullable(),
  statusRange: LocationSchema.nullable(),
});
export type StaleInfo = z.infer<typeof StaleInfoSchema>;

export const FindingSchema = LocationSchema.extend({
  rule: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  related: z.array(RelatedSchema).optional(),
  fix: FixSchema.optional(),
  /** Further fixes the user may choose between (not applied by fix-all). */
  alternatives: z.array(FixSchema).optional(),
  stale: StaleInfoSchema.optional(),
  /** A short explanation of the computation, shown on hover. */
  detail: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
