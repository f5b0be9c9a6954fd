import { agreesAtPrecision, formatLike, roundTo, withinTolerance } from '../model/arithmetic';
import type { Claim, Quantity } from '../model/schema';
import type { Rule, RuleContext } from './types';
import { endpointInterval, formatNumber, over, rangeWithin, unitScale, writtenWithin, type Interval } from './util/interval';
import { because, isLetter, named } from './util/say';

interface Reading {
  kind: 'absolute' | 'relative' | 'speed' | 'attainment';
  exact: number;
  iv: Interval;
  why: string;
}

const show = (q: Quantity) => formatNumber(q.value, q.precision);

/**
 * A stated change that disagrees with its endpoints (`change` claims: `55% → 73% (+20 points)`,
 * `+25% (from 4.0% to 5.0%)`, `78-108% increase (1400 → 5000 req/s)`, Previous / Current
 * pairs, Before | After | Change and Target | Achieved | Variance rows). A change in `%`
 * between percentages may be points or relative; either reading that agrees is accepted, and
 * so is any value the endpoints' rounding allows.
 */
export const deltaMismatch: Rule = {
  id: 'delta-mismatch',
  description: 'A stated change (`+20 points`, `-6%`, `67% reduction`) that disagrees with the before and after values it describes.',
  defaultSeverity: 'error',
  tags: ['arithmetic', 'consistency'],
  fixable: true,
  run(ctx) {
    for (const claim of ctx.claims('change')) {
      if (claim.unchecked) { ctx.verdict(claim, 'unchecked', claim.unchecked); continue; }
      check(ctx, claim);
    }
  },
};

function readingsOf(claim: Claim, before: Quantity, after: Quantity): Reading[] | string {
  const change = claim.stated!;
  const sb = unitScale(before.unit);
  const sa = unitScale(after.unit);
  if (sb && sa && sb.family !== sa.family) return 'the endpoints have different units';
  const family = (sb ?? sa)?.family ?? null;
  const b = endpointInterval(before, sb?.scale ?? sa?.scale ?? 1, family);
  const a = endpointInterval(after, sa?.scale ?? sb?.scale ?? 1, family);
  const vb = before.value * (sb?.scale ?? sa?.scale ?? 1);
  const va = after.value * (sa?.scale ?? sb?.scale ?? 1);
  const isPercent = (before.unit ?? after.unit) === '%';
  const out: Reading[] = [];
  const rel = (x: number, y: number) => ((y - x) / Math.abs(x)) * 100;
  const spd = (x: number, y: number) => (Math.max(x, y) / Math.min(x, y) - 1) * 100;
  // A difference is taken from the values as written; ratios from any value their rounding allows.
  const absolute = (scale: number, why: string): Reading => ({
    kind: 'absolute', exact: (va - vb) / scale, iv: { lo: (va - vb) / scale, hi: (va - vb) / scale }, why,
  });
  const relative = (): Reading | null => (vb !== 0 ? { kind: 'relative', exact: rel(vb, va), iv: over(b, a, rel), why: `(${show(after)} − ${show(before)}) ÷ ${show(before)}` } : null);
  const sameScale = (sb?.scale ?? 1) === (sa?.scale ?? 1);
  if (claim.form === 'worded') {
    const r = relative();
    if (r) out.push(r);
    if (isPercent) out.push(absolute(1, `${show(after)} − ${show(before)}`));
  } else if (change.unit === 'points' || change.unit === null) {
    if (!sameScale) return 'the endpoints are in different units and the change has none';
    out.push(absolute(sb?.scale ?? sa?.scale ?? 1, `${show(after)} − ${show(before)}`));
  } else if (change.unit !== '%') {
    const sc = unitScale(change.unit)!;
    const ep = sb ?? sa;
    if (ep && ep.family !== sc.family) return `the change is in ${change.unit}, the endpoints are not`;
    out.push(absolute(ep ? sc.scale : 1, `${after.text} − ${before.text}`));
  } else {
    if (isPercent) out.push(absolute(1, `${show(after)} − ${show(before)}`));
    const r = relative();
    if (r) out.push(r);
    if (claim.data.table === true && change.sign === null && !claim.data.words && vb > 0) {
      out.push({ kind: 'attainment', exact: (va / vb) * 100, iv: over(b, a, (x, y) => (y / x) * 100), why: `${show(after)} ÷ ${show(before)}` });
    }
  }
  // `N% faster` may also be a speed-up: old ÷ new − 1.
  if (claim.data.speed === true || claim.data.direction === 'speed') {
    if (va > 0 && vb > 0) out.push({ kind: 'speed', exact: spd(vb, va), iv: over(b, a, spd), why: `${show(va > vb ? after : before)} ÷ ${show(va > vb ? before : after)} − 1` });
  }
  return out.filter((r) => Number.isFinite(r.exact));
}

