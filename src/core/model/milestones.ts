/**
 * Milestones: anything with a date and a status. Built from the rest of the model (tables,
 * fields, dates), so it runs after everything else is collected.
 *
 * Sources:
 * - table rows with a date column and a status column (`| Beta | 2026-03-01 | 🚧 In Progress |`);
 * - headings that carry a date (`### Sprint 3 (Nov 2-30, Projected)`), with the status of the
 *   heading itself, or of the status table or the checklist directly under it;
 * - When / Target Date / Due / Next Milestone fields, with the status of their section;
 * - `Scheduled for <date>` / `Due by <date>` lines.
 */
import type { LineIndex } from './positions';
import type { DateValue, Field, Milestone, Range, Section, StatusDoc, StatusMention, Table } from './schema';
import type { StatusVocabulary } from './vocabulary';

export interface MilestoneContext {
  text: string;
  index: LineIndex;
  vocabulary: StatusVocabulary;
}

/** Field names (canonical) whose value is when something is due. */
const DUE_FIELDS = new Set(['target-date', 'when']);
const NEXT_FIELD = /^next (?:milestone|release|checkpoint|deadline|review|deliverable)s?$/;
/** Date columns that say when something starts or happened rather than when it is due. */
const NOT_DUE_COLUMN = /start|begin|kick|created|opened|logged|reported|updated/i;
const DUE_COLUMN = /end|due|target|deadline|eta|deliver|launch|release/i;
/** Date columns that record when something was finished: empty while the item is open. */
const DONE_COLUMN = /complet|finish|done|closed|resolved|actual|merged|shipped/i;
const SCHEDULED_LINE = /\b(?:scheduled|planned|due|targeted|target(?:ing)?|deadline|expected|eta)\s*(?:for|on|by|date|:)?\s*:?\s*$/i;

const usable = (d: DateValue) => Boolean(d.date) || d.none || Boolean(d.invalid);

