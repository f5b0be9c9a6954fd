import type { MojibakeRun, Range } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { plural } from './util/time';

/** Damaged text as it reads, escaped, and cut after a dozen characters. */
const show = (s: string) => JSON.stringify(s.length > 12 ? `${s.slice(0, 12)}…` : s).slice(1, -1);
const cut = (s: string) => (s.length > 12 ? `${s.slice(0, 12)}…` : s);
/** Lines listed as related locations at most; the message counts them all. */
const MAX_RELATED = 100;

/**
 * UTF-8 text that was decoded as cp1252 and saved again (`âœ…` for `✅`). One finding per
 * document for what can be repaired, on its first damaged line, with every damaged line as a
 * related location and one fix that repairs them all: a damaged file is one problem, not
 * hundreds. Characters that lost a byte (no fix can know them) are named in the same finding and
 * listed among its related locations; a document with nothing else to repair gets one finding
 * for them, without a fix (which is also what remains after the repair).
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
    const repairable = runs.filter((r) => r.repaired !== null);
    const lost = runs.filter((r) => r.repaired === null);
    // One finding per document: what the fix repairs, with the characters no fix can restore
    // named beside it; those alone (or what the repair leaves) are one finding without a fix.
    if (repairable.length) reportRuns(ctx, repairable, lost);
    else reportLost(ctx, lost);
  },
};

function byLine(runs: readonly MojibakeRun[]): MojibakeRun[][] {
  const lines = new Map<number, MojibakeRun[]>();
  for (const run of runs) {
    const list = lines.get(run.range.line);
    if (list) list.push(run);
    else lines.set(run.range.line, [run]);
  }
  return [...lines.values()];
}

function lineRange(line: readonly MojibakeRun[]): Range {
  const last = line[line.length - 1]!.range;
  return { ...line[0]!.range, endLine: last.endLine, endColumn: last.endColumn, endOffset: last.endOffset };
}

function related(lines: MojibakeRun[][]): { range: Range; message: string }[] {
  return lines.slice(0, MAX_RELATED).map((l) => ({
    range: l[0]!.range,
    message: `Line ${l[0]!.range.line}: ${l.slice(0, 3).map((r) => `"${show(r.original)}" → "${cut(r.repaired ?? '?')}"`).join(', ')}${l.length > 3 ? ` and ${l.length - 3} more` : ''}`,
  }));
}

function reportRuns(ctx: RuleContext, runs: readonly MojibakeRun[], lost: readonly MojibakeRun[]): void {
  const lines = byLine(runs);
  const kinds = new Map<string, string>();
  // The lead example is one whose repair is a real character, not U+FFFD (a replacement character saved as UTF-8).
  const telling = [...runs].sort((a, b) => Number(a.repaired!.includes('\uFFFD')) - Number(b.repaired!.includes('\uFFFD')));
  for (const r of telling) if (!kinds.has(r.original) && kinds.size < 3) kinds.set(r.original, r.repaired!);
  const [[first, repaired], ...others] = [...kinds];
  const also = others.map(([from, to]) => `"${show(from)}" → "${cut(to)}"`).join(', ');
  const lostLines = byLine(lost);
  const lostText = lost.length
    ? ` ${plural(lost.length, 'character')} lost a byte and must be retyped (${lostSample(lost)}, ${lostLines.length === 1 ? 'line' : 'lines'} ${lostLines.slice(0, 3).map((l) => l[0]!.range.line).join(', ')}${lostLines.length > 3 ? ', …' : ''}).`
    : '';
  // "\"âœ…\" should read \"✅\" (12 lines damaged)": the damaged text first, then its repair.
  ctx.report({
    range: lineRange(lines[0]!),
    message: `"${show(first!)}" should read "${cut(repaired!)}" (${plural(lines.length, 'line')} damaged, UTF-8 read as cp1252${also ? `; also ${also}${runs.length > kinds.size ? ' and more' : ''}` : ''}).${lostText}`,
    related: [...related(lines), ...lostRelated(lostLines)].slice(0, MAX_RELATED + lostLines.length),
    detail: `${plural(runs.length, 'damaged sequence')} on ${plural(lines.length, 'line')}; the text was saved as UTF-8 after being read as cp1252, so each character became two or three.${lost.length ? ` Where cp1252 has no character for a byte, the byte was lost, so ${plural(lost.length, 'character')} cannot be known; the repair leaves them for you to retype.` : ''}${lines.length > MAX_RELATED ? ` The first ${MAX_RELATED} lines are listed.` : ''}`,
    fix: {
      title: `Repair encoding (${plural(lines.length, 'line')})`,
      edits: runs.map((r) => ({ range: r.range, text: r.repaired! })),
      preferred: true,
    },
  });
}

/** The distinct damaged texts that lost a byte, quoted (at most three). */
function lostSample(runs: readonly MojibakeRun[]): string {
  const distinct = [...new Set(runs.map((r) => r.original))];
  return `${distinct.slice(0, 3).map((o) => `"${show(o)}"`).join(', ')}${distinct.length > 3 ? ' and more' : ''}`;
}

function lostRelated(lines: MojibakeRun[][]): { range: Range; message: string }[] {
  return lines.slice(0, MAX_RELATED).map((l) => ({
    range: l[0]!.range,
    message: `Line ${l[0]!.range.line}: ${l.slice(0, 3).map((r) => `"${show(r.original)}"`).join(', ')} lost a byte: retype`,
  }));
}

function reportLost(ctx: RuleContext, runs: readonly MojibakeRun[]): void {
  const lines = byLine(runs);
  ctx.report({
    range: lineRange(lines[0]!),
    message: `${lostSample(runs)} cannot be repaired: ${plural(runs.length, 'damaged character')} lost a byte (${plural(lines.length, 'line')} damaged).`,
    related: lostRelated(lines),
    detail: `Where cp1252 has no character for a byte, the byte was lost when the text was saved again, so the character cannot be known (\`ðŸ†\` could be 🏆 or 🐆): retype it.`,
  });
}
