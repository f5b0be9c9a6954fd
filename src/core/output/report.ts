/** The stable JSON report (`--format json`), described by a zod schema. */
import { z } from 'zod';
import { ChecklistCountSchema, StatusValueSchema, type StatusDoc } from '../model/schema';
import { FindingSchema, type Finding } from '../findings';

export const FileReportSchema = z.object({
  path: z.string(),
  title: z.string().nullable(),
  status: StatusValueSchema.nullable(),
  checklist: ChecklistCountSchema,
  /** The headline progress as written (`75% → 95%`), or null. */
  progress: z.string().nullable(),
  findings: z.array(FindingSchema),
});
export type FileReport = z.infer<typeof FileReportSchema>;

export const SkippedSchema = z.object({ path: z.string(), reason: z.string() });
export type Skipped = z.infer<typeof SkippedSchema>;

export const ReportSchema = z.object({
  version: z.literal(1),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  files: z.array(FileReportSchema),
  /** Files that could not be checked (unreadable, binary, not UTF-8, too large), with the reason. */
  skipped: z.array(SkippedSchema),
});
export type Report = z.infer<typeof ReportSchema>;

export function fileReport(path: string, doc: StatusDoc, findings: Finding[]): FileReport {
  return {
    path,
    title: doc.title,
    status: doc.status?.value ?? null,
    checklist: { ...doc.checklist },
    progress: headlineProgress(doc),
    findings,
  };
}

/** The document's Overall Progress field as written, without markup. */
export function headlineProgress(doc: StatusDoc): string | null {
  const f = doc.fields.find((x) => x.name === 'overall-progress' && /\d\s?%/.test(x.value));
  return f ? f.value.replace(/\s+/g, ' ') : null;
}
