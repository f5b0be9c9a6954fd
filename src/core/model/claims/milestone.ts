/**
 * `milestone` claims: a dated item and its status (table rows with a due column, dated headings,
 * Due / Target / Estimated Completion fields, `Scheduled for` lines, fenced timeline lines), read
 * by model/milestones.ts. The stale-milestone rule compares the date with today; the
 * undated-milestone rule reads the ones whose date is TBD or a dash.
 */
import { DATE_KEY, MILESTONE_HEADER, NO_DATE_WORD } from '../../grammar/milestones';
import type { Milestone, StatusDoc } from '../schema';
import { retiredReason } from './document';
import { doneEdit } from './done';
import type { ClaimDraft, ClaimExtractor } from './types';
import { draft, evidence } from './types';

export const milestoneClaims: ClaimExtractor = {
  scope: 'document',
  kinds: ['milestone'],
  extract({ doc, lines }) {
    const retired = retiredReason(doc);
    return doc.milestones.map((m): ClaimDraft => {
      const date = m.date;
      const status = m.status;
      // A dated heading whose status is its own checklist: the open boxes are what is late.
      const list = status?.text === '[ ]' && m.kind === 'heading' && m.section !== null ? doc.sections[m.section]!.checklist : null;
      const ev = [];
      if (status) ev.push(evidence('status', status.text, status.range, { status }));
      if (date) ev.push(evidence('date', date.text, date.range, { date }));
      return draft('milestone', m.kind, {
        subject: m.name,
        range: m.kind === 'heading' || !date ? m.range : date.range,
        statement: m.range,
        status,
        date,
        evidence: ev,
        section: m.section,
        unchecked: retired,
        data: {
          // `Next Milestone: <date>` is open by its name and has no status of its own.
          implied: status !== null && status.text === m.name,
          open: list ? list.total - list.done : null,
          total: list ? list.total : null,
          due: date?.date ? (date.kind === 'day' ? date.date : `${date.text.trim()} (ends ${date.date})`) : null,
          undated: date?.none ? undatedForm(doc, m) : null,
          // What "Mark as done" rewrites: the status cell or words (not for a checklist or a name).
          ...doneEdit(lines, status && !list && status.text !== m.name ? status.range : null),
        },
      });
    });
  },
};

/**
 * How an undated milestone says so, when it plainly means "no date": `word` (TBD/TBA) where a
 * date is expected, `dash` in a milestone table or a date field; null when the blank may be a
 * number still to be set (`Target: TBD`) or an empty cell of some other table.
 */
function undatedForm(doc: StatusDoc, m: Milestone): string | null {
  const word = NO_DATE_WORD.test(m.date!.text);
  if (m.kind === 'line' && !DATE_KEY.test(m.name)) return null;
  if (word) return 'word';
  if (m.kind === 'line') return 'dash';
  if (m.kind !== 'table-row') return null;
  const table = doc.tables.find((t) => t.range.offset <= m.range.offset && m.range.endOffset <= t.range.endOffset);
  return table && table.header.some((h) => MILESTONE_HEADER.test(h.text)) ? 'dash' : null;
}
