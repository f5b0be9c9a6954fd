/**
 * Distribution tables: `| Coverage Range | Modules |` with rows `95%+ | 5 modules`,
 * `90-94% | 3 modules`, counted against the table whose rows carry that measure (a Coverage
 * column). Read only when the buckets account for exactly the rows of that table, so both
 * tables are certainly about the same items; a value that falls in no bucket, or in two,
 * leaves the table unread.
 */
import { bucketCount, bucketRange, measureWord } from '../../grammar/count';
import type { Table } from '../schema';
import { draft, evidence, type ClaimDraft, type ExtractContext } from './types';
import { append } from '../../collections';

interface Bucket { lo: number; hi: number; loOpen: boolean; hiOpen: boolean }

export function readBuckets(ctx: ExtractContext): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  // Tables by the measures their headers name, built once a distribution table is found.
  let byMeasure: Map<string, Table[]> | null = null;
  const tablesOf = (measure: string) => {
    if (!byMeasure) {
      byMeasure = new Map<string, Table[]>();
      for (const t of ctx.doc.tables) {
        for (const h of new Set(t.header.map((x) => measureWord(x.text)))) if (h) append(byMeasure, h, t);
      }
    }
    return byMeasure.get(measure) ?? [];
  };
  for (const table of ctx.doc.tables) {
    if (table.header.length < 2 || table.rows.length < 2) continue;
    const measure = measureWord(table.header[0]!.text);
    if (!measure) continue;
    const buckets = table.rows.filter((r) => !r.isTotal).map((r) => ({ row: r, range: bucketRange(r.cells[0]?.text ?? '') }));
    if (buckets.length < 2 || buckets.some((b) => !b.range || b.range.lo === b.range.hi)) continue;
    const countCol = table.header.findIndex((_, c) => c > 0 && buckets.every((b) => bucketCount(b.row.cells[c]?.text ?? '') !== null));
    if (countCol < 0) continue;
    const source = sourceOf(tablesOf(measure), table, measure);
    if (!source) continue;
    const { values, rows } = source;
    const stated = buckets.map((b) => bucketCount(b.row.cells[countCol]!.text)!);
    if (stated.reduce((a, s) => a + s.value, 0) !== values.length) continue;
    const members = buckets.map((b) => values.map((v, i) => (inBucket(v, b.range!) ? i : -1)).filter((i) => i >= 0));
    const placed = values.map((_, i) => members.filter((m) => m.includes(i)).length);
    if (placed.some((p) => p !== 1)) continue;
    buckets.forEach((b, k) => {
      const cell = b.row.cells[countCol]!;
      const s = stated[k]!;
      const start = cell.range.offset + s.index;
      const range = ctx.lines.range(start, start + s.text.length);
      out.push(draft('count', 'bucket', {
        subject: `${b.row.cells[0]!.text} ${table.header[countCol]!.text}`.slice(0, 80),
        range,
        statement: b.row.range,
        stated: { value: s.value, of: null, unit: s.noun || null, qualifier: null, sign: null, precision: 0, text: s.text, range },
        evidence: members[k]!.map((i, n) => evidence('item', rows[i]!.cells[0]?.text || `Row ${n + 1}`, rows[i]!.range)),
        data: { what: `rows of the table with a ${measure} in that range`, noun: s.noun || null, doubt: null },
        section: table.section,
      }));
    });
  }
  return out;
}

/** The one other table with a column named by the measure, and its numeric values. */
function sourceOf(tables: Table[], bucketTable: Table, measure: string) {
  let found: { values: number[]; rows: Table['rows'] } | null = null;
  for (const t of tables) {
    if (t === bucketTable) continue;
    const col = t.header.findIndex((h) => measureWord(h.text) === measure);
    if (col < 0) continue;
    const rows = t.rows.filter((r) => !r.isTotal && r.cells.some((c) => c.text));
    const values = rows.map((r) => percentValue(r.cells[col]?.text ?? ''));
    if (values.some((v) => v === null)) continue;
    if (found) return null;
    found = { values: values as number[], rows };
  }
  return found;
}

function percentValue(text: string): number | null {
  const r = bucketRange(text);
  return r && r.lo === r.hi ? r.lo : null;
}

function inBucket(v: number, b: Bucket): boolean {
  return (b.loOpen ? v > b.lo : v >= b.lo) && (b.hiOpen ? v < b.hi : v <= b.hi);
}
