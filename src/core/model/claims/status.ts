/**
 * Status claims: a status word or mark that says done or planned, with the numbers that say
 * otherwise or agree.
 *
 * Forms (`claim.form`) and their evidence roles:
 * - `table-row`: `✅ Complete | 95%` — `completion` (the row's progress cell).
 * - `section`: a section marked done or planned (a trailing mark or word in its heading, its
 *   own Status field) — `done` and `open` per box of its checklist (sub-sections with a status
 *   of their own left out), `later` per open box that is later work (`Next steps`, optional).
 * - `document`: the document's own status (its Status field in the head) — `progress` (the
 *   headline progress of the head).
 * - `document-checklist`: the same Status field — `done`, `open`, `later` per box of the
 *   sections without a status of their own, later work and condition lists left out.
 */
import { cellBlocks, headingBlocks, parseCell } from '../cells';
import type { Field, Range, Section, StatusMention, TaskItem } from '../schema';
import { HEADLINE_KEY, NOT_PROGRESS_KEY, PROGRESS_HEADER, TARGET_VALUE } from '../../grammar/progress';
import { classifyStatus, CONDITIONS, firstLine, isHeadingMarker, LATER_WORK, PERCENT_IN_CELL, TRACKER_TITLE, type StatusMark } from '../../grammar/status';
import { draft, evidence, type ClaimDraft, type ClaimExtractor, type ExtractContext } from './types';
import { append } from '../../collections';

export const statusExtractor: ClaimExtractor = {
  scope: 'document',
  kinds: ['status'],
  extract(ctx) {
    return [...tableRows(ctx), ...sections(ctx), ...documentStatus(ctx)];
  },
};

interface Marked { value: 'done' | 'planned'; range: Range; text: string }

function mark(ctx: ExtractContext, text: string, base: number): Marked | null {
  const m: StatusMark | null = classifyStatus(ctx.vocabulary, text);
  return m ? { value: m.value, range: ctx.lines.range(base + m.start, base + m.end), text: m.text } : null;
}

const mention = (m: Marked): StatusMention => ({ value: m.value, text: m.text, range: m.range });
const label = (s: string) => s.trim().replace(/\s+/g, ' ');

// ------------------------------------------------------------------ Status | Progress tables

function tableRows(ctx: ExtractContext): ClaimDraft[] {
  const cells = cellBlocks(ctx.doc);
  const out: ClaimDraft[] = [];
  for (const table of ctx.doc.tables) {
    const s = table.columns.indexOf('status');
    let p = table.columns.indexOf('completion');
    if (p < 0) {
      const cols = table.header.map((_, c) => c).filter((c) => c !== s && table.columns[c] !== 'weight' && PROGRESS_HEADER.test(table.header[c]!.text));
      if (cols.length === 1) p = cols[0]!;
    }
    if (s < 0 || p < 0) continue;
    const progressHeader = table.header[p]!.text;
    table.rows.forEach((row, r) => {
      if (row.isTotal) return;
      const v = parseCell(ctx, cells.get(`${table.index}:${r}:${p}`));
      if (!v || v === 'blank' || v.kind !== 'percent' || v.qualifier) return;
      const statusCell = row.cells[s];
      // `✅ 95%` grades a number (a traffic light), it does not say done.
      if (!statusCell || PERCENT_IN_CELL.test(statusCell.text)) return;
      const m = mark(ctx, ctx.text.slice(statusCell.range.offset, statusCell.range.endOffset), statusCell.range.offset);
      if (!m) return;
      const name = row.cells[0]?.text || `row ${r + 1}`;
      out.push(draft('status', 'table-row', {
        subject: name,
        range: statusCell.range,
        statement: row.range,
        status: mention(m),
        evidence: [evidence('completion', progressHeader, v.cellRange, {
          quantity: { value: v.value, of: null, unit: '%', qualifier: null, sign: null, precision: v.precision, text: v.text, range: v.range },
        })],
        data: { shown: label(statusCell.text), header: progressHeader },
        section: table.section,
      }));
    });
  }
  return out;
}

// ------------------------------------------------------------------ sections and their task boxes

