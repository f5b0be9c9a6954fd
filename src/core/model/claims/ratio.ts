/**
 * Ratio claims: a percentage that states the share n/m. Forms: `ratio-then-percent`
 * (`164/173 tests passing (96%)`, `45 of 52 pass, i.e. 92%`), `percent-then-ratio` (`95%
 * (19/20)`), `table-cells` (`| 7/10 | 70% |`). stated: the percentage (text = its digits);
 * evidence: `ratio` (value = numerator, of = denominator). data: `percentText`, `complement`
 * (the words say the percentage may be the rest: `failing`, `remaining`).
 *
 * Also form `completion`: a percentage said to be a share of work done (`120% complete`,
 * `Progress: 130%`, a Progress column cell) — a share of 100, no evidence; data: `why`.
 * percent-range reads these.
 */
import {
  CELL_WORDS, CLOSES_LATER, CLOSES_SOON, COMPLEMENT, COMPLETION_AFTER, COMPLETION_BEFORE, COMPLETION_HEADER_EXCLUDED, DIGIT,
  LEAD_SEPARATORS, LETTER_OR_DIGIT, NOT_COMPLETION, NOT_SHARE_HEADER, NOT_THE_SHARE, OPENS, ORDINAL_BEFORE, OTHER_MEASURE,
  PERCENT_THEN_RATIO, RATIO_THEN_PERCENT, SHARE_HEADER, TRAILING_LABEL_PUNCT, TRAILING_MARKUP,
} from '../../grammar/ratio';
import type { NumberToken, Quantity } from '../schema';
import { checkedText } from '../text';
import { draft, evidence, type ClaimDraft, type ClaimExtractor, type ChunkExtractContext } from './types';
import { pushAll } from '../../collections';

const isBound = (q: string | null) => Boolean(q && q !== '~' && q !== '≈');

function percentQuantity(ctx: ChunkExtractContext, p: NumberToken): Quantity {
  const m = DIGIT.exec(p.text)!;
  const start = p.range.offset + m.index;
  return {
    value: p.value, of: null, unit: '%', qualifier: p.qualifier, sign: p.sign, precision: p.precision,
    text: m[0], range: ctx.lines.range(start, start + m[0].length),
  };
}

function trimmedRange(ctx: ChunkExtractContext, t: NumberToken) {
  const lead = t.text.length - t.text.trimStart().length;
  return ctx.lines.range(t.range.offset + lead, t.range.endOffset);
}

function ratioClaim(ctx: ChunkExtractContext, form: string, r: NumberToken, p: NumberToken, context: string): ClaimDraft | null {
  if (isBound(p.qualifier) || isBound(r.qualifier)) return null; // `≥90%`, `95%+`: bounds, not values.
  if (p.sign) return null; // `(+36%)` is a change, not a share.
  const ratio: Quantity = {
    value: r.value, of: r.of, unit: null, qualifier: r.qualifier, sign: null, precision: r.precision,
    text: r.text.replace(/\s+/g, ' ').trim(), range: trimmedRange(ctx, r),
  };
  const stated = percentQuantity(ctx, p);
  const lo = Math.min(r.range.offset, p.range.offset);
  const hi = Math.max(r.range.endOffset, p.range.endOffset);
  return draft('ratio', form, {
    subject: ratio.text,
    range: trimmedRange(ctx, p),
    statement: ctx.lines.range(lo, hi),
    stated,
    evidence: [evidence('ratio', 'The ratio', ratio.range, { quantity: ratio })],
    data: { percentText: p.text.trim(), complement: COMPLEMENT.test(context) },
    section: r.section,
  });
}

export const ratioExtractor: ClaimExtractor = {
  scope: 'chunk',
  kinds: ['ratio'],
  extract(ctx) {
    const masked = checkedText(ctx.doc, ctx.text);
    const nums = ctx.doc.numbers;
    const out: ClaimDraft[] = [];
    for (let i = 0; i < nums.length; i++) {
      const r = nums[i]!;
      if (r.kind !== 'ratio' || r.of === null || r.of <= 0 || r.value < 0) continue;
      const lineStart = ctx.lines.starts[r.range.line - 1]!;
      if (ORDINAL_BEFORE.test(masked.slice(Math.max(lineStart, r.range.offset - 40), r.range.offset))) continue;
      const next = nums[i + 1];
      if (next && next.kind === 'percent' && next.block === r.block && next.range.line === r.range.line) {
        const between = masked.slice(r.range.endOffset, next.range.offset);
        if (RATIO_THEN_PERCENT.test(between)) {
          const after = masked.slice(next.range.endOffset, Math.min(next.range.endOffset + 80, ctx.lines.lineEnd(next.range.line - 1)));
          const closes = OPENS.test(between) ? CLOSES_SOON.test(after) : true;
          if (closes && !NOT_THE_SHARE.test(after)) {
            const c = ratioClaim(ctx, 'ratio-then-percent', r, next, between + after.slice(0, 40));
            if (c) out.push(c);
          }
          continue;
        }
      }
      const prev = nums[i - 1];
      if (prev && prev.kind === 'percent' && prev.block === r.block && prev.range.line === r.range.line) {
        const between = masked.slice(prev.range.endOffset, r.range.offset);
        const after = masked.slice(r.range.endOffset, Math.min(r.range.endOffset + 80, ctx.lines.lineEnd(r.range.line - 1)));
        const closes = OPENS.test(between) ? CLOSES_LATER.test(after) : true;
        if (PERCENT_THEN_RATIO.test(between) && !OTHER_MEASURE.test(between) && closes) {
          const c = ratioClaim(ctx, 'percent-then-ratio', r, prev, between + after.slice(0, 60));
          if (c) out.push(c);
        }
      }
    }
    pushAll(out, tableCells(ctx, masked));
    pushAll(out, completions(ctx, masked));
    return out;
  },
};

