/**
 * `total` claims: a stated total and the parts it sums.
 *
 * Forms (`claim.form`) and their evidence roles:
 * - `column-sum`: a Total row's cell against the column above it (`part` per row); `data.ratio`
 *   when the cells are `n/N` and both halves add up.
 * - `done-ratio`: a Total row's `n/N` over plain numbers: `n` sums the rows marked done
 *   (`done` parts), `N` all rows (`done` and `open` parts).
 * - `weighted-row`: a weighted table's contribution against `weight` × `completion`.
 * - `weighted-sum`: the Total row's contribution against the rows' (`part`, `weight`,
 *   `completion` per row, grouped by row).
 * - `weighted-average`: the Total row's completion against Σ weight × completion / Σ weight.
 * - `lead-in`: `(3 files, ~730 lines)` / `(21 points)` against the items below (`part`).
 * - `heading-total`: `API Endpoints (117 total)` against the table below (`part`).
 * - `prose-sum`: `42 tests in total`, `Added … 9,707 rows` against the list above (`part`).
 * - `line-total`: `Total: 39/47` under `Phase 1: 10/12`, `Phase 2: 29/35` (`part` per line;
 *   `data.ratio` when both halves add up).
 * - `tally`: `✅ Covered: 28 of 38` against the rows of the table above with that mark
 *   (`item`), `data.rows` = all rows.
 * - `column-mean`: an Average row's cell against the mean of the column above (`part` per row);
 *   `weight` evidence per row for each other plain-number column (a weighted mean is another
 *   measure, the rule leaves it unchecked).
 * - `rollup-done`: a summary row's done count (`Phase 2 — Integrations | 12 | 9`) against the
 *   rows marked done in the one table of the section of that name (`done` / `open` items).
 */
import {
  AVERAGE_LABEL, COUNT_AND_SUM, DONE_COUNT_HEADER, DOT_THOUSANDS, DURATION_AMOUNT_HEADER, HEADING_TOTAL, ITEMS_HEADER, nameKey, wholeCount, SUM_ACROSS, ITEM_QUANTITY, LABELED_LINE, NOT_ADDITIVE, PROSE_TOTAL_WORDS, CUMULATIVE_WORDS, SUBTOTAL_LABEL, SUM_ONLY, TALLY_LINE, TOTAL_LABEL, unitKey,
} from '../../grammar/total';
import { agreesAtPrecision } from '../arithmetic';
import { cellBlocks, decimalsOf, headingBlocks, parseCell, readWeightedTable, type CellNumber, type CellValue } from '../cells';
import { parseNum } from '../numbers';
import { firstLineOf } from '../text';
import type { Block, Evidence, Quantity, Range, Table } from '../schema';
import { draft, evidence, type ChunkExtractContext, type ClaimDraft, type ClaimExtractor, type ExtractContext } from './types';
import { append, maxOf, pushAll } from '../../collections';

export const totalClaims: ClaimExtractor = {
  scope: 'document',
  kinds: ['total'],
  extract(ctx) {
    const out: ClaimDraft[] = [];
    const cells = cellBlocks(ctx.doc);
    for (const table of ctx.doc.tables) {
      pushAll(out, tableClaims(ctx, table, cells));
      pushAll(out, averageRows(ctx, table, cells));
    }
    for (const claims of [rollups(ctx, cells), leadIns(ctx, cells, 'heading'), headingTotals(ctx, cells), tallies(ctx), proseSums(ctx)]) pushAll(out, claims);
    return out;
  },
};

/**
 * Form `lead-in` of a paragraph (a chunk at a time): its items run to the next heading, so they
 * never leave its chunk. A heading's lead-in counts its whole section (`totalClaims`).
 */
export const paragraphLeadInClaims: ClaimExtractor = {
  scope: 'chunk',
  kinds: ['total'],
  extract: (ctx) => leadIns(ctx, cellBlocks(ctx.doc), 'paragraph'),
};

/** Form `line-total`: runs of labeled lines closed by a Total line (a chunk at a time). */
export const lineTotalClaims: ClaimExtractor = {
  scope: 'chunk',
  kinds: ['total'],
  extract: (ctx) => lineTotals(ctx),
};

export function cellQuantity(c: CellNumber): Quantity {
  return {
    value: c.value, of: c.of, unit: c.kind === 'percent' ? '%' : c.currency || c.suffix || null,
    qualifier: c.qualifier, sign: c.sign ?? null, precision: c.precision, text: c.text, range: c.range,
  };
}

function quantity(value: number, text: string, range: Range, unit: string | null, qualifier: string | null): Quantity {
  return { value, of: null, unit, qualifier, sign: null, precision: decimalsOf(text), text, range };
}

// ------------------------------------------------------------------ tables

const ADDITIVE_ROLES = new Set(['weight', 'contribution', 'count', 'points', 'other', 'before', 'after', 'change', 'value', 'target']);