function sections(ctx: ExtractContext): ClaimDraft[] {
  const { doc } = ctx;
  const out: ClaimDraft[] = [];
  const statuses = doc.sections.map((s) => sectionStatus(ctx, s));
  const tasksBySection = new Map<number, TaskItem[]>();
  for (const t of doc.tasks) if (t.section !== null) append(tasksBySection, t.section, t);
  for (const section of doc.sections) {
    // The document's own status speaks for the whole text, next steps included: not a section's.
    if (section.level === 1) continue;
    const status = statuses[section.index];
    if (!status) continue;
    const tasks = tasksOf(ctx, section, status, statuses, tasksBySection);
    if (tasks.length === 0) continue;
    out.push(draft('status', 'section', {
      subject: section.title,
      range: status.range,
      statement: section.headingRange,
      status: mention(status),
      evidence: tasks.map((t) => evidence(t.checked ? 'done' : LATER_WORK.test(firstLine(t.text)) ? 'later' : 'open', t.text.slice(0, 80), t.boxRange)),
      data: { shown: label(status.text) },
      section: section.index,
    }));
  }
  return out;
}

/** The tasks of a section and of its sub-sections, except sub-sections about later work or with a status of their own. */
function tasksOf(ctx: ExtractContext, section: Section, own: Marked, statuses: (Marked | null)[], bySection: Map<number, TaskItem[]>): TaskItem[] {
  const { doc } = ctx;
  const included = new Set<number>([section.index]);
  const end = section.range.endOffset;
  for (let i = section.index + 1; i < doc.sections.length && doc.sections[i]!.headingRange.offset < end; i++) {
    const s = doc.sections[i]!;
    if (s.parent === null || !included.has(s.parent)) continue;
    const sub = statuses[s.index];
    if (LATER_WORK.test(s.title) || (sub && sub.value !== own.value) || (s.status && s.status.value !== own.value && s.status.value !== 'unknown' && !sub)) continue;
    included.add(s.index);
  }
  return [...included].sort((a, b) => a - b).flatMap((s) => bySection.get(s) ?? []);
}

/**
 * The section's status when it is a status marker: a Status field under the heading, an emoji,
 * or a status word that ends the heading (`Phase 2 COMPLETE`, `Sprint 1 (Done)`), never a verb
 * that starts a title (`Complete Data Validation`) or a target (`Day 1 (Target: all complete)`).
 */
interface SectionParts {
  /** Per section, its first Status field outside tables and list items. */
  statusFields: Map<number, Field>;
}

const PARTS = new WeakMap<ExtractContext, SectionParts>();

/** What `sectionStatus` looks up per section, indexed once per document (a search per section would be quadratic). */
function sectionParts(ctx: ExtractContext): SectionParts {
  const known = PARTS.get(ctx);
  if (known) return known;
  const statusFields = new Map<number, Field>();
  for (const f of ctx.doc.fields) {
    if (f.section === null || statusFields.has(f.section) || f.name !== 'status' || f.source === 'table' || inListItem(ctx, f.keyRange.offset)) continue;
    statusFields.set(f.section, f);
  }
  const parts = { statusFields };
  PARTS.set(ctx, parts);
  return parts;
}

function sectionStatus(ctx: ExtractContext, section: Section): Marked | null {
  const { doc } = ctx;
  const at = sectionParts(ctx);
  // Conditions (`Acceptance Criteria`, `Definition of Done`) and what they hold; the document's
  // title names the document (`Development Checklist`), it does not make every section a condition.
  for (let s: Section | undefined = section; s; s = s.parent === null ? undefined : doc.sections[s.parent]) {
    if (CONDITIONS.test(s.title) && !(s.level === 1 && TRACKER_TITLE.test(s.title))) return null;
  }
  const h = section.headingRange;
  const heading = headingBlocks(doc).get(h.offset);
  if (heading) {
    const m = mark(ctx, heading.text, heading.range.offset);
    if (m && isHeadingMarker(heading.text, m.range.offset - heading.range.offset, m.text)) return m;
  }
  // A Status line inside a list item is the item's status, not the section's.
  const field = at.statusFields.get(section.index);
  if (!field) return null;
  return mark(ctx, ctx.text.slice(field.valueRange.offset, field.valueRange.endOffset), field.valueRange.offset);
}

