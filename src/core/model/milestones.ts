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
import {
  DECORATION, DONE_COLUMN, DUE_COLUMN, DUE_FIELDS, EVENT_HEADING, EVENT_WORDS, EXPECTED_FIELD, FOREIGN_EVENT_WORDS, FOREIGN_PLAN_WORDS, LOG_TITLE, NEXT_FIELD, NOT_DUE_COLUMN,
  FOREIGN_SCHEDULED_LINE, PLAN_WORDS, RANGE_FIELD, SCHEDULED_LINE, SCHEDULED_WINDOW, SNAPSHOT_HEADING, SPRINT_LINE, SPRINT_TITLE, STATUS_LABEL_TITLE, TIMELINE_LINE,
} from '../grammar/milestones';
import type { LineIndex } from './positions';
import type { DateValue, Field, Milestone, Range, Section, StatusDoc, StatusMention, Table } from './schema';
import type { Vocabulary } from './vocabulary';
import { pushAll } from '../collections';

export interface MilestoneContext {
  text: string;
  index: LineIndex;
  vocabulary: Vocabulary;
}


/** How many first lines of a document hold its own fields (title, subtitle, metadata). */
const TOP_LINES = 12;

const usable = (d: DateValue) => Boolean(d.date) || d.none || Boolean(d.invalid);

