/**
 * Milestones: anything with a date and a status. Built from the rest of the model (tables,
 * fields, dates), so it runs after everything else is collected.
 */
import type { LineIndex } from './positions';
import type { DateValue, Milestone, StatusDoc } from './schema';
import type { StatusVocabulary } from './vocabulary';

export interface MilestoneContext {
  text: string;
  index: LineIndex;
  vocabulary: StatusVocabulary;
}

export function extractMilestones(doc: StatusDoc, _ctx: MilestoneContext): Milestone[] {
  const out: Milestone[] = [];
  const dateIn = (offset: number, end: number): DateValue | null =>
    doc.dates.find((d) => d.range.offset >= offset && d.range.endOffset <= end) ?? null;

  // Table rows with a date column and a status column.
  for (const table of doc.tables) {
    const dateCol = table.columns.indexOf('date');
    const statusCol = table.columns.indexOf('status');
    if (dateCol < 0 || statusCol < 0) continue;
    for (const row of table.rows) {
      if (row.isTotal) continue;
      const cell = row.cells[dateCol];
      if (!cell) continue;
      const nameCell = row.cells.find((c, i) => i !== dateCol && i !== statusCol && c.text) ?? row.cells[0]!;
      out.push({
        name: nameCell.text,
        kind: 'table-row',
        range: row.range,
        date: dateIn(cell.range.offset, cell.range.endOffset),
        status: row.status,
        section: table.section,
      });
    }
  }
  return out;
}
