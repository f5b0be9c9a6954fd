/**
 * Seeded mutation fuzzing of check(): documents from test/fixtures (and ../shared/seeds,
 * corpus and labeled/docs when present) are mutated — lines deleted, duplicated and swapped,
 * random bytes and unicode inserted, digits changed, task boxes flipped, table pipes broken,
 * text truncated, long runs, a BOM or CRLF line ends — and each mutant must satisfy:
 * check() never throws; every finding's, related location's and fix edit's position lies
 * inside the text; each fix applied alone removes its finding (same rule, same line) and adds
 * no finding; Fix All (preferred fixes, repeated as the editor does) is idempotent; and an
 * incremental checker fed the document edit by edit equals a cold check.
 *
 *   FUZZ_SEED=<n> FUZZ_COUNT=<n> FUZZ_SECONDS=<n> npx mocha test/unit/fuzz.test.ts
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { applyFixes, check, LineIndex, type Finding } from '../../src/core/index';
import { IncrementalChecker } from '../../src/core/incremental';
import { FIXTURES, markdownUnder, random as mulberry32, readUtf8, ROOT, SHARED_DOC_DIRS, TODAY } from './helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201) >>> 0;
const COUNT = Number(process.env.FUZZ_COUNT ?? 3000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60);
/** Fixes tried alone per document (each costs a check). */
const FIXES_PER_DOC = 4;
/** Each mutant starts from a window of this many lines of its source document. */
const WINDOW_LINES = 40;

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;

const UNICODE = ['✅', '🚧', '❌', '⚠️', 'â†’', 'âœ…', '→', '—', '–', 'é', '状态', '\u00a0', '\u200b', '\u2028', '\ufeff', '𝟙', '½', '٣', '\t', '\r', '|', '[ ]', '[x]', '%', '**', '> ', '#', '`', '~', '≈', '×'];
const RUNS = [' ', '\t', '-', '|', '0', '1 of ', '> ', '#', '*', '2026-01-05 ', 'a'];

interface Mutation { name: string; apply: (text: string, r: Rand) => string }
const lines = (t: string) => t.split('\n');
const MUTATIONS: Mutation[] = [
  { name: 'delete a line', apply: (t, r) => { const l = lines(t); l.splice(int(r, l.length), 1); return l.join('\n'); } },
  { name: 'duplicate a line', apply: (t, r) => { const l = lines(t); const i = int(r, l.length); l.splice(i, 0, l[i]!); return l.join('\n'); } },
  { name: 'swap two lines', apply: (t, r) => { const l = lines(t); const i = int(r, l.length); const j = int(r, l.length); [l[i], l[j]] = [l[j]!, l[i]!]; return l.join('\n'); } },
  { name: 'insert random bytes', apply: (t, r) => { const at = int(r, t.length + 1); let s = ''; for (let k = 1 + int(r, 6); k > 0; k--) s += String.fromCharCode(int(r, 0x100)); return t.slice(0, at) + s + t.slice(at); } },
  { name: 'insert unicode', apply: (t, r) => { const at = int(r, t.length + 1); return t.slice(0, at) + pick(r, UNICODE) + t.slice(at); } },
  {
    name: 'change digits',
    apply: (t, r) => t.replace(/\d/g, (d) => (r() < 0.15 ? String(int(r, 10)) : d)),
  },
  { name: 'flip task boxes', apply: (t, r) => t.replace(/\[( |x|X)\]/g, (m, c: string) => (r() < 0.5 ? (c === ' ' ? '[x]' : '[ ]') : m)) },
  { name: 'break table pipes', apply: (t, r) => t.replace(/\|/g, (p) => (r() < 0.1 ? pick(r, ['', '||', ' ', '\\|']) : p)) },
  { name: 'truncate', apply: (t, r) => t.slice(0, int(r, t.length + 1)) },
  { name: 'insert a long run', apply: (t, r) => { const at = int(r, t.length + 1); return t.slice(0, at) + pick(r, RUNS).repeat(50 + int(r, 400)) + t.slice(at); } },
  { name: 'insert a BOM', apply: (t) => `\ufeff${t}` },
  { name: 'CRLF line ends', apply: (t) => t.replace(/\r?\n/g, '\r\n') },
];

