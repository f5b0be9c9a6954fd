/**
 * The document model: plain data, described by zod schemas so that the JSON output has a
 * schema and tests can validate what the analyzer produces. No mdast node leaks out of here.
 *
 * Positions are 1-based lines and columns (UTF-16 code units, as in mdast and VS Code);
 * `endColumn` is exclusive. `offset`/`endOffset` are 0-based offsets into the analyzed text.
 */
import { z } from 'zod';

export const RangeSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
  offset: z.number().int().min(0),
  endOffset: z.number().int().min(0),
});
export type Range = z.infer<typeof RangeSchema>;

export const STATUS_VALUES = ['done', 'in-progress', 'planned', 'blocked', 'at-risk', 'unknown'] as const;
export const StatusValueSchema = z.enum(STATUS_VALUES);
export type StatusValue = z.infer<typeof StatusValueSchema>;

/** A status found in text: the normalized value, the words or emoji that said it, where. */
export const StatusMentionSchema = z.object({
  value: StatusValueSchema,
  text: z.string(),
  range: RangeSchema,
});
export type StatusMention = z.infer<typeof StatusMentionSchema>;

export const FieldSourceSchema = z.enum(['bold', 'plain', 'emphasis', 'front-matter', 'table']);

/** `**Key**: value`, `Key: value`, `_Last updated: …_`, front matter keys, Metric|Value rows. */
export const FieldSchema = z.object({
  key: z.string(),
  /** Canonical key (`overall-progress`, `end-date`, …) or the lower-cased key. */
  name: z.string(),
  value: z.string(),
  keyRange: RangeSchema,
  valueRange: RangeSchema,
  source: FieldSourceSchema,
  section: z.number().int().nullable(),
  status: StatusMentionSchema.nullable(),
});
export type Field = z.infer<typeof FieldSchema>;