function tableClaims(ctx: ExtractContext, table: Table, cells: Map<string, Block>): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  const label = (r: number) => table.rows[r]!.cells[0]?.text ?? '';
  const totals = table.rows.map((_, i) => i).filter((i) => TOTAL_LABEL.test(label(i)));
  const hasSubtotals = table.rows.some((_, i) => SUBTOTAL_LABEL.test(label(i)));
  const totalRow = totals.length === 1 ? totals[0]! : -1;
  const partRows = table.rows.map((_, i) => i).filter((i) => totalRow < 0 || i < totalRow);
  if (totals.length > 1 || partRows.length < 2) return out;
  const cell = (r: number, c: number, signed = false): CellValue => parseCell(ctx, cells.get(`${table.index}:${r}:${c}`), { signed });
  const header = (c: number) => table.header[c]?.text ?? `column ${c + 1}`;
  const name = (r: number) => label(r) || `row ${r + 1}`;
  const group = `table ${table.index}`;
  /** The Total row's own word (`TOTAL`, `Gesamt`, `Итого`), for messages. */
  const totalLabel = totalRow >= 0 ? label(totalRow).replace(/[*_`]/g, '').trim() : '';
  const done = new Set<number>([0]);
  const tableUnchecked = hasSubtotals ? 'the table has subtotal rows' : null;
  const unchecked = tableUnchecked;

  const wt = table.columns.indexOf('weight') > 0 ? readWeightedTable(ctx, table, cells) : null;
  if (wt) {
    done.add(wt.weightCol).add(wt.completionCol);
    const rowEvidence = (x: (typeof wt.rows)[number], i: number): Evidence[] => [
      evidence('weight', `Weight of ${x.name}`, x.weight.cellRange, { quantity: cellQuantity(x.weight), group: i }),
      evidence('completion', `${header(wt.completionCol)} of ${x.name}`, x.completion.cellRange, { quantity: cellQuantity(x.completion), group: i }),
    ];
    const completionAs = wt.percentScale ? 'percent' : 'value';
    const base = { group, completion: header(wt.completionCol), completionAs, label: totalLabel };
    // A completion outside 0–100% is its own error (percent-range); sums built on it are not checked.
    const outside = wt.percentScale && wt.rows.some((x) => x.completionPct > 100 || x.completionPct < 0);
    const unchecked = outside ? 'a row\'s completion is outside 0–100%' : tableUnchecked;
    if (wt.contributionCol > 0) {
      done.add(wt.contributionCol);
      wt.rows.forEach((x, i) => {
        out.push(draft('total', 'weighted-row', {
          subject: x.name, range: x.contribution!.range, statement: table.rows[x.row]!.range, stated: cellQuantity(x.contribution!),
          evidence: rowEvidence(x, i), data: { ...base, row: i }, section: table.section, unchecked,
        }));
      });
      const t = totalRow >= 0 ? cell(totalRow, wt.contributionCol) : null;
      if (t && t !== 'blank') {
        out.push(draft('total', 'weighted-sum', {
          subject: header(wt.contributionCol), range: t.range, statement: table.rows[totalRow]!.range, stated: cellQuantity(t),
          evidence: wt.rows.flatMap((x, i) => [evidence('part', x.name, x.contribution!.cellRange, { quantity: cellQuantity(x.contribution!), group: i }), ...rowEvidence(x, i)]),
          data: { ...base, what: `the ${header(wt.contributionCol)} column` }, section: table.section, unchecked,
        }));
      }
    }
    const tc = totalRow >= 0 ? cell(totalRow, wt.completionCol) : null;
    if (tc && tc !== 'blank' && tc.kind === 'percent' && wt.rows.every((x) => x.completion.kind === 'percent')) {
      out.push(draft('total', 'weighted-average', {
        subject: header(wt.completionCol), range: tc.range, statement: table.rows[totalRow]!.range, stated: cellQuantity(tc),
        evidence: wt.rows.flatMap(rowEvidence), data: base, section: table.section, unchecked,
      }));
    }
    // Without a Total row, only the rows of a weighted table are checked; the weights are a column sum below.
    done.delete(wt.weightCol);
  }
  if (totalRow < 0) return out;

  for (let c = 1; c < table.header.length; c++) {
    if (done.has(c)) continue;
    const role = table.columns[c]!;
    // `Completed` / `Completado` over plain numbers counts done items; `Engineer-weeks` is an amount, not a date.
    const plainHeader = header(c).replace(/[*_`]/g, '').trim();
    const amount = (role === 'completion' && DONE_COUNT_HEADER.test(plainHeader)) || (role === 'date' && DURATION_AMOUNT_HEADER.test(plainHeader));
    if (!ADDITIVE_ROLES.has(role) && !amount) continue;
    if (role !== 'weight' && NOT_ADDITIVE.test(header(c))) continue;
    const signed = role === 'change' || role === 'other';
    const total = cell(totalRow, c, signed);
    if (!total || total === 'blank') continue;
    if (total.kind === 'percent' && role !== 'weight') continue;
    const parts: { r: number; v: CellNumber }[] = [];
    let ok = true;
    let blanks = 0;
    for (const r of partRows) {
      const v = cell(r, c, signed);
      if (v === 'blank' && BLANK_ZERO.test(table.rows[r]!.cells[c]?.text ?? '') && rowHasNumber(r, c)) { blanks++; continue; }
      if (!v || v === 'blank') { ok = false; break; }
      parts.push({ r, v });
    }
    if (!ok || parts.length < 2 || blanks * 2 > partRows.length) continue;
    if (!parts.every((p) => p.v.currency === total.currency)) continue;
    const suffixes = new Set([...parts.map((p) => p.v.suffix), total.suffix].filter(Boolean));
    if (suffixes.size > 1) continue;
    const below = table.rows.slice(totalRow + 1).some((_, i) => { const v = cell(totalRow + 1 + i, c, signed); return v && v !== 'blank'; });
    const partEvidence = (role2: string, p: { r: number; v: CellNumber }) => evidence(role2, name(p.r), p.v.cellRange, { quantity: cellQuantity(p.v), group: p.r });
    const common = { subject: header(c), range: total.range, statement: table.rows[totalRow]!.range, stated: cellQuantity(total), section: table.section };
    const why = unchecked ?? (below ? 'the table continues below its Total row' : null);
    if (total.kind === 'ratio' && parts.every((p) => p.v.kind === 'number')) {
      const statuses = parts.map((p) => table.rows[p.r]!.status);
      if (statuses.every(Boolean)) {
        const shares = table.header.map((_, k) => (k === c ? null : cell(totalRow, k))).filter((v): v is CellNumber => v !== null && v !== 'blank' && v.kind === 'percent');
        const share = shares.length === 1 && agreesAtPrecision(shares[0]!.value, (total.value / total.of!) * 100, shares[0]!.precision) ? shares[0]! : null;
        out.push(draft('total', 'done-ratio', {
          ...common, evidence: [
            ...parts.map((p, i) => partEvidence(statuses[i]!.value === 'done' ? 'done' : 'open', p)),
            ...(total.ofRange ? [evidence('base', 'denominator', total.ofRange, { quantity: { ...cellQuantity(total), value: total.of!, of: null, text: String(total.of), range: total.ofRange } })] : []),
            ...(share ? [evidence('percent', 'share', share.cellRange, { quantity: cellQuantity(share) })] : []),
          ],
          data: { group, what: `the ${header(c)} column`, label: totalLabel }, unchecked: why,
        }));
      } else {
        // `8.08/10` over plain numbers: a score on a scale, its numerator the sum.
        out.push(draft('total', 'column-sum', { ...common, evidence: parts.map((p) => partEvidence('part', p)), data: { group, what: `the ${header(c)} column`, scale: true, label: totalLabel }, unchecked: why }));
      }
      continue;
    }
    if (!parts.every((p) => p.v.kind === total.kind)) continue;
    if (total.kind === 'ratio') {
      const ofSum = parts.reduce((s, p) => s + p.v.of!, 0);
      if (Math.abs(ofSum - total.of!) > 1e-9) continue; // an average (`8.2/10`) or another base
    }
    // Totals of the rows marked done only (a subset), the row count, the average or the maximum: another measure.
    const values = parts.map((p) => p.v.value);
    const doneSum = parts.filter((p) => table.rows[p.r]!.status?.value === 'done').reduce((s, p) => s + p.v.value, 0);
    const plain = values.reduce((s, v) => s + v, 0);
    const other = total.kind === 'number' && !total.qualifier && !agreesAtPrecision(total.value, plain, total.precision) && (
      (total.value === partRows.length && Number.isInteger(total.value) ? 'the total counts the rows' : null) ??
      (agreesAtPrecision(total.value, maxOf(values), total.precision) ? 'the total is the maximum of the rows' : null) ??
      (agreesAtPrecision(total.value, values.reduce((s, v) => s + v, 0) / values.length, total.precision) ? 'the total is the average of the rows' : null) ??
      (doneSum > 0 && doneSum !== values.reduce((s, v) => s + v, 0) && agreesAtPrecision(total.value, doneSum, total.precision) ? 'the total sums the rows marked done' : null));
    out.push(draft('total', 'column-sum', {
      ...common, evidence: parts.map((p) => partEvidence('part', p)),
      data: { group, what: `the ${header(c)} column`, ratio: total.kind === 'ratio', label: totalLabel }, unchecked: why ?? (other || null),
    }));
  }
  return out;

  function rowHasNumber(r: number, except: number): boolean {
    return table.header.some((_, c) => c > 0 && c !== except && (() => { const v = cell(r, c, true); return v !== null && v !== 'blank'; })());
  }
}

