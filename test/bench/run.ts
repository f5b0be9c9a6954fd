/**
 * `npm run bench`: measures Status Docs against its targets and prints one table. Every figure
 * is the median of several runs; every ratio compares two things measured in the same run on
 * the same input. A missed target is printed as MISSED, not hidden.
 *
 *   npm run bench                       everything (the workspace scan takes minutes)
 *   npm run bench -- --only doc,key     some sections: doc, key, scan, ext
 *   BENCH_MB=10 npm run bench           a smaller generated workspace (default 50 MB)
 *   npm run bench -- --runs 7           runs per figure for the in-process sections (default 5)
 *
 * Needs ../shared/corpus/docs (sections doc and key); results also go to
 * test/bench/.work/results.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { check, DEFAULT_CONFIG, LineIndex, runRules } from '../../src/core/index';
import { IncrementalChecker, splitChunks } from '../../src/core/incremental';
import { analyzeTree } from '../../src/core/model/analyze';
import { parseMarkdown } from '../../src/core/model/parse';
import { generateWorkspace } from './generate';

const ROOT = resolve(__dirname, '..', '..');
const WORK = join(ROOT, 'test', 'bench', '.work');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'docs');
const TODAY = '2026-11-22';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', default: 'doc,key,scan,ext' },
    runs: { type: 'string', default: '5' },
    'scan-runs': { type: 'string', default: '1' },
  },
});
const sections = new Set(args.only!.split(','));
const RUNS = Math.max(1, Number(args.runs));
const SCAN_RUNS = Math.max(1, Number(args['scan-runs']));
const MB = Number(process.env.BENCH_MB ?? 50);

// ------------------------------------------------------------------------ helpers

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const time = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const fmt = (n: number, d = 2) => n.toFixed(d);

interface Row { measure: string; value: string; target: string; verdict: 'met' | 'MISSED' | '' }
const rows: Row[] = [];
const results: Record<string, unknown> = {};
const row = (measure: string, value: string, target = '', ok?: boolean) =>
  rows.push({ measure, value, target, verdict: ok === undefined ? '' : ok ? 'met' : 'MISSED' });
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

function corpusTexts(): { name: string; text: string }[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort()
    .map((f) => ({ name: f, text: new TextDecoder().decode(readFileSync(join(CORPUS, f))) }));
}

// ------------------------------------------------------------------------ 1. per-document analysis

function perDocument(docs: { text: string }[]): void {
  const bare = unified().use(remarkParse).use(remarkGfm).freeze();
  const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0);
  for (const d of docs) { bare.parse(d.text); check(d.text, { today: TODAY }); } // warm-up
  const bareRuns: number[] = [];
  const fullRuns: number[] = [];
  const ratios: number[] = [];
  const modelRuns: number[] = [];
  const rulesRuns: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let tb = 0;
    let tf = 0;
    let tm = 0;
    let tr = 0;
    // Interleaved per document (order alternating), so load changes hit both sides alike.
    for (const d of docs) {
      const pair = [() => { tb += time(() => bare.parse(d.text)); }, () => { tf += time(() => check(d.text, { today: TODAY })); }];
      if (r % 2) pair.reverse();
      pair[0]!();
      pair[1]!();
      // The same split measured directly: model building and rules on a parsed tree.
      const tree = parseMarkdown(d.text);
      let doc!: ReturnType<typeof analyzeTree>;
      tm += time(() => { doc = analyzeTree(d.text, tree); });
      tr += time(() => runRules(doc, d.text, new LineIndex(d.text), { today: TODAY, config: DEFAULT_CONFIG }));
    }
    bareRuns.push(tb);
    fullRuns.push(tf);
    ratios.push(tf / tb);
    modelRuns.push(tm);
    rulesRuns.push(tr);
    log(`per-document run ${r + 1}/${RUNS}: bare ${fmt(tb, 0)} ms, analysis ${fmt(tf, 0)} ms, ratio ${fmt(tf / tb, 3)}`);
  }
  const ratio = median(ratios);
  results.perDocument = { docs: docs.length, bytes, bareMs: bareRuns, fullMs: fullRuns, ratios, modelMs: modelRuns, rulesMs: rulesRuns };
  row(`Per-document: bare unified+remark-parse+remark-gfm parse, ${docs.length} corpus docs (${fmt(bytes / 1e6, 1)} MB)`, `${fmt(median(bareRuns), 0)} ms, ${fmt(bytes / 1e6 / (median(bareRuns) / 1000))} MB/s`);
  row('Per-document: Status Docs analysis (parse + model + all rules)', `${fmt(median(fullRuns), 0)} ms, ${fmt(bytes / 1e6 / (median(fullRuns) / 1000))} MB/s`);
  row('  of which model building / rules (measured apart)', `${fmt(median(modelRuns), 0)} ms / ${fmt(median(rulesRuns), 0)} ms`);
  row('Per-document: analysis / bare parse', fmt(ratio, 3), '≤ 1.15', ratio <= 1.15);
}

// ------------------------------------------------------------------------ 2. keystroke

function keystroke(docs: { name: string; text: string }[]): void {
  const largest = [...docs].sort((a, b) => Buffer.byteLength(b.text) - Buffer.byteLength(a.text))[0]!;
  const text = largest.text;
  const mid = text.length >> 1;
  const n = Math.max(RUNS * 3, 11);
  const cold: number[] = [];
  const warm: number[] = [];
  const parts = { parse: [] as number[], model: [] as number[], rules: [] as number[] };
  const checker = new IncrementalChecker();
  for (let i = -2; i < n; i++) {
    const edited = text.slice(0, mid) + String.fromCharCode(97 + ((i + 26) % 26)) + text.slice(mid);
    checker.check(text, { today: TODAY }); // the previous state: the unedited document
    const order = [() => cold.push(time(() => check(edited, { today: TODAY }))), () => warm.push(time(() => checker.check(edited, { today: TODAY })))];
    if (i % 2) order.reverse();
    order[0]!();
    order[1]!();
    if (i < 0) { cold.pop(); warm.pop(); continue; } // warm-up
    // Where the incremental time goes.
    checker.check(text, { today: TODAY });
    let root!: ReturnType<typeof parseMarkdown>;
    let doc!: ReturnType<typeof analyzeTree>;
    parts.parse.push(time(() => { root = checker.parser.parse(edited); }));
    parts.model.push(time(() => { doc = analyzeTree(edited, root); }));
    parts.rules.push(time(() => runRules(doc, edited, new LineIndex(edited), { today: TODAY, config: DEFAULT_CONFIG })));
  }
  const ratio = median(warm) / median(cold);
  const chunks = splitChunks(text);
  results.keystroke = { doc: largest.name, bytes: Buffer.byteLength(text), coldMs: cold, incrementalMs: warm, parts, chunks: chunks?.length ?? 1 };
  row(`Keystroke: cold analysis of ${largest.name} (${fmt(Buffer.byteLength(text) / 1024, 0)} KB)`, `${fmt(median(cold), 1)} ms`);
  row(`Keystroke: incremental re-analysis (${chunks?.length ?? 1} chunks, 1 re-parsed)`, `${fmt(median(warm), 1)} ms = re-parse ${fmt(median(parts.parse), 1)} + model ${fmt(median(parts.model), 1)} + rules ${fmt(median(parts.rules), 1)}`);
  row('Keystroke: incremental / cold', fmt(ratio, 3), '≤ 0.100', ratio <= 0.1);
}

// ------------------------------------------------------------------------ 3. workspace scan

interface ProcResult { ms: number; maxRssMB: number; stdout: string; status: number | null }

/** Runs a node child process; peak memory from the child's own resource usage at exit. */
function runNode(args: string[]): ProcResult {
  const rssFile = join(WORK, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(ROOT, 'test', 'bench', 'maxrss.cjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const ms = performance.now() - t;
  const maxRssMB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, maxRssMB, stdout: r.stdout, status: r.status };
}

function workspaceScan(): void {
  log('building dist/');
  const b = spawnSync(process.execPath, [join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('build failed');
  const dir = join(WORK, 'workspace');
  const marker = join(WORK, 'workspace.json');
  const want = { mb: MB, corpus: existsSync(CORPUS), generator: statSync(join(ROOT, 'test', 'bench', 'generate.ts')).mtimeMs };
  let ws: { files: number; bytes: number };
  if (existsSync(marker) && JSON.stringify(JSON.parse(readFileSync(marker, 'utf8')).want) === JSON.stringify(want)) {
    ws = JSON.parse(readFileSync(marker, 'utf8')).ws;
    log(`reusing the generated workspace (${ws.files} files, ${fmt(ws.bytes / 1e6, 1)} MB)`);
  } else {
    log(`generating ${MB} MB of status documents`);
    const t = performance.now();
    ws = generateWorkspace(dir, MB * 1e6, existsSync(CORPUS) ? CORPUS : null);
    log(`generated ${ws.files} files, ${fmt(ws.bytes / 1e6, 1)} MB in ${fmt((performance.now() - t) / 1000, 1)} s`);
    writeFileSync(marker, JSON.stringify({ want, ws }));
  }
  const cli = join(ROOT, 'dist', 'cli.js');
  const cacheDir = join(WORK, 'cache');
  const ours: ProcResult[] = [];
  const peer: ProcResult[] = [];
  let oursFindings = '';
  let peerIssues = 0;
  for (let r = 0; r < SCAN_RUNS; r++) {
    rmSync(cacheDir, { recursive: true, force: true });
    log(`cold scan ${r + 1}/${SCAN_RUNS}: status-docs (empty cache)`);
    const o = runNode([cli, 'check', dir, '--today', TODAY, '--cache-dir', cacheDir]);
    ours.push(o);
    oursFindings = o.stdout.trim().split('\n').pop() ?? '';
    log(`  ${fmt(o.ms / 1000, 1)} s, ${fmt(o.maxRssMB, 0)} MB: ${oursFindings}`);
    log(`cold scan ${r + 1}/${SCAN_RUNS}: markdownlint`);
    const p = runNode([join(ROOT, 'test', 'bench', 'markdownlint-peer.mjs'), dir]);
    peer.push(p);
    peerIssues = (JSON.parse(p.stdout.trim().split('\n').pop()!) as { issues: number }).issues;
    log(`  ${fmt(p.ms / 1000, 1)} s, ${fmt(p.maxRssMB, 0)} MB: ${peerIssues} issues`);
  }
  const warm: ProcResult[] = [];
  for (let r = 0; r < Math.max(3, RUNS); r++) warm.push(runNode([cli, 'check', dir, '--today', TODAY, '--cache-dir', cacheDir]));
  const warmLast = warm[warm.length - 1]!.stdout.trim().split('\n').pop();
  if (warmLast !== oursFindings) throw new Error(`warm scan reported "${warmLast}", cold "${oursFindings}"`);
  const cold = median(ours.map((x) => x.ms));
  const ml = median(peer.map((x) => x.ms));
  const ratios = ours.map((x, i) => x.ms / peer[i]!.ms);
  const wr = median(warm.map((x) => x.ms)) / cold;
  const memOurs = Math.max(...ours.map((x) => x.maxRssMB));
  const memPeer = Math.max(...peer.map((x) => x.maxRssMB));
  results.scan = { files: ws.files, bytes: ws.bytes, jobs: availableParallelism(), ours, peer, warm: warm.map((x) => ({ ms: x.ms, maxRssMB: x.maxRssMB })), oursFindings, peerIssues };
  const runs = SCAN_RUNS === 1 ? '1 run' : `median of ${SCAN_RUNS}`;
  row(`Workspace: ${ws.files} distinct files, ${fmt(ws.bytes / 1e6, 1)} MB — status-docs check, cold (${runs}, ${availableParallelism()} threads)`, `${fmt(cold / 1000, 1)} s, peak ${fmt(memOurs, 0)} MB — ${oursFindings}`);
  row(`Workspace: markdownlint (default rules, ${runs})`, `${fmt(ml / 1000, 1)} s, peak ${fmt(memPeer, 0)} MB — ${peerIssues} issues`);
  row('Workspace: status-docs cold / markdownlint (wall time)', fmt(median(ratios), 3), '≤ 0.50', median(ratios) <= 0.5);
  row('Workspace: peak memory status-docs / markdownlint', fmt(memOurs / memPeer, 2), '≤ 1.00', memOurs <= memPeer);
  row(`Workspace: warm re-scan, nothing changed (median of ${warm.length})`, `${fmt(median(warm.map((x) => x.ms)), 0)} ms`);
  row('Workspace: warm / cold', fmt(wr, 4), '≤ 0.020', wr <= 0.02);
}

// ------------------------------------------------------------------------ 4. extension

function extension(): void {
  const ext = join(ROOT, 'dist', 'extension.js');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  if (pkg.scripts.package) {
    log('packaging the VSIX (npm run package)');
    const p = spawnSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    if (p.status !== 0) log(`npm run package failed: ${p.stderr.slice(0, 500)}`);
  }
  const vsix = readdirSync(ROOT).filter((f) => f.endsWith('.vsix')).map((f) => ({ f, s: statSync(join(ROOT, f)) })).sort((a, b) => b.s.mtimeMs - a.s.mtimeMs)[0];
  const extSize = existsSync(ext) ? statSync(ext).size : NaN;
  row('Extension: dist/extension.js (as packaged)', `${fmt(extSize / 1024, 1)} KB`);
  if (vsix) row(`Extension: ${vsix.f}`, `${fmt(vsix.s.size / 1024, 0)} KB`, '< 1024 KB', vsix.s.size < 1024 * 1024);
  else row('Extension: VSIX', 'not built (no package script or packaging failed)', '< 1024 KB', false);
  // Activation in a plain Node process with a stand-in `vscode` module: loading the bundle and
  // running activate(). Not VS Code's own measurement; see BENCHMARKS.md.
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const p = spawnSync(process.execPath, [join(ROOT, 'test', 'bench', 'activate.cjs'), ext], { encoding: 'utf8' });
    const m = /activate (\d+(?:\.\d+)?) ms/.exec(p.stdout);
    if (m) times.push(Number(m[1]));
    else { log(`activation probe failed: ${(p.stderr || p.stdout).slice(0, 400)}`); break; }
  }
  results.extension = { extensionBytes: extSize, vsixBytes: vsix?.s.size ?? null, activationMs: times };
  if (times.length) row('Extension: load + activate() with a stand-in vscode module (Node)', `${fmt(median(times), 1)} ms`, '< 50 ms', median(times) < 50);
}

// ------------------------------------------------------------------------ main

mkdirSync(WORK, { recursive: true });
const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown cpu'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ${process.platform}`;
log(machine);
const docs = corpusTexts();
if ((sections.has('doc') || sections.has('key')) && docs.length === 0) log('../shared/corpus/docs is absent: skipping the per-document and keystroke sections');
if (sections.has('doc') && docs.length) perDocument(docs);
if (sections.has('key') && docs.length) keystroke(docs);
if (sections.has('scan')) workspaceScan();
if (sections.has('ext')) extension();

const widths = [0, 0, 0];
const table = [['Measure', 'Result', 'Target'], ...rows.map((r) => [r.measure, r.value, r.target ? `${r.target} ${r.verdict}` : ''])];
for (const r of table) r.forEach((c, i) => { widths[i] = Math.max(widths[i]!, c.length); });
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`Status Docs benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${machine}`);
console.log(line(table[0]!));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table.slice(1)) console.log(line(r));
const missed = rows.filter((r) => r.verdict === 'MISSED');
console.log(missed.length ? `\nTargets missed: ${missed.map((r) => r.measure.trim()).join('; ')}.` : '\nAll measured targets met.');
writeFileSync(join(WORK, 'results.json'), JSON.stringify({ date: new Date().toISOString(), machine, rows, results }, null, 2));
