import type { Range } from '../model/schema';
import type { Rule, RuleContext } from './types';
import {
  agreesAtPrecision, checkedText, formatLike, linesWithOffsets, NUMBER_SOURCE, roundTo, unitScale, withinTolerance,
} from './util/numeric';
import { formatNumber, parseNum } from '../model/numbers';

/** One side of a change: `55%`, `85.5/100`, `~100 lines`, `5.0s`. */
interface Endpoint {
  value: number;
  precision: number;
  /** `%`, `/100`, `lines`, `s`, … or null. */
  unit: string | null;
  approx: boolean;
  start: number;
  end: number;
  text: string;
}

/** The stated change: `+18 points`, `-6%`, `67% reduction`. */
interface Change {
  /** Magnitude as written. */
  value: number;
  sign: '+' | '-' | null;
  /** The sign character as written (`-` or `−`), for the fix. */
  signText: string;
  precision: number;
  /** `points` (also pp), `%`, another unit word, or null. */
  unit: string | null;
  /** Lower-cased words after the number (`reduction`, `faster`). */
  words: string[];
  approx: boolean;
  /** Span of the sign and number (what a fix replaces). */
  start: number;
  end: number;
  /** Span of the whole change as written, unit and words included (what the message quotes). */
  text: string;
  numberText: string;
}

interface Claim {
  before: Endpoint;
  after: Endpoint;
  change: Change;
}

const NUM = NUMBER_SOURCE;
const ARROW = String.raw`(?:→|->|=>|⟶|➔|➡️?|â†’)`;
const UNIT = String.raw`\s?%|\s?/\s?\d+(?:\.\d+)?|\s?[a-zA-Zµ]+(?:/[a-zA-Z]+)?`;
const endpoint = (i: number) => String.raw`(?<q${i}>[~≈]\s?)?(?<c${i}>[$€£¥])?(?<n${i}>${NUM})(?<u${i}>${UNIT})?(?<p${i}>\+)?`;
const CHANGE_UNIT = String.raw`%|pp|p\.p\.|percentage points?|pct points?|points?|pts?`;
const CHANGE = String.raw`(?<cq>[~≈]\s?)?(?<cs>[+\-−±])?\s?(?<cn>${NUM})\s?(?<cu>${CHANGE_UNIT}|[a-zA-Zµ]+(?:/[a-zA-Z]+)?)?(?![\p{L}\p{N}])(?<cw>(?:[\s,]+[\p{L}-]+){0,3})`;
const NOT_AFTER = String.raw`(?<![\p{L}\p{N}_.,:/\\#@+\-−])`;
/** `Sprint 3 → 4 (+25%)`, `Phase 1 → 2`: positions, not quantities. */
const ORDINAL_BEFORE = /(?:phase|sprint|week|step|day|stage|wave|iteration|part|page|chapter|level|round|session|epic|milestone|month|quarter|release|version|story|task|item|tier|grade|rank|no\.?|number)\s*[$€£¥]?\s*$/i;

/** `55% → 73% (+20 points)`, `85.5/100 → 91.7/100 (+6.2 points)`, `5.0s → 3.0s (40% faster)`. */
const ARROW_CLAIM = new RegExp(String.raw`${NOT_AFTER}${endpoint(1)}\s*${ARROW}\s*${endpoint(2)}\s*\(\s*(?:(?:need|needs|gap|remaining)\s*:?\s*)?${CHANGE}\s*\)`, 'dgiu');
/** `+25% (from 4.0% to 5.0%)`. */
const CHANGE_FROM_TO = new RegExp(String.raw`${NOT_AFTER}${CHANGE}\s*\(\s*from\s+${endpoint(1)}\s+to\s+${endpoint(2)}\s*\)`, 'dgiu');
/** `from 4.0% to 5.0% (+25%)`. */
const FROM_TO_CHANGE = new RegExp(String.raw`\bfrom\s+${endpoint(1)}\s+to\s+${endpoint(2)}\s*\(\s*${CHANGE}\s*\)`, 'dgiu');
/** `Previous: 75% complete` on one line, `Current: 95% complete (+20%)` on the next. */
const PREVIOUS_LINE = new RegExp(String.raw`^\s*(?:previous|before|baseline|was|old|last (?:week|sprint|month|report|update|period))\s*:\s*${endpoint(1)}(?:\s+\p{L}+){0,2}\s*$`, 'diu');
const CURRENT_LINE = new RegExp(String.raw`^\s*(?:current|now|after|new|today|this (?:week|sprint|month|report|period))\s*:\s*${endpoint(2)}(?:\s+\p{L}+){0,2}\s*\(\s*${CHANGE}\s*\)`, 'diu');

