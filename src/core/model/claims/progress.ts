/**
 * Progress claims: a headline progress (a field, a title, an overall heading) with the breakdown
 * that computes it (the weighted table, the phase list under it, a column of per-component
 * percentages under the same measure), and counts of done work (`5 of 8 tasks`, `56/68 itens`,
 * `5/9 phases complete`) with the checklist or table they count.
 *
 * Forms (`claim.form`) and their evidence roles:
 * - `weighted`: `weight` and `completion` per row (grouped by row), `table`.
 * - `phase-mean`: `part` per phase item (unweighted: the phases count equally).
 * - `column-mean`: `part` per row of the column that reports the headline's measure per row.
 * - `task-count`: `checklist` (done of total, the scope the count counts), `done` per ticked
 *   box, `percent` (a percentage that moves with the count), `denominator`, `part` per line of
 *   the document's own breakdown (`Phase 1 … (10/10)`) when its totals confirm the checklist.
 * - `unit-count`: `done` / `not-done` per row of the table the count counts, `table`.
 * - `checklist-share`: `checklist` (ticked of all boxes of the document), `done` per ticked box:
 *   the one overall headline of a document that has no other breakdown.
 */
import { cellBlocks, parseCell, readWeightedTable, type CellNumber, type WeightedTable } from '../cells';
import type { Block, Field, NumberToken, Quantity, Range, StatusDoc, Table } from '../schema';
import {
  ARROW, BREAKDOWN_TOTAL, DONE_AFTER_COUNT, FIGURE_LEAD, HEADLINE_KEY, measureMatches, measureOf, NAME_END, NOT_PROGRESS_KEY, overallHeadingFigure,
  PAREN_PERCENT_AFTER, PERCENT_BEFORE, PHASE_ITEM, PROGRESS_HEADER, STATUS_KEY, STATUS_PROGRESS_VALUE, TARGET_VALUE,
  TASK_CLAIM, TASK_CLAIM_CORE, TASK_CONTEXT, TITLE_PROGRESS, UNIT_CLAIM, UNIT_COUNT_KEY,
} from '../../grammar/progress';
import { classifyStatus, LATER_WORK } from '../../grammar/status';
import { draft, evidence, type ClaimDraft, type ClaimExtractor, type ExtractContext } from './types';
import { append } from '../../collections';
import { allMatches } from '../regex';

export const progressExtractor: ClaimExtractor = {
  scope: 'document',
  kinds: ['progress'],
  extract(ctx) {
    const out: ClaimDraft[] = [];
    const cells = cellBlocks(ctx.doc);
    const weighted = computingTable(ctx, cells);
    const column = weighted ? null : columnBreakdown(ctx, cells);
    const all = headlines(ctx);
    const shareCandidates = weighted || column || hasProgressColumn(ctx) ? [] : all.filter((h) => h.canonical && (h.documentLevel || (h.field === null && ctx.doc.sections[h.section!]!.level === 2)));
    for (const h of all) {
      if (!h.canonical) {
        if (column && h.field && h.documentLevel && measureMatches(h.field.key, column.header)) out.push(headlineClaim(ctx, h, 'column-mean', column.parts, { header: column.header }));
        continue;
      }
      const phases = h.field ? phaseListAfterField(ctx, h.field) : h.section !== null ? phaseListIn(ctx, h.section) : null;
      if (phases) out.push(headlineClaim(ctx, h, 'phase-mean', phases.map((p) => evidence('part', p.name, p.token.range, { quantity: quantity(ctx, p.token) }))));
      else if (weighted) out.push(headlineClaim(ctx, h, 'weighted', weightedEvidence(weighted)));
      else if (column && h.field && h.documentLevel && measureMatches(h.field.key, column.header)) {
        out.push(headlineClaim(ctx, h, 'column-mean', column.parts, { header: column.header }));
      } else if (shareCandidates.length === 1 && shareCandidates[0] === h) {
        const share = checklistShare(ctx, h);
        if (share) out.push(share);
      }
    }
    const counts = [...taskCounts(ctx), ...unitCounts(ctx)];
    // `82% (56/68 itens)`: the count of the same line is compared with the checklist already.
    const countLines = new Set(counts.map((c) => c.range.line));
    return [...out.filter((c) => c.form !== 'checklist-share' || !countLines.has(c.range.line)), ...counts];
  },
};

