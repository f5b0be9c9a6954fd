/** The CLI, tested by running the built `dist/cli.js` as a user would. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../../src/core/index';
import { ReportSchema } from '../../src/core/output/report';
import { ROOT, SEEDS, skipWithoutShared, TODAY } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd = ROOT, timeout = 60_000) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout, killSignal: 'SIGKILL' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  assert.equal(r.status, 0, `mkfifo: ${r.stderr}`);
}

describe('CLI (dist/cli.js)', function () {
  let scratch: string;

  before(function () {
    const build = spawnSync(process.execPath, [join(ROOT, 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    scratch = mkdtempSync(join(tmpdir(), 'status-docs-cli-'));
  });

  it('check --format json prints a schema-valid report, and the exit code follows error findings', () => {
    const r = cli(['check', 'examples', '--format', 'json', '--today', TODAY]);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    assert.equal(report.today, TODAY);
    assert.deepEqual(report.files.map((f) => f.path), ['examples/platform-roadmap.md', 'examples/release-checklist.md', 'examples/sprint-14-report.md']);
    const errors = report.files.flatMap((f) => f.findings).filter((f) => f.severity === 'error').length;
    assert.equal(r.code, errors > 0 ? 1 : 0);
    const release = report.files.find((f) => f.path.endsWith('release-checklist.md'))!;
    assert.deepEqual(release.checklist, { done: 4, total: 4 });
    assert.equal(release.status, 'done');
  });

  it('text output reads like a compiler: path:line:column: severity rule message', () => {
    const r = cli(['check', 'examples', '--today', TODAY]);
    const lines = r.stdout.trim().split('\n');
    const summary = lines.pop()!;
    assert.match(summary, /^3 files checked: \d+ errors?, \d+ warnings?, \d+ info; \d+ claims? checked, \d+ wrong, \d+ not checked$/);
    for (const line of lines) assert.match(line, /^examples\/[\w.-]+\.md:\d+:\d+: (error|warning|info) [a-z-]+ .+/);
  });

  it('sarif output is SARIF 2.1.0 with the registry as rule metadata', () => {
    const r = cli(['check', 'examples', '--format', 'sarif', '--today', TODAY]);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'Status Docs');
    assert.deepEqual(run.tool.driver.rules.slice(0, RULES.length).map((x: { id: string }) => x.id), RULES.map((x) => x.id));
    for (const res of run.results) {
      assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      const region = res.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1);
      assert.match(res.locations[0].physicalLocation.artifactLocation.uri, /^examples\//);
    }
  });

  it('checks status documents first: a folder\'s READMEs are skipped and counted, --all and a named file check them', () => {
    const dir = join(scratch, 'mixed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'README.md'), '# Tool\n\nInstall it. The two modes (fast, safe, strict) are described below.\n');
    writeFileSync(join(dir, 'plan.md'), '# Plan\n\n**Status**: In Progress\n\n- Coverage: 40% → 65% (+20 points)\n');
    const folder = cli(['check', '.', '--today', TODAY], dir);
    assert.match(folder.stdout.trim().split('\n').pop()!, /^1 file checked: 1 error, .*; 1 file skipped as not status documents \(--all checks them\)$/);
    assert.doesNotMatch(folder.stdout, /README\.md:/);
    const json = ReportSchema.parse(JSON.parse(cli(['check', '.', '--format', 'json', '--today', TODAY], dir).stdout));
    assert.deepEqual(json.files.map((f) => f.path), ['plan.md']);
    assert.equal(json.summary?.notStatusDocuments, 1);
    const all = ReportSchema.parse(JSON.parse(cli(['check', '.', '--all', '--format', 'json', '--today', TODAY], dir).stdout));
    assert.deepEqual(all.files.map((f) => f.path), ['README.md', 'plan.md']);
    assert.equal(all.summary?.notStatusDocuments, 0);
    assert.ok(all.files[0]!.findings.some((f) => f.rule === 'count-mismatch'), 'the README has a finding --all finds');
    const named = cli(['check', 'README.md', '--today', TODAY], dir);
    assert.match(named.stdout, /README\.md:3:\d+: error count-mismatch/);
    assert.doesNotMatch(named.stdout, /not status documents/);
    const summary = cli(['summary', '.', '--today', TODAY], dir);
    assert.match(summary.stdout, /^1 file skipped as not status documents \(--all checks them\)$/m);
  });

  it('summary prints one row per document', () => {
    const r = cli(['summary', 'examples', '--today', TODAY]);
    assert.equal(r.code, 0);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0]!, /^Document\s+Title\s+Status\s+Checklist\s+Progress\s+Findings$/);
    assert.equal(lines.length, 2 + 3);
    assert.match(r.stdout, /release-checklist\.md\s+Release 3\.2 Checklist\s+done\s+4\/4 \(100%\)/);
  });

  it('globs select files', () => {
    const r = cli(['check', 'examples/sprint-*.md', '--format', 'json', '--today', TODAY]);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['examples/sprint-14-report.md']);
  });

  it('bad files get a message each and the run goes on', () => {
    const dir = join(scratch, 'bad');
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    writeFileSync(join(dir, 'good.md'), '# Plan\n\n- [x] one\n- [ ] two\n');
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(join(dir, 'node_modules', 'skipped.md'), '# not read\n');
    const r = cli(['check', '.', '--format', 'json', '--today', TODAY], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    assert.deepEqual(report.files.map((f) => f.path), ['good.md']);
    assert.deepEqual(report.files[0]!.checklist, { done: 1, total: 2 });
    assert.deepEqual(report.skipped.map((s) => s.path).sort(), ['binary.md', 'latin1.md']);
    assert.match(r.stderr, /binary\.md: binary file/);
    assert.match(r.stderr, /latin1\.md: not valid UTF-8/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack traces');
  });

  it('a path that does not exist is a usage error', () => {
    const r = cli(['check', 'examples', 'missing.md', '--today', TODAY]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /missing\.md: no such file or directory/);
    assert.equal(r.stdout, '', 'nothing is checked');
  });

  it('a folder or glob without markdown is a usage error, unless --allow-empty', () => {
    const dir = join(scratch, 'empty');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    let r = cli(['check', dir, '--today', TODAY]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /folder contains no markdown files \(--allow-empty accepts this\)/);
    r = cli(['check', `${dir}/**/*.md`, '--today', TODAY]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /no markdown file matches this pattern/);
    r = cli(['check', dir, '--allow-empty', '--today', TODAY]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /folder contains no markdown files/);
    assert.match(r.stdout, /^0 files checked/);
  });

  it("an unclosed brace ('{a') returns at once: a literal path, here a usage error", () => {
    for (const pattern of ['{a', 'examples/{a', '**/{a.md']) {
      const r = cli(['check', pattern, '--today', TODAY], ROOT, 10_000);
      assert.equal(r.code, 2, `${pattern}: ${r.stdout}${r.stderr}`);
      assert.ok(r.ms < 10_000, `${pattern} took ${r.ms} ms`);
      assert.match(r.stderr, /no such file or directory|no markdown file matches/);
    }
    const dir = join(scratch, 'brace');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '{a.md'), '# Plan\n\n- [x] one\n');
    const r = cli(['check', '{a.md', '--format', 'json', '--today', TODAY], dir, 10_000);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['{a.md']);
  });

  it('FIFOs are never opened: in a folder, given directly or behind a symlink, each is skipped with a note', () => {
    const dir = join(scratch, 'fifo');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'good.md'), '# Plan\n\n- [x] one\n- [ ] two\n');
    mkfifo(join(dir, 'pipe.md'));
    symlinkSync('pipe.md', join(dir, 'link.md'));
    let r = cli(['check', '.', '--format', 'json', '--today', TODAY], dir, 20_000);
    assert.equal(r.code, 0, r.stderr);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    assert.deepEqual(report.files.map((f) => f.path), ['good.md']);
    assert.deepEqual(report.skipped.map((s) => s.path).sort(), ['link.md', 'pipe.md']);
    assert.match(r.stderr, /^status-docs: pipe\.md: a FIFO \(named pipe\): not a regular file, skipped$/m);
    assert.match(r.stderr, /^status-docs: link\.md: symbolic link to a FIFO \(named pipe\): not a regular file, skipped$/m);
    for (const direct of ['pipe.md', 'link.md', '*.md']) {
      r = cli(['check', direct, '--today', TODAY], dir, 20_000);
      assert.equal(r.code, 0, `${direct}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`${direct === 'link.md' ? 'link' : 'pipe'}\\.md: .*FIFO .*skipped`), direct);
      assert.match(r.stdout, /skipped \(see above\)/, direct);
    }
  });

  it('UTF-16 LE and BE files with a byte order mark are decoded and checked like UTF-8', () => {
    const dir = join(scratch, 'utf16');
    mkdirSync(dir, { recursive: true });
    const text = '# Tracker\n\n**Status**: In Progress\n\n- Coverage: 40% → 65% (+20 points)\n- [x] one ✅\n- [ ] two\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    writeFileSync(join(dir, 'utf8.md'), text);
    writeFileSync(join(dir, 'le.md'), le);
    writeFileSync(join(dir, 'be.md'), be);
    const r = cli(['check', '.', '--format', 'json', '--today', TODAY], dir);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    assert.deepEqual(report.skipped, []);
    const [beReport, leReport, utf8Report] = report.files;
    assert.deepEqual(report.files.map((f) => f.path), ['be.md', 'le.md', 'utf8.md']);
    assert.ok(utf8Report!.findings.some((f) => f.rule === 'delta-mismatch'));
    for (const f of [beReport!, leReport!]) assert.deepEqual({ ...f, path: '' }, { ...utf8Report!, path: '' });
  });

  it("a UTF-8 byte order mark changes no finding's line or column", () => {
    const dir = join(scratch, 'bom');
    mkdirSync(dir, { recursive: true });
    // The claim on line 1, where a BOM left in the text would shift every column by one.
    const text = 'Coverage: 40% → 65% (+20 points)\n\n# Tracker\n';
    writeFileSync(join(dir, 'plain.md'), text);
    writeFileSync(join(dir, 'bom.md'), '\uFEFF' + text);
    const report = ReportSchema.parse(JSON.parse(cli(['check', '.', '--format', 'json', '--today', TODAY], dir).stdout));
    const [bom, plain] = report.files;
    assert.ok(plain!.findings.length > 0);
    assert.deepEqual(bom!.findings, plain!.findings);
  });

  it('a document past the time budget is skipped, the other files are checked, in every format', function () {
    this.timeout(120_000);
    const dir = join(scratch, 'budget');
    mkdirSync(dir, { recursive: true });
    let big = '# Tracker\n\n**Status**: In Progress\n\n';
    for (let k = 0; big.length < 2_000_000; k++) big += `- [${k % 3 ? ' ' : 'x'}] Task ${k}: 40% → 65% (+25 points), due 2026-01-${String((k % 28) + 1).padStart(2, '0')}\n`;
    writeFileSync(join(dir, 'big.md'), big);
    writeFileSync(join(dir, 'small.md'), '# Plan\n\n**Status**: In Progress\n\n- [x] one\n- [ ] two\n');
    const config = join(scratch, 'budget.json');
    // A budget far below the big file's time and far above the small one's, first check in a
    // fresh worker (engine start-up) on a loaded machine included.
    writeFileSync(config, JSON.stringify({ maxAnalysisMs: 2000 }));
    for (const args of [['--max-analysis-ms', '2000'], ['--config', config]]) {
      let r = cli(['check', '.', '--today', TODAY, ...args], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^status-docs: big\.md: analysis stopped after 2000 ms$/m);
      assert.match(r.stdout, /^1 file checked: 0 errors, 0 warnings, 0 info; \d+ claims? checked, \d+ wrong, \d+ not checked; 1 file skipped \(see above\)$/m);
      r = cli(['check', '.', '--format', 'json', '--today', TODAY, ...args], dir);
      const report = ReportSchema.parse(JSON.parse(r.stdout));
      assert.deepEqual(report.files.map((f) => f.path), ['small.md']);
      assert.deepEqual(report.skipped, [{ path: 'big.md', reason: 'analysis stopped after 2000 ms' }]);
    }
    const sarif = JSON.parse(cli(['check', '.', '--format', 'sarif', '--today', TODAY, '--max-analysis-ms', '2000'], dir).stdout);
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(notes.length, 1);
    assert.equal(notes[0].message.text, 'Skipped: analysis stopped after 2000 ms');
    assert.equal(notes[0].locations[0].physicalLocation.artifactLocation.uri, 'big.md');
    const r = cli(['check', '.', '--today', TODAY, '--max-analysis-ms', '0'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--max-analysis-ms must be a whole number from 1 to 600000/);
  });

  describe('usage and configuration errors exit 2 with a clear message', () => {
    const cases: [string, string[], RegExp][] = [
      ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
      ['no command', [], /missing command/],
      ['bad format', ['check', 'examples', '--format', 'xml'], /--format must be text, json, sarif, github, junit or markdown/],
      ['bad today', ['check', 'examples', '--today', '2026-02-30'], /--today must be a calendar day/],
      ['unknown option', ['check', '--colour'], /Unknown option '--colour'/],
      ['missing config', ['check', 'examples', '--config', 'nope.json'], /cannot read config file nope\.json/],
    ];
    for (const [name, args, message] of cases) {
      it(name, () => {
        const r = cli(args);
        assert.equal(r.code, 2, r.stdout + r.stderr);
        assert.match(r.stderr, message);
        assert.doesNotMatch(r.stderr, /\n\s+at /);
      });
    }

    it('a config file with a UTF-8 byte order mark is read', () => {
      const cfg = join(scratch, 'bom.json');
      writeFileSync(cfg, '\uFEFF' + JSON.stringify({ staleAfterDays: 30 }));
      const r = cli(['check', 'examples', '--config', cfg, '--today', TODAY]);
      assert.notEqual(r.code, 2, r.stderr);
      assert.equal(r.stderr, '');
    });

    it('prototype keys are unknown settings: one clear line each, exit 2', () => {
      const cfg = join(scratch, 'proto.json');
      writeFileSync(cfg, '{ "__proto__": { "staleAfterDays": 1 }, "constructor": 1, "toString": "x", "hasOwnProperty": [], "rules": { "__proto__": "off", "valueOf": "off" } }');
      const r = cli(['check', 'examples', '--config', cfg, '--today', TODAY]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        assert.match(r.stderr, new RegExp(`^status-docs: invalid config file .*: Unknown setting "${key}" is ignored\\.$`, 'm'), key);
      }
      assert.match(r.stderr, /Unknown rule "__proto__" in "rules"/);
      assert.match(r.stderr, /Unknown rule "valueOf" in "rules"/);
      assert.doesNotMatch(r.stderr, /internal error|safeParse|\n\s+at /);
      assert.equal(r.stdout, '');
    });

    it('statusWords are bounded: 100,000 words or a 5-million-character word are rejected quickly, in one line', function () {
      this.timeout(60_000);
      const many = join(scratch, 'many-words.json');
      writeFileSync(many, JSON.stringify({ statusWords: { done: Array.from({ length: 100_000 }, (_, i) => `word${i}`) } }));
      const long = join(scratch, 'long-word.json');
      writeFileSync(long, JSON.stringify({ statusWords: { planned: ['x'.repeat(5_000_000)] } }));
      for (const [cfg, message] of [[many, /done: at most 200 words per status/], [long, /planned\[0\]: a status word is at most 60 characters/]] as const) {
        const r = cli(['check', 'examples', '--config', cfg, '--today', TODAY], ROOT, 20_000);
        assert.equal(r.code, 2, r.stderr.slice(0, 500));
        assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
        assert.match(r.stderr, message);
        assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
        assert.ok(r.stderr.length < 400, `a short message, not the value (${r.stderr.length} characters)`);
      }
    });

    it('"today" from the config file is used when --today is not given', () => {
      const cfg = join(scratch, 'today.json');
      writeFileSync(cfg, JSON.stringify({ today: '2026-01-15' }));
      let report = JSON.parse(cli(['check', 'examples', '--format', 'json', '--config', cfg]).stdout);
      assert.equal(report.today, '2026-01-15');
      report = JSON.parse(cli(['check', 'examples', '--format', 'json', '--config', cfg, '--today', TODAY]).stdout);
      assert.equal(report.today, TODAY, '--today wins');
    });

    it('invalid JSON and invalid values in the config file', () => {
      const broken = join(scratch, 'broken.json');
      writeFileSync(broken, '{ "rules": ');
      let r = cli(['check', 'examples', '--config', broken]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is not valid JSON/);
      const wrong = join(scratch, 'wrong.json');
      writeFileSync(wrong, JSON.stringify({ rules: { mojibake: 'loud', 'no-such-rule': 'off' }, staleAfterDays: -3 }));
      r = cli(['check', 'examples', '--config', wrong]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Severity of rule "mojibake" must be one of off, info, warning, error; got "loud"/);
      assert.match(r.stderr, /Unknown rule "no-such-rule"/);
      assert.match(r.stderr, /Setting "staleAfterDays" is invalid/);
    });
  });

  it('a config file turns rules off', function () {
    const cfg = join(scratch, 'off.json');
    writeFileSync(cfg, JSON.stringify({ rules: { mojibake: 'off' } }));
    const damaged = join(ROOT, 'test', 'fixtures', 'mojibake');
    const on = JSON.parse(cli(['check', damaged, '--format', 'json', '--today', TODAY]).stdout);
    const off = JSON.parse(cli(['check', damaged, '--format', 'json', '--today', TODAY, '--config', cfg]).stdout);
    const count = (rep: { files: { findings: { rule: string }[] }[] }) => rep.files.flatMap((f) => f.findings).filter((f) => f.rule === 'mojibake').length;
    assert.ok(count(on) > 0);
    assert.equal(count(off), 0);
  });

  it('the seeds: valid JSON, model-backed checklist counts, mojibake where damaged (uses ../shared/seeds)', function () {
    skipWithoutShared(this, SEEDS);
    const r = cli(['check', SEEDS, '--format', 'json', '--today', TODAY]);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    assert.equal(report.files.length, 5);
    const byName = Object.fromEntries(report.files.map((f) => [f.path.split('/').pop()!.slice(0, 3), f]));
    assert.deepEqual(byName['001']!.checklist, { done: 13, total: 13 });
    assert.deepEqual(byName['000']!.checklist, { done: 0, total: 0 });
    // Seed 003's checklist: real task items only — not the `- [ ]` lines inside its ```markdown block.
    assert.equal(byName['003']!.checklist.done, 0);
    assert.equal(byName['003']!.checklist.total, 82);
    for (const damaged of ['000', '001', '002', '003']) {
      assert.ok(byName[damaged]!.findings.some((f) => f.rule === 'mojibake'), `seed ${damaged} has mojibake findings`);
    }
    assert.ok(!byName['004']!.findings.some((f) => f.rule === 'mojibake'), 'seed 004 is clean UTF-8');
  });
});
