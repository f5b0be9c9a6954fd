/**
 * Change claims: a stated difference between two values. Forms: `arrow` (`55% → 73% (+20
 * points)`), `change-from-to` (`+25% (from 4.0% to 5.0%)`), `from-to-change`, `worded`
 * (`78-108% increase (1400 → 5000 req/s)`), `previous-current` line pairs, `score` (the
 * model's score lines), `table` (Before | After | Change, Target | Achieved | Variance).
 *
 * stated: the change number (value = magnitude, sign as written, unit `points`, `%`, the
 * endpoints' unit or null). evidence: `before`, `after`. data: `text` (the change as written),
 * `words` (direction words), `low` (the lower end of a stated range, else null), `table`
 * (a change column; an unsigned `100%` there may be attainment).
 */
import {
  ARROW_CHANGE, CELL_CHANGE, CELL_ENDPOINT, CHANGE_FROM_TO, CURRENT_LINE, directionOf, ENDS_WITH_ARROW, FROM_TO_CHANGE,
  HAS_ARROW, HAS_FROM, isChangeWord, LETTER, ORDINAL_BEFORE, PARENTHESIS, POINTS_UNIT, PREVIOUS_LINE, SIGNED_DIGITS, SPEED_WORDS, WORD_SPLIT, WORDED_CHANGE,
} from '../../grammar/change';
import { decimals, parseNum } from '../numbers';
import type { NumberToken, Quantity, Range } from '../schema';
import { checkedLines, checkedText } from '../text';
import { endpointQuantity, pairedRows } from './pairs';
import { draft, evidence, type ClaimDraft, type ClaimExtractor, type ChunkExtractContext } from './types';

interface StatedChange {
  quantity: Quantity;
  text: string;
  words: string[];
}

function changeOf(ctx: ChunkExtractContext, m: RegExpMatchArray | RegExpExecArray, base: number, endpointUnit: string | null): StatedChange | null {
  const g = m.groups!;
  const ix = m.indices!.groups!;
  if (g.cs === '±') return null;
  const words = (g.cw ?? '').toLowerCase().split(WORD_SPLIT).filter(Boolean);
  if (!words.every((w) => isChangeWord(w, endpointUnit))) return null;
  const rawUnit = (g.cu ?? '').toLowerCase();
  if (rawUnit === 'x') return null; // `3x faster` is a factor.
  let unit: string | null = rawUnit === '%' ? '%' : POINTS_UNIT.test(rawUnit) ? 'points' : g.cu ? g.cu : null;
  if (!unit && words.length === 1 && endpointUnit && words[0] === endpointUnit.toLowerCase()) unit = endpointUnit;
  const [ns, ne] = ix.cn!;
  const start = g.cs ? ix.cs![0] : ns;
  const [ts] = g.cq ? ix.cq! : [start];
  const te = g.cw ? ix.cw![1] : g.cu ? ix.cu![1] : ne;
  return {
    quantity: {
      value: parseNum(g.cn!),
      of: null,
      unit,
      qualifier: g.cq ? g.cq.trim() : null,
      sign: g.cs === '+' ? '+' : g.cs ? '-' : null,
      precision: decimals(g.cn!),
      text: m.input!.slice(start, ne),
      range: ctx.lines.range(base + start, base + ne),
    },
    text: m.input!.slice(ts, te).replace(/\s+/g, ' ').trim(),
    words,
  };
}

function build(
  ctx: ChunkExtractContext, form: string, before: Quantity, after: Quantity, change: StatedChange, statement: Range,
  data: Record<string, string | number | boolean | null> = {}, subject = '',
): ClaimDraft {
  return draft('change', form, {
    subject: subject || change.text,
    range: change.quantity.range,
    statement,
    stated: change.quantity,
    evidence: [evidence('before', 'Before', before.range, { quantity: before }), evidence('after', 'After', after.range, { quantity: after })],
    data: { text: change.text, words: change.words.join(' '), low: null, table: false, speed: change.words.some((w) => SPEED_WORDS.has(w)), ...data },
    section: ctx.doc.sections.length ? sectionAt(ctx, statement.offset) : null,
  });
}

function sectionAt(ctx: ChunkExtractContext, offset: number): number | null {
  let found: number | null = null;
  for (const s of ctx.doc.sections) if (s.range.offset <= offset && offset < s.range.endOffset) found = s.index;
  return found;
}

/** A score's number as a quantity: the sign and digits only (what a fix replaces). */
function tokenQuantity(ctx: ChunkExtractContext, t: NumberToken, unit: string | null): Quantity {
  const m = SIGNED_DIGITS.exec(t.text);
  const start = t.range.offset + (m ? m.index : 0);
  const text = m ? m[0] : t.text.trim();
  return {
    value: Math.abs(t.value), of: t.of, unit, qualifier: t.qualifier, sign: t.sign, precision: t.precision,
    text, range: ctx.lines.range(start, start + text.length),
  };
}

