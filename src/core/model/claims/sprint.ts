/**
 * `sprint` claims: a sprint or phase with an end (End Date, a Dates/Period/Current Week range, a
 * `Sprint 3: Dec 27 - Jan 3 … IN PROGRESS` line) and its status. The stale-sprint rule compares
 * the end with today.
 */
import { sprintScopes } from '../milestones';
import { retiredReason } from './document';
import { doneEdit } from './done';
import type { ClaimExtractor } from './types';
import { draft, evidence } from './types';

export const sprintClaims: ClaimExtractor = {
  scope: 'document',
  kinds: ['sprint'],
  extract({ doc, text, lines, vocabulary }) {
    const retired = retiredReason(doc);
    return sprintScopes(doc, { text, index: lines, vocabulary }).map((s) => draft('sprint', s.section === null && s.endKey === 'dates' && s.endKeyRange === s.end.range ? 'line' : 'fields', {
      subject: s.title,
      range: s.end.range,
      statement: s.end.range,
      status: s.status,
      date: s.end,
      section: s.section,
      unchecked: retired,
      evidence: s.status ? [evidence('status', s.status.text, s.status.range, { status: s.status })] : [],
      data: { endKey: s.endKey, scopeOffset: s.offset, scopeEnd: s.endOffset, ...doneEdit(lines, s.status?.range ?? null) },
    }));
  },
};
