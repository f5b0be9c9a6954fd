// A seeded wrong delta shows up in the Problems panel with the rule as code, a link to its
// documentation and the numbers involved; its quick fix removes it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeValue, fixture, open, ours, rangeOf, revert, waitFor } from './support/statusDocs';

describe('diagnostics and quick fixes', () => {
  before(api);

  it('reports the wrong delta of an unopened file from the workspace scan', async () => {
    const uri = fixture('feature-delta.md');
    const [d] = await waitFor('a delta-mismatch diagnostic', () => ours(uri, 'delta-mismatch').length && ours(uri, 'delta-mismatch'));
    assert.equal(vscode.workspace.textDocuments.some((t) => t.uri.toString() === uri.toString()), false, 'the scan opened the file as a document');
    assert.equal(d!.range.start.line, 7);
  });

  it('gives the diagnostic its source, code, docs link, range, severity and related numbers', async () => {
    const editor = await open('feature-delta.md');
    try {
      const [d] = await waitFor('a delta-mismatch diagnostic', () => ours(editor.document.uri, 'delta-mismatch').length && ours(editor.document.uri, 'delta-mismatch'));
      assert.equal(d!.source, 'Status Docs');
      assert.equal(codeValue(d!), 'delta-mismatch');
      const target = (d!.code as { target: vscode.Uri }).target;
      assert.ok(target.path.endsWith('/README.md'), target.toString());
      assert.equal(target.fragment, 'rule-delta-mismatch');
      assert.deepEqual(d!.range, rangeOf(editor.document, 8, '+20'));
      assert.equal(d!.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d!.message, /^Ada: \+20 points should be \+25 \(65 − 40\)\.$/);
      assert.deepEqual(d!.relatedInformation?.map((r) => editor.document.getText(r.location.range)), ['40', '65']);
    } finally {
      await revert(editor);
    }
  });

  it('applying the preferred quick fix corrects the number and removes the diagnostic', async () => {
    const editor = await open('feature-delta.md');
    try {
      const uri = editor.document.uri;
      const [d] = await waitFor('a delta-mismatch diagnostic', () => ours(uri, 'delta-mismatch').length && ours(uri, 'delta-mismatch'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d!.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === 'Change to +25 points');
      assert.ok(fix, `no "Change to +25 points" among ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(fix.isPreferred, true);
      assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
      assert.equal(editor.document.lineAt(7).text, '### Ada (Indexing): 40% → 65% (+25 points)');
      await waitFor('the diagnostic to go away', () => ours(uri, 'delta-mismatch').length === 0);
    } finally {
      await revert(editor);
    }
  });

  it('offers "Mark as done" and "Move date to today" for a stale milestone, editing only its cells', async () => {
    const editor = await open('feature-delta.md');
    try {
      const uri = editor.document.uri;
      // The diagnostics may still be those of the previous test's text until its re-check lands;
      // quick fixes are computed for the text as it is now.
      await (await api()).service.whenIdle();
      const [d] = await waitFor('a stale-milestone diagnostic', () => ours(uri, 'stale-milestone').length && ours(uri, 'stale-milestone'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d!.range, vscode.CodeActionKind.QuickFix.value);
      const done = actions.find((a) => a.title.startsWith('Mark as done'));
      const move = actions.find((a) => a.title.startsWith('Move date to today'));
      assert.ok(done?.edit && move?.edit, actions.map((a) => a.title).join(', '));
      const line = d!.range.start.line;
      const before = editor.document.lineAt(line).text;
      assert.ok(await vscode.workspace.applyEdit(done.edit));
      assert.equal(editor.document.lineAt(line).text, before.replace('🚧 In Progress', '✅ Done'));
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.lineAt(line).text, before);
      assert.ok(await vscode.workspace.applyEdit(move.edit));
      assert.equal(editor.document.lineAt(line).text, before.replace('2026-03-20', '2026-11-22'));
    } finally {
      await revert(editor);
    }
  });
});
