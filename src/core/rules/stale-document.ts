import { addDays, daysBetween } from '../model/calendar';
import type { Rule } from './types';
import { capitalize } from './util/say';
import { plural } from './util/time';

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
    for (const c of ctx.claims('document')) {
      if (c.unchecked !== null) { ctx.verdict(c, 'unchecked', c.unchecked); continue; }
      if (c.data.state === 'done') { ctx.verdict(c, 'right'); continue; }
      const date = c.date!;
      const age = daysBetween(date.date!, ctx.today);
      const limit = ctx.config.staleAfterDays;
      if (age <= limit) { ctx.verdict(c, 'right'); continue; }
      const status = c.status;
      ctx.report({
        claim: c,
        range: c.range,
        message: `${capitalize(String(c.data.label))} ${date.text.trim()} is ${plural(age, 'day')} old and the document is not marked done (stale after ${plural(limit, 'day')}).`,
        stale: {
          due: addDays(date.date!, limit),
          daysOverdue: age - limit,
          statusText: status?.text ?? null,
          dateRange: date.range,
          statusRange: status?.range ?? null,
        },
      });
    }
  },
};