/** An Average row at the bottom of a table: each cell against the mean of its column. */
function averageRows(ctx: ExtractContext, table: Table, cells: Map<string, Block>): ClaimDraft[] {
  const label = (r: number) => (table.rows[r]!.cells[0]?.text ?? '').replace(/[*_]/g, '').trim();
  const avg = table.rows.map((_, i) => i).filter((i) => AVERAGE_LABEL.test(label(i)));
  const last = table.rows.length - 1;
  if (avg.length !== 1 || avg[0] !== last || last < 2 || table.rows.some((_, i) => TOTAL_LABEL.test(label(i)) || SUBTOTAL_LABEL.test(label(i)))) return [];
  const cell = (r: number, c: number): CellValue => parseCell(ctx, cells.get(`${table.index}:${r}:${c}`));
  const rows = table.rows.map((_, i) => i).filter((i) => i < last);
  const column = (c: number) => { const v = rows.map((r) => cell(r, c)); return v.every((x): x is CellNumber => x !== null && x !== 'blank' && x.kind !== 'ratio') ? v : null; };
  const out: ClaimDraft[] = [];
  for (let c = 1; c < table.header.length; c++) {
    const stated = cell(last, c);
    if (!stated || stated === 'blank' || stated.kind === 'ratio') continue;
    const parts = column(c);
    if (!parts || !parts.every((p) => p.kind === stated.kind && (p.currency ?? null) === (stated.currency ?? null))) continue;
    // Other plain-number columns (`Rows`, `Weight`): a mean weighted by one of them is another measure.
    const weights = table.header.map((_, k) => (k > 0 && k !== c ? column(k) : null))
      .map((w, k) => (w && w.every((x) => x.kind === 'number' && x.value >= 0) ? { k, w } : null)).filter((x): x is { k: number; w: CellNumber[] } => x !== null);
    out.push(draft('total', 'column-mean', {
      subject: table.header[c]?.text ?? `column ${c + 1}`, range: stated.range, statement: table.rows[last]!.range, stated: cellQuantity(stated),
      evidence: [
        ...parts.map((p, i) => evidence('part', table.rows[rows[i]!]!.cells[0]?.text || `row ${i + 1}`, p.cellRange, { quantity: cellQuantity(p), group: i })),
        ...weights.flatMap(({ k, w }) => w.map((x, i) => evidence('weight', table.header[k]?.text ?? `column ${k + 1}`, x.cellRange, { quantity: cellQuantity(x), group: i }))),
      ],
      data: { what: `the ${table.header[c]?.text ?? `column ${c + 1}`} column`, rows: parts.length, label: label(last) }, section: table.section, unchecked: null,
    }));
  }
  return out;
}

