// The status bar shows the active status document's checklist and problems; click focuses the tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open, revert, waitFor } from './support/statusDocs';

describe('status bar', () => {
  it('shows `$(checklist) done/total · problems ⚠` for the active status document', async () => {
    const ext = await api();
    const editor = await open('feature-delta.md');
    try {
      await waitFor('the status bar text', () => ext.statusBar.item.text === '$(checklist) 2/4 · 3 ⚠');
      assert.equal(ext.statusBar.item.command, 'statusDocs.focusTree');
      await vscode.commands.executeCommand('statusDocs.focusTree');
    } finally {
      await revert(editor);
    }
  });

  it('follows the active editor', async () => {
    const ext = await api();
    const editor = await open('phase-report.md');
    try {
      await waitFor('the phase report', () => ext.statusBar.item.text === '$(checklist) 3/5 · 4 ⚠');
    } finally {
      await revert(editor);
    }
  });
});
