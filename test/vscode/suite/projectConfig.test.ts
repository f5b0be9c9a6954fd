// The project configuration file in the real editor: the workspace's payments/.status-docs.jsonc
// (delta-mismatch off, stale-milestone an error, staleAfterDays 30, today 2026-06-01) gives the
// findings the CLI gives on the same folder (test/unit/project-config.test.ts), an edit of the
// file is checked again, a bad key is a diagnostic on the file at that key, a setting set
// explicitly wins over the file, and Show Effective Configuration names each value's source.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EffectiveConfiguration } from '../../../src/vscode/projectConfig';
import type { StatusDocsApi } from '../../../src/vscode/extension';
import { PROJECT_FILE, PROJECT_FINDINGS } from './support/projectFixture';
import { api, codeValue, fixture, folder, ours, setSetting, TODAY, waitFor } from './support/statusDocs';

const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** `path → ["line:column severity rule", …]` from the Problems panel, like the CLI's report. */
function shown(): Record<string, string[]> {
  return Object.fromEntries(Object.keys(PROJECT_FINDINGS).map((path) => [path, ours(fixture(path))
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity]} ${codeValue(d)}`)]));
}

async function shows(what: string, expected: Record<string, string[]>): Promise<void> {
  try {
    await waitFor(what, () => JSON.stringify(shown()) === JSON.stringify(expected), 15_000);
  } catch {
    assert.deepEqual(shown(), expected, what);
  }
}

describe('project configuration file', () => {
  let ext: StatusDocsApi;
  let original: Uint8Array;
  const file = () => fixture(PROJECT_FILE);
  const write = (text: string) => vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(text));
  const text = () => new TextDecoder().decode(original);

  before(async () => {
    ext = await api();
    original = await vscode.workspace.fs.readFile(file());
    // api() pins "today" in the workspace settings; here the file's own today applies.
    await setSetting('today', undefined);
    await ext.service.whenIdle();
  });

  afterEach(async () => {
    await setSetting('rules', undefined);
    await setSetting('staleAfterDays', undefined);
    if (new TextDecoder().decode(await vscode.workspace.fs.readFile(file())) !== text()) {
      await write(text());
      await shows('the fixture\'s findings again', PROJECT_FINDINGS);
    }
  });

  after(async () => {
    await setSetting('today', TODAY);
    await ext.service.whenIdle();
  });

  it('gives the findings the CLI gives on the same folder', async () => {
    await shows('the findings of the payments folder', PROJECT_FINDINGS);
    assert.equal(ext.service.get(fixture('payments/status.md'))?.today, '2026-06-01', 'today from the file');
    assert.equal(ext.service.get(fixture('payments/q3/plan.md'))?.today, '2026-06-01', 'the nearest file up applies to a sub-folder');
    assert.deepEqual(ext.projects.all().map((p) => p.label), [PROJECT_FILE]);
    assert.equal(ours(file()).length, 0, 'a valid file has no diagnostics');
  });

  it('checks the documents again when the file changes', async () => {
    await shows('the findings of the payments folder', PROJECT_FINDINGS);
    await write(text().replace('"stale-milestone": "error"', '"stale-milestone": "info"'));
    await shows('stale-milestone as info', {
      'payments/q3/plan.md': ['9:31 info stale-milestone'],
      'payments/status.md': ['3:19 info stale-document', '14:26 info stale-milestone'],
    });
  });

  it('an invalid key is a diagnostic on the file at that key; the other keys apply', async () => {
    const bad = text().replace('"stale-milestone": "error"', '"stale-milestone": "loud"');
    await write(bad);
    const [d] = await waitFor('a diagnostic on the config file', () => ours(file()).length === 1 && ours(file()), 15_000);
    assert.equal(codeValue(d!), 'rules.stale-milestone');
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d!.message, /Severity of rule "stale-milestone" must be one of off, info, warning, error; got "loud"/);
    const document = await vscode.workspace.openTextDocument(file());
    assert.equal(document.getText(d!.range), '"loud"');
    assert.equal(document.languageId, 'jsonc');
    // The bad severity keeps its default (warning); delta-mismatch stays off, today stays.
    await shows('stale-milestone at its default severity', {
      'payments/q3/plan.md': ['9:31 warning stale-milestone'],
      'payments/status.md': ['3:19 info stale-document', '14:26 warning stale-milestone'],
    });
    await write('{ "today": "2026-06-01", ');
    await waitFor('a syntax error diagnostic', () => ours(file()).some((x) => x.severity === vscode.DiagnosticSeverity.Error && /Not valid JSON with comments/.test(x.message)), 15_000);
  });

  it('a setting set explicitly wins over the file, per rule', async () => {
    await shows('the findings of the payments folder', PROJECT_FINDINGS);
    await setSetting('rules', { 'delta-mismatch': 'warning' });
    await shows('delta-mismatch back as a warning, stale-milestone still an error', {
      'payments/q3/plan.md': ['8:33 warning delta-mismatch', '9:31 error stale-milestone'],
      'payments/status.md': ['3:19 info stale-document', '8:28 warning delta-mismatch', '14:26 error stale-milestone'],
    });
  });

  it('a file in the folder above the workspace applies, and its edits and its removal are seen', async function () {
    this.timeout(90_000);
    // The folder above the workspace folder belongs to this test run (the workspace is a copy).
    const above = vscode.Uri.joinPath(folder().uri, '..', '.status-docs.json');
    const doc = fixture('feature-delta.md');
    const delta = () => ours(doc).filter((d) => codeValue(d) === 'delta-mismatch').map((d) => SEVERITY[d.severity]);
    // The previous test's setting is gone once the check it started has landed.
    await waitFor('the fixture\'s wrong delta, at its default severity', () => delta().join() === 'error', 20_000);
    const put = (rules: Record<string, string>) => vscode.workspace.fs.writeFile(above, new TextEncoder().encode(JSON.stringify({ rules })));
    try {
      await put({ 'delta-mismatch': 'info' });
      await waitFor('delta-mismatch as info from the file above the workspace', () => delta().join() === 'info', 20_000);
      assert.equal(ext.service.settingsFor(doc).projectFile, vscode.workspace.asRelativePath(above, false));
      await put({ 'delta-mismatch': 'off' });
      await waitFor('delta-mismatch off after the file changed', () => delta().length === 0, 20_000);
      // The payments folder's own file is nearer: the file above does not apply there.
      assert.equal(ext.service.settingsFor(fixture('payments/status.md')).projectFile, PROJECT_FILE);
    } finally {
      await vscode.workspace.fs.delete(above).then(undefined, () => undefined);
    }
    await waitFor('delta-mismatch an error again once the file is gone', () => delta().join() === 'error', 20_000);
  });

  it('Show Effective Configuration names where each value comes from', async () => {
    await setSetting('staleAfterDays', 45);
    await ext.service.whenIdle();
    const effective = await vscode.commands.executeCommand<EffectiveConfiguration>('statusDocs.showConfiguration', fixture('payments/status.md'));
    const of = (key: string) => {
      const v = effective.values.find((x) => x.key === key);
      assert.ok(v, `${key} is not listed: ${effective.values.map((x) => x.key).join(', ')}`);
      return [v.value, v.source];
    };
    assert.equal(effective.projectFile, PROJECT_FILE);
    assert.deepEqual(of('today'), ['2026-06-01', PROJECT_FILE]);
    assert.deepEqual(of('rules.delta-mismatch'), ['off', PROJECT_FILE]);
    assert.deepEqual(of('rules.mojibake'), ['warning', 'default']);
    assert.deepEqual(of('staleAfterDays'), [45, 'workspace settings']);
    assert.deepEqual(of('approximateTolerance'), [0.1, 'default']);
    const outside = await vscode.commands.executeCommand<EffectiveConfiguration>('statusDocs.showConfiguration', fixture('feature-delta.md'));
    assert.equal(outside.projectFile, null, 'a document above the folder has no project file');
  });
});