/**
 * A summary row (`Phase 2 — Integrations | 12 | 9`) whose name is the title of exactly one
 * other section, which holds exactly one table with a status on every row: its done count
 * against the rows marked done there. The item count must equal the table's rows (else the
 * pairing is not certain, and the claim is unchecked).
 */
function rollups(ctx: ExtractContext, cells: Map<string, Block>): ClaimDraft[] {
  const { doc } = ctx;
  const out: ClaimDraft[] = [];
  // Section titles by name, read once a table has both columns (few documents have one).
  let titles: Map<string, number[]> | null = null;
  const strip = (t: string) => t.replace(/[*_`]/g, '').trim();
  for (const table of doc.tables) {
    const itemsCol = table.header.findIndex((h, i) => i > 0 && ITEMS_HEADER.test(strip(h.text)));
    const doneCol = table.header.findIndex((h, i) => i > 0 && DONE_COUNT_HEADER.test(strip(h.text)));
    if (itemsCol < 0 || doneCol < 0) continue;
    const byName = (titles ??= sectionsByName(doc.sections));
    const cell = (r: number, c: number) => parseCell(ctx, cells.get(`${table.index}:${r}:${c}`));
    table.rows.forEach((row, r) => {
      const name = strip(row.cells[0]?.text ?? '');
      const found = byName.get(nameKey(name)) ?? [];
      if (!name || TOTAL_LABEL.test(name) || found.length !== 1 || found[0] === table.section) return;
      const sec = doc.sections[found[0]!]!;
      const inner = within(doc.tables, (t) => t.range.offset, sec.headingRange.offset, sec.range.endOffset);
      if (inner.length !== 1 || !inner[0]!.columns.includes('status')) return;
      const rows = inner[0]!.rows.filter((x) => !TOTAL_LABEL.test(strip(x.cells[0]?.text ?? '')));
      if (!rows.every((x) => x.status)) return;
      const items = cell(r, itemsCol);
      const done = cell(r, doneCol);
      if (!items || items === 'blank' || !done || done === 'blank' || items.kind !== 'number' || done.kind !== 'number') return;
      out.push(draft('total', 'rollup-done', {
        subject: name, range: done.range, statement: row.range, stated: cellQuantity(done),
        evidence: rows.map((x) => evidence(x.status!.value === 'done' ? 'done' : 'open', x.cells[1]?.text || x.cells[0]?.text || '', x.range, { status: x.status })),
        data: { what: `the table of the section “${sec.title}”`, rows: rows.length, column: strip(table.header[doneCol]!.text) }, section: table.section,
        unchecked: items.value !== rows.length ? `the row counts ${items.value} items, the section's table has ${rows.length} rows` : null,
      }));
    });
  }
  return out;
}

/** The sections' indices by the name key of their titles. */
function sectionsByName(sections: ExtractContext['doc']['sections']): Map<string, number[]> {
  const titles = new Map<string, number[]>();
  for (const s of sections) { const k = nameKey(s.title); if (k) append(titles, k, s.index); }
  return titles;
}

/** Placeholder cells that mean nothing (zero) in a sum: `—`, `-`, empty. `n/a`, `TBD`, `?` mean unknown. */
const BLANK_ZERO = /^(?:|-|–|—)$/;

// ------------------------------------------------------------------ lead-ins and their items

interface Item { value: number; text: string; range: Range; qualifier: string | null; unit: string; block: number }

/** The quantity an item states at the end of its first line, or null. */
function itemQuantity(ctx: ChunkExtractContext, b: Block, bi: number): Item | null {
  const first = firstLineOf(b.text).trimEnd();
  const from = Math.max(0, first.length - 120);
  const m = ctx.scans.exec(ITEM_QUANTITY, first.slice(from));
  if (!m) return null;
  const g = m.groups!;
  const start = b.range.offset + from + m.indices!.groups!.v![0];
  return {
    value: parseNum(g.v!), text: g.v!, range: ctx.lines.range(start, start + g.v!.length),
    qualifier: g.q ?? (g.plus ? '+' : null), unit: unitKey(g.u!), block: bi,
  };
}

/** The entries of `sorted` (by `key`) within [start, end), by binary search. */
function within<T>(sorted: readonly T[], key: (x: T) => number, start: number, end: number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (key(sorted[mid]!) < start) lo = mid + 1; else hi = mid; }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && key(sorted[i]!) < end; i++) out.push(sorted[i]!);
  return out;
}

/** The last entry of `sorted` (by `key`) at or before `offset`. */
function lastBefore<T>(sorted: readonly T[], key: (x: T) => number, offset: number): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (key(sorted[mid]!) <= offset) lo = mid + 1; else hi = mid; }
  return lo > 0 ? sorted[lo - 1] : undefined;
}

const ITEM_BLOCKS = new WeakMap<ChunkExtractContext['doc'], Map<string, number>>();

