import { cellBlocks, decimalsOf, NUM, parseCell, readWeightedTable, show, TOTAL_CELL, type CellNumber, type CellValue, type WeightedTable } from '../model/cells';
import { parseNum } from '../model/numbers';
import type { Block, Range, Table } from '../model/schema';
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

// ------------------------------------------------------------------ Total rows


/** Columns that hold averages, rates or scores, never sums. */
const NOT_ADDITIVE = /avg|average|mean|median|rate|ratio|score|coverage|velocity|percent|%|\bper\b|\/|speed|latency|max|min|progress|complet|status|target|goal|trend|p9\d|p50|estimate\b|accuracy|quality|health|grade|rating|level|version|priority|rank|confidence|cpu|memory|size|duration|time\b|eta\b|variance|delta|change|growth/i;

const fmt = (v: number, precision: number) => formatLike({ text: '', precision }, roundTo(v, precision));

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
