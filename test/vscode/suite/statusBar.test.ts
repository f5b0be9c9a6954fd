// The status bar shows the active status document's checklist and its problems by severity;
// its tooltip names the document in repaired text; click focuses the tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open, revert, waitFor } from './support/statusDocs';

describe('status bar', () => {
  it('shows `$(checklist) done/total · $(error) N $(warning) N` for the active status document', async () => {
    const ext = await api();
    const editor = await open('feature-delta.md');
    try {
      await waitFor('the status bar text', () => ext.statusBar.item.text === '$(checklist) 2/4 · $(error) 1 $(warning) 1 $(info) 1');
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
      await waitFor('the phase report', () => ext.statusBar.item.text === '$(checklist) 3/5 · $(error) 1 $(warning) 2 $(info) 1');
    } finally {
      await revert(editor);
    }
  });

  it('names the document in its repaired text, in the tooltip and for screen readers', async () => {
    const ext = await api();
    const editor = await open('tree-scorecard.md');
    try {
      await waitFor('the scorecard', () => ext.statusBar.item.text === '$(checklist) 0/6 · $(warning) 2');
      const tooltip = String(ext.statusBar.item.tooltip);
      assert.match(tooltip, /^Status Docs: Catalogue Cleanup Scorecard — Q4\n0 of 6 checklist items done\n2 warnings\n/);
      assert.equal(ext.statusBar.item.accessibilityInformation?.label, 'Status Docs: Catalogue Cleanup Scorecard — Q4, 0 of 6 checklist items done, 2 warnings');
    } finally {
      await revert(editor);
    }
  });
});
