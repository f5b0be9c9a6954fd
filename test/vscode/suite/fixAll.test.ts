// `source.fixAll.statusDocs` fixes a whole file, on request and from editor.codeActionsOnSave.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open, ours, revert, waitFor } from './support/statusDocs';

const FIXED = ['- [x] Export the wiki pages ✅ done', '- [ ] Re-import them → next week'];

describe('fix all', () => {
  before(api);

  it('source.fixAll.statusDocs repairs every damaged line of the file in one edit', async () => {
    const editor = await open('feature-mojibake.md');
    try {
      const uri = editor.document.uri;
      await waitFor('one mojibake diagnostic for the document', () => ours(uri, 'mojibake').length === 1);
      const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.statusDocs');
      assert.equal(actions.length, 1, actions.map((a) => a.title).join(', '));
      assert.equal(actions[0]!.kind?.value, 'source.fixAll.statusDocs');
      const before = editor.document.getText();
      assert.ok(actions[0]!.edit && (await vscode.workspace.applyEdit(actions[0]!.edit)));
      assert.deepEqual([editor.document.lineAt(4).text, editor.document.lineAt(5).text], FIXED);
      assert.equal(editor.document.getText(), before.replace('âœ…', '✅').replace('â†’', '→'), 'changed something else');
      await waitFor('the diagnostics to go away', () => ours(uri).length === 0);
    } finally {
      await revert(editor);
    }
  });

  it('runs from editor.codeActionsOnSave', async () => {
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await settings.update('codeActionsOnSave', { 'source.fixAll.statusDocs': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    const editor = await open('feature-mojibake.md');
    const original = editor.document.getText();
    try {
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
      await editor.document.save();
      assert.deepEqual([editor.document.lineAt(4).text, editor.document.lineAt(5).text], FIXED);
    } finally {
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode(original));
      await revert(editor);
    }
  });
});
