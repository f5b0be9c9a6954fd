/** The stable JSON report (`--format json`), described by a zod schema. */
import { z } from 'zod';
import { ChecklistCountSchema, ClaimKindSchema, DocumentLanguageSchema, StatusValueSchema, VerdictSchema, type ClaimVerdict, type StatusDoc } from '../model/schema';
import { FindingSchema, LocationSchema, type Finding } from '../findings';

/** A checkable statement and what the rules decided about it. */
export const ClaimReportSchema = LocationSchema.extend({
  kind: ClaimKindSchema,
  form: z.string(),
  /** The stated value as written. */
  text: z.string(),
  verdict: VerdictSchema,
  rule: z.string().nullable(),
  /** Why it was not checked, or the finding's message when it is wrong. */
  reason: z.string().nullable(),
});
export type ClaimReport = z.infer<typeof ClaimReportSchema>;

export const ClaimSummarySchema = z.object({
  /** Claims found. */
  claims: z.number().int().min(0),
  /** Claims a rule compared with their evidence (right + wrong). */
  checked: z.number().int().min(0),
  right: z.number().int().min(0),
  wrong: z.number().int().min(0),
  unchecked: z.number().int().min(0),
});
export type ClaimSummary = z.infer<typeof ClaimSummarySchema>;

export const FileReportSchema = z.object({
  path: z.string(),
  title: z.string().nullable(),
  /** The document's language (BCP-47 primary subtag or `und`), how sure, and what else it mixes in. */
  language: DocumentLanguageSchema.omit({ evidence: true }),
  status: StatusValueSchema.nullable(),
  checklist: ChecklistCountSchema,
  /** The headline progress as written (`75% → 95%`), or null. */
  progress: z.string().nullable(),
  findings: z.array(FindingSchema),
  claims: z.array(ClaimReportSchema),
  summary: ClaimSummarySchema,
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
  /**
   * Claims over all files: how many the rules checked and how many were wrong; and how many
   * files found in folders or by globs were not checked because the pre-check did not take them
   * for status documents (the CLI's `--all` checks them too).
   */
  summary: ClaimSummarySchema.extend({ notStatusDocuments: z.number().int().min(0).optional() }).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

export function fileReport(path: string, doc: StatusDoc, findings: Finding[], verdicts: readonly ClaimVerdict[] = []): FileReport {
  const claims = claimReports(doc, verdicts);
  return {
    path,
    title: doc.title,
    language: { code: doc.language.code, confidence: doc.language.confidence, also: [...doc.language.also] },
    status: doc.status?.value ?? null,
    checklist: { ...doc.checklist },
    progress: headlineProgress(doc),
    findings,
    claims,
    summary: summarize(claims),
  };
}

/** Claims about dates: their stated value is the date. */
const TIME_KINDS = new Set<string>(['milestone', 'sprint', 'document', 'weekday']);

export function claimReports(doc: StatusDoc, verdicts: readonly ClaimVerdict[]): ClaimReport[] {
  return doc.claims.map((c) => {
    const v = verdicts[c.id];
    return {
      kind: c.kind,
      form: c.form,
      line: c.range.line,
      column: c.range.column,
      endLine: c.range.endLine,
      endColumn: c.range.endColumn,
      text: c.stated?.text ?? (TIME_KINDS.has(c.kind) ? c.date?.text ?? c.status?.text : c.status?.text ?? c.date?.text) ?? c.subject,
      verdict: v?.verdict ?? 'unchecked',
      rule: v?.rule ?? null,
      reason: v ? v.reason : c.unchecked ?? 'no enabled rule checks this claim',
    };
  });
}

export function summarize(claims: readonly Pick<ClaimReport, 'verdict'>[]): ClaimSummary {
  const right = claims.filter((c) => c.verdict === 'right').length;
  const wrong = claims.filter((c) => c.verdict === 'wrong').length;
  return { claims: claims.length, checked: right + wrong, right, wrong, unchecked: claims.length - right - wrong };
}

/** The document's Overall Progress field as written, without markup. */
export function headlineProgress(doc: StatusDoc): string | null {
  const f = doc.fields.find((x) => x.name === 'overall-progress' && /\d\s?%/.test(x.value));
  return f ? f.value.replace(/\s+/g, ' ') : null;
}

/** The claim summary of a whole report: the sum of its files' summaries. */
export function reportSummary(files: readonly Pick<FileReport, 'summary'>[]): ClaimSummary {
  const total: ClaimSummary = { claims: 0, checked: 0, right: 0, wrong: 0, unchecked: 0 };
  for (const { summary: s } of files) {
    total.claims += s.claims;
    total.checked += s.checked;
    total.right += s.right;
    total.wrong += s.wrong;
    total.unchecked += s.unchecked;
  }
  return total;
}