/** Block index of each list item's first paragraph, by `list:item` (read once per model). */
function itemBlocks(ctx: ChunkExtractContext): Map<string, number> {
  let m = ITEM_BLOCKS.get(ctx.doc);
  if (m) return m;
  m = new Map<string, number>();
  ctx.doc.blocks.forEach((b, i) => { const k = b.listItem ? `${b.listItem[0]}:${b.listItem[1]}` : null; if (k && !m!.has(k)) m!.set(k, i); });
  ITEM_BLOCKS.set(ctx.doc, m);
  return m;
}

/** Lead-ins of the blocks of one kind: headings (their section's items) or paragraphs (up to the next heading). */
function leadIns(ctx: ChunkExtractContext, cells: Map<string, Block>, kind: 'heading' | 'paragraph'): ClaimDraft[] {
  const { doc } = ctx;
  const out: ClaimDraft[] = [];
  const blockOf = itemBlocks(ctx);
  doc.blocks.forEach((block, bi) => {
    if (block.kind !== kind) return;
    const firstLine = firstLineOf(block.text);
    const both = ctx.scans.exec(COUNT_AND_SUM, firstLine);
    const only = both ? null : ctx.scans.exec(SUM_ONLY, firstLine);
    const across = both || only || block.listItem || block.table ? null : ctx.scans.exec(SUM_ACROSS, firstLine);
    if (across) { const t = acrossTable(ctx, block, across, cells); if (t) out.push(t); }
    const m = both ?? only;
    // A paragraph states a lead-in only on a line of its own (`**Workers (3 files, ~340 lines)**`).
    if (!m || (block.kind === 'paragraph' && (block.listItem || block.text.trim().includes('\n')))) return;
    const g = m.groups!;
    const unit = unitKey(g.su!);
    if (unit === 'total') return;
    const count = g.count ? Number(g.count) : null;
    const end = scopeEnd(ctx, block);
    const items: Item[] = [];
    const counted = new Set<number>();
    const lists = new Set<number>();
    for (let j = bi + 1; j < doc.blocks.length && doc.blocks[j]!.range.offset < end; j++) {
      const b = doc.blocks[j]!;
      if (b.kind !== 'paragraph') continue;
      const line = firstLineOf(b.text);
      if (!b.listItem && (COUNT_AND_SUM.test(line) || SUM_ONLY.test(line))) { if (block.kind === 'paragraph') break; continue; }
      const it = itemQuantity(ctx, b, j);
      if (!it || it.unit !== unit) continue;
      // Sub-items of a counted item are its breakdown, not more parts.
      const parent = b.listItem ? doc.lists[b.listItem[0]]!.parentItem : null;
      if (parent && counted.has(blockOf.get(parent.join(':')) ?? -1)) continue;
      items.push(it);
      counted.add(j);
      if (b.listItem) lists.add(b.listItem[0]);
    }
    const mStart = block.range.offset + m.indices!.groups!.m![0];
    const stated = quantity(parseNum(g.m!), g.m!, ctx.lines.range(mStart, mStart + g.m!.length), g.su!.toLowerCase(), g.q ?? (g.plus ? '+' : null));
    // Every item of a list that holds counted items states the unit; a catch-all item (`… more in the backlog`) leaves the sum open.
    const open = [...lists].some((l) => doc.lists[l]!.items.some((_, i) => !counted.has(blockOf.get(`${l}:${i}`) ?? -1)));
    let unchecked: string | null = null;
    if (count !== null && items.length !== count) unchecked = `${count} ${g.unit} announced, ${items.length} items state ${g.su}`;
    else if (items.length < 2) return;
    else if (open) unchecked = `an item of the list states no ${g.su}`;
    out.push(draft('total', 'lead-in', {
      subject: g.unit ? `${count} ${g.unit}` : g.su!, range: stated.range, statement: block.range, stated,
      evidence: items.map((x, i) => evidence('part', `Item ${i + 1}`, x.range, { quantity: quantity(x.value, x.text, x.range, g.su!.toLowerCase(), x.qualifier) })),
      data: { what: count !== null ? `the ${count} ${g.unit} listed below` : 'the items listed below', unit: g.su!, count }, section: block.section, unchecked,
    }));
  });
  return out;
}

/**
 * `1,017 lines across 7 files` over the first table of its scope that has a column of that unit
 * (`Lines`, `LOC`) and exactly that many rows (a Total row aside).
 */
function acrossTable(ctx: ChunkExtractContext, block: Block, m: RegExpExecArray, cells: Map<string, Block>): ClaimDraft | null {
  const g = m.groups!;
  const unit = unitKey(g.su!);
  const count = Number(g.count);
  const table = within(ctx.doc.tables, (t) => t.range.offset, block.range.endOffset, scopeEnd(ctx, block))[0];
  if (!table || count < 2) return null;
  // The column named by the unit (`Lines`, `LOC`), or whose first word is the unit (`Lines changed`).
  const c = table.header.findIndex((h, i) => {
    const words = h.text.replace(/[^\p{L} ]/gu, '').trim();
    return i > 0 && (unitKey(words) === unit || unitKey(words.split(' ', 1)[0]!) === unit);
  });
  if (c < 0) return null;
  const rows = table.rows.map((r, i) => ({ r, i })).filter(({ r }) => !TOTAL_LABEL.test(r.cells[0]?.text ?? ''));
  const parts = rows.map(({ i }) => parseCell(ctx, cells.get(`${table.index}:${i}:${c}`)));
  if (parts.some((v) => !v || v === 'blank' || v.kind !== 'number')) return null;
  const start = block.range.offset + m.indices!.groups!.m![0];
  const stated = { ...quantity(wholeCount(g.m!), g.m!, ctx.lines.range(start, start + g.m!.length), g.su!.toLowerCase(), g.q ?? (g.plus ? '+' : null)), precision: 0 };
  return draft('total', 'lead-in', {
    subject: `${count} ${g.unit}`, range: stated.range, statement: block.range, stated,
    evidence: parts.map((v, k) => evidence('part', rows[k]!.r.cells[0]?.text || `row ${k + 1}`, (v as CellNumber).cellRange, { quantity: cellQuantity(v as CellNumber), group: rows[k]!.i })),
    data: { what: `the ${table.header[c]!.text} column of the ${rows.length} rows below`, unit: g.su! }, section: block.section,
    unchecked: rows.length !== count ? `${count} ${g.unit} announced, the table below has ${rows.length} rows` : null,
  });
}

