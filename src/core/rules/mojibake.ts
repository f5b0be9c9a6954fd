import type { MojibakeRun, Range } from '../model/schema';
import type { Rule } from './types';
import { plural } from './util/time';

/** Damaged text as it reads, escaped, and cut after a dozen characters. */
const show = (s: string) => JSON.stringify(s.length > 12 ? `${s.slice(0, 12)}…` : s).slice(1, -1);
const cut = (s: string) => (s.length > 12 ? `${s.slice(0, 12)}…` : s);
/** Lines listed as related locations at most; the message counts them all. */
const MAX_RELATED = 100;

/**
 * UTF-8 text that was decoded as cp1252 and saved again (`âœ…` for `✅`). One finding per
 * document, on its first damaged line, with every damaged line as a related location and one
 * fix that repairs them all: a damaged file is one problem, not hundreds.
 */
export const mojibake: Rule = {
  id: 'mojibake',
  description: 'Characters damaged by a cp1252/latin-1 misreading of UTF-8 (`âœ…` for `✅`), reported once per document.',
  defaultSeverity: 'warning',
  tags: ['encoding'],
  fixable: true,
  run(ctx) {
    const runs = ctx.doc.mojibake;
    if (runs.length === 0) return;
    const lines = new Map<number, MojibakeRun[]>();
    for (const run of runs) {
      const list = lines.get(run.range.line);
      if (list) list.push(run);
      else lines.set(run.range.line, [run]);
    }
    const byLine = [...lines.values()];
    const first = byLine[0]!;
    const range: Range = { ...first[0]!.range, endLine: first[first.length - 1]!.range.endLine, endColumn: first[first.length - 1]!.range.endColumn, endOffset: first[first.length - 1]!.range.endOffset };
    const repairable = runs.filter((r) => r.repaired !== null);
    const lost = runs.length - repairable.length;
    const kinds = new Map<string, string>();
    for (const r of repairable) if (!kinds.has(r.original) && kinds.size < 3) kinds.set(r.original, r.repaired!);
    const sample = [...kinds].map(([from, to]) => `"${show(from)}" → "${cut(to)}"`).join(', ');
    const lostNote = lost ? `; ${plural(lost, 'damaged character')} lost a byte and cannot be repaired automatically` : '';
    ctx.report({
      range,
      message: `Mojibake on ${plural(byLine.length, 'line')} (UTF-8 read as cp1252)${sample ? `: ${sample}` : ''}${repairable.length > kinds.size ? ' and more' : ''}${lostNote}.`,
      related: byLine.slice(0, MAX_RELATED).map((l) => ({
        range: l[0]!.range,
        message: `Line ${l[0]!.range.line}: ${l.slice(0, 3).map((r) => `"${show(r.original)}" → "${cut(r.repaired ?? '?')}"`).join(', ')}${l.length > 3 ? ` and ${l.length - 3} more` : ''}`,
      })),
      detail: `${plural(runs.length, 'damaged sequence')} on ${plural(byLine.length, 'line')}; the text was saved as UTF-8 after being read as cp1252, so each character became two or three.${byLine.length > MAX_RELATED ? ` The first ${MAX_RELATED} lines are listed.` : ''}`,
      ...(repairable.length
        ? {
            fix: {
              title: `Repair encoding (${plural(new Set(repairable.map((r) => r.range.line)).size, 'line')})`,
              edits: repairable.map((r) => ({ range: r.range, text: r.repaired! })),
              preferred: true,
            },
          }
        : {}),
    });
  },
};
