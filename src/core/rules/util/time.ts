/** Shared by the time-based rules. */
import type { StatusValue } from '../../model/schema';

/** Statuses of work not done: an item in one of these whose date has passed is overdue. */
export const OPEN_STATUSES: ReadonlySet<StatusValue> = new Set<StatusValue>(['planned', 'in-progress', 'at-risk', 'blocked']);

/** `1 day`, `277 days`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