/** Where a lead-in's items end: its section (a heading), or the next heading (a paragraph). */
function scopeEnd(ctx: ChunkExtractContext, block: Block): number {
  const { sections } = ctx.doc;
  if (block.kind === 'heading') {
    const s = sections.find((x) => x.headingRange.offset === block.range.offset);
    return s ? s.range.endOffset : ctx.text.length;
  }
  const next = sections.find((x) => x.headingRange.offset > block.range.offset);
  return next ? next.headingRange.offset : ctx.text.length;
}

// ------------------------------------------------------------------ heading totals over a table

function headingTotals(ctx: ExtractContext, cells: Map<string, Block>): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  const { doc } = ctx;
  const headings = headingBlocks(doc);
  for (const s of doc.sections) {
    const hb = headings.get(s.headingRange.offset);
    const m = hb && HEADING_TOTAL.exec(hb.text);
    if (!hb || !m) continue;
    const text = m.groups!.n ?? m.groups!.n2!;
    // The table directly under the heading (at most one paragraph between).
    const next = within(doc.tables, (t) => t.range.offset, s.headingRange.offset + 1, s.range.endOffset)[0];
    if (!next) continue;
    const between = within(doc.blocks, (b) => b.range.offset, hb.range.endOffset, next.range.offset).filter((b) => !b.table);
    if (between.length > 1 || next.rows.some((r) => TOTAL_LABEL.test(r.cells[0]?.text ?? ''))) continue;
    const start = hb.range.offset + (m.indices!.groups!.n ?? m.indices!.groups!.n2!)[0];
    const stated = quantity(parseNum(text), text, ctx.lines.range(start, start + text.length), null, null);
    if (stated.value === next.rows.length) continue; // a count of the rows
    const cell = (r: number, c: number) => parseCell(ctx, cells.get(`${next.index}:${r}:${c}`));
    // The base of the `n/N` cells, when every row has one and agrees on it across columns.
    const bases: { r: number; v: CellNumber }[] = [];
    for (let r = 0; r < next.rows.length; r++) {
      const ratios = next.header.map((_, c) => cell(r, c)).filter((v): v is CellNumber => v !== null && v !== 'blank' && v.kind === 'ratio');
      if (!ratios.length || ratios.some((v) => v.of !== ratios[0]!.of)) { bases.length = 0; break; }
      bases.push({ r, v: ratios[0]! });
    }
    if (bases.length < 2) continue;
    const scale = bases.every((b) => b.v.of === bases[0]!.v.of);
    out.push(draft('total', 'heading-total', {
      subject: s.title, range: stated.range, statement: hb.range, stated,
      evidence: bases.map(({ r, v }) => evidence('part', next.rows[r]!.cells[0]?.text || `row ${r + 1}`, v.cellRange, {
        quantity: { value: v.of!, of: null, unit: null, qualifier: null, sign: null, precision: 0, text: String(v.of), range: v.cellRange }, group: r,
      })),
      data: { what: 'the bases of the table below' }, section: s.index,
      unchecked: scale ? `every row is out of ${bases[0]!.v.of}: a scale, not parts of the total` : null,
    }));
  }
  return out;
}

// ------------------------------------------------------------------ status tallies under a table

const strip = (s: string) => s.replace(/[\uFE0F\uFE0E\s]/gu, '');

