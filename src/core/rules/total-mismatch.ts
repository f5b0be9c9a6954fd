import type { Block, Range, StatusDoc, Table } from '../model/schema';
import { parseNum } from '../model/numbers';
import { getVocabulary } from '../model/vocabulary';
import type { Rule, RuleContext, RuleReport } from './types';
import { agreesAtPrecision, formatLike, roundTo, withinTolerance } from './util/numeric';

/**
 * A total that is not the sum of its parts: a table's Total row against the column above it,
 * a weighted table's contributions (weight × completion, row by row, and their sum), and a
 * lead-in such as `(3 files, ~730 lines)` against the lines its items state.
 */
export const totalMismatch: Rule = {
  id: 'total-mismatch',
  description: 'A total that is not the sum of its parts: Total rows, weighted tables (weight × completion = contribution), `(3 files, ~730 lines)` lead-ins.',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    const cells = cellBlocks(ctx.doc);
    for (const table of ctx.doc.tables) checkTable(ctx, table, cells);
    checkLineLeadIns(ctx);
  },
};

// ------------------------------------------------------------------ table cells

/** A table cell holding one number (and perhaps a status mark after it). */
export interface CellNumber {
  kind: 'percent' | 'ratio' | 'number';
  value: number;
  of: number | null;
  precision: number;
  /** `~`, `≈`, `<`, `>`, … written before the number, or `+` written after it (`15+`). */
  qualifier: string | null;
  /** The unit word or letter after the number (`h`, `hours`, `lines`), lower-cased, or ''. */
  suffix: string;
  currency: string;
  /** The digits of the value (for a ratio, the numerator): what a fix replaces. */
  range: Range;
  text: string;
  /** The whole cell, for related information. */
  cellRange: Range;
}

export type CellValue = CellNumber | 'blank' | null;

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CELL = new RegExp(
  String.raw`^(?<lead>\s*)(?<q>[~≈]|[<>≤≥]=?)?\s?(?<cur>[$€£¥₹]|â‚¬)?\s?(?<n>${NUM})(?:\s?(?<pct>%)|\s?/\s?(?<of>${NUM}))?(?<plus>\+)?(?:\s?(?<suf>[KkMB]|[\p{L}][\p{L}.]*))?(?<tail>.*)$`,
  'du',
);
const BLANK_CELL = /^\s*(?:|-|–|—|n\/?a|tbd|tba|\?|…|\.\.\.)\s*$/i;

/** Index of the blocks of table cells by `table:row:column` (row -1 is the header). */
export function cellBlocks(doc: StatusDoc): Map<string, Block> {
  const map = new Map<string, Block>();
  for (const b of doc.blocks) if (b.table) map.set(b.table.join(':'), b);
  return map;
}

export function parseCell(ctx: Pick<RuleContext, 'lines'>, block: Block | undefined): CellValue {
  if (!block) return null;
  let text = block.text;
  let base = block.range.offset;
  if (text.startsWith('|')) { text = text.slice(1); base++; }
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  if (BLANK_CELL.test(text)) return 'blank';
  const m = CELL.exec(text);
  if (!m) return null;
  const g = m.groups!;
  const tail = g.tail!.trim();
  if (tail && !isStatusTail(tail)) return null;
  let suffix = (g.suf ?? '').toLowerCase();
  if (suffix && getVocabulary().find(suffix)?.index === 0 && !tail) suffix = '';
  const nStart = base + m.indices!.groups!.n![0];
  const cellStart = base + g.lead!.length;
  return {
    kind: g.pct ? 'percent' : g.of ? 'ratio' : 'number',
    value: parseNum(g.n!),
    of: g.of ? parseNum(g.of) : null,
    precision: decimalsOf(g.n!),
    qualifier: g.q ?? (g.plus ? '+' : null),
    suffix,
    currency: g.cur ?? '',
    range: ctx.lines.range(nStart, nStart + g.n!.length),
    text: g.n!,
    cellRange: ctx.lines.range(cellStart, base + text.trimEnd().length),
  };
}