export const ChecklistCountSchema = z.object({
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type ChecklistCount = z.infer<typeof ChecklistCountSchema>;

export const SectionSchema = z.object({
  index: z.number().int(),
  title: z.string(),
  level: z.number().int().min(1).max(6),
  headingRange: RangeSchema,
  /** From the heading's first character to the character before the next heading of the same or a higher level. */
  range: RangeSchema,
  parent: z.number().int().nullable(),
  status: StatusMentionSchema.nullable(),
  /** Task items directly in this section (not in sub-sections). */
  ownChecklist: ChecklistCountSchema,
  /** Own plus all nested sections. */
  checklist: ChecklistCountSchema,
});
export type Section = z.infer<typeof SectionSchema>;

export const TaskItemSchema = z.object({
  checked: z.boolean(),
  text: z.string(),
  range: RangeSchema,
  /** The `[ ]` / `[x]` box itself. */
  boxRange: RangeSchema,
  depth: z.number().int().min(0),
  parent: z.number().int().nullable(),
  section: z.number().int().nullable(),
  list: z.number().int(),
});
export type TaskItem = z.infer<typeof TaskItemSchema>;

export const NumberKindSchema = z.enum(['percent', 'ratio', 'count', 'factor', 'number']);
export const NumberTokenSchema = z.object({
  kind: NumberKindSchema,
  /** The value; for a ratio the numerator. */
  value: z.number(),
  /** For a ratio, the denominator. */
  of: z.number().nullable(),
  /** Decimal places the author wrote (of `value`). */
  precision: z.number().int().min(0),
  /** `~`, `≈`, `+` (as in `15+`), `<`, `>`, `≥`, `≤`, or null. */
  qualifier: z.string().nullable(),
  /** An explicit `+` or `-` written before the number. */
  sign: z.enum(['+', '-']).nullable(),
  /** For counts: the noun that follows (`files`, `lines`, `tests`). */
  unit: z.string().nullable(),
  text: z.string(),
  range: RangeSchema,
  section: z.number().int().nullable(),
  /** The block the number sits in (paragraph, heading, table cell, code line). */
  block: z.number().int(),
});
export type NumberToken = z.infer<typeof NumberTokenSchema>;

export const ScoreSchema = z.object({
  name: z.string(),
  role: z.string().nullable(),
  before: NumberTokenSchema,
  after: NumberTokenSchema,
  delta: NumberTokenSchema.nullable(),
  /** `points`, `%`, `pp` or null when the delta has no unit. */
  deltaUnit: z.string().nullable(),
  status: StatusMentionSchema.nullable(),
  range: RangeSchema,
  section: z.number().int().nullable(),
});
export type Score = z.infer<typeof ScoreSchema>;

export const ColumnRoleSchema = z.enum([
  'name', 'weight', 'completion', 'contribution', 'status', 'date', 'points', 'count',
  'before', 'after', 'change', 'target', 'notes', 'value', 'other',
]);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

export const TableCellSchema = z.object({
  text: z.string(),
  range: RangeSchema,
});
export type TableCell = z.infer<typeof TableCellSchema>;

export const TableRowSchema = z.object({
  cells: z.array(TableCellSchema),
  range: RangeSchema,
  /** A Total/TOTAL/Sum row. */
  isTotal: z.boolean(),
  status: StatusMentionSchema.nullable(),
});
export type TableRow = z.infer<typeof TableRowSchema>;

export const TableSchema = z.object({
  index: z.number().int(),
  range: RangeSchema,
  section: z.number().int().nullable(),
  header: z.array(TableCellSchema),
  columns: z.array(ColumnRoleSchema),
  rows: z.array(TableRowSchema),
});
export type Table = z.infer<typeof TableSchema>;

export const ListItemSchema = z.object({
  text: z.string(),
  range: RangeSchema,
  depth: z.number().int().min(0),
  /** The list this item's own sub-list forms, if any. */
  children: z.number().int().nullable(),
});
export const ListSchema = z.object({
  index: z.number().int(),
  ordered: z.boolean(),
  range: RangeSchema,
  section: z.number().int().nullable(),
  /** The list item this list is nested in, as `[list, item]`, or null at top level. */
  parentItem: z.tuple([z.number().int(), z.number().int()]).nullable(),
  items: z.array(ListItemSchema),
});
export type List = z.infer<typeof ListSchema>;

export const DateValueSchema = z.object({
  /** `YYYY-MM-DD` of the day the text means (for a range, its last day; for a quarter, its last day). */
  date: z.string().nullable(),
  /** For ranges: the first day. */
  start: z.string().nullable(),
  text: z.string(),
  range: RangeSchema,
  /** Weekday written next to the date (`Mon`, `Friday`), normalized to 0=Sunday … 6=Saturday. */
  weekday: z.number().int().min(0).max(6).nullable(),
  /** Set when the text looks like a date but names no real day (`2026-02-30`). */
  invalid: z.string().nullable(),
  /** `TBD`, `TBA`, `—`: explicitly no date. */
  none: z.boolean(),
  /** How the date was written: a day, a range, a month, a quarter, a week relative to the start date, or "no date". */
  kind: z.enum(['day', 'range', 'month', 'quarter', 'week', 'none']),
  /** The weekday name written next to the date, when there is one. */
  weekdayRange: RangeSchema.nullable(),
});
export type DateValue = z.infer<typeof DateValueSchema>;

export const MilestoneSchema = z.object({
  name: z.string(),
  kind: z.enum(['table-row', 'heading', 'line']),
  range: RangeSchema,
  date: DateValueSchema.nullable(),
  status: StatusMentionSchema.nullable(),
  section: z.number().int().nullable(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

// ------------------------------------------------------------------ claims

/**
 * The kinds of checkable statement. Each kind has one extractor in `model/claims/<kind>.ts`
 * (with its grammar in `grammar/`) and is compared by the rules that select it.
 */
export const CLAIM_KINDS = [
  'ratio', 'change', 'factor', 'total', 'count', 'progress', 'status', 'milestone', 'sprint', 'document', 'weekday',
] as const;
export const ClaimKindSchema = z.enum(CLAIM_KINDS);
export type ClaimKind = z.infer<typeof ClaimKindSchema>;

/** A number as the claim or its evidence states it. */
export const QuantitySchema = z.object({
  value: z.number(),
  /** A second value: the denominator of `n/m`. */
  of: z.number().nullable(),
  /** `%`, `points`, `x`, `ms`, `files`, … lower-cased, or null. */
  unit: z.string().nullable(),
  /** `~`, `≈`, `+` (as in `15+`), `<`, `>`, `≥`, `≤`, or null. */
  qualifier: z.string().nullable(),
  sign: z.enum(['+', '-']).nullable(),
  /** Decimal places the author wrote. */
  precision: z.number().int().min(0),
  /** The digits as written (what a fix replaces). */
  text: z.string(),
  range: RangeSchema,
});
export type Quantity = z.infer<typeof QuantitySchema>;

/** One piece of evidence: a part of a sum, an item counted, an endpoint, a box, a date. */
export const EvidenceSchema = z.object({
  /** What the evidence is to the claim; each kind documents its roles (`part`, `item`, `before`, `after`, `numerator`, `done`, `open`, `weight`, `completion`, `date`, `status`). */
  role: z.string(),
  /** A short label for messages and hovers (`Phase 2`, `Item 3`). */
  label: z.string(),
  range: RangeSchema,
  quantity: QuantitySchema.nullable(),
  status: StatusMentionSchema.nullable(),
  date: DateValueSchema.nullable(),
  /** Evidence that belongs together (the cells of one table row). */
  group: z.number().int().nullable(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ClaimDataSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const ClaimSchema = z.object({
  /** Index in `doc.claims`, in document order. */
  id: z.number().int().min(0),
  kind: ClaimKindSchema,
  /** The grammar form that read it (`paren-percent`, `total-row`, `heading-count`, …). */
  form: z.string(),
  /** What the claim is about, for messages (`Velocity`, `Phase 2`, `Documents Added`). */
  subject: z.string(),
  /** The stated value: the narrowest range a finding points at. */
  range: RangeSchema,
  /** The whole statement: the line, row, heading or field. */
  statement: RangeSchema,
  stated: QuantitySchema.nullable(),
  status: StatusMentionSchema.nullable(),
  date: DateValueSchema.nullable(),
  evidence: z.array(EvidenceSchema),
  /** Kind-specific facts the grammar read (the operation, a direction word, the unit family). */
  data: ClaimDataSchema,
  section: z.number().int().nullable(),
  /** Set by the model when the pairing with evidence is not certain: the claim is kept, never checked. */
  unchecked: z.string().nullable(),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const VERDICTS = ['right', 'wrong', 'unchecked'] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/** What the rules decided about a claim. */
export const ClaimVerdictSchema = z.object({
  claim: z.number().int().min(0),
  verdict: VerdictSchema,
  /** The rule that decided (null for a claim no enabled rule looked at). */
  rule: z.string().nullable(),
  /** For `unchecked`: why; for `wrong`: the finding's message. */
  reason: z.string().nullable(),
});
export type ClaimVerdict = z.infer<typeof ClaimVerdictSchema>;

/** Characters damaged by a cp1252 misreading of UTF-8 (`âœ…` for `✅`), with their repair (null when a byte was lost). */
export const MojibakeRunSchema = z.object({
  range: RangeSchema,
  original: z.string(),
  repaired: z.string().nullable(),
});
export type MojibakeRun = z.infer<typeof MojibakeRunSchema>;

/** A `<!-- status-docs-disable… -->` comment (see `grammar/suppressions.ts`). */
export const SuppressionSchema = z.object({
  kind: z.enum(['next-line', 'line', 'disable', 'enable', 'file']),
  /** Rule ids; empty means every rule. */
  rules: z.array(z.string()),
  range: RangeSchema,
});
export type Suppression = z.infer<typeof SuppressionSchema>;

export const BlockKindSchema = z.enum(['heading', 'paragraph', 'cell', 'code', 'html']);
/** A run of text the extractors read: the source slice with markup masked to spaces. */
export const BlockSchema = z.object({
  kind: BlockKindSchema,
  range: RangeSchema,
  section: z.number().int().nullable(),
  /** Same length as the source slice; emphasis markers, inline code, HTML and link targets are blanked. */
  text: z.string(),
  /** For cells: table index, row (-1 = header) and column. */
  table: z.tuple([z.number().int(), z.number().int(), z.number().int()]).nullable(),
  /** For list item paragraphs: `[list, item]`. */
  listItem: z.tuple([z.number().int(), z.number().int()]).nullable(),
});
export type Block = z.infer<typeof BlockSchema>;

/** The language the document is written in (see `model/language.ts`). */
export const DocumentLanguageSchema = z.object({
  /** BCP-47 primary subtag (`en`, `pt`, `zh`, …), or `und` when the text says too little. */
  code: z.string(),
  confidence: z.number().min(0).max(1),
  /** Other languages with a substantial share of the text, strongest first. */
  also: z.array(z.string()),
  evidence: z.array(z.string()),
});

export const StatusDocSchema = z.object({
  version: z.literal(1),
  title: z.string().nullable(),
  language: DocumentLanguageSchema,
  titleRange: RangeSchema.nullable(),
  /** The document's own status (its Status field, or its title's status). */
  status: StatusMentionSchema.nullable(),
  lineCount: z.number().int(),
  fields: z.array(FieldSchema),
  sections: z.array(SectionSchema),
  tasks: z.array(TaskItemSchema),
  checklist: ChecklistCountSchema,
  lists: z.array(ListSchema),
  tables: z.array(TableSchema),
  numbers: z.array(NumberTokenSchema),
  scores: z.array(ScoreSchema),
  dates: z.array(DateValueSchema),
  milestones: z.array(MilestoneSchema),
  blocks: z.array(BlockSchema),
  /** Every checkable statement, in document order (see `model/claims/`). */
  claims: z.array(ClaimSchema),
  /** Damaged characters, in document order. */
  mojibake: z.array(MojibakeRunSchema),
  /** Suppression comments, in document order. */
  suppressions: z.array(SuppressionSchema),
  /** Cheap signals of status content: task items, progress numbers, status fields. */
  isStatusDocument: z.boolean(),
});
export type StatusDoc = z.infer<typeof StatusDocSchema>;
