import { addDays, daysBetween } from '../model/dates';
import type { DateValue } from '../model/schema';
import type { Rule } from './types';
import { OPEN_STATUSES, plural } from './util/time';

const SNAPSHOT_TITLE = /\b(?:final|review|retrospective|retro|recap|summary|post-?mortem|report|session|handoff|hand-off)\b/i;
const LOG_SECTION = /\b(?:updates?|changelog|change log|changes|history|log|revisions?|journal)\b/i;

/**
 * A status document whose newest own date (Last Updated, Date, or the newest entry of an updates
 * log) is older than `staleAfterDays`, while the document is not done.
 */
export const staleDocument: Rule = {
  id: 'stale-document',
  description: 'A status document not marked done whose Last Updated / Date (or newest update log entry) is older than `staleAfterDays`.',
  defaultSeverity: 'info',
  tags: ['time'],
  fixable: false,
  run(ctx) {
    const { doc } = ctx;
    if (!doc.isStatusDocument || doc.status?.value === 'done') return;
    if (doc.checklist.total > 0 && doc.checklist.done === doc.checklist.total) return;
    const open = doc.status !== null && OPEN_STATUSES.has(doc.status.value);
    // A dated snapshot (a review, a final report, a recap) is a record, not a tracker to keep current.
    if (!open && SNAPSHOT_TITLE.test(doc.title ?? '')) return;
    // Without a status of its own, the document needs open work to be "not done".
    if (!doc.status && doc.checklist.done === doc.checklist.total && !doc.milestones.some((m) => m.status && OPEN_STATUSES.has(m.status.value))) return;
    const within = (d: DateValue, r: { offset: number; endOffset: number }) => d.range.offset >= r.offset && d.range.endOffset <= r.endOffset;
    const candidates: { date: DateValue; label: string }[] = [];
    for (const f of doc.fields) {
      if (f.name !== 'last-updated' && f.name !== 'date') continue;
      const d = doc.dates.filter((x) => x.date && x.kind !== 'week' && within(x, f.valueRange)).pop();
      if (d) candidates.push({ date: d, label: f.key });
    }
    for (const t of doc.tables) {
      const title = t.section === null ? '' : doc.sections[t.section]!.title;
      const col = t.columns.indexOf('date');
      if (!LOG_SECTION.test(title) || col < 0) continue;
      for (const row of t.rows) {
        const cell = row.cells[col];
        const d = cell && doc.dates.find((x) => x.date && x.kind === 'day' && within(x, cell.range));
        if (d) candidates.push({ date: d, label: `newest "${title}" entry` });
      }
    }
    if (!candidates.length) return;
    const newest = candidates.reduce((a, b) => (b.date.date! > a.date.date! ? b : a));
    const age = daysBetween(newest.date.date!, ctx.today);
    const limit = ctx.config.staleAfterDays;
    if (age <= limit) return;
    const status = doc.status;
    ctx.report({
      range: newest.date.range,
      message: `Unexpected ${newest.label} ${newest.date.text.trim()}, ${plural(age, 'day')} ago, expected a date within the last ${plural(limit, 'day')}: the document is not marked done and may no longer be current.`,
      stale: {
        due: addDays(newest.date.date!, limit),
        daysOverdue: age - limit,
        statusText: status?.text ?? null,
        dateRange: newest.date.range,
        statusRange: status?.range ?? null,
      },
    });
  },
};
