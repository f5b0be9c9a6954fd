import type { Range, Section, TaskItem } from '../model/schema';
import { getVocabulary } from '../model/vocabulary';
import { cellBlocks, parseCell } from '../model/cells';
import type { Rule, RuleContext } from './types';

/**
 * A status that contradicts its own numbers: `✅ Complete | 96%` in a Status/Progress table,
 * a section marked Complete with open task boxes, a Planned section with every box ticked.
 */
export const statusMismatch: Rule = {
  id: 'status-mismatch',
  description: 'A status that contradicts its own numbers: "✅ Complete" at 96%, a Complete section with open tasks, a Planned section with every box ticked.',
  defaultSeverity: 'warning',
  tags: ['consistency'],
  fixable: false,
  run(ctx) {
    checkTables(ctx);
    checkSections(ctx);
  },
};

const label = (s: string) => s.trim().replace(/\s+/g, ' ');

// ------------------------------------------------------------------ Status | Progress tables

function checkTables(ctx: RuleContext): void {
  const cells = cellBlocks(ctx.doc);
  for (const table of ctx.doc.tables) {
    const s = table.columns.indexOf('status');
    const p = table.columns.indexOf('completion');
    if (s < 0 || p < 0) continue;
    const progressHeader = table.header[p]!.text;
    table.rows.forEach((row, r) => {
      if (row.isTotal) return;
      const v = parseCell(ctx, cells.get(`${table.index}:${r}:${p}`));
      if (!v || v === 'blank' || v.kind !== 'percent' || v.qualifier) return;
      const statusCell = row.cells[s]!;
      // `✅ 95%` grades a number (a traffic light), it does not say done.
      if (!statusCell || /\d\s?%/.test(statusCell.text)) return;
      const status = classify(ctx, ctx.text.slice(statusCell.range.offset, statusCell.range.endOffset), statusCell.range.offset);
      if (!status) return;
      const name = row.cells[0]?.text || `row ${r + 1}`;
      const shown = label(statusCell.text);
      if (status.value === 'done' && v.value < 100) {
        ctx.report({
          range: statusCell.range,
          message: `Unexpected status "${shown}" at ${v.text}%, expected a status that is not done (or ${progressHeader} 100%): ${name} is marked complete but its ${progressHeader.toLowerCase()} is ${v.text}%.`,
          related: [{ range: v.cellRange, message: `${progressHeader} of ${name}: ${v.text}%` }],
          detail: `A row marked done should show 100% in its ${progressHeader} column; ${v.text}% leaves ${100 - v.value}% open.`,
        });
      } else if (status.value === 'planned' && v.value >= 100) {
        ctx.report({
          range: statusCell.range,
          message: `Unexpected status "${shown}" at ${v.text}%, expected done: ${name} is not started by its status but its ${progressHeader.toLowerCase()} is ${v.text}%.`,
          related: [{ range: v.cellRange, message: `${progressHeader} of ${name}: ${v.text}%` }],
          detail: `A row whose ${progressHeader} is 100% is finished, yet its status says "${shown}".`,
        });
      }
    });
  }
}

// ------------------------------------------------------------------ sections and their task boxes

