// The project configuration file (.status-docs.jsonc / .status-docs.json): the core's parser
// (comments, trailing commas, each bad key with its place), the layering of settings, the
// committed JSON Schema against the zod schema, the manifest's contributions, and the built CLI
// on the fixture folder the editor's integration test opens too (same findings).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFileCandidates, layerConfig, parseProjectConfig, PROJECT_CONFIG_FILES } from '../../src/core/index';
import { PROJECT_CONFIG_SCHEMA_PATH } from '../../src/core/projectConfig';
import { parseLayeredSettings } from '../../src/vscode/settingsSchema';
import { renderSchema } from '../docs/readme';
import { PROJECT_FINDINGS, PROJECT_FOLDER } from '../vscode/suite/support/projectFixture';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const workspace = join(root, 'test/vscode/workspace');

function runCli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `path → ["line:column severity rule", …]` from the CLI's JSON report. */
function findingsOf(json: string): Record<string, string[]> {
  const report = JSON.parse(json) as { files: { path: string; findings: { line: number; column: number; severity: string; rule: string }[] }[] };
  return Object.fromEntries(report.files.filter((f) => f.findings.length).map((f) => [f.path, f.findings.map((x) => `${x.line}:${x.column} ${x.severity} ${x.rule}`)]));
}

describe('project configuration file', () => {
  describe('parsing (core)', () => {
    it('reads JSON with comments and trailing commas', () => {
      const { values, issues } = parseProjectConfig('\uFEFF// team settings\n{\n  /* monthly */ "staleAfterDays": 30,\n  "rules": { "mojibake": "off", },\n  "$schema": "./schema.json",\n}\n');
      assert.deepEqual(issues, []);
      assert.deepEqual(values, { staleAfterDays: 30, rules: { mojibake: 'off' } });
    });

    it('names each bad key with its line, column and path, and keeps the good ones', () => {
      const text = '{\n  "rules": { "nope": "off", "delta-mismatch": "loud" },\n  "staleAfterDays": 0,\n  "statusWords": { "done": ["ok", 5] },\n  "codeLens.enabled": false,\n  "today": "2026-06-01"\n}\n';
      const { values, issues } = parseProjectConfig(text);
      assert.deepEqual(values, { rules: {}, today: '2026-06-01' });
      assert.deepEqual(issues.map((i) => `${i.line}:${i.column} ${i.path}`), ['2:14 rules.nope', '2:47 rules.delta-mismatch', '3:21 staleAfterDays', '4:35 statusWords.done[1]', '5:3 codeLens.enabled']);
      for (const i of issues) assert.equal(text.slice(i.offset, i.offset + i.length), ['"nope"', '"loud"', '0', '5', '"codeLens.enabled"'][issues.indexOf(i)]);
      assert.match(issues[1]!.message, /must be one of off, info, warning, error; got "loud"/);
    });

    it('a file that is not JSONC, or not an object, gives no keys and says where', () => {
      const broken = parseProjectConfig('{\n  "staleAfterDays": 30\n  "today": "2026-06-01"\n}');
      assert.deepEqual(broken.values, {});
      assert.equal(broken.issues[0]!.line, 3);
      assert.match(broken.issues[0]!.message, /Not valid JSON with comments \(comma expected\)/);
      assert.match(parseProjectConfig('[]').issues[0]!.message, /must hold an object/);
      assert.deepEqual(parseProjectConfig('  // nothing yet\n'), { values: {}, issues: [] });
    });

    it('never throws on odd input', () => {
      for (const text of ['{"__proto__": {"staleAfterDays": 1}}', '{"rules": null}', '"x"', '{', '}}}', '{"a":1,"a":2}', '\u0000']) {
        const { values } = parseProjectConfig(text);
        assert.ok(!('staleAfterDays' in values) || typeof values.staleAfterDays === 'number');
      }
    });

    it('is looked for from the document\'s folder up, .jsonc first in each folder', () => {
      assert.deepEqual(PROJECT_CONFIG_FILES, ['.status-docs.jsonc', '.status-docs.json']);
      assert.deepEqual(configFileCandidates('/repo/docs'), ['/repo/docs/.status-docs.jsonc', '/repo/docs/.status-docs.json', '/repo/.status-docs.jsonc', '/repo/.status-docs.json', '/.status-docs.jsonc', '/.status-docs.json']);
      assert.deepEqual(configFileCandidates('/repo/docs', '/repo').length, 4);
    });
  });

  describe('layers', () => {
    it('a later layer wins per key, and rules and statusWords merge per entry', () => {
      const { config, sources } = layerConfig([
        { source: 'file', values: { staleAfterDays: 30, today: '2026-06-01', rules: { 'delta-mismatch': 'off', mojibake: 'info' }, statusWords: { done: ['Shipped'] } } },
        { source: 'user', values: { staleAfterDays: 60, rules: { mojibake: 'error' }, statusWords: { blocked: ['Parked'] } } },
      ]);
      assert.equal(config.staleAfterDays, 60);
      assert.equal(config.today, '2026-06-01');
      assert.equal(config.approximateTolerance, 0.1);
      assert.deepEqual(config.rules, { 'delta-mismatch': 'off', mojibake: 'error' });
      assert.deepEqual(config.statusWords, { done: ['Shipped'], blocked: ['Parked'] });
      assert.deepEqual(sources, { staleAfterDays: 'user', today: 'file', 'rules.delta-mismatch': 'file', 'rules.mojibake': 'user', 'statusWords.done': 'file', 'statusWords.blocked': 'user' });
    });

    it('editor: settings set explicitly win over the project file, the rest comes from it', () => {
      const project = { source: 'payments/.status-docs.jsonc', values: parseProjectConfig(readFileSync(join(workspace, 'payments/.status-docs.jsonc'), 'utf8')).values };
      const s = parseLayeredSettings({
        project,
        scopes: [{ source: 'user settings', raw: { staleAfterDays: 45 } }, { source: 'workspace settings', raw: { rules: { 'delta-mismatch': 'warning' }, today: undefined } }],
        host: {},
      });
      assert.equal(s.config.staleAfterDays, 45);
      assert.equal(s.config.today, '2026-06-01');
      assert.deepEqual(s.config.rules, { 'delta-mismatch': 'warning', 'stale-milestone': 'error' });
      assert.equal(s.sources['rules.delta-mismatch'], 'workspace settings');
      assert.equal(s.sources['rules.stale-milestone'], 'payments/.status-docs.jsonc');
      assert.equal(s.sources.staleAfterDays, 'user settings');
      assert.equal(s.projectFile, 'payments/.status-docs.jsonc');
      assert.deepEqual(s.problems, []);
    });
  });

  describe('JSON Schema', () => {
    it(`the committed ${PROJECT_CONFIG_SCHEMA_PATH} is the one generated from the zod schema (npm run docs writes it)`, () => {
      assert.equal(readFileSync(join(root, PROJECT_CONFIG_SCHEMA_PATH), 'utf8'), renderSchema(), `${PROJECT_CONFIG_SCHEMA_PATH} is out of date: run \`npm run docs\``);
    });

    it('lists every rule and key, and nothing else', () => {
      const schema = JSON.parse(renderSchema());
      assert.equal(schema.additionalProperties, false);
      assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'approximateTolerance', 'maxAnalysisMs', 'rules', 'staleAfterDays', 'statusWords', 'today']);
      assert.equal(schema.properties.rules.additionalProperties, false);
      assert.deepEqual(schema.properties.rules.properties['delta-mismatch'].enum, ['off', 'info', 'warning', 'error']);
      assert.equal(schema.properties.staleAfterDays.minimum, 1);
    });

    it('is contributed for both file names, which open as JSON with comments', () => {
      const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: [...PROJECT_CONFIG_FILES].reverse(), url: `./${PROJECT_CONFIG_SCHEMA_PATH}` }]);
      assert.deepEqual(manifest.contributes.languages, [{ id: 'jsonc', filenames: [...PROJECT_CONFIG_FILES].reverse() }]);
      // The schema ships in the package.
      assert.match(readFileSync(join(root, '.vscodeignore'), 'utf8'), /^!media\/\*\*$/m);
      assert.ok(manifest.dependencies['jsonc-parser']);
    });
  });

  describe('CLI (dist/cli.js)', () => {
    before(function () {
      if (!existsSync(cli)) this.skip();
    });

    it('checks the fixture folder with its .status-docs.jsonc: the findings the editor shows', () => {
      const r = runCli(['check', PROJECT_FOLDER, '--format', 'json'], workspace);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stderr, '');
      assert.deepEqual(findingsOf(r.stdout), PROJECT_FINDINGS);
      assert.equal(JSON.parse(r.stdout).today, '2026-06-01', 'today from the file');
    });

    it('flags win over --config, which wins over the project file', () => {
      const dir = mkdtempSync(join(tmpdir(), 'status-docs-project-'));
      try {
        writeFileSync(join(dir, 'cli.json'), JSON.stringify({ rules: { 'stale-milestone': 'warning' } }));
        const r = runCli(['check', join(workspace, PROJECT_FOLDER, 'status.md'), '--config', join(dir, 'cli.json'), '--today', '2026-04-25', '--format', 'json'], dir);
        // 2026-04-25: the vault milestone is not due yet; the document is 5 days old.
        assert.deepEqual(Object.values(findingsOf(r.stdout)), []);
        const w = runCli(['check', join(workspace, PROJECT_FOLDER, 'status.md'), '--config', join(dir, 'cli.json'), '--format', 'json'], dir);
        assert.deepEqual(Object.values(findingsOf(w.stdout)), [['3:19 info stale-document', '14:26 warning stale-milestone']]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('the nearest file wins, whole; a document above it is checked with the defaults', () => {
      const dir = mkdtempSync(join(tmpdir(), 'status-docs-project-'));
      try {
        cpSync(join(workspace, PROJECT_FOLDER), join(dir, 'payments'), { recursive: true });
        writeFileSync(join(dir, '.status-docs.json'), JSON.stringify({ rules: { 'stale-document': 'off' }, today: '2026-06-01' }));
        writeFileSync(join(dir, 'payments/q3/.status-docs.json'), '{ "today": "2026-05-30" }');
        writeFileSync(join(dir, 'top.md'), '# Top\n\n**Last Updated**: 2026-01-01\n\n- Score: 10% → 20% (+5 points)\n');
        const r = runCli(['check', '.', '--format', 'json'], dir);
        assert.equal(r.stderr, '');
        assert.deepEqual(findingsOf(r.stdout), {
          // q3's own file: the defaults plus its today (delta on, stale-milestone a warning).
          'payments/q3/plan.md': ['8:33 error delta-mismatch', '9:31 warning stale-milestone'],
          'payments/status.md': PROJECT_FINDINGS['payments/status.md'],
          'top.md': ['5:21 error delta-mismatch'],
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('an invalid project file: each bad key on stderr with file, line, column and path; the check goes on; exit code 2', () => {
      const dir = mkdtempSync(join(tmpdir(), 'status-docs-project-'));
      try {
        mkdirSync(join(dir, 'docs'));
        cpSync(join(workspace, PROJECT_FOLDER, 'status.md'), join(dir, 'docs/status.md'));
        writeFileSync(join(dir, 'docs/.status-docs.jsonc'), '{\n  "today": "2026-06-01",\n  "rules": { "stale-milestone": "loud", "no-such-rule": "off" },\n}\n');
        const r = runCli(['check', 'docs'], dir);
        assert.equal(r.code, 2);
        assert.deepEqual(r.stderr.trim().split('\n'), [
          'status-docs: docs/.status-docs.jsonc:3:33: rules.stale-milestone: Severity of rule "stale-milestone" must be one of off, info, warning, error; got "loud", keeping its default.',
          'status-docs: docs/.status-docs.jsonc:3:41: rules.no-such-rule: Unknown rule "no-such-rule" in "rules" is ignored.',
        ]);
        // The good key applies (today), the bad one keeps its default (a warning).
        assert.match(r.stdout, /docs\/status\.md:14:26: warning stale-milestone .* 17 days overdue/);
        writeFileSync(join(dir, 'docs/.status-docs.jsonc'), '{ "today": "2026-06-01" ');
        const broken = runCli(['check', 'docs'], dir);
        assert.equal(broken.code, 2);
        assert.match(broken.stderr, /^status-docs: docs\/\.status-docs\.jsonc:1:25: Not valid JSON with comments \(close brace expected\); the file's settings are not used\.$/m);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('fix uses the project file too', () => {
      const dir = mkdtempSync(join(tmpdir(), 'status-docs-project-'));
      try {
        cpSync(join(workspace, PROJECT_FOLDER), join(dir, 'payments'), { recursive: true });
        const r = runCli(['fix', '--dry-run', 'payments'], dir);
        // delta-mismatch is off there: nothing to fix.
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.equal(r.stdout, '');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
