import { findMojibake, type MojibakeRun } from '../model/mojibake';
import type { Rule } from './types';

const show = (s: string) => JSON.stringify(s).slice(1, -1);

/**
 * UTF-8 text that was decoded as cp1252 and saved again (`âœ…` for `✅`). One finding per
 * line, so a damaged document reads as a list of lines to repair rather than hundreds of characters.
 */
export const mojibake: Rule = {
  id: 'mojibake',
  description: 'Characters damaged by a cp1252/latin-1 misreading of UTF-8 (`âœ…` for `✅`).',
  defaultSeverity: 'warning',
  tags: ['encoding'],
  fixable: true,
  run(ctx) {
    const byLine = new Map<number, MojibakeRun[]>();
    for (const run of findMojibake(ctx.text)) {
      const line = ctx.lines.lineOf(run.start);
      const list = byLine.get(line);
      if (list) list.push(run);
      else byLine.set(line, [run]);
    }
    for (const runs of byLine.values()) {
      const first = runs[0]!;
      const last = runs[runs.length - 1]!;
      const range = ctx.lines.range(first.start, last.end);
      const repairable = runs.filter((r) => r.repaired !== null);
      const lost = runs.length - repairable.length;
      const sample = repairable.slice(0, 3).map((r) => `"${show(r.original)}" → "${r.repaired}"`).join(', ');
      const more = repairable.length > 3 ? ` and ${repairable.length - 3} more` : '';
      const lostNote = lost ? `${repairable.length ? '; ' : ''}${lost} damaged character${lost > 1 ? 's' : ''} lost a byte and cannot be repaired automatically` : '';
      ctx.report({
        range,
        message: `Unexpected mojibake (UTF-8 read as cp1252): ${repairable.length ? `expected ${sample}${more}` : ''}${lostNote}.`,
        ...(repairable.length
          ? {
              fix: {
                title: repairable.length === 1 ? `Repair "${show(first.original)}" to "${repairable[0]!.repaired}"` : `Repair ${repairable.length} damaged characters on this line`,
                edits: repairable.map((r) => ({ range: ctx.lines.range(r.start, r.end), text: r.repaired! })),
                preferred: true,
              },
            }
          : {}),
      });
    }
  },
};