export function extractMilestones(doc: StatusDoc, ctx: MilestoneContext): Milestone[] {
  const out: Milestone[] = [];
  const datesIn = (offset: number, end: number): DateValue[] =>
    doc.dates.filter((d) => d.range.offset >= offset && d.range.endOffset <= end && usable(d));
  const lastDate = (offset: number, end: number): DateValue | null => {
    const ds = datesIn(offset, end);
    return ds.find((d) => d.none) ?? ds.filter((d) => d.date || d.invalid).pop() ?? null;
  };
  const mention = (offset: number, end: number): StatusMention | null => {
    const m = ctx.vocabulary.find(ctx.text.slice(offset, end));
    return m ? { value: m.value, text: m.text, range: ctx.index.range(offset + m.index, offset + m.index + m.length) } : null;
  };
  const lines = new Set<number>();
  const push = (m: Milestone) => {
    if (lines.has(m.range.line)) return;
    lines.add(m.range.line);
    out.push(m);
  };

  // Table rows with a date column and a status column.
  for (const table of doc.tables) {
    const dateCol = dueColumn(table);
    const statusCol = table.columns.indexOf('status');
    if (dateCol < 0 || statusCol < 0) continue;
    if (isEventLog(doc, table, dateCol)) continue;
    for (const row of table.rows) {
      if (row.isTotal) continue;
      const cell = row.cells[dateCol];
      if (!cell) continue;
      const nameCol = table.columns.indexOf('name');
      const nameCell = (nameCol >= 0 && row.cells[nameCol]?.text ? row.cells[nameCol] : undefined) ??
        row.cells.find((c, i) => i !== dateCol && i !== statusCol && /\p{L}/u.test(c.text)) ?? row.cells[0]!;
      push({
        name: nameCell.text,
        kind: 'table-row',
        range: row.range,
        date: lastDate(cell.range.offset, cell.range.endOffset),
        status: row.status,
        section: table.section,
      });
    }
  }

  // Headings that carry a date.
  for (const section of doc.sections) {
    const h = section.headingRange;
    const date = datesIn(h.offset, h.endOffset).filter((d) => d.date && d.kind !== 'week').pop();
    if (!date) continue;
    // A week under a phase marked done (`COMPLETED EARLY`) is done, whatever boxes were left unticked.
    // (Not the title's status: a "Complete Recap" can still hold plans that were never updated.)
    const parent = section.parent === null || doc.sections[section.parent]!.parent === null ? null : inheritedStatus(doc, doc.sections[section.parent]!, true);
    const status = headingStatus(ctx, section) ?? (parent?.value === 'done' ? parent : underHeadingStatus(doc, section));
    push({ name: section.title, kind: 'heading', range: h, date, status, section: section.index });
  }

  // When / Target Date / Due / Next Milestone fields.
  for (const f of doc.fields) {
    if (f.source === 'table') continue;
    const next = NEXT_FIELD.test(f.name);
    if (!DUE_FIELDS.has(f.name) && !next) continue;
    const date = lastDate(f.valueRange.offset, f.valueRange.endOffset);
    if (!date) continue;
    const own = mention(f.valueRange.offset, f.valueRange.endOffset);
    // `Next Review: <date>` is upcoming by its name, whatever the section's status.
    const status = next
      ? own ?? { value: 'planned' as const, text: f.key, range: f.keyRange }
      : fieldStatus(doc, f) ?? own;
    push({ name: f.key, kind: 'line', range: lineRange(ctx, f.keyRange), date, status, section: f.section });
  }

  // `Scheduled for <date>` lines (paragraphs, list items, plain code lines).
  for (const d of doc.dates) {
    if (!d.date || d.kind === 'week') continue;
    const line = lineRange(ctx, d.range);
    if (lines.has(line.line)) continue;
    const before = ctx.text.slice(line.offset, d.range.offset).replace(/[*_`]/g, '');
    if (!SCHEDULED_LINE.test(before)) continue;
    const block = doc.blocks.find((b) => b.range.offset <= d.range.offset && d.range.endOffset <= b.range.endOffset);
    if (!block || block.kind === 'cell' || block.kind === 'heading') continue;
    // The line's own status words other than the "scheduled" that introduces the date.
    const statuses = ctx.vocabulary.findAll(ctx.text.slice(line.offset, line.endOffset))
      .map((m) => ({ value: m.value, text: m.text, range: ctx.index.range(line.offset + m.index, line.offset + m.index + m.length) }));
    const done = statuses.find((s) => s.value === 'done');
    const sectionStatus = block.section === null ? null : inheritedStatus(doc, doc.sections[block.section]!);
    const status = done ?? (sectionStatus?.value === 'done' ? sectionStatus : null) ?? statuses.find((s) => s.value !== 'planned') ?? statuses[0] ??
      { value: 'planned' as const, text: ctx.text.slice(line.offset + SCHEDULED_LINE.exec(before)!.index, d.range.offset).trim(), range: ctx.index.range(line.offset + SCHEDULED_LINE.exec(before)!.index, d.range.offset) };
    push({ name: ctx.text.slice(line.offset, line.endOffset).trim(), kind: 'line', range: line, date: d, status, section: block.section });
  }
  out.sort((a, b) => a.range.offset - b.range.offset);
  return out;
}

/** The date column that says when a row is due: End/Due/Target over Start; else the last date column. */
function dueColumn(table: Table): number {
  const cols = table.columns.map((c, i) => (c === 'date' && !DONE_COLUMN.test(table.header[i]!.text) ? i : -1)).filter((i) => i >= 0);
  const due = cols.find((i) => DUE_COLUMN.test(table.header[i]!.text));
  if (due !== undefined) return due;
  const rest = cols.filter((i) => !NOT_DUE_COLUMN.test(table.header[i]!.text));
  return rest.length ? rest[rest.length - 1]! : -1;
}

/** Words that name what a table lists when it records events: incidents, decisions, a log. */
const EVENT_WORDS = /\b(?:incidents?|issues?|bugs?|defects?|risks?|decisions?|events?|changes?|change ?log|updates?|log|history|journal|meetings?|findings?|problems?|errors?|alerts?|outages?|reports?)\b/i;
/** Words that name a plan's items: their dates are when they are due. */
const PLAN_WORDS = /\b(?:milestones?|deliverables?|tasks?|goals?|phases?|sprints?|epics?|features?|stor(?:y|ies)|releases?|plans?|roadmap|schedule|timeline|targets?|checkpoints?|steps?|work ?items?|actions?|todo)\b/i;

/**
 * A table that records events (`| Date | Incident | Status |` under "Incidents"): a bare Date column
 * says when each thing happened or was logged, not when it is due, and an open status there is not overdue.
 */
function isEventLog(doc: StatusDoc, table: Table, dateCol: number): boolean {
  if (DUE_COLUMN.test(table.header[dateCol]!.text)) return false;
  const title = table.section === null ? '' : doc.sections[table.section]!.title;
  const names = table.header.filter((_, i) => table.columns[i] === 'name' || table.columns[i] === 'other').map((h) => h.text);
  if (PLAN_WORDS.test(title) || names.some((n) => PLAN_WORDS.test(n))) return false;
  return EVENT_WORDS.test(title) || names.some((n) => EVENT_WORDS.test(n));
}

function lineRange(ctx: MilestoneContext, r: Range): Range {
  const line0 = r.line - 1;
  const start = ctx.index.starts[line0]!;
  const text = ctx.index.lineText(line0);
  const lead = text.length - text.trimStart().length;
  return ctx.index.range(start + lead, start + text.trimEnd().length);
}

/** Emoji that lead a heading as decoration (`## 📅 Timeline`, `## 📋 Next Steps`) rather than as its status. */
const DECORATION = new Set(['📅', '📋']);

function headingStatus(ctx: MilestoneContext, section: Section): StatusMention | null {
  const s = section.status;
  if (!s || s.range.offset < section.headingRange.offset || s.range.endOffset > section.headingRange.endOffset) return null;
  const lead = ctx.text.slice(section.headingRange.offset, s.range.offset).replace(/[#\s*_]/g, '') === '';
  return lead && DECORATION.has(s.text) ? null : s;
}

/** The status of a section or, when it has none, of its nearest ancestor that has one. */
export function inheritedStatus(doc: StatusDoc, section: Section, belowRoot = false): StatusMention | null {
  for (let s: Section | undefined = section; s && !(belowRoot && s.parent === null); s = s.parent === null ? undefined : doc.sections[s.parent]) {
    if (s.status) return s.status;
  }
  return null;
}

function fieldStatus(doc: StatusDoc, f: Field): StatusMention | null {
  if (f.section === null) return doc.status;
  const section = doc.sections[f.section]!;
  // A field directly under the title speaks for the document.
  if (section.level === 1 || section.parent === null) return section.status ?? doc.status;
  return inheritedStatus(doc, section);
}

/**
 * A dated heading without a status word takes the status of what is directly under it: a table
 * with a status column (open when any row is open), or its own checklist (open when a box is unchecked).
 */
function underHeadingStatus(doc: StatusDoc, section: Section): StatusMention | null {
  const own = (offset: number) => {
    let s: number | null = null;
    for (const x of doc.sections) if (x.headingRange.offset <= offset) s = x.index;
    return s === section.index;
  };
  const table = doc.tables.find((t) => t.section === section.index && t.columns.includes('status') && own(t.range.offset));
  if (table) {
    const statuses = table.rows.filter((r) => !r.isTotal).map((r) => r.status).filter((s): s is StatusMention => s !== null);
    if (!statuses.length) return null;
    return statuses.find((s) => s.value !== 'done') ?? statuses[0]!;
  }
  const tasks = doc.tasks.filter((t) => t.section === section.index);
  if (tasks.length) {
    const open = tasks.find((t) => !t.checked);
    if (!open) return { value: 'done', text: '[x]', range: tasks[0]!.boxRange };
    return { value: tasks.some((t) => t.checked) ? 'in-progress' : 'planned', text: '[ ]', range: open.boxRange };
  }
  return null;
}

/** A sprint or phase that has an end: its End Date (or a dated range in Dates/Timeline/Period) and its status. */
export interface SprintScope {
  /** The section the sprint is (null: the whole document). */
  section: number | null;
  /** Offsets the sprint covers. */
  offset: number;
  endOffset: number;
  end: DateValue;
  endField: Field;
  status: StatusMention | null;
  statusField: Field | null;
}

const SPRINT_TITLE = /\b(?:sprint|phase|iteration|milestone|release|increment|cycle|stage|wave|epic)\b|\bPI\s*\d/i;
const RANGE_FIELD = /^(?:dates?|timeline|period|sprint dates|schedule|timeframe|time frame|window)$/;

export function sprintScopes(doc: StatusDoc): SprintScope[] {
  const out: SprintScope[] = [];
  const h1 = doc.sections.find((s) => s.level === 1) ?? null;
  const docLevel = (f: Field) => f.section === null || (h1 !== null && f.section === h1.index) || (h1 === null && doc.sections[f.section]?.parent === null && f.section === 0);
  const seen = new Set<string>();
  for (const f of doc.fields) {
    if (f.source === 'table' && f.name !== 'end-date') continue;
    const isEnd = f.name === 'end-date';
    if (!isEnd && !RANGE_FIELD.test(f.name)) continue;
    const date = doc.dates.filter((d) => d.range.offset >= f.valueRange.offset && d.range.endOffset <= f.valueRange.endOffset && d.date && d.kind !== 'week' && (isEnd || d.kind === 'range')).pop();
    if (!date) continue;
    const atDoc = docLevel(f);
    const section = atDoc ? null : f.section;
    const key = String(section);
    if (seen.has(key)) continue;
    const title = section === null ? doc.title ?? '' : doc.sections[section]!.title;
    const sprintIdField = doc.fields.some((x) => x.name === 'sprint-id' && (atDoc ? docLevel(x) : x.section === section));
    if (!SPRINT_TITLE.test(title) && !sprintIdField) continue;
    const statusField = doc.fields.find((x) => x.name === 'status' && x.status && (atDoc ? docLevel(x) : x.section === section)) ?? null;
    // A section's status must be written as a Status field; a heading's emoji is decoration as often as not.
    const status = statusField?.status ?? (section === null ? doc.status : null);
    seen.add(key);
    const range = section === null ? { offset: 0, endOffset: Number.MAX_SAFE_INTEGER } : doc.sections[section]!.range;
    out.push({ section, offset: range.offset, endOffset: range.endOffset, end: date, endField: f, status, statusField });
  }
  return out;
}
