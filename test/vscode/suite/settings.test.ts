// Settings changes apply without a reload; bad values keep their defaults.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixture, ours, setSetting, TODAY, waitFor } from './support/statusDocs';

describe('settings', () => {
  afterEach(async () => {
    await setSetting('rules', undefined);
    await setSetting('run', undefined);
    await setSetting('codeLens.enabled', undefined);
    await setSetting('today', TODAY);
  });

  it('statusDocs.rules turns a rule off and changes its severity', async () => {
    await api();
    const uri = fixture('feature-delta.md');
    await waitFor('the delta diagnostic', () => ours(uri, 'delta-mismatch').length === 1);
    await setSetting('rules', { 'delta-mismatch': 'off' });
    await waitFor('the delta diagnostic to go', () => ours(uri, 'delta-mismatch').length === 0);
    await setSetting('rules', { 'delta-mismatch': 'info' });
    const [d] = await waitFor('an info diagnostic', () => ours(uri, 'delta-mismatch').length && ours(uri, 'delta-mismatch'));
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Information);
  });

  it('statusDocs.today moves the day stale items are counted from', async () => {
    const ext = await api();
    const uri = fixture('feature-delta.md');
    await setSetting('today', '2026-04-01');
    await waitFor('12 days overdue', () => ext.service.get(uri)?.findings.some((f) => f.stale?.daysOverdue === 12));
    await vscode.commands.executeCommand('statusDocs.setToday', TODAY);
    await waitFor('247 days overdue', () => ext.service.get(uri)?.findings.some((f) => f.stale?.daysOverdue === 247));
  });

  it('a bad value keeps the default and activation goes on', async () => {
    const ext = await api();
    await setSetting('run', 'sometimes');
    const settings = ext.service.settingsFor(fixture('feature-delta.md'));
    assert.equal(settings.host.run, 'onType');
    assert.ok(settings.problems.some((p) => p.includes('statusDocs.run')), settings.problems.join('\n'));
  });

  it('statusDocs.codeLens.enabled hides the CodeLens', async () => {
    await api();
    const uri = fixture('feature-delta.md');
    await vscode.workspace.openTextDocument(uri);
    await waitFor('CodeLens', async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).some((l) => l.command?.title.startsWith('☑')));
    await setSetting('codeLens.enabled', false);
    await waitFor('no CodeLens', async () => !(await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).some((l) => l.command?.title.startsWith('☑')));
  });
});