export const changeExtractor: ClaimExtractor = {
  scope: 'chunk',
  kinds: ['change'],
  extract(ctx) {
    const out: ClaimDraft[] = [];
    const seen = new Set<number>();
    const push = (c: ClaimDraft | null) => {
      if (!c || seen.has(c.range.offset)) return;
      seen.add(c.range.offset);
      out.push(c);
    };
    // Score lines the model already read.
    for (const s of ctx.doc.scores) {
      if (!s.delta) continue;
      const unit = s.deltaUnit === 'pp' ? 'points' : s.deltaUnit;
      if (!s.delta.sign && unit !== 'points') continue; // `(75%)` after an arrow may be the new state.
      const change: StatedChange = { quantity: tokenQuantity(ctx, s.delta, unit), text: s.delta.text.trim(), words: [] };
      push(build(ctx, 'score', tokenQuantity(ctx, s.before, '%'), tokenQuantity(ctx, s.after, '%'), change, s.range, {}, s.name));
    }
    const masked = checkedText(ctx.doc, ctx.text);
    const lines = checkedLines(ctx.doc, ctx.text);
    for (const line of lines) {
      if (!/\d/.test(line.text)) continue;
      const arrow = HAS_ARROW.test(line.text);
      const from = HAS_FROM.test(line.text);
      if (!arrow && !from) continue;
      for (const re of [ARROW_CHANGE, CHANGE_FROM_TO, FROM_TO_CHANGE, WORDED_CHANGE]) {
        if (re === ARROW_CHANGE && !arrow) continue;
        if ((re === CHANGE_FROM_TO || re === FROM_TO_CHANGE) && !from) continue;
        re.lastIndex = 0;
        for (const m of ctx.scans.all(line.text, re)) {
          const ix = m.indices!.groups!;
          if (re !== WORDED_CHANGE && ENDS_WITH_ARROW.test(line.text.slice(0, m.index!))) continue;
          if (re !== CHANGE_FROM_TO && ORDINAL_BEFORE.test(line.text.slice(0, ix.n1![0]).replace(/[~≈]\s?$/, ''))) continue;
          // A chain `a → b → c` after the endpoints.
          if (HAS_ARROW.test(m[0].slice(ix.n2![1] - m.index!))) continue;
          const before = endpointQuantity(m, 1, line.offset, ctx.lines);
          const after = endpointQuantity(m, 2, line.offset, ctx.lines);
          if (!before || !after) continue;
          const statement = ctx.lines.range(line.offset + m.index!, line.offset + m.index! + m[0].length);
          if (re === WORDED_CHANGE) {
            if (!directionOf(m.groups!.cw!)) continue;
            const g = m.groups!;
            const s0 = line.offset + (g.lo ? ix.lo![0] : ix.cn![0]);
            const e0 = line.offset + ix.cn![1];
            const c: StatedChange = {
              quantity: {
                value: parseNum(g.cn!), of: null, unit: '%', qualifier: g.cq ? g.cq.trim() : null, sign: null,
                precision: decimals(g.cn!), text: masked.slice(s0, e0), range: ctx.lines.range(s0, e0),
              },
              text: m[0].slice(0, ix.cw![1] - m.index!).trim(),
              words: g.cw!.toLowerCase().split(WORD_SPLIT),
            };
            const low = g.lo ? parseNum(g.lo) : null;
            push(build(ctx, 'worded', before, after, c, statement, { low, direction: directionOf(m.groups!.cw!) }));
            continue;
          }
          const c = changeOf(ctx, m, line.offset, after.unit ?? before.unit);
          if (!c) continue;
          // Unsigned, unitless and wordless, `(75%)` after an arrow may be the new state.
          if (c.quantity.sign === null && c.quantity.unit !== 'points' && !c.words.length) continue;
          push(build(ctx, re === ARROW_CHANGE ? 'arrow' : re === CHANGE_FROM_TO ? 'change-from-to' : 'from-to-change', before, after, c, statement));
        }
      }
    }
    // Previous / Current on consecutive lines.
    for (let i = 0; i < lines.length; i++) {
      const prev = PREVIOUS_LINE.exec(lines[i]!.text);
      if (!prev) continue;
      let j = i + 1;
      while (j < lines.length && lines[j]!.text.trim() === '') j++;
      if (j >= lines.length || j > i + 2) continue;
      const cur = CURRENT_LINE.exec(lines[j]!.text);
      if (!cur) continue;
      const before = endpointQuantity(prev, 1, lines[i]!.offset, ctx.lines);
      const after = endpointQuantity(cur, 2, lines[j]!.offset, ctx.lines);
      const c = after && changeOf(ctx, cur, lines[j]!.offset, after.unit ?? before?.unit ?? null);
      if (before && after && c) push(build(ctx, 'previous-current', before, after, c, ctx.lines.range(lines[i]!.offset, lines[j]!.offset + lines[j]!.text.length)));
    }
    for (const t of ctx.doc.tables) {
      for (const { pair, row, before: cb, after: ca, change: cc, subject } of pairedRows(t, masked)) {
        const mb = CELL_ENDPOINT.exec(cb.text);
        const ma = CELL_ENDPOINT.exec(ca.text);
        const mc = CELL_CHANGE.exec(cc.text);
        if (!mb || !ma || !mc) continue;
        if (LETTER.test(mb.groups!.rest!.replace(PARENTHESIS, '')) || LETTER.test(ma.groups!.rest!.replace(PARENTHESIS, ''))) continue;
        const before = endpointQuantity(mb, 1, cb.offset, ctx.lines);
        const after = endpointQuantity(ma, 1, ca.offset, ctx.lines);
        if (!before || !after) continue;
        const c = changeOf(ctx, mc, cc.offset, after.unit ?? before.unit);
        if (pair.result && !c?.quantity.sign) continue; // a `Result` cell without a sign may be a value
        if (!c) continue;
        const claim = build(ctx, 'table', before, after, c, row.range, { table: true }, subject);
        // A Total row's cells are sums of the rows above (total-mismatch checks them); its
        // change would only echo a wrong sum, and move when the sum is fixed.
        if (row.isTotal) claim.unchecked = 'a Total row: its cells are checked as sums of the rows above';
        push(claim);
      }
    }
    return out;
  },
};
