import type { Field, NumberToken, Range, StatusDoc } from '../model/schema';
import { classify } from './status-mismatch';
import { cellBlocks, readWeightedTable, type WeightedTable } from '../model/cells';
import type { Rule, RuleContext, RuleReport } from './types';
import { agreesAtPrecision, formatLike, roundTo, withinTolerance } from './util/numeric';

/**
 * The headline progress (an Overall Progress field, a `% COMPLETE` title) against what the
 * document computes itself: its weighted table, its phase list, its checklist.
 */
export const headlineMismatch: Rule = {
  id: 'headline-mismatch',
  description: 'A headline progress figure (Overall Progress, "% COMPLETE" in the title, "N of M tasks") that disagrees with what the document computes: its weighted table, phase list or checklist.',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    const headlines = findHeadlines(ctx);
    const weighted = computingTable(ctx);
    for (const h of headlines) {
      if (weighted && !h.phaseList) compareWithTable(ctx, h, weighted);
      else if (h.phaseList) compareWithPhases(ctx, h);
    }
    checkTaskCounts(ctx);
    checkTableCounts(ctx);
  },
};

interface Headline {
  token: NumberToken;
  label: string;
  phaseList: { name: string; token: NumberToken; range: Range }[] | null;
}

const ARROW = /→|->|=>|⟶|➔|➡|â†’/;

function percentsIn(doc: StatusDoc, r: Range): NumberToken[] {
  return doc.numbers.filter((n) => n.kind === 'percent' && n.range.offset >= r.offset && n.range.endOffset <= r.endOffset);
}

/** The number a headline states: the one after the last arrow (`75% → 95%`), else the first. */
function headlineNumber(ctx: RuleContext, r: Range): NumberToken | null {
  const ps = percentsIn(ctx.doc, r);
  if (!ps.length) return null;
  const text = ctx.text.slice(r.offset, r.endOffset);
  const arrows = [...text.matchAll(new RegExp(ARROW.source, 'g'))];
  if (arrows.length) {
    const last = r.offset + arrows[arrows.length - 1]!.index!;
    return ps.find((p) => p.range.offset > last) ?? null;
  }
  // `70% (CI Complete + CD Ready)`: the figure comes first; a value that starts with words is a sentence.
  const lead = text.slice(0, ps[0]!.range.offset - r.offset);
  return /^[\s~≈*_]*$/.test(lead) ? ps[0]! : null;
}

function findHeadlines(ctx: RuleContext): Headline[] {
  const { doc } = ctx;
  const out: Headline[] = [];
  for (const f of doc.fields) {
    // `**Status:** ✅ 95% COMPLETE` states the headline progress too.
    const statusProgress = /status/i.test(f.key) && /\d\s?%\s*(?:complete|done)\b/i.test(f.value);
    if (!statusProgress && (f.name !== 'overall-progress' || !/progress|complet|overall|total/i.test(f.key))) continue;
    if (/score|quality|coverage|health|confidence/i.test(f.key)) continue;
    const token = statusProgress ? percentsIn(doc, f.valueRange)[0] ?? null : headlineNumber(ctx, f.valueRange);
    if (!token || /estimat|target|goal|projected|expected/i.test(f.value)) continue;
    out.push({ token, label: f.key, phaseList: phaseListAfter(ctx, f) });
  }
  for (const s of doc.sections) {
    // `# Phase 2: 90% COMPLETE` (the title), `## OVERALL PROJECT COMPLETION: 85%`.
    const m = s.level === 1
      ? /(\d+(?:\.\d+)?)\s?%\s*(?:complete|completion|done)\b/i.exec(s.title)
      : /\boverall\b[^%\d]*(?:complet|progress)[^%\d]*?(\d+(?:\.\d+)?)\s?%|\boverall\b[^%\d]*?(\d+(?:\.\d+)?)\s?%\s*(?:complete|done)\b/i.exec(s.title);
    if (!m) continue;
    const value = Number(m[1] ?? m[2]);
    const token = percentsIn(doc, s.headingRange).find((n) => n.value === value);
    if (token) out.push({ token, label: s.level === 1 ? 'title progress' : 'heading progress', phaseList: null });
  }
  return out;
}

