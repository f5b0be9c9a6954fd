/**
 * Table cells as numbers, and weighted tables (Weight | Completion | Contribution): read once
 * here for every extractor that needs them.
 */
import { agreesAtPrecision, formatLike } from './arithmetic';
import { TOTAL_LABEL } from '../grammar/total';
import { parseNum } from './numbers';
import type { LineIndex } from './positions';
import type { Block, Range, StatusDoc, Table } from './schema';
import { getVocabulary } from './vocabulary';

/** What cell readers need of the document: its line index. */
export interface HasLines { readonly lines: LineIndex }

// ------------------------------------------------------------------ table cells

/** A table cell holding one number (and perhaps a status mark after it). */
export interface CellNumber {
  kind: 'percent' | 'ratio' | 'number';
  value: number;
  of: number | null;
  precision: number;
  /** `~`, `≈`, `<`, `>`, … written before the number, or `+` written after it (`15+`). */
  qualifier: string | null;
  /** A sign written before the number (`-420`, `+185`); only read with `{ signed: true }`. */
  sign?: '+' | '-' | null;
  /** The unit word or letter after the number (`h`, `hours`, `lines`), lower-cased, or ''. */
  suffix: string;
  currency: string;
  /** The digits of the value (for a ratio, the numerator): what a fix replaces. */
  range: Range;
  text: string;
  /** The whole cell, for related information. */
  cellRange: Range;
  /** For a ratio, the digits of the denominator. */
  ofRange?: Range;
}

export type CellValue = CellNumber | 'blank' | null;

export const NUM = String.raw`\d{1,3}(?:,\d{3}){1,6}(?:\.\d+)?|\d+(?:\.\d+)?`;
const CELL = new RegExp(
  String.raw`^(?<lead>\s*)(?<q>[~≈]|[<>≤≥]=?)?\s?(?<sign>[+\-−])?(?<cur>[$€£¥₹]|â‚¬)?\s?(?<n>${NUM})(?:\s?(?<pct>%)|\s?/\s?(?<of>${NUM}))?(?<plus>\+)?(?:\s?(?<suf>[KkMB]|[\p{L}][\p{L}.]{0,30}))?(?<tail>[\s\S]*)$`,
  'du',
);
/** A placeholder cell, tested on the trimmed text (no spaces around the alternatives: linear). */
const BLANK_CELL = /^(?:|-|–|—|n\/?a|tbd|tba|\?|…|\.\.\.)$/i;

const HEADINGS = new WeakMap<StatusDoc, ReadonlyMap<number, Block>>();

/** The heading blocks by their offset (one block per heading), indexed once per model. */
export function headingBlocks(doc: StatusDoc): ReadonlyMap<number, Block> {
  let map = HEADINGS.get(doc);
  if (!map) {
    const index = new Map<number, Block>();
    for (const b of doc.blocks) if (b.kind === 'heading') index.set(b.range.offset, b);
    HEADINGS.set(doc, (map = index));
  }
  return map;
}

/** Index of the blocks of table cells by `table:row:column` (row -1 is the header). */
export function cellBlocks(doc: Pick<StatusDoc, 'blocks'>): Map<string, Block> {
  let map = CELL_BLOCKS.get(doc);
  if (map) return map;
  map = new Map<string, Block>();
  for (const b of doc.blocks) if (b.table) map.set(`${b.table[0]}:${b.table[1]}:${b.table[2]}`, b);
  CELL_BLOCKS.set(doc, map);
  return map;
}

/** cellBlocks per model (three extractors ask for it); the map is only read. */
const CELL_BLOCKS = new WeakMap<Pick<StatusDoc, 'blocks'>, Map<string, Block>>();

/**
 * The number in a table cell, `'blank'` for an empty or placeholder cell, null for text.
 * Signed numbers (`-420`, `+185`) are read only with `{ signed: true }` (a Change column).
 */
export function parseCell(ctx: HasLines, block: Block | undefined, options: { signed?: boolean } = {}): CellValue {
  if (!block) return null;
  let text = block.text;
  let base = block.range.offset;
  if (text.startsWith('|')) { text = text.slice(1); base++; }
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  if (BLANK_CELL.test(text.trim())) return 'blank';
  const m = CELL.exec(text);
  if (!m) return null;
  const g = m.groups!;
  if (g.sign && !options.signed) return null;
  const tail = g.tail!.trim();
  if (tail && !isStatusTail(tail)) return null;
  let suffix = (g.suf ?? '').toLowerCase();
  if (suffix && getVocabulary().find(suffix)?.index === 0 && !tail) suffix = '';
  const nStart = base + m.indices!.groups!.n![0];
  const cellStart = base + g.lead!.length;
  return {
    kind: g.pct ? 'percent' : g.of ? 'ratio' : 'number',
    value: g.sign && g.sign !== '+' ? -parseNum(g.n!) : parseNum(g.n!),
    of: g.of ? parseNum(g.of) : null,
    precision: decimalsOf(g.n!),
    qualifier: g.q ?? (g.plus ? '+' : null),
    sign: g.sign === '+' ? '+' : g.sign ? '-' : null,
    suffix,
    currency: g.cur ?? '',
    range: ctx.lines.range(nStart, nStart + g.n!.length),
    text: g.n!,
    cellRange: ctx.lines.range(cellStart, base + text.trimEnd().length),
    ...(g.of ? { ofRange: ctx.lines.range(base + m.indices!.groups!.of![0], base + m.indices!.groups!.of![1]) } : {}),
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

export function decimalsOf(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

export function show(c: Pick<CellNumber, 'kind' | 'value' | 'of' | 'precision' | 'currency' | 'suffix' | 'text'>, value = c.value): string {
  const n = formatLike(c, value);
  if (c.kind === 'percent') return `${n}%`;
  if (c.kind === 'ratio') return `${n}/${c.of}`;
  return `${c.currency}${n}`;
}


/** A row whose first cell says Total and nothing else (`Total payers` is a row of its own). */
export const TOTAL_CELL = TOTAL_LABEL;

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
export function readWeightedTable(ctx: HasLines, table: Table, cells: Map<string, Block>): WeightedTable | null {
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
    // A completion outside 0–100% is an error of its own (percent-range): nothing is computed from it.
    if (rows.some((x) => !Number.isNaN(x.completionPct) && (x.completionPct > 100 || x.completionPct < 0)) && (!rows[0]!.contribution || rows[0]!.contribution.kind === 'percent')) return null;
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