/** What may follow a number in a cell without making it text: a status mark or word. */
function isStatusTail(tail: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(tail)) return true;
  const m = getVocabulary().find(tail);
  if (!m) return false;
  const rest = (tail.slice(0, m.index) + tail.slice(m.index + m.length)).trim();
  return !/[\p{L}\p{N}]/u.test(rest);
}

function decimalsOf(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

export function show(c: Pick<CellNumber, 'kind' | 'value' | 'of' | 'precision' | 'currency' | 'suffix' | 'text'>, value = c.value): string {
  const n = formatLike(c, value);
  if (c.kind === 'percent') return `${n}%`;
  if (c.kind === 'ratio') return `${n}/${c.of}`;
  return `${c.currency}${n}`;
}

const fmt = (v: number, precision: number) => formatLike({ text: '', precision }, roundTo(v, precision));

// ------------------------------------------------------------------ Total rows

/** A row whose first cell says Total and nothing else (`Total payers` is a row of its own). */
const TOTAL_CELL = /^(?:grand\s+)?(?:total|totals|sum|overall|合计|总计|合計|총계|итого|всего|tổng(?:\s+cộng)?)\s*:?$/iu;

/** Columns that hold averages, rates or scores, never sums. */
const NOT_ADDITIVE = /avg|average|mean|median|rate|ratio|score|coverage|velocity|percent|%|\bper\b|\/|speed|latency|max|min|progress|complet|status|target|goal|trend|p9\d|p50|estimate\b|accuracy|quality|health|grade|rating|level|version|priority|rank|confidence|cpu|memory|size|duration|time\b|eta\b|variance|delta|change|growth/i;

interface Part { row: number; name: string; cell: CellNumber }

function checkTable(ctx: RuleContext, table: Table, cells: Map<string, Block>): void {
  const totals = table.rows.map((r, i) => (TOTAL_CELL.test(r.cells[0]?.text ?? '') ? i : -1)).filter((i) => i >= 0);
  if (totals.length > 1) return;
  // Without a Total row only a weighted table's rows can be checked.
  const totalRow = totals[0] ?? -1;
  const partRows = table.rows.map((_, i) => i).filter((i) => totalRow < 0 || i < totalRow);
  if (partRows.length < 2) return;
  const cell = (r: number, c: number): CellValue => (r < 0 ? null : parseCell(ctx, cells.get(`${table.index}:${r}:${c}`)));
  const nameOf = (r: number) => table.rows[r]!.cells[0]?.text || `row ${r + 1}`;
  const header = (c: number) => table.header[c]?.text ?? `column ${c + 1}`;

  /** The numbers of column `c` above the total, or null when one of them is not a number. */
  const partsOf = (c: number): Part[] | null => {
    const out: Part[] = [];
    for (const r of partRows) {
      const v = cell(r, c);
      if (!v || v === 'blank') return null;
      out.push({ row: r, name: nameOf(r), cell: v });
    }
    return out;
  };

  const w = table.columns.indexOf('weight');
  const k = table.columns.indexOf('contribution');
  const done = new Set<number>([0]);
  if (w > 0) checkWeighted(ctx, table, w, k, totalRow, partsOf, cell, header, done);
  if (totalRow < 0) return;

  for (let c = 1; c < table.header.length; c++) {
    if (done.has(c)) continue;
    const role = table.columns[c]!;
    if (!['weight', 'contribution', 'count', 'points', 'other'].includes(role)) continue;
    if (role !== 'weight' && role !== 'contribution' && NOT_ADDITIVE.test(header(c))) continue;
    const total = cell(totalRow, c);
    if (!total || total === 'blank') continue;
    const parts = partsOf(c);
    if (!parts) continue;
    if (total.kind === 'percent' && role !== 'weight' && role !== 'contribution') continue;
    if (!parts.every((p) => p.cell.kind === total.kind && p.cell.currency === total.currency)) continue;
    const suffixes = new Set([...parts.map((p) => p.cell.suffix), total.suffix].filter(Boolean));
    if (suffixes.size > 1) continue;
    if (total.kind === 'ratio') {
      const ofSum = parts.reduce((s, p) => s + p.cell.of!, 0);
      if (Math.abs(ofSum - total.of!) > 1e-9) continue; // an average (`8.2/10`) or another base
    }
    const sum = parts.reduce((s, p) => s + p.cell.value, 0);
    reportSum(ctx, total, parts, sum, `the ${header(c)} column`);
  }
}

function reportSum(ctx: RuleContext, total: CellNumber, parts: Part[], sum: number, what: string, extra?: { edits?: RuleReport['fix'] }): void {
  if (sumAgrees(total, parts.map((p) => p.cell), sum, ctx.config.approximateTolerance)) return;
  const precision = Math.max(total.precision, ...parts.map((p) => p.cell.precision));
  const expected = total.precision >= precision ? sum : roundTo(sum, total.precision);
  const terms = parts.map((p) => show(p.cell)).join(' + ');
  const atLeast = total.qualifier === '+' || parts.some((p) => p.cell.qualifier === '+');
  const approx = isApprox(total) || parts.some((p) => isApprox(p.cell));
  const exp = show(total, roundTo(expected, total.precision));
  ctx.report({
    range: total.range,
    message: `Unexpected total ${isApprox(total) ? total.qualifier : ''}${show(total)}${total.qualifier === '+' ? '+' : ''}, expected ${approx ? '~' : ''}${exp}${atLeast ? '+' : ''}: ${what} adds up to ${terms} = ${show(total, roundTo(sum, precision))}.`,
    related: parts.slice(0, 20).map((p) => ({ range: p.cell.cellRange, message: `Part: ${p.name} (${show(p.cell)})` })),
    detail: `${capital(what)} has ${parts.length} rows above the total; they add up to ${show(total, roundTo(sum, precision))}${atLeast ? ' (at least, some parts are lower bounds)' : ''}${approx ? ` (approximate numbers: accepted within ${Math.round(ctx.config.approximateTolerance * 100)}%)` : ''}, but the total row says ${show(total)}.`,
    fix: extra?.edits ?? {
      title: `Change the total to ${exp}`,
      edits: [{ range: total.range, text: formatLike(total, roundTo(expected, total.precision)) }],
    },
  });
}

function isApprox(c: { qualifier: string | null }): boolean {
  return c.qualifier === '~' || c.qualifier === '≈';
}

function sumAgrees(total: CellNumber, parts: { precision: number; qualifier: string | null }[], sum: number, tolerance: number): boolean {
  if (total.qualifier && /^[<>≤≥]/.test(total.qualifier)) return true;
  if (isApprox(total) || parts.some(isApprox)) return withinTolerance(total.value, sum, tolerance) || agreesAtPrecision(total.value, sum, total.precision);
  return agreesAtPrecision(total.value, sum, total.precision);
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ------------------------------------------------------------------ weighted tables

export interface WeightedRow {
  row: number;
  name: string;
  weight: CellNumber;
  completion: CellNumber;
  contribution: CellNumber | null;
  /** weight × completion, in the contribution's unit. */
  computed: number;
  /** Completion as a percentage (0–100). */
  completionPct: number;
}

export interface WeightedTable {
  table: Table;
  weightCol: number;
  completionCol: number;
  contributionCol: number;
  rows: WeightedRow[];
  totalRow: number | null;
  /** Σ weight × completion / Σ weight, as a percentage. */
  overall: number;
  /** Σ of the (correct) contributions in the contribution's unit. */
  contributionSum: number;
  /** Whether contributions are percentages (of the whole) rather than points of a score. */
  percentScale: boolean;
}

/**
 * Reads a Weight | Completion | Contribution table. Null when it is not one, or when its rows do
 * not follow weight × completion = contribution (another formula is at work).
 */
export function readWeightedTable(ctx: Pick<RuleContext, 'lines'>, table: Table, cells: Map<string, Block>): WeightedTable | null {
  const w = table.columns.indexOf('weight');
  if (w <= 0) return null;
  const k = table.columns.indexOf('contribution');
  const totalIdx = table.rows.findIndex((r) => TOTAL_CELL.test(r.cells[0]?.text ?? ''));
  const cell = (r: number, c: number) => parseCell(ctx, cells.get(`${table.index}:${r}:${c}`));
  const partRows = table.rows.map((_, i) => i).filter((i) => i !== totalIdx && (totalIdx < 0 || i < totalIdx));
  if (partRows.length < 2) return null;
  // The completion column: the first one whose rows are all percentages or scores.
  const order = ['completion', 'value', 'status', 'other'];
  const candidates = table.columns
    .map((role, c) => ({ role, c }))
    .filter(({ role, c }) => c > 0 && c !== w && c !== k && order.includes(role))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  for (const { c } of candidates) {
    const rows: WeightedRow[] = [];
    let ok = true;
    for (const r of partRows) {
      const wc = cell(r, w);
      const cc = cell(r, c);
      const kc = k > 0 ? cell(r, k) : null;
      if (!wc || wc === 'blank' || wc.kind !== 'percent' || !cc || cc === 'blank' || cc.kind === 'number' && k < 0) { ok = false; break; }
      const completionPct = cc.kind === 'percent' ? cc.value : cc.kind === 'ratio' ? (cc.value / cc.of!) * 100 : NaN;
      const contribution = kc && kc !== 'blank' ? kc : null;
      if (k > 0 && !contribution) { ok = false; break; }
      let computed: number;
      if (!contribution || contribution.kind === 'percent') {
        if (Number.isNaN(completionPct)) { ok = false; break; }
        computed = (wc.value / 100) * completionPct;
      } else computed = (wc.value / 100) * cc.value;
      rows.push({ row: r, name: table.rows[r]!.cells[0]?.text || `row ${r + 1}`, weight: wc, completion: cc, contribution, computed, completionPct });
    }
    if (!ok) continue;
    if (k > 0) {
      const agree = rows.filter((x) => agreesAtPrecision(x.contribution!.value, x.computed, x.contribution!.precision)).length;
      // A different formula (or a different column): most rows must follow weight × completion.
      if (agree < Math.max(2, Math.ceil(rows.length / 2))) continue;
    }
    const weightSum = rows.reduce((s, x) => s + x.weight.value, 0);
    const percentScale = !rows[0]!.contribution || rows[0]!.contribution.kind === 'percent';
    const contributionSum = rows.reduce((s, x) => s + (x.contribution && agreesAtPrecision(x.contribution.value, x.computed, x.contribution.precision) ? x.contribution.value : x.computed), 0);
    const overall = weightSum > 0 ? rows.reduce((s, x) => s + x.weight.value * x.completionPct, 0) / weightSum : NaN;
    return { table, weightCol: w, completionCol: c, contributionCol: k, rows, totalRow: totalIdx >= 0 ? totalIdx : null, overall, contributionSum, percentScale };
  }
  return null;
}

function checkWeighted(
  ctx: RuleContext, table: Table, w: number, k: number, totalRow: number,
  partsOf: (c: number) => Part[] | null, cell: (r: number, c: number) => CellValue,
  header: (c: number) => string, done: Set<number>,
): void {
  const cells = cellBlocks(ctx.doc);
  const wt = readWeightedTable(ctx, table, cells);
  if (!wt) return;
  done.add(w);
  if (k > 0) {
    done.add(k);
    checkContributions(ctx, wt, k, totalRow, cell, header);
  }
  // The weights.
  const totalW = cell(totalRow, w);
  const wParts = partsOf(w);
  if (totalW && totalW !== 'blank' && totalW.kind === 'percent' && wParts) {
    reportSum(ctx, totalW, wParts, wParts.reduce((s, p) => s + p.cell.value, 0), `the ${header(w)} column`);
  }
  checkCompletionTotal(ctx, wt, totalRow, cell, header, done);
}

function checkContributions(ctx: RuleContext, wt: WeightedTable, k: number, totalRow: number, cell: (r: number, c: number) => CellValue, header: (c: number) => string): void {
  const totalK = cell(totalRow, k);
  const totalKNum = totalK && totalK !== 'blank' ? totalK : null;
  const writtenSum = wt.rows.reduce((s, x) => s + x.contribution!.value, 0);
  const totalMatchesWritten = totalKNum ? sumAgrees(totalKNum, wt.rows.map((x) => x.contribution!), writtenSum, ctx.config.approximateTolerance) : false;
  const totalMatchesCorrect = totalKNum ? sumAgrees(totalKNum, wt.rows.map((x) => x.contribution!), wt.contributionSum, ctx.config.approximateTolerance) : true;
  const wrong = wt.rows.filter((x) => !agreesAtPrecision(x.contribution!.value, x.computed, x.contribution!.precision));
  wrong.forEach((x, i) => {
    const kc = x.contribution!;
    const expected = roundTo(x.computed, kc.precision);
    const edits = [{ range: kc.range, text: formatLike(kc, expected) }];
    // The total agreed with the wrong row: it moves with it.
    const carryTotal = totalKNum && totalMatchesWritten && !totalMatchesCorrect && i === wrong.length - 1;
    if (carryTotal) edits.push({ range: totalKNum.range, text: formatLike(totalKNum, roundTo(wt.contributionSum, totalKNum.precision)) });
    const completionText = x.completion.kind === 'ratio' ? `${formatLike(x.completion, x.completion.value)}/${x.completion.of}` : show(x.completion);
    ctx.report({
      range: kc.range,
      message: `Unexpected contribution ${show(kc)}, expected ${show(kc, expected)}: weight ${show(x.weight)} × ${header(wt.completionCol).toLowerCase()} ${completionText} = ${show(kc, x.computed)}.`,
      related: [
        { range: x.weight.cellRange, message: `Weight of ${x.name}: ${show(x.weight)}` },
        { range: x.completion.cellRange, message: `${header(wt.completionCol)} of ${x.name}: ${completionText}` },
        ...(carryTotal ? [{ range: totalKNum.range, message: `Total contribution, which changes with this row: ${show(totalKNum)} → ${show(totalKNum, wt.contributionSum)}` }] : []),
      ],
      detail: `In a weighted table each row contributes its weight times its completion: ${show(x.weight)} × ${completionText} = ${fmt(x.computed, kc.precision + 2)}${kc.kind === 'percent' ? '%' : ''}.${carryTotal ? ' The total row adds up the written contributions, so the fix corrects it too.' : ''}`,
      fix: { title: `Change the contribution to ${show(kc, expected)}${carryTotal ? ' and the total' : ''}`, edits },
    });
  });
  if (totalKNum && !totalMatchesCorrect && !(totalMatchesWritten && wrong.length)) {
    const parts: Part[] = wt.rows.map((x) => ({ row: x.row, name: x.name, cell: x.contribution! }));
    reportSum(ctx, totalKNum, parts, wt.contributionSum, `the ${header(k)} column`);
  }
}

/** The total of the completion column is the weighted average of the completions. */
function checkCompletionTotal(ctx: RuleContext, wt: WeightedTable, totalRow: number, cell: (r: number, c: number) => CellValue, header: (c: number) => string, done: Set<number>): void {
  const c = wt.completionCol;
  done.add(c);
  const totalC = cell(totalRow, c);
  if (totalC && totalC !== 'blank' && totalC.kind === 'percent' && wt.rows.every((x) => x.completion.kind === 'percent') && Number.isFinite(wt.overall)) {
    const approx = isApprox(totalC);
    const ok = approx ? withinTolerance(totalC.value, wt.overall, ctx.config.approximateTolerance) : agreesAtPrecision(totalC.value, wt.overall, totalC.precision);
    if (!ok && !(totalC.qualifier && /^[<>≤≥]/.test(totalC.qualifier))) {
      const expected = roundTo(wt.overall, totalC.precision);
      const terms = wt.rows.map((x) => `${show(x.weight)} × ${show(x.completion)}`).join(' + ');
      ctx.report({
        range: totalC.range,
        message: `Unexpected overall ${header(c).toLowerCase()} ${show(totalC)}, expected ${show(totalC, expected)}: the weighted average of the rows is ${terms} = ${fmt(wt.overall, 1).replace(/\.0$/, '')}%.`,
        related: wt.rows.map((x) => ({ range: x.completion.cellRange, message: `${x.name}: ${show(x.completion)} at weight ${show(x.weight)}` })),
        detail: `The total of a completion column in a weighted table is the weighted average Σ(weight × completion) / Σ weight = ${fmt(wt.overall, 2)}%.`,
        fix: { title: `Change the overall ${header(c).toLowerCase()} to ${show(totalC, expected)}`, edits: [{ range: totalC.range, text: formatLike(totalC, expected) }] },
      });
    }
  }
}

// ------------------------------------------------------------------ `(3 files, ~730 lines)` lead-ins

const LINES_CLAIM = new RegExp(
  String.raw`\((?<count>\d+)\s+(?<unit>[\p{L}][\p{L}-]*),\s*(?<q>[~≈])?\s?(?<m>${NUM})(?<plus>\+)?\s+(?<lu>lines(?:\s+of\s+code)?|LOC)\s*\)`,
  'iu',
);
/** An item that states its own size at the end of its first line: `… - 232 lines`, `… (232 lines)`. */
const ITEM_LINES = new RegExp(String.raw`(?:^|[\s\-–—:(,])(?<q>[~≈])?\s?(?<v>${NUM})(?<plus>\+)?\s+(?:lines(?:\s+of\s+code)?|LOC)\)?\s*:?\s*$`, 'iu');

function checkLineLeadIns(ctx: RuleContext): void {
  const { doc } = ctx;
  const headingStarts = doc.sections.map((s) => s.headingRange.offset);
  doc.blocks.forEach((block, bi) => {
    if (block.kind !== 'heading' && block.kind !== 'paragraph') return;
    const m = LINES_CLAIM.exec(block.text);
    if (!m) return;
    const count = Number(m.groups!.count);
    const start = block.range.endOffset;
    const nextHeading = headingStarts.find((s) => s >= start) ?? ctx.text.length;
    const items: { value: number; precision: number; approx: boolean; plus: boolean; range: Range }[] = [];
    for (let j = bi + 1; j < doc.blocks.length; j++) {
      const b = doc.blocks[j]!;
      if (b.range.offset >= nextHeading) break;
      if (b.kind !== 'paragraph') continue;
      if (LINES_CLAIM.test(b.text)) break;
      const first = b.text.split(/\r?\n/)[0]!;
      const im = ITEM_LINES.exec(first);
      if (!im) continue;
      items.push({
        value: parseNum(im.groups!.v!),
        precision: 0,
        approx: Boolean(im.groups!.q),
        plus: Boolean(im.groups!.plus),
        range: ctx.lines.range(b.range.offset, b.range.offset + first.trimEnd().length),
      });
    }
    if (items.length !== count || count < 2) return;
    const g = m.groups!;
    const mStart = block.range.offset + m.index + m[0].indexOf(g.m!, m[0].indexOf(',') + 1);
    const claimed: CellNumber = {
      kind: 'number', value: parseNum(g.m!), of: null, precision: decimalsOf(g.m!), qualifier: g.q ?? (g.plus ? '+' : null),
      suffix: 'lines', currency: '', range: ctx.lines.range(mStart, mStart + g.m!.length), text: g.m!, cellRange: ctx.lines.range(mStart, mStart + g.m!.length),
    };
    const sum = items.reduce((s, x) => s + x.value, 0);
    const parts = items.map((x) => ({ precision: 0, qualifier: x.approx ? '~' : x.plus ? '+' : null }));
    if (sumAgrees(claimed, parts, sum, ctx.config.approximateTolerance)) return;
    const approx = isApprox(claimed);
    const terms = items.map((x) => formatLike(claimed, x.value)).join(' + ');
    ctx.report({
      range: claimed.range,
      message: `Unexpected ${approx ? g.q : ''}${g.m} ${g.lu}, expected ${approx ? g.q : ''}${formatLike(claimed, sum)}: the ${count} ${g.unit} listed below state ${terms} = ${formatLike(claimed, sum)} ${g.lu}.`,
      related: items.map((x, i) => ({ range: x.range, message: `Item ${i + 1}: ${formatLike(claimed, x.value)} ${g.lu}` })),
      detail: `The lead-in announces ${count} ${g.unit} and ${approx ? 'about ' : ''}${g.m} ${g.lu}; its ${count} items state ${sum} ${g.lu} in all${approx ? `, more than the ${Math.round(ctx.config.approximateTolerance * 100)}% an approximate number allows` : ''}.`,
      fix: { title: `Change to ${approx ? g.q : ''}${formatLike(claimed, sum)} ${g.lu}`, edits: [{ range: claimed.range, text: formatLike(claimed, sum) }] },
    });
  });
}
