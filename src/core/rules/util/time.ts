/** Shared by the time-based rules. */
import type { Claim, StatusValue } from '../../model/schema';

/** Statuses of work not done: an item in one of these whose date has passed is overdue. */
export const OPEN_STATUSES: ReadonlySet<StatusValue> = new Set<StatusValue>(['planned', 'in-progress', 'at-risk', 'blocked']);

/** A sprint is stale only while it still says it is planned or running (not blocked or at risk). */
export const SPRINT_OPEN: ReadonlySet<StatusValue> = new Set<StatusValue>(['planned', 'in-progress']);

/** `1 day`, `277 days`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A sprint claim whose end has passed while it still says Planned or In Progress. */
export function isStaleSprint(c: Claim, today: string): boolean {
  return c.unchecked === null && Boolean(c.date?.date && c.status && SPRINT_OPEN.has(c.status.value) && c.date.date < today);
}

/** A milestone claim whose date has passed while its status is open. */
export function isOverdue(c: Claim, today: string): boolean {
  return Boolean(c.date?.date && c.status && OPEN_STATUSES.has(c.status.value) && c.date.date < today);
}
