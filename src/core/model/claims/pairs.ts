/**
 * Helpers shared by the change and factor extractors: endpoints as quantities, and the
 * endpoint/change column pairs of comparison tables (Before | After | Change, Target |
 * Achieved | Variance, Baseline | Phase 2 | Phase 2 Speedup).
 */
import {
  AFTER_HEADER, BEFORE_HEADER, CHANGE_HEADER, HEADER_NOISE, HEADER_WORD, MONTH_ORDER, PARENTHESIS, RESULT_HEADER,
} from '../../grammar/change';
import { decimals, parseNum } from '../numbers';
import type { LineIndex } from '../positions';
import type { Quantity, Table, TableRow } from '../schema';

/** An endpoint read by a pattern built with `endpointSource(i)`; null for a floor (`80%+`). */
export function endpointQuantity(m: RegExpMatchArray | RegExpExecArray, i: number, base: number, lines: LineIndex): Quantity | null {
  const g = m.groups!;
  const ix = m.indices!.groups!;
  if (g[`p${i}`]) return null;
  const n = g[`n${i}`]!;
  const [ns] = ix[`n${i}`]!;
  const q = g[`q${i}`];
  const cur = g[`c${i}`] ?? '';
  const [qs] = q ? ix[`q${i}`]! : cur ? ix[`c${i}`]! : [ns];
  const rawUnit = g[`u${i}`] ?? '';
  const end = ns + n.length + rawUnit.length;
  const unit = rawUnit.trim().replace(/\s+/g, '') || null;
  return {
    value: parseNum(n),
    of: null,
    unit: unit === '%' ? '%' : unit ? unit : cur || null,
    qualifier: q ? q.trim() : null,
    sign: null,
    precision: decimals(n),
    text: (q ?? '') + cur + n + rawUnit,
    range: lines.range(base + qs, base + end),
  };
}

export interface ColumnPair {
  before: number;
  after: number;
  change: number;
  /** The change column is a `Note` / `Result` column: only signed changes and factors count there. */
  result?: boolean;
}

const words = (h: string): string[] => (h.replace(HEADER_NOISE, ' ').replace(PARENTHESIS, ' ').toLowerCase().match(HEADER_WORD) ?? []);

/**
 * The (before, after, change) columns of a comparison table. A change column names its
 * endpoint when its header contains another column's header (`Phase 2 Speedup` → `Phase 2`,
 * measured against the single Baseline/Before column); otherwise the table must have exactly
 * one before-like and one after-like column, before on the left. Anything else: no pairs.
 */
export function columnPairs(t: Table): ColumnPair[] {
  const hw = t.header.map((h) => words(h.text));
  const isChange = hw.map((w, i) => w.length > 0 && (CHANGE_HEADER.test(w.join(' ')) || CHANGE_HEADER.test(t.header[i]!.text)));
  const isBefore = hw.map((w, i) => !isChange[i] && w.length > 0 && w.length <= 2 && BEFORE_HEADER.test(w[0]!));
  // `Actual`, `Engine B actual`: the after column named first or last.
  const isAfter = hw.map((w, i) => !isChange[i] && w.length > 0 && w.length <= 3 && (AFTER_HEADER.test(w[0]!) ? w.length <= 2 : w.length > 1 && AFTER_HEADER.test(w[w.length - 1]!)));
  // A `Note` / `Result` column right of one before and one after column may hold the change (`3x faster`, `-33%`).
  const last = hw.length - 1;
  let result = -1;
  if (last > 0 && !isChange[last] && hw[last]!.length === 1 && RESULT_HEADER.test(hw[last]![0]!)) {
    const b = isBefore.slice(0, last).filter(Boolean).length;
    const a = isAfter.slice(0, last).filter(Boolean).length;
    if (b === 1 && a === 1) { isChange[last] = true; isAfter[last] = false; result = last; }
  }
  const befores = isBefore.flatMap((b, i) => (b ? [i] : []));
  const afters = isAfter.flatMap((b, i) => (b ? [i] : []));
  const out: ColumnPair[] = [];
  for (let c = 0; c < hw.length; c++) {
    if (!isChange[c]) continue;
    const own = new Set(hw[c]);
    // Columns whose whole header is named in the change header.
    const named = hw.flatMap((w, i) => (i !== c && !isChange[i] && i > 0 && w.length > 0 && w.every((x) => own.has(x)) ? [i] : []));
    if (named.length === 2) {
      out.push({ before: named[0]!, after: named[1]!, change: c });
    } else if (named.length === 1) {
      const x = named[0]!;
      if (befores.length === 1 && befores[0]! < x && !isBefore[x]) out.push({ before: befores[0]!, after: x, change: c });
    } else if (named.length === 0 && befores.length === 1 && afters.length === 1 && befores[0]! < afters[0]! && afters[0]! < c) {
      out.push({ before: befores[0]!, after: afters[0]!, change: c });
    } else if (named.length === 0 && befores.length === 0 && afters.length === 0) {
      const pair = numberedPair(hw, c);
      if (pair) out.push({ ...pair, change: c });
    }
  }
  return out.map((p) => (p.change === result ? { ...p, result: true } : p));
}

/**
 * `Phase 2 | Phase 3 | Improvement`, `v1 | v2 | Δ`, `Engine A | Engine B | Change`, `September |
 * October | Change`: the one pair of headers left of the change column that differ only in a
 * rising number, a rising letter, or months in calendar order.
 */
function numberedPair(hw: string[][], c: number): { before: number; after: number } | null {
  const found: { before: number; after: number }[] = [];
  for (let i = 1; i < c; i++) {
    for (let j = i + 1; j < c; j++) {
      const a = hw[i]!;
      const b = hw[j]!;
      if (!a.length || a.length !== b.length) continue;
      const diff = a.flatMap((w, k) => (w === b[k] ? [] : [k]));
      if (diff.length !== 1) continue;
      const [x, y] = [a[diff[0]!]!, b[diff[0]!]!].map(rank);
      if (x !== null && y !== null && x < y) found.push({ before: i, after: j });
    }
  }
  return found.length === 1 ? found[0]! : null;
}

/** The order of a header word that varies between endpoint columns: `2`, `v2.9`, `b`, `october`. */
function rank(w: string): number | null {
  const n = Number(w.replace(/^v/, ''));
  if (w !== '' && Number.isFinite(n)) return n;
  if (w.length === 1 && w >= 'a' && w <= 'h') return w.charCodeAt(0);
  const m = MONTH_ORDER.get(w);
  return m === undefined ? null : m;
}

/** A cell's masked text and where it starts. */
export interface CellText { text: string; offset: number }

/** One table row read through a column pair: its three cells' masked text and the row's name. */
export interface PairedRow {
  pair: ColumnPair;
  row: TableRow;
  before: CellText;
  after: CellText;
  change: CellText;
  subject: string;
}

/** Every row of every column pair of `t`, with the before, after and change cells present. */
export function* pairedRows(t: Table, masked: string): Generator<PairedRow> {
  for (const pair of columnPairs(t)) {
    for (const row of t.rows) {
      const cell = (i: number): CellText | null => {
        const r = row.cells[i]?.range;
        return r ? { text: masked.slice(r.offset, r.endOffset), offset: r.offset } : null;
      };
      const before = cell(pair.before);
      const after = cell(pair.after);
      const change = cell(pair.change);
      if (!before || !after || !change) continue;
      const subject = row.cells[0] ? masked.slice(row.cells[0].range.offset, row.cells[0].range.endOffset).replace(/[|*_]/g, '').trim() : '';
      yield { pair, row, before, after, change, subject };
    }
  }
}