function check(ctx: RuleContext, claim: Claim): void {
  const change = claim.stated;
  const before = claim.evidence.find((e) => e.role === 'before')?.quantity;
  const after = claim.evidence.find((e) => e.role === 'after')?.quantity;
  if (!change || !before || !after) { ctx.verdict(claim, 'unchecked', 'no endpoints'); return; }
  const readings = readingsOf(claim, before, after);
  if (typeof readings === 'string') { ctx.verdict(claim, 'unchecked', readings); return; }
  if (!readings.length) { ctx.verdict(claim, 'unchecked', 'no reading of the change can be computed'); return; }
  const byMagnitude = change.sign === null;
  const written = change.sign === '-' ? -change.value : change.value;
  const approx = Boolean(change.qualifier || before.qualifier || after.qualifier);
  const tol = ctx.config.approximateTolerance;
  const low = typeof claim.data.low === 'number' ? claim.data.low : null;
  const ivOf = (r: Reading): Interval => (byMagnitude || r.kind === 'speed' ? magnitude(r.iv) : r.iv);
  const agrees = (r: Reading) => {
    const iv = ivOf(r);
    if (low !== null) return rangeWithin(low, change.value, change.precision, iv);
    if (writtenWithin(byMagnitude || r.kind === 'speed' ? change.value : written, change.precision, iv)) return true;
    const exact = byMagnitude || r.kind === 'speed' ? Math.abs(r.exact) : r.exact;
    return approx && Math.sign(written) === Math.sign(roundTo(exact, change.precision)) && withinTolerance(Math.abs(written), Math.abs(exact), tol);
  };
  if (readings.some(agrees)) { ctx.verdict(claim, 'right'); return; }
  const changes = readings.filter((r) => r.kind !== 'attainment');
  if (!changes.length) { ctx.verdict(claim, 'unchecked', 'an unsigned percentage in a change column that is not the attainment either'); return; }
  report(ctx, claim, before, after, changes, written, byMagnitude, low);
}

function magnitude(iv: Interval): Interval {
  if (iv.lo >= 0) return iv;
  if (iv.hi <= 0) return { lo: -iv.hi, hi: -iv.lo };
  return { lo: 0, hi: Math.max(-iv.lo, iv.hi) };
}

