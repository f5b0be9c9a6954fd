// The CLI's CI options, run as a user would run dist/cli.js: --format github|junit|markdown,
// --fail-on and --report-unused-disables (in the worker threads and with the cache too).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, TODAY } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const cli = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const UNUSED = '# Report\n\n<!-- status-docs-disable-next-line ratio-mismatch -->\nNothing to see.\n\n- [ ] one\n';
const SILENCED = '# Report\n\n<!-- status-docs-disable-next-line ratio-mismatch -->\nTests: 164/173 passing (99%).\n';
const STALE = '# Plan\n\n| Milestone | Due | Status |\n|---|---|---|\n| Beta | 2026-01-10 | 🚧 In Progress |\n';

describe('CLI: CI formats and options (dist/cli.js)', function () {
  let dir: string;
  before(function () {
    const build = spawnSync(process.execPath, [join(ROOT, 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    dir = mkdtempSync(join(tmpdir(), 'status-docs-cli-ci-'));
    writeFileSync(join(dir, 'unused.md'), UNUSED);
    writeFileSync(join(dir, 'silenced.md'), SILENCED);
    writeFileSync(join(dir, 'stale.md'), STALE);
  });

  it('--report-unused-disables adds unused-disable warnings to check and summary; without it there are none', () => {
    const off = JSON.parse(cli(['check', '.', '--format', 'json', '--today', TODAY], dir).stdout) as { files: { path: string; findings: { rule: string; line: number }[] }[] };
    assert.ok(off.files.every((f) => f.findings.every((x) => x.rule !== 'unused-disable')));
    const on = cli(['check', '.', '--format', 'json', '--today', TODAY, '--report-unused-disables'], dir);
    const report = JSON.parse(on.stdout) as typeof off;
    const unused = report.files.flatMap((f) => f.findings.filter((x) => x.rule === 'unused-disable').map((x) => `${f.path}:${x.line}`));
    assert.deepEqual(unused, ['unused.md:3']);
    assert.match(cli(['summary', 'unused.md', '--today', TODAY, '--report-unused-disables'], dir).stdout, /unused\.md .* 1 \(1 warning\)/);
  });

  it('--report-unused-disables reaches the worker threads and is part of the cache key', () => {
    // Eight files or more (and enough bytes) go to worker threads.
    const many = mkdtempSync(join(tmpdir(), 'status-docs-cli-ci-many-'));
    const filler = `\n${'Some prose about the work of the week. '.repeat(40)}\n`.repeat(40);
    for (let k = 0; k < 10; k++) writeFileSync(join(many, `doc-${k}.md`), UNUSED + filler);
    const count = (args: string[]) => {
      const r = JSON.parse(cli(['check', '.', '--format', 'json', '--today', TODAY, '--jobs', '2', ...args], many).stdout) as { files: { findings: { rule: string }[] }[] };
      return r.files.flatMap((f) => f.findings).filter((x) => x.rule === 'unused-disable').length;
    };
    assert.equal(count(['--report-unused-disables']), 10);
    const cacheDir = join(many, '.cache');
    assert.equal(count(['--cache-dir', cacheDir]), 0);
    assert.equal(count(['--cache-dir', cacheDir, '--report-unused-disables']), 10);
    assert.equal(count(['--cache-dir', cacheDir]), 0);
  });

  it('a cached run of a folder gives the fresh output, also after a file changed (its hash comes from the pre-check\'s read)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'status-docs-cli-cache-'));
    const filler = `\n${'Notes on the week. '.repeat(60)}\n`.repeat(30);
    for (let k = 0; k < 10; k++) writeFileSync(join(folder, `doc-${k}.md`), `# Doc ${k}\n\n- [x] a\n- [ ] b\n\nProgress: 2/2 (100%)\n${filler}`);
    writeFileSync(join(folder, 'readme.md'), '# Readme\n\nNo status here.\n');
    const cacheDir = join(folder, '.cache');
    const run = (...extra: string[]) => cli(['check', '.', '--format', 'json', '--today', TODAY, '--jobs', '2', ...extra], folder).stdout;
    const cold = run('--cache-dir', cacheDir);
    assert.equal(cold, run());
    // The pre-check's verdicts are kept per content hash: 10 status documents, 1 readme.
    const file = join(cacheDir, 'results-v2.json');
    const verdicts = Object.values((JSON.parse(readFileSync(file, 'utf8')) as { prechecked: Record<string, number> }).prechecked);
    assert.deepEqual([verdicts.filter((v) => v === 1).length, verdicts.filter((v) => v === 0).length], [10, 1]);
    const written = statSync(file).mtimeMs;
    assert.equal(run('--cache-dir', cacheDir), cold);
    assert.equal(statSync(file).mtimeMs, written, 'an unchanged run rewrote the cache file');
    writeFileSync(join(folder, 'doc-3.md'), '# Doc 3\n\n- [x] a\n- [x] b\n\nProgress: 1/2 (50%)\n');
    const fresh = run();
    assert.notEqual(fresh, cold);
    assert.equal(run('--cache-dir', cacheDir), fresh);
    assert.match(fresh, /"notStatusDocuments": 1/);
  });

  it('every output format prints from the cache what it prints fresh, whichever format filled the cache', () => {
    const folder = mkdtempSync(join(tmpdir(), 'status-docs-cli-formats-'));
    writeFileSync(join(folder, 'wrong.md'), '# Report\n\n- [x] Parser\n- [ ] Rules\n\nProgress: 40% → 60% (+30 points)\n\n3/4 tests passing (50%)\n');
    writeFileSync(join(folder, 'stale.md'), STALE);
    const formats = ['text', 'json', 'sarif', 'github', 'junit', 'markdown'];
    const fresh = new Map(formats.map((f) => [f, cli(['check', '.', '--format', f, '--today', TODAY], folder).stdout]));
    assert.match(fresh.get('sarif')!, /"fixes"/);
    // A text run fills the cache (reports and details); then each format reads it, twice over.
    const cacheDir = join(folder, '.cache');
    for (const f of ['text', ...formats, ...formats]) {
      assert.equal(cli(['check', '.', '--format', f, '--today', TODAY, '--cache-dir', cacheDir], folder).stdout, fresh.get(f), `--format ${f} from the cache`);
    }
  });

  it('--format github prints workflow commands; junit well-formed XML; markdown a table', () => {
    const gh = cli(['check', 'stale.md', '--format', 'github', '--today', TODAY], dir);
    assert.equal(gh.code, 0);
    assert.match(gh.stdout, /^::warning file=stale\.md,line=5,col=\d+,endLine=5,endColumn=\d+,title=stale-milestone::/);
    const junit = cli(['check', '.', '--format', 'junit', '--today', TODAY], dir);
    assert.match(junit.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="Status Docs" tests="\d+" failures="0"/);
    assert.match(junit.stdout, /<testsuite name="stale\.md"/);
    const md = cli(['summary', '.', '--format', 'markdown', '--today', TODAY], dir);
    assert.match(md.stdout, /^\| stale\.md \| 0 \| 1 \| \d+ \| \d+ \|$/m);
    assert.match(cli(['check', '.', '--format', 'xml'], dir).stderr, /--format must be text, json, sarif, github, junit or markdown, not "xml"/);
  });

  it('--fail-on decides the exit code: error by default, warning, never; a bad value is a usage error', () => {
    assert.equal(cli(['check', 'stale.md', '--today', TODAY], dir).code, 0);
    assert.equal(cli(['check', 'stale.md', '--today', TODAY, '--fail-on', 'warning'], dir).code, 1);
    assert.equal(cli(['check', 'stale.md', '--today', TODAY, '--fail-on', 'warning', '--quiet'], dir).code, 1);
    assert.equal(cli(['check', 'stale.md', '--today', TODAY, '--fail-on', 'never', '--format', 'junit'], dir).code, 0);
    const junit = cli(['check', 'stale.md', '--today', TODAY, '--fail-on', 'warning', '--format', 'junit'], dir);
    assert.match(junit.stdout, /<failure message="[^"]*" type="warning">/);
    const bad = cli(['check', 'stale.md', '--fail-on', 'info'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--fail-on must be error, warning or never, not "info"/);
  });
});