function tallies(ctx: ExtractContext): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  const { doc } = ctx;
  const blockOf = itemBlocks(ctx);
  for (const list of doc.lists) {
    const lines = list.items.map((_, i) => {
      const bi = blockOf.get(`${list.index}:${i}`);
      const b = bi === undefined ? undefined : doc.blocks[bi]!;
      const m = b ? TALLY_LINE.exec(b.text) : null;
      return b && m ? { b, bi: bi!, m } : null;
    });
    if (lines.length < 2 || lines.some((l) => !l) || new Set(lines.map((l) => l!.m.groups!.of)).size !== 1) continue;
    // The table above: the last one before the list in the same section, with a status column.
    const table = lastBefore(doc.tables, (t) => t.range.endOffset, list.range.offset);
    if (!table || table.section !== list.section || !table.columns.includes('status')) continue;
    if (within(doc.blocks, (b) => b.range.offset, table.range.endOffset, list.range.offset).length > 1) continue;
    const sc = table.columns.indexOf('status');
    const rows = table.rows.filter((r) => !TOTAL_LABEL.test(r.cells[0]?.text ?? ''));
    const marks = lines.map((l) => strip(l!.m.groups!.mark!));
    const markOf = (r: (typeof rows)[number]) => {
      const t = strip(r.cells[sc]?.text ?? '');
      const found = marks.filter((k) => k && t.includes(k));
      return found.length === 1 ? found[0]! : null;
    };
    const unchecked = new Set(marks).size !== marks.length ? 'two tally lines share a mark'
      : rows.some((r) => !markOf(r)) ? 'a row of the table carries none of the tally\'s marks' : null;
    const numbers = doc.numbers;
    lines.forEach((l, i) => {
      const { b, bi, m } = l!;
      const g = m.groups!;
      const at = m.indices!.groups!;
      const nStart = b.range.offset + at.n![0];
      const ofStart = b.range.offset + at.of![0];
      const range = ctx.lines.range(nStart, nStart + g.n!.length);
      const ofRange = ctx.lines.range(ofStart, ofStart + g.of!.length);
      const pct = within(numbers, (x) => x.range.offset, ofStart + g.of!.length, b.range.endOffset).find((x) => x.block === bi && x.kind === 'percent');
      const pctText = pct ? beforePercent(pct.text.replace(/^[~≈]\s?/, '')) : '';
      const pctStart = pct ? pct.range.offset + pct.text.indexOf(pctText) : 0;
      const matching = rows.filter((r) => markOf(r) === marks[i]);
      out.push(draft('total', 'tally', {
        subject: `${g.mark} ${g.label!.trim()}`, range, statement: b.range,
        stated: { value: Number(g.n), of: Number(g.of), unit: null, qualifier: null, sign: null, precision: 0, text: g.n!, range },
        evidence: [
          ...matching.map((r) => evidence('item', r.cells[0]?.text ?? '', r.range)),
          evidence('base', 'of', ofRange, { quantity: quantity(Number(g.of), g.of!, ofRange, null, null) }),
          ...(pct ? [evidence('percent', 'share', pct.range, { quantity: { ...quantity(pct.value, pctText, ctx.lines.range(pctStart, pctStart + pctText.length), '%', pct.qualifier), precision: pct.precision } })] : []),
        ],
        data: { rows: rows.length, mark: marks[i]! }, section: list.section, unchecked,
      }));
    });
  }
  return out;
}

// ------------------------------------------------------------------ prose sums of a list above

function proseSums(ctx: ExtractContext): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  const { doc } = ctx;
  const blockOf = itemBlocks(ctx);
  const headings = new Map<number, number>();
  doc.blocks.forEach((b, i) => { if (b.kind === 'heading') headings.set(b.range.offset, i); });
  for (const list of doc.lists) {
    if (list.parentItem || list.items.length < 3) continue;
    const items = list.items.map((_, i) => { const bi = blockOf.get(`${list.index}:${i}`); return bi === undefined ? null : itemQuantity(ctx, doc.blocks[bi]!, bi); });
    if (items.some((x) => !x) || new Set(items.map((x) => x!.unit)).size !== 1) continue;
    const unit = items[0]!.unit;
    const sec = list.section === null ? null : doc.sections[list.section]!;
    const end = sec ? sec.range.endOffset : ctx.text.length;
    // The section's heading counts exactly these items (`Added 7 tables`), or the statement says `in total`.
    const hi = sec ? headings.get(sec.headingRange.offset) : undefined;
    // … and the list opens the section (at most three blocks between the heading and the list).
    const opens = hi !== undefined && within(doc.blocks, (b) => b.range.offset, sec!.headingRange.endOffset, list.range.offset).length <= 3;
    const headed = opens && within(doc.numbers, (n) => n.range.offset, sec!.headingRange.offset, sec!.headingRange.endOffset)
      .some((n) => n.block === hi && n.kind === 'count' && n.value === items.length && unitKey(n.unit ?? '') !== 'total');
    const sum = items.reduce((s, x) => s + x!.value, 0);
    const max = maxOf(items.map((x) => x!.value));
    // Whole items (`320 linhas`) make `1.120 linhas` a thousands dot: 1120.
    const whole = items.every((x) => Number.isInteger(x!.value));
    const digitsOf = (t: string) => t.replace(/^[~≈<>≤≥+\-−\s]+/, '').split(/\s/, 1)[0]!.replace(/\+$/, '');
    const valueOf = (n: (typeof doc.numbers)[number]) => (whole && DOT_THOUSANDS.test(digitsOf(n.text)) ? wholeCount(digitsOf(n.text)) : n.value);
    const candidates = within(doc.numbers, (n) => n.range.offset, list.range.endOffset, end).slice(0, 400)
      .filter((n) => n.kind === 'count' && n.unit && unitKey(n.unit) === unit && valueOf(n) > max);
    const around = (n: (typeof candidates)[number]) => ctx.text.slice(Math.max(n.range.offset - 30, doc.blocks[n.block]!.range.offset), Math.min(n.range.endOffset + 30, doc.blocks[n.block]!.range.endOffset));
    // The statement follows the list (at most two blocks between), is not cumulative (`now 420 tests`) and is near the sum.
    const near = candidates.filter((n) => within(doc.blocks, (b) => b.range.offset, list.range.endOffset, doc.blocks[n.block]!.range.offset).length <= 2
      && !CUMULATIVE_WORDS.test(around(n)) && valueOf(n) <= 1.5 * sum);
    const worded = near.filter((n) => PROSE_TOTAL_WORDS.test(around(n)));
    const picked = worded.length === 1 ? worded[0]! : headed && candidates.length === 1 && near.length === 1 ? near[0]! : null;
    if (!picked) continue;
    const digits = digitsOf(picked.text);
    const start = picked.range.offset + picked.text.indexOf(digits);
    const range = ctx.lines.range(start, start + digits.length);
    const dotted = valueOf(picked) !== picked.value;
    out.push(draft('total', 'prose-sum', {
      subject: picked.unit!, range, statement: doc.blocks[picked.block]!.range,
      stated: { ...quantity(valueOf(picked), digits, range, picked.unit, picked.qualifier), precision: dotted ? 0 : picked.precision },
      evidence: items.map((x, i) => evidence('part', `Item ${i + 1}`, x!.range, { quantity: quantity(x!.value, x!.text, x!.range, picked.unit, x!.qualifier) })),
      data: { what: `the ${items.length} items listed above`, unit: picked.unit! }, section: picked.section, unchecked: null,
    }));
  }
  return out;
}