// ------------------------------------------------------------------ quantities

const DIGITS = /\d[\d,]*(?:\.\d+)?/;

/** A number token as a claim's quantity: `range` and `text` are its digits (what a fix replaces). */
function quantity(ctx: ExtractContext, t: NumberToken): Quantity {
  const m = DIGITS.exec(t.text);
  const start = t.range.offset + (m?.index ?? 0);
  const digits = m?.[0] ?? t.text;
  return {
    value: t.value, of: t.of, unit: t.kind === 'percent' ? '%' : t.unit, qualifier: t.qualifier, sign: t.sign,
    precision: t.precision, text: digits, range: ctx.lines.range(start, start + digits.length),
  };
}

function cellQuantity(c: CellNumber, value = c.value, unit: string | null = c.kind === 'percent' ? '%' : null): Quantity {
  return { value, of: c.of, unit, qualifier: c.qualifier, sign: null, precision: c.precision, text: c.text, range: c.range };
}

function plain(ctx: ExtractContext, value: number, offset: number, text: string): Quantity {
  const precision = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  return { value, of: null, unit: null, qualifier: null, sign: null, precision, text, range: ctx.lines.range(offset, offset + text.length) };
}

// ------------------------------------------------------------------ headlines

interface Headline {
  token: NumberToken;
  label: string;
  field: Field | null;
  section: number | null;
  statement: Range;
  /** In the document's head (before its first sub-section): it speaks for the whole document. */
  documentLevel: boolean;
  /** An Overall Progress field or heading; otherwise a field that names a measure (`Readiness: 98%`) paired only with a column of that measure. */
  canonical: boolean;
}

function percentsIn(doc: StatusDoc, r: Range): NumberToken[] {
  return doc.numbers.filter((n) => n.kind === 'percent' && n.range.offset >= r.offset && n.range.endOffset <= r.endOffset);
}

/** The number a headline states: the one after the last arrow (`75% → 95%`), else the first. */
function headlineNumber(ctx: ExtractContext, r: Range): NumberToken | null {
  const ps = percentsIn(ctx.doc, r);
  if (!ps.length) return null;
  const text = ctx.text.slice(r.offset, r.endOffset);
  const arrows = allMatches(text, ARROW);
  if (arrows.length) {
    const last = r.offset + arrows[arrows.length - 1]!.index!;
    return ps.find((p) => p.range.offset > last) ?? null;
  }
  // `70% (CI Complete + CD Ready)`: the figure comes first.
  return FIGURE_LEAD.test(text.slice(0, ps[0]!.range.offset - r.offset)) ? ps[0]! : null;
}

function isDocumentLevel(doc: StatusDoc, section: number | null): boolean {
  return section === null || doc.sections[section]!.level === 1;
}

function headlines(ctx: ExtractContext): Headline[] {
  const { doc } = ctx;
  const out: Headline[] = [];
  for (const f of doc.fields) {
    const statusProgress = STATUS_KEY.test(f.key) && STATUS_PROGRESS_VALUE.test(f.value);
    if (!HEADLINE_KEY.test(f.key) && !statusProgress) continue;
    if (NOT_PROGRESS_KEY.test(f.key)) continue;
    const canonical = statusProgress || f.name === 'overall-progress';
    if (!canonical && (f.source === 'table' || !isDocumentLevel(doc, f.section))) continue;
    const token = statusProgress ? percentsIn(doc, f.valueRange)[0] ?? null : headlineNumber(ctx, f.valueRange);
    if (!token || TARGET_VALUE.test(f.value)) continue;
    const statement = ctx.lines.range(f.keyRange.offset, f.valueRange.endOffset);
    out.push({ token, label: f.key, field: f, section: f.section, statement, documentLevel: isDocumentLevel(doc, f.section), canonical });
  }
  for (const s of doc.sections) {
    const m = s.level === 1 ? TITLE_PROGRESS.exec(s.title) : null;
    const value = m ? Number(m[1]) : s.level > 1 ? overallHeadingFigure(s.title) : null;
    if (value === null) continue;
    const token = percentsIn(doc, s.headingRange).find((n) => n.value === value);
    if (token) out.push({ token, label: s.level === 1 ? 'title progress' : 'heading progress', field: null, section: s.index, statement: s.headingRange, documentLevel: s.level === 1, canonical: true });
  }
  return out;
}