/** Sub-sections and tasks that are meant to stay open under a finished section. */
const FUTURE = /\b(?:next\s+steps?|future|follow[\s-]?ups?|optional|deferred|nice[\s-]to[\s-]have|stretch|later|backlog|to\s?do|todo|remaining|outstanding|pending|open\s+(?:items|questions|issues)|known\s+issues|limitations|roadmap|upcoming|planned|recommendations?|phase\s+\d+\s*\(?planned|post[\s-]|v\d|manual\b|out\s+of\s+scope|won'?t|not\s+(?:in|part)|blocked|risks?)/i;

function checkSections(ctx: RuleContext): void {
  const { doc } = ctx;
  for (const section of doc.sections) {
    // The document's own status speaks for the whole text, next steps included: not a section's.
    if (section.level === 1) continue;
    const status = sectionStatus(ctx, section);
    if (!status) continue;
    const tasks = tasksOf(ctx, section, status);
    if (tasks.length === 0) continue;
    const open = tasks.filter((t) => !t.checked);
    if (status.value === 'done') {
      const counted = open.filter((t) => !FUTURE.test(t.text));
      if (counted.length === 0) continue;
      const done = tasks.length - open.length;
      ctx.report({
        range: status.range,
        message: `Unexpected status "${label(status.text)}" with ${open.length} of ${tasks.length} task${tasks.length === 1 ? '' : 's'} unchecked, expected in progress: "${section.title}" is marked done but its checklist is not.`,
        related: counted.slice(0, 20).map((t) => ({ range: t.boxRange, message: `Open: ${t.text.slice(0, 80)}` })),
        detail: `The section's checklist shows ${done} of ${tasks.length} boxes ticked; a finished section has every box ticked (or its open items moved to a follow-up list).`,
      });
    } else if (status.value === 'planned' && open.length === 0 && tasks.length >= 2) {
      ctx.report({
        range: status.range,
        message: `Unexpected status "${label(status.text)}" with all ${tasks.length} tasks checked, expected done: every box of "${section.title}" is ticked.`,
        related: tasks.slice(0, 20).map((t) => ({ range: t.boxRange, message: `Done: ${t.text.slice(0, 80)}` })),
        detail: `The section's checklist shows ${tasks.length} of ${tasks.length} boxes ticked, which reads as done, not "${label(status.text)}".`,
      });
    }
  }
}

/** The tasks of a section and of its sub-sections, except sub-sections about later work or with a status of their own. */
function tasksOf(ctx: RuleContext, section: Section, own: Marked): TaskItem[] {
  const { doc } = ctx;
  const included = new Set<number>([section.index]);
  for (const s of doc.sections) {
    if (s.parent === null || !included.has(s.parent)) continue;
    const sub = sectionStatus(ctx, s);
    if (FUTURE.test(s.title) || (sub && sub.value !== own.value) || (s.status && s.status.value !== own.value && s.status.value !== 'unknown' && !sub)) continue;
    included.add(s.index);
  }
  return doc.tasks.filter((t) => t.section !== null && included.has(t.section));
}

/** Function words before a status word that make it part of a phrase (`Definition of Done`, `Tasks to Complete`). */
const PHRASE_BEFORE = /\b(?:of|to|the|a|an|be|is|are|until|when|before|after|and|or|mark|marked|as|will|must|should|can|how|what|once|if|target|goal|expected|aim|by)\s*[:(]?\s*$/i;
/** Headings that list conditions, not work: their marks are icons. */
const CONDITIONS = /criteria|checklist|definition\s+of\s+done|verification|requirements?|acceptance|must\s+have|should\s+have|could\s+have|summary|actions?\b|to-?do|checks\b|how\s+to|plan\b|template|example|legend/i;
/** Emoji that decorate more often than they report: green means on track, a clipboard means a list. */
const WEAK = new Set(['🟢', '📋', '📅', '[x]', '[ ]']);
const HEDGED = /(?:\bnot|\bmostly|\bpartially|\bnearly|\balmost|\bhalf|\bin|\bun|\bnon|\bpre)[\s-]*$/i;

interface Marked { value: 'done' | 'planned'; range: Range; text: string }

/**
 * What `text` says as a status when it says one thing: done (✅, Complete) or planned
 * (Planned, To Do). Mixed or hedged statuses (`✅ 80% COMPLETE`, `Mostly Complete`) say neither.
 */
const vocabularies = new WeakMap<object, ReturnType<typeof getVocabulary>>();
/** One vocabulary per configuration: building one with extra words is not free. */
function vocabularyOf(ctx: RuleContext): ReturnType<typeof getVocabulary> {
  let v = vocabularies.get(ctx.config);
  if (!v) vocabularies.set(ctx.config, (v = getVocabulary(ctx.config.statusWords)));
  return v;
}

export function classify(ctx: RuleContext, text: string, base: number): Marked | null {
  const mentions = vocabularyOf(ctx).findAll(text).filter((m) => !WEAK.has(m.text));
  if (!mentions.length) return null;
  const values = new Set<string>();
  for (const m of mentions) {
    let v: string = m.value;
    if (v === 'done' && HEDGED.test(text.slice(0, m.index))) v = 'in-progress';
    values.add(v);
  }
  if (values.size !== 1) return null;
  const value = [...values][0];
  if (value !== 'done' && value !== 'planned') return null;
  if (value === 'done' && /(?<![\d.])(?:\d{1,2}(?:\.\d+)?)\s?%/.test(text)) return null; // `✅ 80% COMPLETE`
  const first = mentions[0]!;
  const last = mentions[mentions.length - 1]!;
  return { value, range: ctx.lines.range(base + first.index, base + last.index + last.length), text: text.slice(first.index, last.index + last.length) };
}

/**
 * The section's status when it is a status marker: a Status field under the heading, an emoji,
 * or a status word that ends the heading (`Phase 2 COMPLETE`, `Sprint 1 (Done)`), never a verb
 * that starts a title (`Complete Data Validation`) or a target (`Day 1 (Target: all complete)`).
 */
function sectionStatus(ctx: RuleContext, section: Section): Marked | null {
  const { doc } = ctx;
  const h = section.headingRange;
  const heading = doc.blocks.find((b) => b.kind === 'heading' && b.range.offset === h.offset);
  const inConditions = (s: Section | undefined): boolean => !!s && (CONDITIONS.test(s.title) || inConditions(s.parent === null ? undefined : doc.sections[s.parent]));
  if (inConditions(section)) return null;
  if (heading) {
    const m = classify(ctx, heading.text, heading.range.offset);
    if (m && headingMarker(heading.text, m.range.offset - heading.range.offset, m.text)) return m;
  }
  const field = doc.fields.find((f) => f.section === section.index && f.name === 'status' && f.source !== 'table');
  if (!field) return null;
  return classify(ctx, ctx.text.slice(field.valueRange.offset, field.valueRange.endOffset), field.valueRange.offset);
}

function headingMarker(heading: string, at: number, token: string): boolean {
  const before = heading.slice(0, at);
  const after = heading.slice(at + token.length);
  if (/[^\p{Script=Latin}\s\p{P}]/u.test(token) && /[\p{L}]/u.test(token)) return false; // CJK or Cyrillic words: too often part of a phrase
  if (PHRASE_BEFORE.test(before) || /\b(?:target|goal|expected|aim|due|deadline|eta)\b/i.test(before)) return false;
  if (!/[\p{L}]/u.test(token)) return /[\p{L}\p{N}]/u.test(before) || !/[\p{L}\p{N}]/u.test(after); // a trailing mark, not a leading icon
  if (!/[\p{L}\p{N}]/u.test(after)) return true; // the heading ends with it
  if (/^[\s*_]*[)\]]/.test(after) && /[([][^)\]]*$/.test(before)) return true; // `(Complete)`
  return /^[\s*_]*(?:[-–—|:]|$)/.test(after) && /[-–—|:]\s*[*_]*\s*$/.test(before); // `Phase 1 — Complete — …`
}