// ------------------------------------------------------------------ `Total: 39/47` under `Phase 1: 10/12` lines

interface Labeled { label: string; n: Quantity; d: Quantity | null; unit: string | null; line: Range; pct: Quantity | null }

/** `Label: n/N` or `Label: N unit` at the start of `text` (one line), positioned at `offset`. */
function labeledLine(ctx: ChunkExtractContext, text: string, offset: number): Labeled | null {
  const m = ctx.scans.exec(LABELED_LINE, text);
  if (!m) return null;
  const g = m.groups!;
  const at = m.indices!.groups!;
  const q = (s: string, i: number, unit: string | null, qual: string | null): Quantity => quantity(parseNum(s), s, ctx.lines.range(offset + i, offset + i + s.length), unit, qual);
  const rest = text.slice(m[0].length, m[0].length + 16);
  const p = PAREN_PERCENT.exec(rest);
  const pct = p ? q(p.groups!.p!, m[0].length + p.indices!.groups!.p![0], '%', null) : null;
  if (pct) pct.precision = decimalsOf(p!.groups!.p!);
  return {
    label: g.label!.trim(), n: q(g.n!, at.n![0], g.u ? g.u.toLowerCase() : null, g.q ?? null),
    d: g.d ? q(g.d, at.d![0], null, null) : null, unit: g.u ? unitKey(g.u) : null,
    line: ctx.lines.range(offset, offset + text.length), pct,
  };
}

const PAREN_PERCENT = /^[ \t]{0,2}\((?<p>\d{1,3}(?:\.\d{1,2})?)[ \t]?%\)/d;

function lineTotals(ctx: ChunkExtractContext): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  const { doc } = ctx;
  const blockOf = itemBlocks(ctx);
  // Runs of labeled lines: the items of a list (and the paragraph right after it), or the lines of a paragraph.
  const runs: Labeled[][] = [];
  const listEnds = new Map<number, number>();
  for (const list of doc.lists) {
    if (list.parentItem) continue;
    const run = list.items.map((_, i) => { const bi = blockOf.get(`${list.index}:${i}`); const b = bi === undefined ? null : doc.blocks[bi]!; return b ? labeledLine(ctx, firstLineOf(b.text), b.range.offset) : null; });
    if (run.every(Boolean)) { runs.push(run as Labeled[]); listEnds.set(list.range.endOffset, runs.length - 1); }
  }
  const ends = [...listEnds.keys()].sort((x, y) => x - y);
  doc.blocks.forEach((b, bi) => {
    if (b.kind !== 'paragraph' || b.listItem || b.table) return;
    const lines: Labeled[] = [];
    let at = 0;
    for (const line of b.text.split(/(?<=\n)/)) { const l = labeledLine(ctx, line.replace(/\r?\n$/, ''), b.range.offset + at); if (l) lines.push(l); else lines.length = 0; at += line.length; }
    if (lines.length >= 3) runs.push(lines);
    // A Total paragraph right after a run of list items closes that run.
    const prev = bi > 0 ? lastBefore(ends, (x) => x, b.range.offset) : undefined;
    if (lines.length === 1 && prev !== undefined && within(doc.blocks, (x) => x.range.offset, prev, b.range.offset).length === 0) runs[listEnds.get(prev)!]!.push(lines[0]!);
  });
  for (const run of runs) {
    const last = run[run.length - 1]!;
    if (run.length < 3 || !TOTAL_LABEL.test(last.label.replace(/[*_]/g, '').trim())) continue;
    const parts = run.slice(0, -1);
    const ratio = last.d !== null;
    if (parts.some((p) => (p.d !== null) !== ratio || p.unit !== last.unit || TOTAL_LABEL.test(p.label))) continue;
    const ofSum = ratio ? parts.reduce((s, p) => s + p.d!.value, 0) : 0;
    // `Total: 8.2/10` under per-line scores is an average: both halves must add up.
    const stated: Quantity = { ...last.n, of: ratio ? last.d!.value : null };
    const section = lastBefore(doc.sections, (x) => x.headingRange.offset, last.line.offset)?.index ?? null;
    out.push(draft('total', 'line-total', {
      subject: last.label, range: last.n.range, statement: last.line, stated,
      evidence: [
        ...parts.map((p) => evidence('part', p.label, p.line, { quantity: { ...p.n, of: p.d?.value ?? null } })),
        ...(ratio ? [evidence('base', 'denominator', last.d!.range, { quantity: last.d! })] : []),
        ...(last.pct ? [evidence('percent', 'share', last.pct.range, { quantity: last.pct })] : []),
      ],
      data: { what: `the ${parts.length} lines above`, ratio }, section,
      unchecked: ratio && ofSum !== last.d!.value && parts.every((p) => p.d!.value === last.d!.value) ? 'the lines share the total\'s base: an average, not a sum'
        : !ratio && parts.some((p) => p.n.value === last.n.value) ? 'a line above states the same number: another measure, not a part' : null,
    }));
  }
  return out;
}

/** The text before the first `%`, without one space in front of it (`95 %` → `95`). */
function beforePercent(text: string): string {
  const at = text.indexOf('%');
  if (at < 0) return text;
  const head = text.slice(0, at);
  return head.endsWith(' ') || head.endsWith('\u00a0') || head.endsWith('\t') ? head.slice(0, -1) : head;
}