function headlineClaim(ctx: ExtractContext, h: Headline, form: string, ev: ClaimDraft['evidence'], data: ClaimDraft['data'] = {}): ClaimDraft {
  const i = h.token.text.search(DIGITS);
  return draft('progress', form, {
    subject: h.label,
    range: ctx.lines.range(h.token.range.offset + Math.max(0, i), h.token.range.endOffset),
    statement: h.statement,
    stated: quantity(ctx, h.token),
    evidence: ev,
    data: { label: h.label, shown: h.token.text.trim(), ...data },
    section: h.section,
  });
}

// ------------------------------------------------------------------ breakdowns

interface Phase { name: string; token: NumberToken }

function blockAt(doc: StatusDoc, offset: number): Block | undefined {
  return doc.blocks.find((b) => b.range.offset <= offset && offset < b.range.endOffset);
}

/** `- Phase 1 (CI): ✅ 100% Complete` items right after an Overall Progress item, each with one percentage. */
function phaseListAfterField(ctx: ExtractContext, f: Field): Phase[] | null {
  const block = blockAt(ctx.doc, f.keyRange.offset);
  if (!block?.listItem) return null;
  const [li, ii] = block.listItem;
  return phaseItems(ctx, ctx.doc.lists[li]!.items.slice(ii + 1));
}

/** The first list of an overall heading's own text, when every item is a phase with one percentage. */
function phaseListIn(ctx: ExtractContext, section: number): Phase[] | null {
  const list = ctx.doc.lists.find((l) => l.section === section && l.parentItem === null);
  return list ? phaseItems(ctx, list.items) : null;
}

function phaseItems(ctx: ExtractContext, items: StatusDoc['lists'][number]['items']): Phase[] | null {
  if (items.length < 2 || !items.every((i) => PHASE_ITEM.test(i.text))) return null;
  const out: Phase[] = [];
  for (const item of items) {
    const text = ctx.text.slice(item.range.offset, item.range.endOffset);
    const nl = text.indexOf('\n');
    const firstLine = { ...item.range, endOffset: item.range.offset + (nl < 0 ? text.length : nl) };
    const ps = percentsIn(ctx.doc, firstLine);
    if (ps.length !== 1) return null;
    out.push({ name: item.text.split(NAME_END)[0]!.trim(), token: ps[0]! });
  }
  return out;
}

/** The document's one weighted table whose weights make up the whole (Σ weight = 100%). */
function computingTable(ctx: ExtractContext, cells: Map<string, Block>): WeightedTable | null {
  const found: WeightedTable[] = [];
  for (const t of ctx.doc.tables) {
    const wt = readWeightedTable(ctx, t, cells);
    if (!wt || !Number.isFinite(wt.overall)) continue;
    const weightSum = wt.rows.reduce((s, x) => s + x.weight.value, 0);
    if (Math.abs(weightSum - 100) > 0.5) continue;
    found.push(wt);
  }
  return found.length === 1 ? found[0]! : null;
}

function weightedEvidence(wt: WeightedTable): ClaimDraft['evidence'] {
  return [
    evidence('table', 'the weighted table', wt.table.range),
    ...wt.rows.flatMap((x, i) => [
      evidence('weight', x.name, x.weight.cellRange, { quantity: cellQuantity(x.weight), group: i }),
      evidence('completion', x.name, x.completion.cellRange, { quantity: cellQuantity(x.completion, x.completionPct, '%'), group: i }),
    ]),
  ];
}

/**
 * The document's one table with a progress column of percentages on every row (three or more,
 * no weights, no total row): `| Component | Status | Readiness |`. Its header's measure pairs
 * it with a headline of the same measure (`Readiness: 98%`, `Overall Progress` ↔ `Progress`).
 */