/** Whether `offset` is in a list item's paragraph (blocks are in document order: binary search). */
function inListItem(ctx: ExtractContext, offset: number): boolean {
  const blocks = ctx.doc.blocks;
  let lo = 0, hi = blocks.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.range.offset <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const b = found < 0 ? undefined : blocks[found];
  return !!b && b.range.endOffset > offset && b.listItem !== null;
}

// ------------------------------------------------------------------ the document's own status

/**
 * `**Status:** ✅ COMPLETE` in the document's head, with the head's own progress headline
 * (`**Overall Progress:** 85%`). Only the Status field speaks for the document: a word inside
 * the title (`✅ Checklist`, `Completion Summary`) does not.
 */
function documentStatus(ctx: ExtractContext): ClaimDraft[] {
  const { doc } = ctx;
  const inHead = (section: number | null) => section === null || doc.sections[section]!.level === 1;
  const fields = doc.fields.filter((f) => inHead(f.section) && f.source !== 'table');
  const statusFields = fields.filter((f) => f.name === 'status');
  if (statusFields.length !== 1) return [];
  const field = statusFields[0]!;
  const m = mark(ctx, ctx.text.slice(field.valueRange.offset, field.valueRange.endOffset), field.valueRange.offset);
  if (!m || m.value !== 'done') return [];
  const out = documentChecklist(ctx, m, field);
  const progress = fields.filter((f) => f.name === 'overall-progress' && HEADLINE_KEY.test(f.key) && !NOT_PROGRESS_KEY.test(f.key) && !TARGET_VALUE.test(f.value));
  // One headline with one figure (`75% → 95%` or `80–90%` is not one figure).
  const percents = progress.flatMap((f) => doc.numbers.filter((n) => n.kind === 'percent' && n.range.offset >= f.valueRange.offset && n.range.endOffset <= f.valueRange.endOffset));
  if (percents.length !== 1 || progress.length !== 1) return out;
  const p = percents[0]!;
  return [...out, draft('status', 'document', {
    subject: doc.title ?? 'the document',
    range: m.range,
    statement: ctx.lines.range(field.keyRange.offset, field.valueRange.endOffset),
    status: mention(m),
    evidence: [evidence('progress', progress[0]!.key, p.range, {
      quantity: { value: p.value, of: null, unit: '%', qualifier: p.qualifier, sign: null, precision: p.precision, text: p.text, range: p.range },
    })],
    data: { shown: label(m.text) },
    section: field.section,
  })];
}

/**
 * The task boxes a done document leaves open: those of its sections that have no status of
 * their own (a section with one is a claim of its own), that are not later work (`Next steps`,
 * `Follow-ups`) and do not list conditions (`Acceptance criteria`, `How to verify`).
 */
function documentChecklist(ctx: ExtractContext, m: Marked, field: { section: number | null; keyRange: Range; valueRange: Range }): ClaimDraft[] {
  const { doc } = ctx;
  const statuses = new Map<number, boolean>();
  const excluded = (index: number | null): boolean => {
    if (index === null) return false;
    const known = statuses.get(index);
    if (known !== undefined) return known;
    const s = doc.sections[index]!;
    if (s.level === 1) return false; // the title names the document (`Export v2`), it is not later work
    const own = (sectionStatus(ctx, s) !== null || (s.status !== null && s.status.value !== 'unknown'));
    const result = own || LATER_WORK.test(s.title) || CONDITIONS.test(s.title) || excluded(s.parent);
    statuses.set(index, result);
    return result;
  };
  const tasks = doc.tasks.filter((t) => t.section !== null && doc.sections[t.section]!.level > 1 && !excluded(t.section));
  if (tasks.length < 3 || tasks.every((t) => t.checked)) return [];
  return [draft('status', 'document-checklist', {
    subject: doc.title ?? 'the document',
    range: m.range,
    statement: ctx.lines.range(field.keyRange.offset, field.valueRange.endOffset),
    status: mention(m),
    evidence: tasks.map((t) => evidence(t.checked ? 'done' : LATER_WORK.test(firstLine(t.text)) ? 'later' : 'open', t.text.slice(0, 80), t.boxRange)),
    data: { shown: label(m.text) },
    section: field.section,
  })];
}
