import type { NumberToken, Table } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { checkedText } from './util/numeric';

/** `120% complete`, `130% done`, `(120% Backend Complete)`. */
const COMPLETION_AFTER = /^\s*(?:[\p{L}-]+\s+){0,2}?(?:complete|completed|completion|done|finished|implemented|progress|完成|完了|완료)(?![\p{L}])/iu;
/** `Backend progress: 120%`, `**Completion**: 130%`, `% Complete = 105%`. */
const COMPLETION_BEFORE = /(?:progress|completion|complete|completed|percent done|% done|done|完成度|完成率|进度|進捗|진행률|완료율|avance|progreso|progression)\s*(?:rate|level|status)?\s*[:：=]?\s*(?:at\s+)?$/iu;
/** Percentages that may exceed 100: growth, attainment of a target, ROI, coverage gains. */
const NOT_COMPLETION = /^\s*(?:of\s+(?:the\s+)?(?:schedule|target|goal|plan|planned|budget|expected|estimate|quota|baseline|capacity|forecast|last|previous)|(?:growth|increase|improvement|more|faster|better|higher|over|above|ahead|roi|return|gain|uplift|coverage|utili[sz]ation|capacity|efficiency|attainment|ahead|vs\.?|versus|over-?delivered|exceeded)\b)/iu;
const COMPLETION_HEADER_EXCLUDED = /target|goal|growth|change|increase|delta|vs\.?|versus|of plan|of target|attainment|coverage|roi|utili[sz]/i;

/**
 * A completion or progress percentage outside 0–100 %: `Backend track: 120% complete`, a
 * Progress column cell of 130%. Growth, "of target", ROI and coverage figures may exceed 100
 * and are left alone.
 */
export const percentRange: Rule = {
  id: 'percent-range',
  description: 'A completion or progress percentage below 0% or above 100% (`Backend track: 120% complete`).',
  defaultSeverity: 'warning',
  tags: ['consistency'],
  fixable: false,
  run(ctx) {
    const masked = checkedText(ctx.doc, ctx.text);
    const completionCells = completionCellBlocks(ctx.doc.tables, ctx.doc.blocks);
    for (const n of ctx.doc.numbers) {
      if (n.kind !== 'percent' || n.sign === '+') continue;
      if (n.qualifier && n.qualifier !== '~' && n.qualifier !== '≈') continue;
      if (n.value >= 0 && n.value <= 100) continue;
      const lineStart = ctx.lines.starts[n.range.line - 1]!;
      const lineEnd = ctx.lines.lineEnd(n.range.line - 1);
      const before = masked.slice(lineStart, n.range.offset);
      const after = masked.slice(n.range.endOffset, lineEnd);
      if (NOT_COMPLETION.test(after.replace(/^[\s(\[,–—-]+/, ' '))) continue;
      let why: string | null = null;
      if (COMPLETION_AFTER.test(after)) why = `it is followed by "${(COMPLETION_AFTER.exec(after)?.[0] ?? '').trim()}"`;
      else if (COMPLETION_BEFORE.test(before.replace(/[|*_]+\s*$/, ''))) why = `it is labelled "${before.replace(/[|*_:：=\s]+$/, '').trim().split(/\s+/).slice(-2).join(' ')}"`;
      else {
        const header = completionCells.get(n.block);
        if (header !== undefined && cellIsValue(masked, ctx, n)) why = `it is in the "${header}" column`;
      }
      if (!why) continue;
      report(ctx, n, why);
    }
  },
};

function report(ctx: RuleContext, n: NumberToken, why: string): void {
  const lead = n.text.length - n.text.trimStart().length;
  const range = ctx.lines.range(n.range.offset + lead, n.range.endOffset);
  const text = n.text.trim();
  const side = n.value > 100 ? 'above 100%' : 'below 0%';
  ctx.report({
    range,
    message: `Unexpected ${text}, expected a completion between 0% and 100%: ${why}, and progress cannot be ${side}.`,
    detail: `${text} is read as a share of work done because ${why}. A share of the whole is at most 100% and at least 0%; if the figure measures something else (growth, attainment of a target), say so next to it ("of target", "growth").`,
  });
}

/** Blocks of table cells in a completion column (header text by block), headers excluded. */
function completionCellBlocks(tables: readonly Table[], blocks: readonly { table: [number, number, number] | null }[]): Map<number, string> {
  const byCell = new Map<string, string>();
  for (const t of tables) {
    t.columns.forEach((role, col) => {
      const h = t.header[col]?.text ?? '';
      if (role === 'completion' && !COMPLETION_HEADER_EXCLUDED.test(h)) {
        for (let r = 0; r < t.rows.length; r++) byCell.set(`${t.index}:${r}:${col}`, h);
      }
    });
  }
  const out = new Map<number, string>();
  blocks.forEach((b, i) => {
    if (!b.table) return;
    const h = byCell.get(b.table.join(':'));
    if (h !== undefined) out.set(i, h);
  });
  return out;
}

/** The percentage is the cell's value (`130%`, `**130%** ✅`), not one number in a sentence. */
function cellIsValue(masked: string, ctx: RuleContext, n: NumberToken): boolean {
  const block = ctx.doc.blocks[n.block]!;
  const cell = masked.slice(block.range.offset, block.range.endOffset).replace(/^\|/, '').replace(/\|$/, '');
  const rest = cell.replace(n.text.trim(), '');
  return !/[\p{N}]/u.test(rest) && rest.replace(/[^\p{L}]/gu, '').length <= 12;
}