const DECREASE = new Set(['reduction', 'reduced', 'decrease', 'decreased', 'decline', 'drop', 'down', 'less', 'fewer', 'smaller', 'lower', 'cut', 'shorter', 'savings', 'saved', 'saving']);
const INCREASE = new Set(['increase', 'increased', 'growth', 'gain', 'up', 'more', 'larger', 'higher', 'improvement', 'improved', 'boost', 'longer']);
const SPEED = new Set(['faster', 'slower', 'quicker', 'speedup', 'better', 'worse']);
const NEUTRAL = new Set(['change', 'delta', 'net', 'overall', 'total', 'relative', 'absolute']);

const isChangeWord = (w: string, endpointUnit: string | null) =>
  DECREASE.has(w) || INCREASE.has(w) || SPEED.has(w) || NEUTRAL.has(w) || (endpointUnit !== null && w === endpointUnit.toLowerCase());

/**
 * A stated change that disagrees with its endpoints: `55% → 73% (+20 points)`, a Previous /
 * Current pair, a Before | After | Change table row. A change in `%` between two percentages
 * may be absolute (points) or relative; either reading that agrees is accepted.
 */
export const deltaMismatch: Rule = {
  id: 'delta-mismatch',
  description: 'A stated change (`+20 points`, `-6%`, `67% reduction`) that disagrees with the before and after values it describes.',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    const masked = checkedText(ctx.doc, ctx.text);
    const seen = new Set<number>();
    const check = (claim: Claim | null) => {
      if (!claim || seen.has(claim.change.start)) return;
      seen.add(claim.change.start);
      verify(ctx, claim);
    };
    const lines = linesWithOffsets(masked);
    for (const line of lines) {
      if (!/\d/.test(line.text)) continue;
      const arrow = /→|->|=>|⟶|➔|➡|â†’/.test(line.text);
      const from = /\bfrom\b/i.test(line.text);
      if (!arrow && !from) continue;
      for (const re of [ARROW_CLAIM, CHANGE_FROM_TO, FROM_TO_CHANGE]) {
        if (re === ARROW_CLAIM ? !arrow : !from) continue;
        re.lastIndex = 0;
        for (const m of line.text.matchAll(re)) {
          if (re === ARROW_CLAIM && chained(line.text, m.index!)) continue;
          if (re !== CHANGE_FROM_TO && ORDINAL_BEFORE.test(line.text.slice(0, m.indices!.groups!.n1![0]).replace(/[~≈]\s?$/, ''))) continue;
          const claim = claimOf(m, line.offset);
          // Unsigned, unitless and wordless, `(75%)` after an arrow may be the new state rather than the change.
          if (claim && claim.change.sign === null && claim.change.unit !== 'points' && !claim.change.words.length) continue;
          check(claim);
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
      const before = endpointOf(prev, 1, lines[i]!.offset);
      const after = endpointOf(cur, 2, lines[j]!.offset);
      const change = changeOf(cur, lines[j]!.offset, after?.unit ?? null);
      if (before && after && change) check({ before, after, change });
    }
    for (const claim of tableClaims(ctx, masked)) check(claim);
  },
};

/** `38% → 55% → 70% (+32)`: a chain is ambiguous (the last step or the whole way); skipped. */
function chained(line: string, index: number): boolean {
  return new RegExp(String.raw`${ARROW}\s*$`, 'u').test(line.slice(0, index));
}

function endpointOf(m: RegExpExecArray | RegExpMatchArray, i: number, base: number): Endpoint | null {
  const g = m.groups!;
  if (g[`p${i}`]) return null; // `80%+` is a floor, not a value.
  const n = g[`n${i}`]!;
  const [ns] = m.indices!.groups![`n${i}`]!;
  const q = g[`q${i}`];
  const cur = g[`c${i}`] ?? '';
  const [qs] = q ? m.indices!.groups![`q${i}`]! : cur ? m.indices!.groups![`c${i}`]! : [ns];
  const rawUnit = g[`u${i}`] ?? '';
  const end = ns + n.length + rawUnit.length;
  const unit = rawUnit.trim().replace(/\s+/g, '') || null;
  return {
    value: parseNum(n), precision: decimalsOf(n), unit, approx: Boolean(q),
    start: base + qs, end: base + end, text: (q ?? '') + cur + n + rawUnit,
  };
}

function changeOf(m: RegExpExecArray | RegExpMatchArray, base: number, endpointUnit: string | null): Change | null {
  const g = m.groups!;
  const ix = m.indices!.groups!;
  if (g.cs === '±') return null;
  const words = (g.cw ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (!words.every((w) => isChangeWord(w, endpointUnit))) return null;
  const rawUnit = (g.cu ?? '').toLowerCase();
  const unit = rawUnit === '%' ? '%' : /^(?:pp|p\.p\.|percentage points?|pct points?|points?|pts?)$/.test(rawUnit) ? 'points' : g.cu ? g.cu : null;
  const [ns, ne] = ix.cn!;
  const start = g.cs ? ix.cs![0] : ns;
  const [ts] = g.cq ? ix.cq! : [start];
  const te = g.cw ? ix.cw![1] : g.cu ? ix.cu![1] : ne;
  const s = m.input!.slice(ts, te);
  return {
    value: parseNum(g.cn!),
    sign: g.cs === '+' ? '+' : g.cs ? '-' : null,
    signText: g.cs ?? '',
    precision: decimalsOf(g.cn!),
    unit: unit ?? (words.length === 1 && endpointUnit && words[0] === endpointUnit.toLowerCase() ? endpointUnit : null),
    words,
    approx: Boolean(g.cq),
    start: base + start,
    end: base + ne,
    text: s.replace(/\s+/g, ' ').trim(),
    numberText: m.input!.slice(start, ne),
  };
}

function claimOf(m: RegExpMatchArray, base: number): Claim | null {
  const before = endpointOf(m, 1, base);
  const after = endpointOf(m, 2, base);
  if (!before || !after) return null;
  const change = changeOf(m, base, after.unit ?? before.unit);
  return change ? { before, after, change } : null;
}

function decimalsOf(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

// ---------------------------------------------------------------- tables

const CHANGE_HEADER = /change|delta|Δ|\bdiff|improvement|gain|increase|decrease|reduction|savings|variation|growth|speed-?up/i;
const CELL_ENDPOINT = new RegExp(String.raw`^[^\p{L}\p{N}~≈<>+\-−]*?${endpoint(1)}(?<rest>[^\p{N}]*)$`, 'du');
const CELL_CHANGE = new RegExp(String.raw`^[^\p{L}\p{N}~≈+\-−±]*?${CHANGE}(?<rest>[^\p{L}\p{N}]*)$`, 'du');

function* tableClaims(ctx: RuleContext, masked: string): Generator<Claim> {
  for (const t of ctx.doc.tables) {
    const b = t.columns.indexOf('before');
    const a = t.columns.indexOf('after');
    let c = t.columns.indexOf('change');
    if (c < 0) c = t.header.findIndex((h) => CHANGE_HEADER.test(h.text));
    if (b < 0 || a < 0 || c < 0 || b >= a) continue;
    for (const row of t.rows) {
      const cell = (i: number) => {
        const r = row.cells[i]?.range;
        return r ? { text: masked.slice(r.offset, r.endOffset), offset: r.offset } : null;
      };
      const cb = cell(b);
      const ca = cell(a);
      const cc = cell(c);
      if (!cb || !ca || !cc) continue;
      const mb = CELL_ENDPOINT.exec(cb.text);
      const ma = CELL_ENDPOINT.exec(ca.text);
      const mc = CELL_CHANGE.exec(cc.text);
      if (!mb || !ma || !mc) continue;
      if (/\p{L}/u.test(mb.groups!.rest!.replace(/\([^)]*\)/g, '')) || /\p{L}/u.test(ma.groups!.rest!.replace(/\([^)]*\)/g, ''))) continue;
      const before = endpointOf(mb, 1, cb.offset);
      const after = endpointOf(ma, 1, ca.offset);
      if (!before || !after) continue;
      const change = changeOf(mc, cc.offset, after.unit ?? before.unit);
      if (change) yield { before, after, change };
    }
  }
}

// ---------------------------------------------------------------- arithmetic

interface Reading {
  kind: 'absolute' | 'relative' | 'speed';
  exact: number;
  why: string;
  words: string;
}

function verify(ctx: RuleContext, claim: Claim): void {
  const { before, after, change } = claim;
  const sb = unitScale(before.unit);
  const sa = unitScale(after.unit);
  if (sb && sa && sb.family !== sa.family) return;
  const scaleB = sb?.scale ?? sa?.scale ?? 1;
  const scaleA = sa?.scale ?? sb?.scale ?? 1;
  const vb = before.value * scaleB;
  const va = after.value * scaleA;
  const unit = before.unit ?? after.unit;
  const sameScale = scaleA === scaleB;
  const isPercent = unit === '%';
  const show = (e: Endpoint) => formatNumber(e.value, e.precision);

  const readings: Reading[] = [];
  const absolute = (): Reading | null => (sameScale ? {
    kind: 'absolute',
    exact: after.value - before.value,
    why: `${show(after)} − ${show(before)}`,
    words: isPercent ? 'percentage points' : unit && !unit.startsWith('/') ? unit : 'points',
  } : null);
  const relative = (): Reading | null => (vb !== 0 ? {
    kind: 'relative',
    exact: ((va - vb) / Math.abs(vb)) * 100,
    why: `(${show(after)} − ${show(before)}) ÷ ${show(before)}`,
    words: 'relative change',
  } : null);
  const speed = (): Reading | null => (va !== 0 && vb !== 0 ? {
    kind: 'speed',
    exact: (Math.max(va, vb) / Math.min(va, vb) - 1) * 100,
    why: `${show(va > vb ? after : before)} ÷ ${show(va > vb ? before : after)} − 1`,
    words: 'speed-up',
  } : null);

  if (change.unit === 'points' || change.unit === null) {
    readings.push(absolute()!);
  } else if (change.unit !== '%') {
    // `(-50ms)`, `(+3 engineers)`, `(+0.5 h)`: a change in the endpoints' own unit.
    const sc = unitScale(change.unit)!;
    const ep = sb ?? sa;
    if (ep && ep.family !== sc.family) return;
    readings.push(ep ? {
      kind: 'absolute',
      exact: (va - vb) / sc.scale,
      why: sameScale && ep.scale === sc.scale ? `${show(after)} − ${show(before)}` : `${after.text} − ${before.text}`,
      words: change.unit,
    } : { ...absolute()!, words: change.unit });
  } else {
    if (isPercent) readings.push(absolute()!);
    readings.push(relative()!);
    if (change.words.some((w) => SPEED.has(w))) readings.push(speed()!);
  }
  const usable = readings.filter((r): r is Reading => r !== null && Number.isFinite(r.exact));
  if (!usable.length) return;

  const signed = change.sign === '-' ? -change.value : change.value;
  const byMagnitude = change.sign === null;
  const tol = ctx.config.approximateTolerance;
  const approx = change.approx || before.approx || after.approx;
  const agrees = (r: Reading) => {
    const exact = byMagnitude || r.kind === 'speed' ? Math.abs(r.exact) : r.exact;
    const written = byMagnitude || r.kind === 'speed' ? change.value : signed;
    if (agreesAtPrecision(written, exact, change.precision)) return true;
    return approx && Math.sign(written) === Math.sign(roundTo(exact, change.precision)) && withinTolerance(Math.abs(written), Math.abs(exact), tol);
  };
  if (usable.some(agrees)) return;

  const written = byMagnitude ? change.value : signed;
  const expectedOf = (r: Reading) => roundTo(byMagnitude || r.kind === 'speed' ? Math.abs(r.exact) : r.exact, change.precision);
  const best = usable.reduce((x, y) => (Math.abs(expectedOf(y) - written) < Math.abs(expectedOf(x) - written) ? y : x));
  const expected = expectedOf(best);
  const numberText = replacement(change, expected);
  const expectedText = change.text.replace(change.numberText, numberText);
  const p = best.kind === 'absolute' ? Math.max(before.precision, after.precision) : Math.max(change.precision, 1);
  const exactText = formatNumber(roundTo(best.exact, p), p);
  const others = usable.filter((r) => r !== best).map((r) => `${r.words} ${signedText(roundTo(r.exact, 1), 1)}`);
  const range = ctx.lines.range(change.start, change.end);
  const related = [
    { range: rangeOf(ctx, before), message: `Before: ${before.text}` },
    { range: rangeOf(ctx, after), message: `After: ${after.text}` },
  ];
  const unitWord = best.kind !== 'absolute' ? '%' : best.words === 'percentage points' ? ' points' : change.unit && change.unit !== 'points' ? ` ${change.unit}` : unit && !unit.startsWith('/') ? ` ${unit}` : '';
  ctx.report({
    range,
    message: `Unexpected ${change.text}, expected ${expectedText}: ${best.why} = ${exactText}${unitWord}${best.kind === 'relative' ? ' (relative change)' : best.kind === 'speed' ? ' (speed-up)' : ''}.`,
    related,
    detail: `The change from ${before.text} to ${after.text} is ${best.why} = ${exactText}${unitWord} (${best.words}); written with ${change.precision} decimal${change.precision === 1 ? '' : 's'} that is ${numberText}, but the text says ${change.numberText}.${others.length ? ` Other readings checked: ${others.join(', ')}.` : ''}`,
    fix: { title: `Change to ${expectedText}`, edits: [{ range, text: numberText }], preferred: true },
  });
}

function replacement(change: Change, expected: number): string {
  const magnitude = formatLike({ text: change.numberText, precision: change.precision }, Math.abs(expected));
  if (change.sign === null) return magnitude;
  if (expected === 0) return magnitude;
  return expected > 0 ? `+${magnitude}` : `${change.signText === '−' ? '−' : '-'}${magnitude}`;
}

function signedText(v: number, p: number): string {
  const s = formatNumber(v, p);
  return v > 0 ? `+${s}` : s;
}

function rangeOf(ctx: RuleContext, e: Endpoint): Range {
  return ctx.lines.range(e.start, e.end);
}