function columnBreakdown(ctx: ExtractContext, cells: Map<string, Block>): { measure: string; header: string; parts: ClaimDraft['evidence'] } | null {
  const found: { measure: string; header: string; parts: ClaimDraft['evidence'] }[] = [];
  for (const t of ctx.doc.tables) {
    const cols = t.header.map((_, c) => c).filter((c) => c > 0 && (t.columns[c] === 'completion' || PROGRESS_HEADER.test(t.header[c]!.text)));
    if (cols.length !== 1 || t.columns.includes('weight')) continue;
    const c = cols[0]!;
    if (t.rows.length < 3 || t.rows.some((r) => r.isTotal)) continue;
    const parts: ClaimDraft['evidence'] = [];
    for (let r = 0; r < t.rows.length; r++) {
      const v = parseCell(ctx, cells.get(`${t.index}:${r}:${c}`));
      if (!v || v === 'blank' || v.kind !== 'percent' || v.qualifier) break;
      parts.push(evidence('part', t.rows[r]!.cells[0]?.text || `row ${r + 1}`, v.cellRange, { quantity: cellQuantity(v), group: r }));
    }
    if (parts.length === t.rows.length) found.push({ measure: measureOf(t.header[c]!.text), header: t.header[c]!.text, parts });
    else found.push({ measure: '', header: '', parts: [] }); // a progress column we cannot read makes the pairing ambiguous
  }
  return found.length === 1 && found[0]!.measure ? found[0]! : null;
}

/** Whether a table of the document reports progress per row: the headline may be computed from it. */
function hasProgressColumn(ctx: ExtractContext): boolean {
  return ctx.doc.tables.some((t) => t.columns.includes('completion') || t.header.some((h, c) => c > 0 && PROGRESS_HEADER.test(h.text)));
}

/**
 * The document's one overall headline against its checklist when nothing else computes it
 * (no weighted table, no phase list, no progress column): ticked boxes / all boxes. Only a
 * checklist of 8 or more boxes, some ticked and some open; boxes of later work (`Next steps`)
 * make the scope uncertain.
 */
function checklistShare(ctx: ExtractContext, h: Headline): ClaimDraft | null {
  const { doc } = ctx;
  const { done, total } = doc.checklist;
  if (total < 8 || done === 0 || done === total) return null;
  const later = doc.tasks.some((t) => {
    for (let s = t.section; s !== null; s = doc.sections[s]!.parent) if (LATER_WORK.test(doc.sections[s]!.title)) return true;
    return false;
  });
  const claim = headlineClaim(ctx, h, 'checklist-share', [
    evidence('checklist', 'the document', doc.sections[0]?.headingRange ?? h.statement, {
      quantity: { value: done, of: total, unit: 'tasks', qualifier: null, sign: null, precision: 0, text: `${done}/${total}`, range: h.statement },
    }),
    ...doc.tasks.filter((t) => t.checked).slice(0, 30).map((t) => evidence('done', t.text.slice(0, 60), t.boxRange)),
  ]);
  return later ? { ...claim, unchecked: 'the checklist holds later work (next steps, follow-ups): which boxes the headline counts is uncertain' } : claim;
}

// ------------------------------------------------------------------ `Finished 5 of 8 tasks`, `82% (56/68 itens)`

interface Scope { done: number; total: number; where: string; section: number | null }

function taskCounts(ctx: ExtractContext): ClaimDraft[] {
  const { doc } = ctx;
  if (!doc.tasks.length) return [];
  const out: ClaimDraft[] = [];
  const taskStarts = doc.tasks.map((t) => t.range.offset);
  for (const block of doc.blocks) {
    if ((block.kind !== 'heading' && block.kind !== 'paragraph') || !TASK_CLAIM_CORE.test(block.text)) continue;
    // A task item does not count its own list.
    if (block.listItem && insideTask(doc, taskStarts, block.range.offset)) continue;
    for (const m of allMatches(block.text, TASK_CLAIM)) {
      const sentenceStart = Math.max(block.text.lastIndexOf('.', m.index), block.text.lastIndexOf('\n', m.index), 0);
      if (!TASK_CONTEXT.test(block.text.slice(sentenceStart, m.index + m[0].length + 20))) continue;
      out.push(taskCount(ctx, block, m));
    }
  }
  return out;
}

function insideTask(doc: StatusDoc, starts: number[], offset: number): boolean {
  let lo = 0, hi = starts.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  for (let i = found; i >= 0 && i > found - 20; i--) if (doc.tasks[i]!.range.endOffset > offset) return true;
  return false;
}

