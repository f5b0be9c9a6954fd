/**
 * Scoring of findings against a labeled set, with the semantics of the shared labeled set's
 * score.py: each required (rule, lines) is matched by at most one finding of that rule on one
 * of its lines; a finding that matches nothing required is excused when it is allowed or
 * stretch; with `forbidden` present only the listed pairs count as false positives; otherwise
 * (held-out) a finding of the same rule on the lines of a requirement already matched is not
 * counted twice, and every other finding is a false positive.
 */
import { readFileSync } from 'node:fs';

export interface LabelEntry {
  rule: string;
  lines: number[];
  evidence?: string;
  why?: string;
}

/** As written in an expect.json: an object or a `[rule, [lines]]` pair. */
export type RawEntry = LabelEntry | [string, number[]];

export interface DocLabels {
  required?: RawEntry[];
  allowed?: RawEntry[];
  stretch?: RawEntry[];
  forbidden?: RawEntry[];
}

export interface ExpectFile {
  today: string;
  note?: string;
  docs: Record<string, DocLabels>;
}

/** One finding as far as scoring cares: its rule and 1-based line. */
export interface Got {
  rule: string;
  line: number;
}

export interface Miss { doc: string; rule: string; lines: number[]; evidence?: string; why?: string }
export interface FalsePositive { doc: string; rule: string; line: number }
export interface Hit { doc: string; rule: string; line: number }

export interface RuleScore {
  rule: string;
  required: number;
  hit: number;
  recall: number;
  falsePositives: number;
  precision: number;
}

export interface SetScore {
  hit: number;
  need: number;
  falsePositives: number;
  recall: number;
  precision: number;
  stretchHit: number;
  stretchNeed: number;
  /** The documents of the set, in the order of expect.json. */
  docs: string[];
  hits: Hit[];
  misses: Miss[];
  falsePositiveList: FalsePositive[];
  rules: RuleScore[];
}

export function normalizeEntry(e: RawEntry): LabelEntry {
  return Array.isArray(e) ? { rule: e[0], lines: e[1] } : e;
}

export function readExpect(path: string): ExpectFile {
  return JSON.parse(readFileSync(path, 'utf8')) as ExpectFile;
}

const ratio = (a: number, b: number): number => (b ? a / b : 1);

/**
 * Scores `findings` (keyed by document file name, as in expect.json) against `expect`.
 * Documents absent from `findings` count as having no findings.
 */
export function scoreSet(expect: ExpectFile, findings: ReadonlyMap<string, readonly Got[]>): SetScore {
  let hit = 0;
  let need = 0;
  let stretchHit = 0;
  let stretchNeed = 0;
  const hits: Hit[] = [];
  const misses: Miss[] = [];
  const fps: FalsePositive[] = [];
  const perRule = new Map<string, { required: number; hit: number; fp: number }>();
  const ruleRow = (rule: string) => {
    let r = perRule.get(rule);
    if (!r) perRule.set(rule, (r = { required: 0, hit: 0, fp: 0 }));
    return r;
  };
  const on = (e: LabelEntry, g: Got) => g.rule === e.rule && e.lines.includes(g.line);

  for (const [name, spec] of Object.entries(expect.docs)) {
    const got = findings.get(name) ?? [];
    const required = (spec.required ?? []).map(normalizeEntry);
    const allowed = [...(spec.allowed ?? []), ...(spec.stretch ?? [])].map(normalizeEntry);
    const stretch = (spec.stretch ?? []).map(normalizeEntry);
    const forbidden = spec.forbidden === undefined ? undefined : spec.forbidden.map(normalizeEntry);
    const used = new Set<number>();
    for (const req of required) {
      need++;
      ruleRow(req.rule).required++;
      const i = got.findIndex((g, j) => !used.has(j) && on(req, g));
      if (i >= 0) {
        hit++;
        ruleRow(req.rule).hit++;
        used.add(i);
        hits.push({ doc: name, rule: req.rule, line: got[i]!.line });
      } else {
        misses.push({ doc: name, rule: req.rule, lines: req.lines, evidence: req.evidence, why: req.why });
      }
    }
    for (const s of stretch) {
      stretchNeed++;
      if (got.some((g) => on(s, g))) stretchHit++;
    }
    got.forEach((g, i) => {
      if (used.has(i)) return;
      if (allowed.some((e) => on(e, g))) return;
      if (forbidden !== undefined) {
        if (forbidden.some((e) => on(e, g))) {
          fps.push({ doc: name, rule: g.rule, line: g.line });
          ruleRow(g.rule).fp++;
        }
        return;
      }
      if (required.some((e) => on(e, g))) return;
      fps.push({ doc: name, rule: g.rule, line: g.line });
      ruleRow(g.rule).fp++;
    });
  }

  const rules = [...perRule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, r]) => ({
      rule,
      required: r.required,
      hit: r.hit,
      recall: ratio(r.hit, r.required),
      falsePositives: r.fp,
      precision: ratio(r.hit, r.hit + r.fp),
    }));
  return {
    hit,
    need,
    falsePositives: fps.length,
    recall: ratio(hit, need),
    precision: ratio(hit, hit + fps.length),
    stretchHit,
    stretchNeed,
    docs: Object.keys(expect.docs),
    hits,
    misses,
    falsePositiveList: fps,
    rules,
  };
}

/** `MISS …` and `FALSE POSITIVE …` lines in score.py's wording, document by document. */
export function problemLines(s: SetScore, verbose = false): string[] {
  const out: string[] = [];
  for (const d of s.docs) {
    for (const m of s.misses.filter((x) => x.doc === d)) {
      out.push(`MISS ${d}: ${m.rule} on line [${m.lines.join(', ')}]`);
      if (verbose && m.evidence) out.push(`    ${m.evidence.trim()}`);
      if (verbose && m.why) out.push(`    why: ${m.why}`);
    }
    for (const f of s.falsePositiveList.filter((x) => x.doc === d)) out.push(`FALSE POSITIVE ${d}: ${f.rule} on line ${f.line}`);
  }
  return out;
}

/** The per-rule table as aligned text. */
export function ruleTable(s: SetScore): string[] {
  const head = ['rule', 'required', 'hit', 'recall', 'false positives', 'precision'];
  const rows = s.rules.map((r) => [r.rule, String(r.required), String(r.hit), r.required ? r.recall.toFixed(2) : '-', String(r.falsePositives), r.hit + r.falsePositives ? r.precision.toFixed(2) : '-']);
  rows.push(['(all)', String(s.need), String(s.hit), s.recall.toFixed(2), String(s.falsePositives), s.precision.toFixed(2)]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join(' | ')} |`;
  return [fmt(head), `|${w.map((n, i) => (i === 0 ? '-'.repeat(n + 2) : `${'-'.repeat(n + 1)}:`)).join('|')}|`, ...rows.map(fmt)];
}

export function summaryLine(name: string, s: SetScore): string {
  const stretch = s.stretchNeed ? `, stretch ${s.stretchHit}/${s.stretchNeed}` : '';
  return `${name}: recall ${s.hit}/${s.need} = ${s.recall.toFixed(2)}, false positives ${s.falsePositives}, precision ${s.precision.toFixed(2)}${stretch}`;
}
