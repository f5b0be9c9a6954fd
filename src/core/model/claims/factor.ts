/**
 * Factor claims: a multiplier stated for two values. Forms: `against-reference` (`0.079%
 * (target <1%, achieved 88x better)`), `arrow` (`500ms → 50ms (10x faster)`, `from 900 ms to
 * 300 ms — 3x faster`), `labelled-pair` (`832ms (AST), 595ms (Bytecode) = 1.4x speedup`),
 * `factor-then-pair` (`5x increase (100 → 500 users)`), `table` (a factor cell in a Speedup /
 * Improvement column of a comparison table).
 *
 * stated: the factor (unit `x`). evidence: `before` and `after` (for a reference: `value`
 * and `reference`). The factor is the larger value over the smaller, whichever the direction.
 */
import { ENDS_WITH_ARROW, HAS_ARROW, ORDINAL_BEFORE } from '../../grammar/change';
import {
  AGAINST_REFERENCE, APPROX, ARROW_FACTOR, CELL_FACTOR, FACTOR_SIGN, FACTOR_THEN_PAIR, HAS_FACTOR, LABELLED_PAIR, TABLE_SIDE, TRAILING_APPROX, ZH_FACTOR,
} from '../../grammar/factor';
import { decimals, parseNum } from '../numbers';
import type { Quantity, Range } from '../schema';
import { checkedLines, checkedText } from '../text';
import { pairedRows } from './pairs';
import { draft, evidence, type ClaimDraft, type ClaimExtractor, type ChunkExtractContext } from './types';

function sideOf(ctx: ChunkExtractContext, m: RegExpMatchArray, k: 'v' | 't', base: number): Quantity {
  const g = m.groups!;
  const ix = m.indices!.groups!;
  const q = g[`${k}q`];
  const approx = Boolean(q && APPROX.test(q));
  const start = approx ? ix[`${k}q`]![0] : ix[k]![0];
  const unit = g[`${k}u`] ?? null;
  const end = unit ? ix[`${k}u`]![1] : ix[k]![1];
  return {
    value: parseNum(g[k]!), of: null, unit, qualifier: q ? q.trim() : null, sign: null, precision: decimals(g[k]!),
    text: m.input!.slice(start, end), range: ctx.lines.range(base + start, base + end),
  };
}

/** The factor's quantity, and what is written around its digits (`~`, ` x`). */
function factorOf(ctx: ChunkExtractContext, m: RegExpMatchArray, base: number): Quantity & { around: [string, string] } {
  const g = m.groups!;
  const ix = m.indices!.groups!;
  const [fs] = g.fq ? ix.fq! : ix.f!;
  const fe = ix.f![1] + (FACTOR_SIGN.exec(m.input!.slice(ix.f![1], ix.f![1] + 2))?.[0].length ?? 0);
  return {
    value: parseNum(g.f!), of: null, unit: 'x', qualifier: g.fq ? g.fq.trim() : null, sign: null, precision: decimals(g.f!),
    text: m.input!.slice(fs, fe), range: ctx.lines.range(base + fs, base + fe),
    around: [m.input!.slice(fs, ix.f![0]), m.input!.slice(ix.f![1], fe)],
  };
}

function build(form: string, f: Quantity & { around: [string, string] }, a: Quantity, b: Quantity, statement: Range, roles: [string, string], subject = ''): ClaimDraft {
  const { around, ...factor } = f;
  return draft('factor', form, {
    subject: subject || factor.text,
    range: factor.range,
    statement,
    stated: factor,
    evidence: [
      evidence(roles[0], roles[0] === 'before' ? 'Before' : 'Value', a.range, { quantity: a }),
      evidence(roles[1], roles[1] === 'after' ? 'After' : 'Compared with', b.range, { quantity: b }),
    ],
    data: { prefix: around[0], suffix: around[1] },
  });
}

export const factorExtractor: ClaimExtractor = {
  scope: 'chunk',
  kinds: ['factor'],
  extract(ctx) {
    const out: ClaimDraft[] = [];
    const seen = new Set<number>();
    const push = (c: ClaimDraft) => {
      if (seen.has(c.range.offset)) return;
      seen.add(c.range.offset);
      out.push(c);
    };
    const masked = checkedText(ctx.doc, ctx.text);
    for (const line of checkedLines(ctx.doc, ctx.text)) {
      if (!HAS_FACTOR.test(line.text)) continue;
      for (const re of [AGAINST_REFERENCE, ARROW_FACTOR, LABELLED_PAIR, FACTOR_THEN_PAIR, ZH_FACTOR]) {
        re.lastIndex = 0;
        for (const m of ctx.scans.all(line.text, re)) {
          const ix = m.indices!.groups!;
          const first = Math.min(ix.v![0], ix.t![0]);
          const lead = line.text.slice(0, first).replace(TRAILING_APPROX, '');
          if (ORDINAL_BEFORE.test(lead)) continue;
          if (re === ARROW_FACTOR && ENDS_WITH_ARROW.test(lead)) continue;
          if (re === FACTOR_THEN_PAIR && HAS_ARROW.test(m[0].slice(ix.t![1] - m.index!))) continue;
          const statement = ctx.lines.range(line.offset + m.index!, line.offset + m.index! + m[0].length);
          const arrow = re === ARROW_FACTOR || re === FACTOR_THEN_PAIR || re === ZH_FACTOR;
          const form = re === AGAINST_REFERENCE ? 'against-reference' : re === ARROW_FACTOR ? 'arrow' : re === LABELLED_PAIR ? 'labelled-pair' : re === ZH_FACTOR ? 'zh-arrow' : 'factor-then-pair';
          const c = build(form, factorOf(ctx, m, line.offset), sideOf(ctx, m, 'v', line.offset), sideOf(ctx, m, 't', line.offset), statement, arrow ? ['before', 'after'] : ['value', 'reference']);
          // `提升 5 倍` may say "by 5 times" (6x) as well as "5 times": both readings stand.
          if (re === ZH_FACTOR) c.data = { ...c.data, plusOne: true };
          push(c);
        }
      }
    }
    for (const t of ctx.doc.tables) {
      for (const { row, before: cb, after: ca, change: cc, subject } of pairedRows(t, masked)) {
        const mc = CELL_FACTOR.exec(cc.text);
        if (!mc) continue;
        const [b, a] = [cb, ca].map((c) => TABLE_SIDE.exec(c.text));
        if (!b || !a) continue;
        push(build('table', factorOf(ctx, mc, cc.offset), sideOf(ctx, b, 'v', cb.offset), sideOf(ctx, a, 'v', ca.offset), row.range, ['before', 'after'], subject));
      }
    }
    return out;
  },
};