export function extractMilestones(doc: StatusDoc, ctx: MilestoneContext): Milestone[] {
  const out: Milestone[] = [];
  const sorted = [...doc.dates].sort((a, b) => a.range.offset - b.range.offset);
  const datesIn = (offset: number, end: number): DateValue[] => {
    const out: DateValue[] = [];
    for (let i = firstAtOrAfter(sorted, offset); i < sorted.length && sorted[i]!.range.offset < end; i++) {
      const d = sorted[i]!;
      if (d.range.endOffset <= end && usable(d)) out.push(d);
    }
    return out;
  };
  const blocks = [...doc.blocks].sort((a, b) => a.range.offset - b.range.offset);
  const blockAt = (offset: number, end: number) => {
    let lo = 0, hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.range.offset <= offset) lo = mid + 1;
      else hi = mid;
    }
    const b = blocks[lo - 1];
    return b && end <= b.range.endOffset ? b : undefined;
  };
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

  // A roadmap table's row and the section that details it (`### Loyalty programme (Q3 2026)`) share a name: the row's status is the section's.
  const rowByName = new Map<string, { status: StatusMention; date: DateValue | null }>();
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
      const date = lastDate(cell.range.offset, cell.range.endOffset);
      const key = nameKey(nameCell.text);
      if (row.status && key) rowByName.set(key, rowByName.has(key) ? { status: row.status, date: null } : { status: row.status, date });
      push({ name: nameCell.text, kind: 'table-row', range: row.range, date, status: row.status, section: table.section });
    }
  }

  // Headings that carry a date.
  for (const section of doc.sections) {
    const h = section.headingRange;
    const date = datesIn(h.offset, h.endOffset).filter((d) => d.date && d.kind !== 'week').pop();
    if (!date) continue;
    // A dated fault, incident, changelog version or session, a snapshot of the state, an entry of a log: what happened, not what is due.
    if (isEventHeading(doc, section)) continue;
    // A week under a phase marked done (`COMPLETED EARLY`) is done, whatever boxes were left unticked.
    // (Not the title's status: a "Complete Recap" can still hold plans that were never updated.)
    const parent = section.parent === null || doc.sections[section.parent]!.parent === null ? null : inheritedStatus(doc, doc.sections[section.parent]!, true);
    const own = headingStatus(ctx, section) ?? (parent?.value === 'done' ? parent : underHeadingStatus(doc, section));
    const row = own ? undefined : rowByName.get(nameKey(section.title, date.text));
    // The row already says it, with the same date: one milestone, not two.
    if (row && row.date?.date === date.date) continue;
    push({ name: section.title, kind: 'heading', range: h, date, status: own ?? row?.status ?? null, section: section.index });
  }

  // When / Target Date / Due / Next Milestone fields.
  for (const f of doc.fields) {
    if (f.source === 'table') continue;
    const next = NEXT_FIELD.test(f.name);
    const expected = EXPECTED_FIELD.test(f.name);
    if (!DUE_FIELDS.has(f.name) && !next && !expected) continue;
    const date = lastDate(f.valueRange.offset, f.valueRange.endOffset);
    if (!date) continue;
    const own = mention(f.valueRange.offset, f.valueRange.endOffset);
    if (expected) {
      // `Estimated Completion: Q2 2026`: open while the work it estimates is open — the section's
      // Status field, its heading, or (under the title or a heading that only labels the state) the document's status.
      if (date.none) continue;
      const status = own?.value === 'done' ? own : expectedStatus(doc, f);
      push({ name: f.key, kind: 'line', range: lineRange(ctx, f.keyRange), date, status, section: f.section });
      continue;
    }
    // `Next Review: <date>` is upcoming by its name, whatever the section's status.
    const status = next
      ? own ?? { value: 'planned' as const, text: f.key, range: f.keyRange }
      : fieldStatus(doc, f) ?? (f.section === null ? null : namedStatus(doc, rowByName, f.section, datesIn)) ?? own;
    push({ name: f.key, kind: 'line', range: lineRange(ctx, f.keyRange), date, status, section: f.section });
  }

  // `Scheduled for <date>` lines (paragraphs, list items, plain code lines).
  for (const d of doc.dates) {
    if (!d.date || d.kind === 'week') continue;
    const line = lineRange(ctx, d.range);
    if (lines.has(line.line)) continue;
    const from = Math.max(line.offset, d.range.offset - SCHEDULED_WINDOW);
    const before = ctx.text.slice(from, d.range.offset).replace(/[*_`]/g, '');
    if (!SCHEDULED_LINE.test(before) && !FOREIGN_SCHEDULED_LINE.test(before)) continue;
    const block = blockAt(d.range.offset, d.range.endOffset);
    if (!block || block.kind === 'cell' || block.kind === 'heading') continue;
    // The line's own status words other than the "scheduled" that introduces the date.
    const statuses = ctx.vocabulary.findAll(ctx.text.slice(line.offset, line.endOffset))
      .map((m) => ({ value: m.value, text: m.text, range: ctx.index.range(line.offset + m.index, line.offset + m.index + m.length) }));
    const done = statuses.find((s) => s.value === 'done');
    const sectionStatus = block.section === null ? null : inheritedStatus(doc, doc.sections[block.section]!);
    const status = done ?? (sectionStatus?.value === 'done' ? sectionStatus : null) ?? statuses.find((s) => s.value !== 'planned') ?? statuses[0] ??
      scheduledStatus(ctx, from, d.range.offset);
    push({ name: ctx.text.slice(line.offset, line.endOffset).trim(), kind: 'line', range: line, date: d, status, section: block.section });
  }

  // Plain fenced timelines: `[📅] 2026-05-30: Alpha`, `2026-03-01  Beta release  (planned)`.
  for (const m of timelineLines(doc, ctx)) push(m);
  out.sort((a, b) => a.range.offset - b.range.offset);
  return out;
}

/** A name as a table cell and a heading both write it: without its date, emphasis and punctuation, lower case. */
function nameKey(name: string, dateText: string | null = null): string {
  const bare = dateText ? name.replace(dateText, ' ') : name;
  return bare.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The status a table row gives the section (or its parent) that bears the row's name. */
function namedStatus(
  doc: StatusDoc, rows: ReadonlyMap<string, { status: StatusMention }>, index: number, datesIn: (offset: number, end: number) => DateValue[],
): StatusMention | null {
  if (!rows.size) return null;
  for (let s: Section | undefined = doc.sections[index]; s; s = s.parent === null ? undefined : doc.sections[s.parent]) {
    const date = datesIn(s.headingRange.offset, s.headingRange.endOffset)[0];
    const row = rows.get(nameKey(s.title, date?.text ?? null));
    if (row) return row.status;
  }
  return null;
}

/** The date column that says when a row is due: End/Due/Target over Start; else the last date column. */
function dueColumn(table: Table): number {
  const cols = table.columns.map((c, i) => (c === 'date' && !DONE_COLUMN.test(table.header[i]!.text) ? i : -1)).filter((i) => i >= 0);
  const due = cols.find((i) => DUE_COLUMN.test(table.header[i]!.text));
  if (due !== undefined) return due;
  const rest = cols.filter((i) => !NOT_DUE_COLUMN.test(table.header[i]!.text));
  return rest.length ? rest[rest.length - 1]! : -1;
}


/**
 * A table that records events (`| Date | Incident | Status |` under "Incidents"): a bare Date column
 * says when each thing happened or was logged, not when it is due, and an open status there is not overdue.
 */
function isEventLog(doc: StatusDoc, table: Table, dateCol: number): boolean {
  if (DUE_COLUMN.test(table.header[dateCol]!.text)) return false;
  const title = table.section === null ? '' : doc.sections[table.section]!.title;
  const names = table.header.filter((_, i) => table.columns[i] === 'name' || table.columns[i] === 'other').map((h) => h.text);
  const plan = (t: string) => PLAN_WORDS.test(t) || FOREIGN_PLAN_WORDS.test(t);
  const event = (t: string) => EVENT_WORDS.test(t) || FOREIGN_EVENT_WORDS.test(t);
  if (plan(title) || names.some(plan)) return false;
  return event(title) || names.some(event);
}

/** The first index whose date starts at or after `offset` (dates sorted by offset). */
function firstAtOrAfter(dates: readonly DateValue[], offset: number): number {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]!.range.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The words that introduce a scheduled date, as the status of a line that has no other. */
function scheduledStatus(ctx: MilestoneContext, from: number, to: number): StatusMention {
  const before = ctx.text.slice(from, to);
  const plain = before.replace(/[*_`]/g, ' ');
  const m = (SCHEDULED_LINE.exec(plain) ?? FOREIGN_SCHEDULED_LINE.exec(plain))!;
  const start = from + m.index;
  let end = to;
  while (end > start && !/[\p{L}\p{N}]/u.test(ctx.text[end - 1]!)) end--;
  return { value: 'planned', text: ctx.text.slice(start, end), range: ctx.index.range(start, end) };
}