/**
 * `| 7/10 | 70% |`: a cell holding only a ratio followed by a cell holding only a percentage in
 * a completion column. Only this order: a percentage before a ratio is often a different
 * measure (`| 0% | 497/497 violations |`, `| 10% weight | 10/10 |`).
 */
function tableCells(ctx: ChunkExtractContext, masked: string): ClaimDraft[] {
  const byBlock = new Map<number, NumberToken[]>();
  for (const n of ctx.doc.numbers) {
    const list = byBlock.get(n.block);
    if (list) list.push(n);
    else byBlock.set(n.block, [n]);
  }
  const cellBlock = new Map<string, number>();
  ctx.doc.blocks.forEach((b, i) => { if (b.table) cellBlock.set(b.table.join(':'), i); });
  const sole = (t: number, r: number, c: number, kind: NumberToken['kind']): NumberToken | null => {
    const bi = cellBlock.get(`${t}:${r}:${c}`);
    if (bi === undefined) return null;
    const list = byBlock.get(bi) ?? [];
    if (list.length !== 1 || list[0]!.kind !== kind) return null;
    const b = ctx.doc.blocks[bi]!;
    const rest = masked.slice(b.range.offset, b.range.endOffset).replace(list[0]!.text.trim(), '');
    return LETTER_OR_DIGIT.test(rest.replace(CELL_WORDS, '')) ? null : list[0]!;
  };
  const out: ClaimDraft[] = [];
  for (const t of ctx.doc.tables) {
    for (let c = 0; c + 1 < t.columns.length; c++) {
      const header = t.header[c + 1]?.text ?? '';
      if (t.columns[c + 1] !== 'completion' && !SHARE_HEADER.test(header)) continue;
      if (NOT_SHARE_HEADER.test(header) || NOT_SHARE_HEADER.test(t.header[c]?.text ?? '')) continue;
      for (let r = 0; r < t.rows.length; r++) {
        const ratio = sole(t.index, r, c, 'ratio');
        const percent = ratio && sole(t.index, r, c + 1, 'percent');
        const claim = ratio && percent && ratio.of !== null && ratio.of > 0 ? ratioClaim(ctx, 'table-cells', ratio, percent, '') : null;
        if (claim) out.push(claim);
      }
    }
  }
  return out;
}

/** Completion percentages: followed by `complete`, labelled `Progress:`, or the value of a Progress cell. */
function completions(ctx: ChunkExtractContext, masked: string): ClaimDraft[] {
  const cells = completionCells(ctx);
  const out: ClaimDraft[] = [];
  for (const n of ctx.doc.numbers) {
    if (n.kind !== 'percent' || n.sign === '+' || isBound(n.qualifier)) continue;
    const lineStart = ctx.lines.starts[n.range.line - 1]!;
    const lineEnd = ctx.lines.lineEnd(n.range.line - 1);
    const before = masked.slice(Math.max(lineStart, n.range.offset - 80), n.range.offset);
    const after = masked.slice(n.range.endOffset, Math.min(lineEnd, n.range.endOffset + 80));
    if (NOT_COMPLETION.test(after.replace(LEAD_SEPARATORS, ' '))) continue;
    let why: string | null = null;
    const word = COMPLETION_AFTER.exec(after);
    if (word) why = `it is followed by "${word[0].trim()}"`;
    else if (COMPLETION_BEFORE.test(before.replace(TRAILING_MARKUP, ''))) why = `it is labelled "${before.replace(TRAILING_LABEL_PUNCT, '').trim().split(/\s+/).slice(-2).join(' ')}"`;
    else {
      const header = cells.get(n.block);
      if (header !== undefined && cellIsValue(ctx, masked, n)) why = `it is in the "${header}" column`;
    }
    if (!why) continue;
    const stated = percentQuantity(ctx, n);
    out.push(draft('ratio', 'completion', {
      subject: n.text.trim(), range: trimmedRange(ctx, n), stated, data: { why, percentText: n.text.trim() }, section: n.section,
    }));
  }
  return out;
}

function completionCells(ctx: ChunkExtractContext): Map<number, string> {
  const byCell = new Map<string, string>();
  for (const t of ctx.doc.tables) {
    t.columns.forEach((role, col) => {
      const h = t.header[col]?.text ?? '';
      if (role === 'completion' && !COMPLETION_HEADER_EXCLUDED.test(h)) {
        for (let r = 0; r < t.rows.length; r++) byCell.set(`${t.index}:${r}:${col}`, h);
      }
    });
  }
  const out = new Map<number, string>();
  ctx.doc.blocks.forEach((b, i) => {
    if (!b.table) return;
    const h = byCell.get(b.table.join(':'));
    if (h !== undefined) out.set(i, h);
  });
  return out;
}

/** The percentage is the cell's value (`130%`, `**130%** ✅`), not one number in a sentence. */
function cellIsValue(ctx: ChunkExtractContext, masked: string, n: NumberToken): boolean {
  const block = ctx.doc.blocks[n.block]!;
  const cell = masked.slice(block.range.offset, block.range.endOffset).replace(/^\|/, '').replace(/\|$/, '');
  const rest = cell.replace(n.text.trim(), '');
  return !/[\p{N}]/u.test(rest) && rest.replace(/[^\p{L}]/gu, '').length <= 12;
}
