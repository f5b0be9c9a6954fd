// CodeLens, hover, inline flags, Explorer badges and the exported report.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixture, open, rangeOf, revert, TODAY, waitFor } from './support/statusDocs';

describe('CodeLens, hover, inline flags, badges and reports', () => {
  before(api);

  it('CodeLens above the title (claims checked), the checklist and the score group', async () => {
    const uri = fixture('feature-delta.md');
    await vscode.workspace.openTextDocument(uri);
    const lenses = await waitFor('three CodeLens', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return all.length === 3 && all;
    });
    // Last Updated, two score deltas and two milestones: 5 claims, all checked, 3 wrong (stale
    // document, +20 for 40 → 65, the overdue milestone).
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[0, '✓ 5 claims checked · 3 wrong'], [7, 'Δ expected +25'], [12, '☑ 2/4 done (50%)']]);
  });

  it('hover on the checked number explains the computation', async () => {
    const editor = await open('feature-delta.md');
    try {
      const at = rangeOf(editor.document, 8, '+20').start.translate(0, 1);
      const hovers = await waitFor('a hover', async () => {
        const all = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
        return all.length > 0 && all;
      });
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ').replace(/\\/g, '');
      assert.match(text, /65 − 40 = 25 points/);
    } finally {
      await revert(editor);
    }
  });

  it('flags the stale milestone line inline', async () => {
    const ext = await api();
    const editor = await open('feature-delta.md');
    try {
      const flags = await waitFor('a stale flag', () => {
        const f = ext.flags.flagsOf(editor).stale;
        return f.length > 0 && f;
      });
      const milestone = flags.find((f) => f.range.start.line === 22);
      assert.ok(milestone, flags.map((f) => f.range.start.line).join(', '));
      assert.equal(milestone.renderOptions?.after?.contentText, '⏰ 247 days overdue');
      assert.ok(milestone.range.start.isEqual(editor.document.lineAt(22).range.end));
    } finally {
      await revert(editor);
    }
  });

  it('exports the workspace report as JSON, SARIF and markdown', async () => {
    const json = await vscode.commands.executeCommand<vscode.TextDocument>('statusDocs.exportReport', 'json');
    const report = JSON.parse(json.getText());
    assert.equal(report.today, TODAY);
    const file = report.files.find((f: { path: string }) => f.path === 'feature-delta.md');
    assert.ok(file, report.files.map((f: { path: string }) => f.path).join(', '));
    assert.deepEqual(file.checklist, { done: 2, total: 4 });
    const sarif = JSON.parse((await vscode.commands.executeCommand<vscode.TextDocument>('statusDocs.exportReport', 'sarif')).getText());
    assert.equal(sarif.version, '2.1.0');
    const md = (await vscode.commands.executeCommand<vscode.TextDocument>('statusDocs.exportReport', 'markdown')).getText();
    assert.match(md, /## feature-delta\.md/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