/** A dated heading that records what happened (a fault, a changelog version, a session, a snapshot of the state) or an entry under a log. */
function isEventHeading(doc: StatusDoc, section: Section): boolean {
  const title = section.title;
  if (EVENT_HEADING.test(title)) return true;
  if (SNAPSHOT_HEADING.test(title) && !PLAN_WORDS.test(title)) return true;
  for (let p = section.parent; p !== null; p = doc.sections[p]!.parent) {
    if (LOG_TITLE.test(doc.sections[p]!.title) && !PLAN_WORDS.test(doc.sections[p]!.title)) return true;
  }
  return false;
}

/**
 * The status an `Estimated Completion` field is judged by: a Status field of its own section,
 * else the section heading's status (unless the heading only labels the state, `✅ Current Status
 * Summary`), else an ancestor's, else the document's.
 */
function expectedStatus(doc: StatusDoc, f: Field): StatusMention | null {
  const own = doc.fields.find((x) => x.name === 'status' && x.status && x.section === f.section && x.source !== 'table');
  if (own?.status) return own.status;
  for (let s: Section | undefined = f.section === null ? undefined : doc.sections[f.section]; s; s = s.parent === null ? undefined : doc.sections[s.parent]) {
    if (s.level === 1 || s.parent === null && s.index === 0) break;
    if (s.status && !STATUS_LABEL_TITLE.test(s.title.replace(s.status.text, ''))) return s.status;
  }
  // The document's status, or a Status field among its first lines (under a subtitle heading).
  return doc.status ?? doc.fields.find((x) => x.name === 'status' && x.status && x.source !== 'table' && x.keyRange.line <= TOP_LINES)?.status ?? null;
}

/**
 * Lines of plain fenced timelines: a day first (after an optional `[📅]` / emoji marker), then
 * what is due, with a status from the marker or the line's words. Read only where a code block
 * holds at least two such lines, and never for events (`2025-10-03 — Outage`).
 */
