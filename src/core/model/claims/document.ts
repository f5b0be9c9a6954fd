/**
 * `document` claims: the document's newest own date (Last Updated in any language, its Date at
 * the top, or the newest entry of an updates log) and whether the document is still open work.
 * The stale-document rule compares the date with today and `staleAfterDays`.
 */
import {
  BANNER_LINES, isDocumentDateKey, isLastUpdatedKey, isRetired, isRetiredBanner, LOG_SECTION, PROGRESS_KEY, PROGRESS_PERCENT, PROGRESS_WINDOW, PROGRESS_AFTER, PROGRESS_NOT_STATE, PROGRESS_WORD, SNAPSHOT_TITLE,
} from '../../grammar/documents';
import type { DateValue, Field, Range, StatusDoc } from '../schema';
import type { ClaimExtractor } from './types';
import { draft, evidence } from './types';

const OPEN = new Set(['planned', 'in-progress', 'at-risk', 'blocked']);

/** Why the document's dates are history (archived, superseded, historical), or null. */
export function retiredReason(doc: Readonly<StatusDoc>): string | null {
  const status = doc.fields.find((f) => f.name === 'status');
  if (isRetired(doc.title ?? '') || (status && isRetired(status.value))) return 'the document is marked as archived or superseded';
  for (const b of doc.blocks) {
    if (b.range.line > BANNER_LINES) break;
    if (b.kind !== 'code' && b.kind !== 'heading' && isRetiredBanner(b.text)) return 'the document is marked as archived or superseded';
  }
  return null;
}

export const documentClaims: ClaimExtractor = {
  scope: 'document',
  kinds: ['document'],
  extract({ doc }) {
    if (!doc.isStatusDocument) return [];
    const newest = newestDate(doc);
    if (!newest) return [];
    const status = doc.status;
    const open = status !== null && OPEN.has(status.value);
    const progress = openProgress(doc);
    let unchecked = retiredReason(doc);
    let state: string;
    if (status?.value === 'done') state = 'done';
    else if (doc.checklist.total > 0 && doc.checklist.done === doc.checklist.total) state = 'done';
    else if (status !== null) state = 'open';
    else if (progress !== null) state = 'open';
    else if (doc.checklist.done < doc.checklist.total || doc.milestones.some((m) => m.status && OPEN.has(m.status.value))) state = 'open';
    else state = 'done';
    // A dated snapshot (a review, a final report, a recap) is a record, not a tracker to keep current.
    if (!open && unchecked === null && SNAPSHOT_TITLE.test(doc.title ?? '')) unchecked = 'a dated record (a report, review or recap), not a tracker';
    const ev = [evidence('date', newest.label, newest.date.range, { date: newest.date })];
    if (status) ev.push(evidence('status', status.text, status.range, { status }));
    if (progress) ev.push(evidence('progress', 'progress', progress));
    return [draft('document', newest.form, {
      subject: doc.title ?? '',
      range: newest.date.range,
      date: newest.date,
      status,
      evidence: ev,
      unchecked,
      data: { label: newest.label, state },
    })];
  },
};

/** The newest of the document's own dates: Last Updated anywhere, Date at the top, the newest entry of an updates log. */
function newestDate(doc: Readonly<StatusDoc>): { date: DateValue; label: string; form: string } | null {
  const within = (d: DateValue, r: { offset: number; endOffset: number }) => d.range.offset >= r.offset && d.range.endOffset <= r.endOffset;
  const h1 = doc.sections.find((s) => s.level === 1) ?? null;
  const top = (f: Field) => f.section === null || (h1 !== null && f.section === h1.index) || (h1 === null && f.section === 0);
  const candidates: { date: DateValue; label: string; form: string }[] = [];
  for (const f of doc.fields) {
    const updated = isLastUpdatedKey(f.name);
    // A Date further down belongs to an entry (a log item, a decision), not to the document.
    if (!updated && !(isDocumentDateKey(f.name) && top(f))) continue;
    const d = doc.dates.filter((x) => x.date && x.kind !== 'week' && within(x, f.valueRange)).pop();
    if (d) candidates.push({ date: d, label: f.key, form: updated ? 'last-updated' : 'date' });
  }
  for (const t of doc.tables) {
    const title = t.section === null ? '' : doc.sections[t.section]!.title;
    const col = t.columns.indexOf('date');
    if (!LOG_SECTION.test(title) || col < 0) continue;
    for (const row of t.rows) {
      const cell = row.cells[col];
      const d = cell && doc.dates.find((x) => x.date && x.kind === 'day' && within(x, cell.range));
      if (d) candidates.push({ date: d, label: `newest "${title}" entry`, form: 'log-entry' });
    }
  }
  if (!candidates.length) return null;
  // The newest; of two on the same day, a Last Updated over a Date.
  return candidates.reduce((a, b) => (b.date.date! > a.date.date! || (b.date.date === a.date.date && b.form === 'last-updated' && a.form !== 'last-updated') ? b : a));
}

/** Where the document says it is not finished: an Overall Progress below 100%, or a `Current Status: 60% Complete` headline. */
function openProgress(doc: Readonly<StatusDoc>): Range | null {
  for (const f of doc.fields) {
    if (f.name !== 'overall-progress') continue;
    const n = doc.numbers.find((x) => x.kind === 'percent' && x.range.offset >= f.valueRange.offset && x.range.endOffset <= f.valueRange.endOffset);
    if (n) return n.value < 100 ? n.range : null;
  }
  for (const b of doc.blocks) {
    if (b.kind !== 'heading' && b.kind !== 'paragraph') continue;
    const key = PROGRESS_KEY.exec(b.text);
    if (!key) continue;
    const window = b.text.slice(key.index, key.index + PROGRESS_WINDOW).split('\n')[0]!;
    const pct = PROGRESS_PERCENT.exec(window);
    if (!pct) continue;
    const stated = window.slice(0, pct.index + pct[0].length);
    if (PROGRESS_NOT_STATE.test(stated)) continue;
    const after = window.slice(pct.index + pct[0].length) + b.text.slice(key.index + PROGRESS_WINDOW, key.index + PROGRESS_WINDOW + 16);
    if (!PROGRESS_WORD.test(stated) && !PROGRESS_AFTER.test(after)) continue;
    const m = pct;
    const value = Number(m.groups!.value!.replace(',', '.'));
    return value < 100 ? b.range : null;
  }
  return null;
}
