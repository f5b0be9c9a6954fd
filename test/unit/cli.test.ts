/** The CLI, tested by running the built `dist/cli.js` as a user would. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../../src/core/index';
import { ReportSchema } from '../../src/core/output/report';
import { hasShared, ROOT, SEEDS, TODAY } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
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
    const r = cli(['check', '.', 'missing.md', '--format', 'json', '--today', TODAY], dir);
    assert.equal(r.code, 0, r.stderr);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    assert.deepEqual(report.files.map((f) => f.path), ['good.md']);
    assert.deepEqual(report.files[0]!.checklist, { done: 1, total: 2 });
    assert.deepEqual(report.skipped.map((s) => s.path).sort(), ['binary.md', 'latin1.md', 'missing.md']);
    assert.match(r.stderr, /binary\.md: binary file/);
    assert.match(r.stderr, /latin1\.md: not valid UTF-8/);
    assert.match(r.stderr, /missing\.md: no such file or directory/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack traces');
  });

  it('a folder without markdown is reported, not an error', () => {
    const dir = join(scratch, 'empty');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const r = cli(['check', dir, '--today', TODAY]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /directory contains no markdown files/);
  });

  describe('usage and configuration errors exit 2 with a clear message', () => {
    const cases: [string, string[], RegExp][] = [
      ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
      ['no command', [], /missing command/],
      ['bad format', ['check', 'examples', '--format', 'xml'], /--format must be text, json or sarif/],
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
    if (!hasShared) this.skip();
    const cfg = join(scratch, 'off.json');
    writeFileSync(cfg, JSON.stringify({ rules: { mojibake: 'off' } }));
    const on = JSON.parse(cli(['check', SEEDS, '--format', 'json', '--today', TODAY]).stdout);
    const off = JSON.parse(cli(['check', SEEDS, '--format', 'json', '--today', TODAY, '--config', cfg]).stdout);
    const count = (rep: { files: { findings: { rule: string }[] }[] }) => rep.files.flatMap((f) => f.findings).filter((f) => f.rule === 'mojibake').length;
    assert.ok(count(on) > 0);
    assert.equal(count(off), 0);
  });

  it('the seeds: valid JSON, model-backed checklist counts, mojibake where damaged', function () {
    if (!hasShared) this.skip();
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
