/** `status-docs fix`, tested by running the built `dist/cli.js` on temporary copies. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../src/core/index';
import { hasShared, ROOT, SEEDS, TODAY } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function git(args: string[], cwd: string) {
  const r = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'core.autocrlf=false', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding a copy of `from` (never the original). */
function copyOf(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'status-docs-fix-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

const snapshot = (dir: string) => new Map(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => [f, { bytes: readFileSync(join(dir, f)), mtime: statSync(join(dir, f)).mtimeMs }]));

const DELTAS = '# Sprint report\n\n- Velocity: 55% → 73% (+20 points)\n- Coverage: 80% → 74% (+6 points)\n';
const CLEAN = '# Sprint report\n\n- Velocity: 55% → 73% (+18 points)\n';

describe('CLI fix (dist/cli.js)', function () {
  before(function () {
    const build = spawnSync(process.execPath, [join(ROOT, 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('writes the fixed files, touches no other file, and a second run changes nothing', () => {
    const dir = copyOf(join(ROOT, 'examples'));
    writeFileSync(join(dir, 'clean.md'), CLEAN);
    const before = snapshot(dir);
    const r = cli(['fix', '.', '--today', TODAY], dir);
    assert.equal(r.code, 0, r.stderr);
    const after = snapshot(dir);
    const changed = [...after].filter(([f, s]) => !s.bytes.equals(before.get(f)!.bytes)).map(([f]) => f);
    assert.ok(changed.length > 0, 'nothing was fixed');
    for (const [f, s] of after) {
      const fixable = check(before.get(f)!.bytes.toString('utf8'), { today: TODAY }).findings.some((x) => x.fix?.preferred);
      if (!fixable) assert.equal(s.mtime, before.get(f)!.mtime, `${f} has no fixable finding but was written`);
      else assert.ok(changed.includes(f), `${f} had a fixable finding and was not fixed`);
    }
    for (const f of changed) assert.match(r.stdout, new RegExp(`^${f.replace('.', '\\.')}: \\d+ fix(es)? applied$`, 'm'));
    assert.match(r.stdout, /^\d+ files? fixed \(\d+ fix(es)?\)$/m);
    for (const f of changed) {
      const findings = check(readFileSync(join(dir, f), 'utf8'), { today: TODAY }).findings;
      assert.deepEqual(findings.filter((x) => x.fix?.preferred).map((x) => `${x.line} ${x.rule}`), [], `${f}: preferred fixes left`);
    }
    const again = cli(['fix', '.', '--today', TODAY], dir);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /^0 files fixed \(0 fixes\)$/m);
    const third = snapshot(dir);
    for (const [f, s] of third) assert.equal(s.mtime, after.get(f)!.mtime, `${f} was written again`);
  });

  it('--dry-run writes nothing, prints a unified diff that git apply accepts, and exits 1', () => {
    const dir = copyOf(join(ROOT, 'examples'));
    assert.equal(git(['init', '-q', '.'], dir).code, 0);
    assert.equal(git(['add', '-A'], dir).code, 0);
    assert.equal(git(['commit', '-qm', 'base'], dir).code, 0);
    const before = snapshot(dir);
    const r = cli(['fix', '--dry-run', '.', '--today', TODAY], dir);
    assert.equal(r.code, 1, r.stderr);
    for (const [f, s] of snapshot(dir)) assert.ok(s.bytes.equals(before.get(f)!.bytes), `${f} was written by --dry-run`);
    assert.match(r.stdout, /^--- a\/[\w.-]+\.md\n\+\+\+ b\/[\w.-]+\.md\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    assert.match(r.stderr, /\d+ files? would change/);
    const patch = join(dir, '..', `${dir.split('/').pop()}.patch`);
    writeFileSync(patch, r.stdout);
    const checked = git(['apply', '--check', patch], dir);
    assert.equal(checked.code, 0, checked.stderr);
    const p = spawnSync('patch', ['-p1', '--dry-run', '-i', patch], { cwd: dir, encoding: 'utf8' });
    if (!p.error) assert.equal(p.status, 0, p.stdout + p.stderr);
    // Applying the diff gives exactly what `fix` writes.
    assert.equal(git(['apply', patch], dir).code, 0);
    const applied = snapshot(dir);
    assert.equal(git(['checkout', '-q', '.'], dir).code, 0);
    assert.equal(cli(['fix', '.', '--today', TODAY], dir).code, 0);
    for (const [f, s] of snapshot(dir)) assert.ok(s.bytes.equals(applied.get(f)!.bytes), `${f}: the diff and the fix differ`);
    // Nothing left to fix: no output, exit 0.
    const clean = cli(['fix', '--dry-run', '.', '--today', TODAY], dir);
    assert.deepEqual([clean.code, clean.stdout], [0, '']);
  });

  it('keeps CRLF line endings, a UTF-8 byte order mark and UTF-16 as they were', () => {
    const dir = mkdtempSync(join(tmpdir(), 'status-docs-fix-'));
    const crlf = DELTAS.replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'crlf.md'), '\uFEFF' + crlf);
    writeFileSync(join(dir, 'utf16.md'), Buffer.from('\uFEFF' + DELTAS, 'utf16le'));
    const dry = cli(['fix', '--dry-run', 'crlf.md', '--today', TODAY], dir);
    assert.equal(dry.code, 1);
    assert.ok(dry.stdout.includes('\n-- Velocity: 55% → 73% (+20 points)\r\n'), dry.stdout);
    assert.ok(dry.stdout.includes('\n+- Velocity: 55% → 73% (+18 points)\r\n'), dry.stdout);
    assert.equal(cli(['fix', '.', '--today', TODAY], dir).code, 0);
    const fixed = '# Sprint report\n\n- Velocity: 55% → 73% (+18 points)\n- Coverage: 80% → 74% (-6 points)\n';
    assert.ok(readFileSync(join(dir, 'crlf.md')).equals(Buffer.from('\uFEFF' + fixed.replace(/\n/g, '\r\n'), 'utf8')));
    assert.ok(readFileSync(join(dir, 'utf16.md')).equals(Buffer.from('\uFEFF' + fixed, 'utf16le')));
  });

  it('--rule takes only that rule\'s fixes, preferred or not; an unknown rule is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'status-docs-fix-'));
    writeFileSync(join(dir, 'a.md'), '# Report\n\n- Velocity: 55% → 73% (+20 points)\n- Tests: 164/173 passing (90%)\n');
    const r = cli(['fix', '--dry-run', '--rule', 'ratio-mismatch', 'a.md', '--today', TODAY], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(r.stdout.includes('+- Tests: 164/173 passing (95%)'), r.stdout);
    assert.ok(!r.stdout.includes('+18'), r.stdout);
    const bad = cli(['fix', '--rule', 'no-such-rule', 'a.md'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown rule "no-such-rule"/);
    assert.equal(cli(['fix', 'missing.md'], dir).code, 2);
  });

  (hasShared ? it : it.skip)('on a copy of the seeds: the dry run applies with git apply, and fixing twice changes nothing', () => {
    const dir = copyOf(SEEDS);
    assert.equal(git(['init', '-q', '.'], dir).code, 0);
    assert.equal(git(['add', '-A'], dir).code, 0);
    assert.equal(git(['commit', '-qm', 'seeds'], dir).code, 0);
    const r = cli(['fix', '--dry-run', '.', '--today', TODAY], dir);
    assert.equal(r.code, 1, r.stderr);
    const patch = join(dir, '..', `${dir.split('/').pop()}.patch`);
    writeFileSync(patch, r.stdout);
    const checked = git(['apply', '--check', patch], dir);
    assert.equal(checked.code, 0, checked.stderr);
    assert.equal(cli(['fix', '.', '--today', TODAY], dir).code, 0);
    assert.equal(git(['diff', '--quiet'], dir).code, 1, 'fix wrote nothing');
    const again = cli(['fix', '--dry-run', '.', '--today', TODAY], dir);
    assert.deepEqual([again.code, again.stdout], [0, '']);
  });
});