function taskCount(ctx: ExtractContext, block: Block, m: RegExpMatchArray): ClaimDraft {
  const { doc } = ctx;
  const n = Number(m.groups!.n);
  const total = Number(m.groups!.m);
  const start = block.range.offset + m.index!;
  const mStart = start + m[0].indexOf(m.groups!.m!, m.groups!.n!.length);
  const unit = (m.groups!.unit ?? 'tasks').split(' ').pop()!;
  // The checklist it counts: the claim's own section (with sub-sections), else the whole document.
  const scopes: Scope[] = [];
  for (let s = block.section; s !== null; s = doc.sections[s]!.parent) {
    const sec = doc.sections[s]!;
    scopes.push({ ...sec.checklist, where: `section "${sec.title}"`, section: s });
  }
  const whole: Scope = { ...doc.checklist, where: 'the document', section: null };
  scopes.push(whole);
  let scope = scopes.find((x) => x.total === total);
  let unchecked: string | null = null;
  let parts: ClaimDraft['evidence'] = [];
  if (!scope && block.kind === 'paragraph' && (block.section === null || doc.sections[block.section]!.checklist.total === 0)) {
    // `Finished 5 of 8 tasks` in a summary paragraph with no boxes of its own counts the
    // checklist of another section: the one with 8 boxes. (A heading such as
    // `Phase 5 (0/22 tasks)` counts its own phase, never another section that has 22.)
    const others = doc.sections.filter((sec) => sec.checklist.total === total).map((sec) => ({ ...sec.checklist, where: `section "${sec.title}"`, section: sec.index }));
    if (others.length && others.every((x) => x.done === others[0]!.done)) scope = others[others.length - 1];
  }
  if (!scope && isDocumentLevel(doc, block.section) && whole.total >= 10) {
    // `82% (56/68 itens)` at the top of a checklist of 54 boxes: the count is of the whole
    // checklist only when the document's own breakdown (`Fase 1 … (10/10)`) adds up to 54 too.
    parts = breakdownParts(ctx);
    const sum = parts.reduce((s, p) => s + (p.quantity?.of ?? 0), 0);
    if (parts.length >= 2 && sum === whole.total) scope = whole;
    else parts = [];
  }
  if (!scope) unchecked = `no checklist of ${total} boxes in scope (the document has ${doc.checklist.total})`;
  const s = scope ?? whole;
  const ev: ClaimDraft['evidence'] = [
    evidence('checklist', s.where, s.section === null ? doc.sections[0]?.headingRange ?? block.range : doc.sections[s.section]!.headingRange, {
      quantity: { value: s.done, of: s.total, unit: 'tasks', qualifier: null, sign: null, precision: 0, text: `${s.done}/${s.total}`, range: block.range },
    }),
    evidence('denominator', String(total), ctx.lines.range(mStart, mStart + m.groups!.m!.length), { quantity: plain(ctx, total, mStart, m.groups!.m!) }),
    ...parts,
  ];
  for (const t of doc.tasks) {
    if (!t.checked || ev.length > 40) continue;
    if (s.section === null || inSection(doc, t.section, s.section)) ev.push(evidence('done', t.text.slice(0, 60), t.boxRange));
  }
  // `5 of 8 tasks (62%)` or `82% (56/68 itens)`: the percentage moves with the count.
  const after = PAREN_PERCENT_AFTER.exec(block.text.slice(m.index! + m[0].length));
  const before = PERCENT_BEFORE.exec(block.text.slice(Math.max(0, m.index! - 16), m.index));
  if (after) {
    const ps = start + m[0].length + after[0].indexOf(after[1]!);
    ev.push(evidence('percent', `${after[1]}%`, ctx.lines.range(ps, ps + after[1]!.length), { quantity: plain(ctx, Number(after[1]), ps, after[1]!) }));
  } else if (before) {
    const ps = block.range.offset + Math.max(0, m.index! - 16) + before.index;
    ev.push(evidence('percent', `${before[1]}%`, ctx.lines.range(ps, ps + before[1]!.length), { quantity: plain(ctx, Number(before[1]), ps, before[1]!) }));
  }
  return draft('progress', 'task-count', {
    subject: unit,
    range: ctx.lines.range(start, start + m.groups!.n!.length),
    statement: block.range,
    stated: { ...plain(ctx, n, start, m.groups!.n!), of: total, unit },
    evidence: ev,
    data: { unit, where: s.where, unitExplicit: Boolean(m.groups!.unit) },
    section: block.section,
    unchecked,
  });
}

function inSection(doc: StatusDoc, section: number | null, target: number): boolean {
  for (let s = section; s !== null; s = doc.sections[s]!.parent) if (s === target) return true;
  return false;
}

