/**
 * Generates the benchmark workspace: about `targetBytes` of distinct status documents in
 * team folders. A third are written from scratch here (phases, checklists, weighted tables,
 * score lists, milestone tables, code blocks); the rest, when ../shared/corpus is present, are
 * the corpus documents read at run time with every number re-drawn (years kept), so the
 * workload looks like real documents. Every file also carries its own id, so no two are equal.
 *
 *   node --import tsx test/bench/generate.ts [DIR] [MB]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { random } from '../unit/helpers';

export interface Workspace { dir: string; files: number; bytes: number }

const TEAMS = ['atlas', 'borealis', 'cedar', 'delta', 'ember', 'fjord', 'granite', 'harbor', 'iris', 'juniper', 'kestrel', 'lumen'];
const PEOPLE = ['Avery', 'Bruno', 'Chiara', 'Dmitri', 'Esme', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kenji', 'Lena', 'Mateo', 'Nadia', 'Oskar', 'Priya'];
const ROLES = ['Backend', 'Frontend', 'QA', 'Security', 'Docs', 'Data', 'Infra', 'Mobile', 'Design', 'Release'];
const THINGS = ['billing export', 'search index', 'audit log', 'onboarding flow', 'rate limiter', 'sync engine', 'report builder', 'cache layer', 'webhook retries', 'settings page', 'import wizard', 'mobile login'];
const STATUS = ['✅ Complete', '🚧 In Progress', '📋 Planned', '❌ Blocked', '⚠️ At Risk'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function syntheticDocument(id: number, rnd: () => number): string {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const team = pick(TEAMS);
  const before = int(5, 60);
  const after = int(before, 100);
  const out: string[] = [
    `# ${team[0]!.toUpperCase()}${team.slice(1)} ${pick(THINGS)} — status report ${id}`,
    '',
    `**Date**: 2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
    `**Status**: ${pick(STATUS)}`,
    `**Overall Progress**: ${before}% → ${after}% (+${after - before + (rnd() < 0.2 ? int(1, 5) : 0)}%)`,
    `**Sprint ID**: ${team.toUpperCase()}-${id}`,
    '',
  ];
  const phases = int(3, 40);
  for (let p = 1; p <= phases; p++) {
    out.push(`## Phase ${p}: ${pick(THINGS)} ${pick(STATUS)}`, '');
    out.push(`${pick(PEOPLE)} moved the ${pick(THINGS)} from ${int(1, 40)} of ${int(41, 80)} cases to ${int(41, 80)} of ${int(81, 120)} (${int(10, 99)}%), ~${int(100, 900)} lines in ${int(2, 30)} files.`, '');
    const tasks = int(2, 9);
    for (let t = 0; t < tasks; t++) out.push(`- [${rnd() < 0.6 ? 'x' : ' '}] ${pick(THINGS)} for ${pick(PEOPLE)} (${int(1, 13)} pts)`);
    out.push('');
    if (rnd() < 0.6) {
      const rows = int(2, 6);
      const weights = Array.from({ length: rows }, () => int(1, 5));
      const sum = weights.reduce((a, b) => a + b, 0);
      out.push('| Task | Weight | Done | Status |', '|------|--------|------|--------|');
      let total = 0;
      for (let r = 0; r < rows; r++) {
        const w = Math.round((weights[r]! / sum) * 100);
        const d = pick([0, 25, 50, 75, 100]);
        total += (w * d) / 100;
        out.push(`| ${pick(THINGS)} | ${w}% | ${d}% | ${d === 100 ? '✅' : d === 0 ? '📋' : '🚧'} |`);
      }
      out.push(`| **Total** | 100% | ${Math.round(total + (rnd() < 0.3 ? int(1, 9) : 0))}% | |`, '');
    }
    if (rnd() < 0.4) {
      out.push(`### Scores`, '');
      for (let s = 1; s <= int(2, 6); s++) {
        const b = int(20, 80);
        const a = int(b, 100);
        out.push(`${s}. **${pick(PEOPLE)} (${pick(ROLES)})**: ${b}% → ${a}% (+${a - b + (rnd() < 0.25 ? 2 : 0)} points) ${a === 100 ? '✅' : '🚧'}`);
      }
      out.push('');
    }
    if (rnd() < 0.3) {
      out.push('| Milestone | Target Date | Status |', '|---|---|---|');
      for (let m = 0; m < int(2, 5); m++) out.push(`| ${pick(THINGS)} | ${pick(MONTHS)} ${int(1, 28)}, ${int(2025, 2027)} | ${pick(STATUS)} |`);
      out.push('');
    }
    if (rnd() < 0.2) out.push('```text', `Tests: ${int(100, 400)} passed, ${int(0, 9)} failed`, `Coverage: ${int(50, 99)}.${int(0, 9)}%`, '```', '');
  }
  return out.join('\n');
}

/** A corpus document with every number re-drawn (four-digit years kept) and its own id line. */
function variant(template: string, id: number, rnd: () => number): string {
  const body = template.replace(/^\ufeff/, '').replace(/\d+/g, (digits) => {
    if (digits.length === 4 && /^(19|20)\d\d$/.test(digits)) return digits;
    let s = '';
    for (let i = 0; i < digits.length; i++) s += String(i === 0 && digits.length > 1 ? 1 + Math.floor(rnd() * 9) : Math.floor(rnd() * 10));
    return s;
  });
  return `<!-- workspace document ${id} -->\n${body}`;
}

/** The workspace's documents in order, without writing them: its relative path and text each. */
export function* workspaceDocuments(targetBytes: number, corpusDir: string | null, seed = 20261122): Generator<{ path: string; text: string }> {
  const rnd = random(seed);
  const templates = corpusDir && existsSync(corpusDir)
    ? readdirSync(corpusDir).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(corpusDir, f), 'utf8'))
    : [];
  let bytes = 0;
  const seen = new Set<string>();
  for (let id = 1; bytes < targetBytes; id++) {
    const fromCorpus = templates.length > 0 && id % 3 !== 0;
    const text = fromCorpus ? variant(templates[id % templates.length]!, id, rnd) : syntheticDocument(id, rnd);
    if (seen.has(text)) throw new Error('generated two equal documents');
    seen.add(text);
    const team = TEAMS[id % TEAMS.length]!;
    yield { path: join(team, `batch-${Math.floor(id / 120)}`, `${String(id).padStart(5, '0')}-${fromCorpus ? 'report' : 'status'}.md`), text };
    bytes += Buffer.byteLength(text);
  }
}

export function generateWorkspace(dir: string, targetBytes: number, corpusDir: string | null, seed = 20261122): Workspace {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let files = 0;
  for (const doc of workspaceDocuments(targetBytes, corpusDir, seed)) {
    const file = join(dir, doc.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, doc.text);
    bytes += Buffer.byteLength(doc.text);
    files++;
  }
  return { dir, files, bytes };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const root = resolve(__dirname, '..', '..');
  const dir = resolve(process.argv[2] ?? join(root, 'test', 'bench', '.work', 'workspace'));
  const mb = Number(process.argv[3] ?? 50);
  const ws = generateWorkspace(dir, mb * 1e6, resolve(root, '..', 'shared', 'corpus', 'docs'));
  console.log(`${ws.files} files, ${(ws.bytes / 1e6).toFixed(1)} MB in ${ws.dir}`);
}