// ------------------------------------------------------------------ properties

const run = (text: string) => check(text, { today: TODAY }).findings;
const key = (f: Finding) => `${f.rule}@${f.line}`;
const counts = (fs: readonly Finding[]) => {
  const m = new Map<string, number>();
  for (const f of fs) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
};

function fixAll(text: string): string {
  let t = text;
  for (let round = 0; round < 5; round++) {
    const preferred = run(t).filter((f) => f.fix?.preferred);
    const next = applyFixes(t, preferred).text;
    if (next === t) break;
    t = next;
  }
  return t;
}

/** The first property `text` violates, or null. */
function violation(text: string, steps: readonly string[]): string | null {
  let findings: Finding[];
  try {
    findings = run(text);
  } catch (error) {
    return `check() threw: ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)}`;
  }
  const idx = new LineIndex(text);
  const inside = (what: string, l: { line: number; column: number; endLine: number; endColumn: number }) => {
    const ok = (line: number, col: number) => line >= 1 && line <= idx.lineCount && col >= 1 && col <= idx.lineEnd(line - 1) - idx.starts[line - 1]! + 1;
    if (!ok(l.line, l.column) || !ok(l.endLine, l.endColumn)) return `${what} outside the text: ${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;
    if (l.endLine < l.line || (l.endLine === l.line && l.endColumn < l.column)) return `${what} ends before it starts: ${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;
    return null;
  };
  for (const f of findings) {
    const bad = inside(`${f.rule} finding`, f)
      ?? (f.related ?? []).map((x) => inside(`${f.rule} related location`, x)).find(Boolean)
      ?? [f.fix, ...(f.alternatives ?? [])].flatMap((x) => x?.edits ?? []).map((e) => inside(`${f.rule} fix edit`, e)).find(Boolean);
    if (bad) return `position: ${bad}`;
  }
  const before = counts(findings);
  // What a finding already points at (its related locations) is not new when a fix leaves it:
  // mojibake's characters that lost a byte stay after the repair, as one finding of their own.
  const pointed = new Set(findings.flatMap((f) => (f.related ?? []).map((r) => `${f.rule}@${r.line}`)));
  for (const f of findings.filter((x) => x.fix).slice(0, FIXES_PER_DOC)) {
    const fixed = applyFixes(text, [f]).text;
    let after: Finding[];
    try {
      after = run(fixed);
    } catch (error) {
      return `check() threw after the ${f.rule} fix at line ${f.line}: ${String(error)}`;
    }
    const a = counts(after);
    // What stays on the line may be what the finding itself named as beyond any fix (mojibake's
    // characters that lost a byte, on the line it repaired): a finding without a fix of its own.
    const leftover = (f.related ?? []).some((r) => r.line === f.line) && after.filter((x) => key(x) === key(f)).every((x) => !x.fix);
    if ((a.get(key(f)) ?? 0) >= (before.get(key(f)) ?? 0) && !leftover) return `fix alone: "${f.fix!.title}" (${f.rule}, line ${f.line}) does not remove its finding: ${f.message}`;
    for (const [k, n] of a) {
      if (n > (before.get(k) ?? 0) && !pointed.has(k)) {
        const added = after.find((x) => key(x) === k)!;
        return `fix alone: "${f.fix!.title}" (${f.rule}, line ${f.line}) adds a finding: ${added.rule} at line ${added.line}: ${added.message}`;
      }
    }
  }
  const once = fixAll(text);
  const twice = fixAll(once);
  if (once !== twice) {
    const left = run(once).filter((x) => x.fix?.preferred).map((x) => `${x.rule}@${x.line}`);
    return `fix all is not idempotent: a second Fix All changes the text again (${left.join(', ')})`;
  }
  const inc = new IncrementalChecker();
  for (const step of steps) inc.check(step, { today: TODAY });
  const incremental = inc.check(text, { today: TODAY });
  const cold = check(text, { today: TODAY });
  if (JSON.stringify(incremental.findings) !== JSON.stringify(cold.findings)) return 'incremental check differs from a cold check (findings)';
  if (JSON.stringify(incremental.doc) !== JSON.stringify(cold.doc)) return 'incremental check differs from a cold check (model)';
  return null;
}

/** Greedy line-wise reduction keeping the same kind of violation (bounded number of checks). */
function minimize(text: string, kind: string, budget = 150): string {
  const same = (t: string) => violation(t, [])?.split(':')[0] === kind;
  let l = text.split('\n');
  for (let chunk = Math.max(1, l.length >> 1); chunk >= 1 && budget > 0; chunk >>= 1) {
    for (let i = 0; i < l.length && budget > 0; ) {
      const cand = [...l.slice(0, i), ...l.slice(i + chunk)];
      budget--;
      if (cand.length && same(cand.join('\n'))) l = cand;
      else i += chunk;
    }
  }
  return l.join('\n');
}

describe(`fuzz: mutated documents (seed ${SEED})`, function () {
  this.timeout(600_000);
  const present = SHARED_DOC_DIRS.filter((d) => existsSync(d.path));
  for (const d of SHARED_DOC_DIRS.filter((x) => !existsSync(x.path))) it(`skipped: ${d.name} is not present, not fuzzed`);

  it(`check() keeps its properties on up to ${COUNT} mutants of test/fixtures${present.map((d) => `, ${d.name}`).join('')} (${SECONDS} s budget)`, () => {
    const files = [FIXTURES, ...present.map((d) => d.path)].flatMap(markdownUnder);
    const docs = files.map((p) => ({ path: relative(ROOT, p), text: readUtf8(p) }));
    assert.ok(docs.length > 0);
    console.log(`      seed ${SEED} (set FUZZ_SEED to reproduce), ${docs.length} source documents`);
    const deadline = Date.now() + SECONDS * 1000;
    const failures = new Map<string, string>();
    let done = 0;
    for (let i = 0; i < COUNT && Date.now() < deadline; i++) {
      const r = mulberry32((SEED ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
      const src = pick(r, docs);
      // A window of up to WINDOW_LINES lines keeps each mutant small, so thousands fit the budget.
      const all = src.text.split('\n');
      const from = all.length > WINDOW_LINES ? int(r, all.length - WINDOW_LINES + 1) : 0;
      const base = all.slice(from, from + WINDOW_LINES).join('\n');
      const steps: string[] = [base];
      const names: string[] = [from > 0 || all.length > WINDOW_LINES ? `lines ${from + 1}-${Math.min(all.length, from + WINDOW_LINES)}` : 'whole document'];
      let text = base;
      for (let k = 1 + int(r, 3); k > 0; k--) {
        const m = pick(r, MUTATIONS);
        text = m.apply(text, r);
        names.push(m.name);
        steps.push(text);
      }
      steps.pop();
      done++;
      const v = violation(text, steps);
      if (!v) continue;
      const kind = v.split(':')[0]!;
      const rule = /\((\S+?), line/.exec(v)?.[1] ?? /^check\(\) threw|^position: (\S+)/.exec(v)?.[1] ?? '';
      const id = `${kind}|${rule}`;
      if (failures.has(id) || failures.size >= 25) continue;
      const repro = minimize(text, kind);
      failures.set(id, `- ${v}\n  mutant #${i} of ${src.path} (seed ${SEED}): ${names.join(', ')}\n  minimal repro (${repro.length} chars): ${JSON.stringify(repro.length > 600 ? `${repro.slice(0, 600)}…` : repro)}`);
    }
    console.log(`      ${done} mutants checked, ${failures.size} distinct failure(s)`);
    assert.equal(failures.size, 0, `fuzzing (seed ${SEED}) found ${failures.size} distinct failure(s):\n${[...failures.values()].join('\n')}\n`);
  });
});