/**
 * The document's own breakdown by phase: the longest run of two or more consecutive lines (of
 * a code block or a list) that each hold one `n/m` count, the total line excluded.
 */
function breakdownParts(ctx: ExtractContext): ClaimDraft['evidence'] {
  const { doc } = ctx;
  const ratiosOf = new Map<number, NumberToken[]>();
  for (const n of doc.numbers) if (n.kind === 'ratio') append(ratiosOf, n.block, n);
  type Part = { token: NumberToken; label: string };
  let best: Part[] = [];
  let run: Part[] = [];
  let lastLine = -2;
  let lastKind = '';
  const close = () => { if (run.length > best.length) best = run; run = []; };
  doc.blocks.forEach((b, i) => {
    if (b.kind !== 'code' && !(b.kind === 'paragraph' && b.listItem)) { close(); return; }
    const ratios = ratiosOf.get(i) ?? [];
    const isTotal = BREAKDOWN_TOTAL.test(b.text);
    const contiguous = b.range.line === lastLine + 1 && b.kind === lastKind;
    if (!contiguous || ratios.length !== 1 || isTotal) close();
    if (ratios.length === 1 && !isTotal) run.push({ token: ratios[0]!, label: b.text.trim().slice(0, 40) });
    lastLine = b.range.endLine;
    lastKind = b.kind;
  });
  close();
  return best.length >= 2 ? best.map((p) => evidence('part', p.label, p.token.range, { quantity: quantity(ctx, p.token) })) : [];
}

// ------------------------------------------------------------------ `5/9 phases complete` against the phase table

function unitCounts(ctx: ExtractContext): ClaimDraft[] {
  const { doc } = ctx;
  const out: ClaimDraft[] = [];
  for (const f of doc.fields) {
    if (!UNIT_COUNT_KEY.test(f.key)) continue;
    const value = ctx.text.slice(f.valueRange.offset, f.valueRange.endOffset);
    const m = UNIT_CLAIM.exec(value);
    if (!m) continue;
    const n = Number(m.groups!.n);
    const total = Number(m.groups!.m);
    if (total < 2 || n > total) continue;
    // The table the claim counts: with a status column and exactly `total` rows, near the claim (same or parent section).
    const near = new Set<number | null>([f.section]);
    if (f.section !== null) near.add(doc.sections[f.section]!.parent);
    const tables = doc.tables.filter((t) => near.has(t.section) && t.columns.includes('status') && t.rows.filter((r) => !r.isTotal).length === total);
    if (tables.length !== 1) continue;
    const table = tables[0]!;
    const start = f.valueRange.offset + m.index;
    const unit = m.groups!.unit!;
    const ev: ClaimDraft['evidence'] = [evidence('table', `the table of ${total} ${unit}`, table.range), ...rowStatuses(ctx, table)];
    const rest = value.slice(m.index + m[0].length);
    const done = DONE_AFTER_COUNT.exec(rest);
    const after = PAREN_PERCENT_AFTER.exec(done ? rest.slice(done[0].length) : rest);
    if (after) {
      const ps = start + m[0].length + (done ? done[0].length : 0) + after[0].indexOf(after[1]!);
      ev.push(evidence('percent', `${after[1]}%`, ctx.lines.range(ps, ps + after[1]!.length), { quantity: plain(ctx, Number(after[1]), ps, after[1]!) }));
    }
    out.push(draft('progress', 'unit-count', {
      subject: unit,
      range: ctx.lines.range(start, start + m.groups!.n!.length),
      statement: ctx.lines.range(f.keyRange.offset, f.valueRange.endOffset),
      stated: { ...plain(ctx, n, start, m.groups!.n!), of: total, unit },
      evidence: ev,
      data: { unit },
      section: f.section,
    }));
  }
  return out;
}

function rowStatuses(ctx: ExtractContext, table: Table): ClaimDraft['evidence'] {
  const s = table.columns.indexOf('status');
  return table.rows.filter((r) => !r.isTotal).map((r, i) => {
    const c = r.cells[s];
    const mark = c ? classifyStatus(ctx.vocabulary, ctx.text.slice(c.range.offset, c.range.endOffset)) : null;
    return evidence(mark?.value === 'done' ? 'done' : 'not-done', r.cells[0]?.text ?? `row ${i + 1}`, r.range, { group: i });
  });
}