function timelineLines(doc: StatusDoc, ctx: MilestoneContext): Milestone[] {
  const candidates: { block: (typeof doc.blocks)[number]; m: RegExpExecArray }[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'code') continue;
    const m = TIMELINE_LINE.exec(block.text);
    if (m) candidates.push({ block, m });
  }
  const out: Milestone[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const { block, m } = candidates[i]!;
    const line = block.range.line;
    const neighbour = (j: number) => candidates[j] !== undefined && Math.abs(candidates[j]!.block.range.line - line) === 1;
    if (!neighbour(i - 1) && !neighbour(i + 1)) continue;
    const g = m.groups!;
    if (EVENT_HEADING.test(g.name!)) continue;
    const dateAt = block.range.offset + m[0].indexOf(g.date!);
    const date = doc.dates.find((d) => d.range.offset === dateAt && d.date);
    if (!date) continue;
    const marker = g.marker ?? g.emoji ?? null;
    let status: StatusMention | null = null;
    if (marker) {
      const at = block.range.offset + m[0].indexOf(marker);
      const found = ctx.vocabulary.find(marker);
      status = found ? { value: found.value, text: marker, range: ctx.index.range(at, at + marker.length) } : null;
    }
    if (!status) {
      const nameAt = block.range.offset + m[0].length - g.name!.length;
      const found = ctx.vocabulary.find(g.name!);
      status = found ? { value: found.value, text: found.text, range: ctx.index.range(nameAt + found.index, nameAt + found.index + found.length) } : null;
    }
    if (!status) continue;
    out.push({ name: g.name!.trim(), kind: 'line', range: lineRange(ctx, block.range), date, status, section: block.section });
  }
  return out;
}

function lineRange(ctx: MilestoneContext, r: Range): Range {
  const line0 = r.line - 1;
  const start = ctx.index.starts[line0]!;
  const text = ctx.index.lineText(line0);
  const lead = text.length - text.trimStart().length;
  return ctx.index.range(start + lead, start + text.trimEnd().length);
}


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
  /** The section the sprint is (null: the whole document or a line). */
  section: number | null;
  /** What the sprint is called in messages: `this sprint`, the section title, the line's sprint name. */
  title: string;
  /** Offsets the sprint covers. */
  offset: number;
  endOffset: number;
  end: DateValue;
  /** The field or words that gave the end (`End Date`, `Dates`, `dates`). */
  endKey: string;
  endKeyRange: Range;
  status: StatusMention | null;
}

export function sprintScopes(doc: StatusDoc, ctx?: MilestoneContext): SprintScope[] {
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
    out.push({ section, title: section === null ? 'this sprint' : `"${title}"`, offset: range.offset, endOffset: range.endOffset, end: date, endKey: f.key, endKeyRange: f.keyRange, status });
  }
  if (ctx) pushAll(out, sprintLines(doc, ctx));
  return out;
}

/**
 * `- **Sprint 3**: Dec 27 - Jan 3 (Integration) - 🔄 IN PROGRESS`: a line (list item or
 * paragraph) that names a sprint, gives its date range and ends with its status.
 */
function sprintLines(doc: StatusDoc, ctx: MilestoneContext): SprintScope[] {
  const out: SprintScope[] = [];
  const sorted = [...doc.dates].sort((a, b) => a.range.offset - b.range.offset);
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph' || block.text.indexOf('\n') >= 0) continue;
    const m = SPRINT_LINE.exec(block.text);
    if (!m) continue;
    const after = block.range.offset + m[0].length;
    let date: DateValue | null = null;
    for (let i = firstAtOrAfter(sorted, after); i < sorted.length && sorted[i]!.range.offset < block.range.endOffset; i++) {
      if (sorted[i]!.kind === 'range' && sorted[i]!.date) { date = sorted[i]!; break; }
      if (sorted[i]!.date) break;
    }
    // The range must come first: `Sprint 4: planned after Sprint 3 (Jan 6-10)` is not read.
    if (!date || ctx.text.slice(after, date.range.offset).trim() !== '') continue;
    const tail = ctx.text.slice(date.range.endOffset, block.range.endOffset);
    const found = ctx.vocabulary.findAll(tail);
    // One status, after the dates: `… - 📋 Planned`. Two different ones (`Done, Blocked`) are not read.
    if (!found.length || found.some((x) => x.value !== found[0]!.value)) continue;
    const s = found[found.length - 1]!;
    const at = date.range.endOffset + s.index;
    out.push({
      section: null, title: `"${m.groups!.name!.trim()}"`, offset: block.range.offset, endOffset: block.range.endOffset,
      end: date, endKey: 'dates', endKeyRange: date.range,
      status: { value: s.value, text: s.text, range: ctx.index.range(at, at + s.length) },
    });
  }
  return out;
}