/** `- Phase 1 (CI): ✅ 100% Complete` items right after an Overall Progress item, each with one percentage. */
function phaseListAfter(ctx: RuleContext, f: Field): Headline['phaseList'] {
  const { doc } = ctx;
  const block = doc.blocks.find((b) => b.range.offset <= f.keyRange.offset && f.keyRange.offset < b.range.endOffset);
  if (!block?.listItem) return null;
  const [li, ii] = block.listItem;
  const list = doc.lists[li]!;
  const rest = list.items.slice(ii + 1);
  if (rest.length < 2 || !rest.every((i) => /^phase\b/i.test(i.text))) return null;
  const out: NonNullable<Headline['phaseList']> = [];
  for (const item of rest) {
    const firstLine = { ...item.range, endOffset: item.range.offset + (ctx.text.slice(item.range.offset, item.range.endOffset).split(/\r?\n/)[0]!.length) };
    const ps = percentsIn(doc, firstLine);
    if (ps.length !== 1) return null;
    out.push({ name: item.text.split(/[:(]/)[0]!.trim(), token: ps[0]!, range: item.range });
  }
  return out;
}

/** The document's one weighted table whose weights make up the whole (Σ weight = 100%). */
function computingTable(ctx: RuleContext): WeightedTable | null {
  const cells = cellBlocks(ctx.doc);
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

function agrees(token: NumberToken, exact: number, tolerance: number): boolean {
  if (token.qualifier === '~' || token.qualifier === '≈') return withinTolerance(token.value, exact, tolerance) || agreesAtPrecision(token.value, exact, token.precision);
  if (token.qualifier === '+' || token.qualifier === '>' || token.qualifier === '≥' || token.qualifier === '>=') return exact >= token.value - 1e-9 || agreesAtPrecision(token.value, exact, token.precision);
  if (token.qualifier === '<' || token.qualifier === '≤' || token.qualifier === '<=') return exact <= token.value + 1e-9;
  return agreesAtPrecision(token.value, exact, token.precision);
}

const pct = (v: number, precision: number) => `${formatLike({ text: '', precision }, roundTo(v, precision))}%`;
const exact = (v: number) => `${formatLike({ text: '', precision: 2 }, roundTo(v, 2)).replace(/\.?0+$/, '')}%`;

function fixFor(h: Headline, value: number): RuleReport['fix'] {
  const v = roundTo(value, h.token.precision);
  const digits = /(\d[\d,]*(?:\.\d+)?)/.exec(h.token.text)!;
  const start = h.token.range.offset + digits.index;
  const range = { ...h.token.range, column: h.token.range.column + digits.index, endColumn: h.token.range.column + digits.index + digits[1]!.length, offset: start, endOffset: start + digits[1]!.length };
  return { title: `Change ${h.label} to ${pct(value, h.token.precision)}`, edits: [{ range, text: formatLike({ text: digits[1]!, precision: h.token.precision }, v) }], preferred: false };
}

/** The digits and the percent sign, without a leading space or qualifier. */
function narrow(ctx: RuleContext, t: NumberToken): Range {
  const i = t.text.search(/\d/);
  return ctx.lines.range(t.range.offset + i, t.range.endOffset);
}

function compareWithTable(ctx: RuleContext, h: Headline, wt: WeightedTable): void {
  if (agrees(h.token, wt.overall, ctx.config.approximateTolerance)) return;
  const terms = wt.rows.map((x) => `${x.weight.value}% × ${formatLike({ text: '', precision: 1 }, x.completionPct).replace(/\.0$/, '')}%`).join(' + ');
  ctx.report({
    range: narrow(ctx, h.token),
    message: `Unexpected ${h.label} ${h.token.text.trim()}, expected ${pct(wt.overall, h.token.precision)}: the weighted table computes ${terms} = ${exact(wt.overall)}.`,
    related: [
      { range: wt.table.range, message: 'The weighted table that computes the overall progress' },
      ...wt.rows.map((x) => ({ range: x.completion.cellRange, message: `${x.name}: ${exact(x.completionPct)} at weight ${x.weight.value}%` })),
    ],
    detail: `The document's weighted table (weights adding up to 100%) gives Σ weight × completion = ${exact(wt.overall)}; the headline says ${h.token.text.trim()}.`,
    fix: fixFor(h, wt.overall),
  });
}

function compareWithPhases(ctx: RuleContext, h: Headline): void {
  const phases = h.phaseList!;
  const mean = phases.reduce((s, p) => s + p.token.value, 0) / phases.length;
  if (agrees(h.token, mean, ctx.config.approximateTolerance)) return;
  ctx.report({
    range: narrow(ctx, h.token),
    message: `Unexpected ${h.label} ${h.token.text.trim()}, expected ${pct(mean, h.token.precision)}: the ${phases.length} phases listed with it average (${phases.map((p) => p.token.text.trim()).join(' + ')}) / ${phases.length} = ${exact(mean)}.`,
    related: phases.map((p) => ({ range: p.token.range, message: `${p.name}: ${p.token.text.trim()}` })),
    detail: `The phases listed under the headline carry no weights, so they count equally: their mean is ${exact(mean)}.`,
    fix: fixFor(h, mean),
  });
}

// ------------------------------------------------------------------ `Finished 5 of 8 tasks`

const TASK_CLAIM = /(?<![\p{L}\p{N}.\/])(?<n>\d+)\s*(?:\/|of|out of)\s*(?<m>\d+)(?:\s+(?:tasks?|items?|checklist items?|todos?|deliverables?|criteria|steps?)|(?=\s*(?:done|complete|completed|finished|checked|ticked)\b))(?![\p{L}\/])/giu;
const TASK_CONTEXT = /\b(?:finished|completed?|done|closed|checked|ticked|progress)\b/i;

function checkTaskCounts(ctx: RuleContext): void {
  const { doc } = ctx;
  if (!doc.tasks.length) return;
  for (const block of doc.blocks) {
    if (block.kind !== 'heading' && block.kind !== 'paragraph') continue;
    // A task item does not count its own list.
    if (block.listItem && doc.tasks.some((t) => t.range.offset <= block.range.offset && block.range.offset < t.range.endOffset)) continue;
    for (const m of block.text.matchAll(TASK_CLAIM)) {
      const sentenceStart = Math.max(block.text.lastIndexOf('.', m.index), block.text.lastIndexOf('\n', m.index), 0);
      if (!TASK_CONTEXT.test(block.text.slice(sentenceStart, m.index + m[0].length + 20))) continue;
      const n = Number(m.groups!.n);
      const total = Number(m.groups!.m);
      // The checklist it counts: the claim's own section (with sub-sections), else the whole document.
      const scopes: { done: number; total: number; where: string; range: Range | null }[] = [];
      for (let s = block.section; s !== null; s = doc.sections[s]!.parent) {
        const sec = doc.sections[s]!;
        scopes.push({ ...sec.checklist, where: `section "${sec.title}"`, range: sec.headingRange });
      }
      scopes.push({ ...doc.checklist, where: 'the document', range: null });
      let scope = scopes.find((x) => x.total === total);
      if (!scope && block.kind === 'paragraph' && (block.section === null || doc.sections[block.section]!.checklist.total === 0)) {
        // `Finished 5 of 8 tasks` in a summary paragraph with no boxes of its own counts the
        // checklist of another section: the one with 8 boxes. (A heading such as
        // `Phase 5 (0/22 tasks)` counts its own phase, never another section that has 22.)
        const others = doc.sections.filter((sec) => sec.checklist.total === total).map((sec) => ({ ...sec.checklist, where: `section "${sec.title}"`, range: sec.headingRange }));
        if (others.length && others.every((x) => x.done === others[0]!.done)) scope = others[others.length - 1];
      }
      if (!scope || scope.done === n) continue;
      const start = block.range.offset + m.index;
      const range = ctx.lines.range(start, start + m.groups!.n!.length);
      const unit = /[\p{L}]$/u.test(m[0]) ? m[0].slice(m[0].search(/[\p{L}]+$/u)).trim() : 'tasks';
      const edits = [{ range, text: String(scope.done) }];
      // `5 of 8 tasks (62%)`: the percentage moves with the count.
      const after = /^\s*\(\s*(\d+(?:\.\d+)?)\s?%\s*\)/.exec(block.text.slice(m.index + m[0].length));
      if (after) {
        const ps = block.range.offset + m.index + m[0].length + after[0].indexOf(after[1]!);
        const precision = after[1]!.includes('.') ? after[1]!.length - after[1]!.indexOf('.') - 1 : 0;
        edits.push({ range: ctx.lines.range(ps, ps + after[1]!.length), text: formatLike({ text: after[1]!, precision }, roundTo((scope.done / total) * 100, precision)) });
      }
      ctx.report({
        range,
        message: `Unexpected ${n} of ${total} ${unit} done, expected ${scope.done} of ${total}: the ${total} checkboxes of ${scope.where} show ${scope.done} ticked.`,
        related: doc.tasks
          .filter((t) => scope.range === null || inScope(doc, t.section, scope.range))
          .filter((t) => t.checked)
          .slice(0, 30)
          .map((t) => ({ range: t.boxRange, message: `Done: ${t.text.slice(0, 60)}` })),
        detail: `Counting the task boxes of ${scope.where}: ${scope.done} checked, ${scope.total - scope.done} open.`,
        fix: { title: `Change to ${scope.done} of ${total}`, edits },
      });
    }
  }
}

function inScope(doc: StatusDoc, section: number | null, heading: Range): boolean {
  for (let s = section; s !== null; s = doc.sections[s]!.parent) if (doc.sections[s]!.headingRange.offset === heading.offset) return true;
  return false;
}

// ------------------------------------------------------------------ `5/9 phases complete` against the phase table

const UNIT_CLAIM = /(?<![\p{L}\p{N}.])(?<n>\d+)\s*(?:\/|of|out of)\s*(?<m>\d+)\s+(?<unit>phases?|stories|story|sprints?|milestones?|epics?|features?|components?|modules?|agents?|workstreams?|tracks?)(?![\p{L}])/iu;

function checkTableCounts(ctx: RuleContext): void {
  const { doc } = ctx;
  for (const f of doc.fields) {
    if (!/progress|overall|complet|status|done|finished/i.test(f.key)) continue;
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
    const s = table.columns.indexOf('status');
    const rows = table.rows.filter((r) => !r.isTotal);
    const done = rows.filter((r) => {
      const c = r.cells[s];
      return c && classify(ctx, ctx.text.slice(c.range.offset, c.range.endOffset), c.range.offset)?.value === 'done';
    });
    if (done.length === n) continue;
    const start = f.valueRange.offset + m.index;
    const range = ctx.lines.range(start, start + m.groups!.n!.length);
    const edits = [{ range, text: String(done.length) }];
    const after = /^\s*\(\s*(\d+(?:\.\d+)?)\s?%\s*\)/.exec(value.slice(m.index + m[0].length).replace(/^\s*(?:complete|completed|done|finished)\b/i, (x) => ' '.repeat(x.length)));
    if (after) {
      const ps = f.valueRange.offset + m.index + m[0].length + after[0].indexOf(after[1]!);
      const precision = after[1]!.includes('.') ? after[1]!.length - after[1]!.indexOf('.') - 1 : 0;
      edits.push({ range: ctx.lines.range(ps, ps + after[1]!.length), text: formatLike({ text: after[1]!, precision }, roundTo((done.length / total) * 100, precision)) });
    }
    const unit = m.groups!.unit!;
    ctx.report({
      range,
      message: `Unexpected ${n} of ${total} ${unit} done, expected ${done.length} of ${total}: the table of ${total} ${unit} marks ${done.length} done.`,
      related: [
        { range: table.range, message: `The table that lists the ${total} ${unit}` },
        ...done.slice(0, 30).map((r) => ({ range: r.range, message: `Done: ${r.cells[0]?.text ?? ''}` })),
      ],
      detail: `Counting the rows of the table whose status says done: ${done.length} of ${total}.`,
      fix: { title: `Change to ${done.length} of ${total}`, edits },
    });
  }
}