function report(ctx: RuleContext, claim: Claim, before: Quantity, after: Quantity, readings: Reading[], written: number, byMagnitude: boolean, low: number | null): void {
  const change = claim.stated!;
  const expectedOf = (r: Reading) => roundTo(byMagnitude || r.kind === 'speed' ? Math.abs(r.exact) : r.exact, change.precision);
  const best = readings.reduce((x, y) => (Math.abs(expectedOf(y) - written) < Math.abs(expectedOf(x) - written) ? y : x));
  const expected = expectedOf(best);
  const magnitudeText = formatLike({ text: change.text, precision: change.precision }, Math.abs(expected));
  const numberText = change.sign === null || expected === 0 ? magnitudeText : expected > 0 ? `+${magnitudeText}` : `-${magnitudeText}`;
  const statedText = String(claim.data.text ?? change.text);
  const expectedText = low !== null ? statedText.replace(change.text, `${numberText}`) : statedText.replace(change.text, numberText);
  const p = best.kind === 'absolute' ? Math.max(before.precision, after.precision) : Math.max(change.precision, 1);
  const exactText = formatNumber(roundTo(best.exact, p), p);
  const unitWord = best.kind !== 'absolute' ? '%' : before.unit === '%' ? ' points' : change.unit && change.unit !== 'points' && change.unit !== '%' ? ` ${change.unit}` : before.unit && !before.unit.startsWith('/') ? ` ${before.unit}` : '';
  const label = best.kind === 'relative' ? ' (relative change)' : best.kind === 'speed' ? ' (speed-up)' : '';
  const others = readings.filter((r) => r !== best).map((r) => `${r.kind} ${formatNumber(roundTo(r.exact, 1), 1)}`);
  const range = change.range;
  // `+20 points should be +18`: a unit word the stated text repeats is not said twice.
  const tail = statedText.slice(statedText.indexOf(change.text) + change.text.length);
  const shortExpected = low === null && tail[0] === ' ' && isLetter(tail[1]) ? numberText : expectedText;
  const exactShown = best.kind === 'absolute' && Math.abs(best.exact - expected) < 1e-9;
  const arithmetic = exactShown ? best.why : `${best.why} = ${exactText}${unitWord}${label}`;
  ctx.report({
    claim,
    range,
    message: `${named(claim.subject, statedText)}${statedText} should be ${shortExpected}${because(arithmetic)}.`,
    related: [
      { range: before.range, message: `Before: ${before.text}` },
      { range: after.range, message: `After: ${after.text}` },
    ],
    detail: `The change from ${before.text} to ${after.text} is ${best.why} = ${exactText}${unitWord}${label}; written with ${change.precision} decimal${change.precision === 1 ? '' : 's'} that is ${numberText}, but the text says ${low !== null ? statedText : change.text}. Values the endpoints' rounding allows were accepted too.${others.length ? ` Other readings checked: ${others.join(', ')}.` : ''}`,
    fix: low !== null ? undefined : fixWithTotal(ctx, range, written, expected, expectedText, numberText),
  });
}

/**
 * The fix of a change cell, with the Total row of its column when that total was right: it
 * moves by as much, so the fix leaves no wrong total behind. A total whose sign sits outside
 * its number (or would flip) is not rewritten, and then no fix is offered at all.
 */
function fixWithTotal(ctx: RuleContext, range: Claim['range'], written: number, expected: number, expectedText: string, numberText: string): { title: string; edits: { range: Claim['range']; text: string }[]; preferred: boolean } | undefined {
  const edit = { range, text: numberText };
  const total = ctx.claims('total').find((t) => t.form === 'column-sum' && t.stated && t.evidence.some((e) => e.role === 'part' && e.range.offset <= range.offset && range.endOffset <= e.range.endOffset));
  if (!total) return { title: `Change to ${expectedText}`, edits: [edit], preferred: true };
  const stated = total.stated!;
  const parts = total.evidence.filter((e) => e.role === 'part' && e.quantity);
  const sum = parts.reduce((s, e) => s + e.quantity!.value, 0);
  if (!agreesAtPrecision(stated.value, sum, stated.precision)) return { title: `Change to ${expectedText}`, edits: [edit], preferred: true };
  const moved = roundTo(stated.value + (expected - written), stated.precision);
  if (stated.sign !== null || stated.value < 0 || moved < 0) return undefined;
  return {
    title: `Change to ${expectedText} and the total to ${formatLike(stated, moved)}`,
    edits: [edit, { range: stated.range, text: formatLike(stated, moved) }],
    preferred: true,
  };
}
