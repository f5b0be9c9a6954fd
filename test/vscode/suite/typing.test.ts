// Typing a wrong number creates a diagnostic within the debounce; the status bar follows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open, ours, rangeOf, revert, waitFor } from './support/statusDocs';

describe('as you type', () => {
  before(api);

  it('typing a wrong number creates a diagnostic within the debounce', async () => {
    const editor = await open('feature-typing.md');
    try {
      const uri = editor.document.uri;
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(ours(uri).length, 0, 'the fixture should start clean');
      const debounce = vscode.workspace.getConfiguration('statusDocs').get<number>('debounceMs')!;
      const wrong = rangeOf(editor.document, 8, '+8');
      const typed = Date.now();
      await editor.edit((b) => b.replace(wrong, '+9'));
      const [d] = await waitFor('a delta-mismatch diagnostic', () => ours(uri, 'delta-mismatch').length && ours(uri, 'delta-mismatch'), debounce + 1500);
      const elapsed = Date.now() - typed;
      assert.deepEqual(d!.range, rangeOf(editor.document, 8, '+9'));
      assert.ok(elapsed >= debounce - 50, `checked after ${elapsed} ms, before the ${debounce} ms debounce`);
    } finally {
      await revert(editor);
    }
  });

  it('keystrokes within the debounce are checked once, against the last text', async () => {
    const editor = await open('feature-typing.md');
    try {
      const uri = editor.document.uri;
      const at = rangeOf(editor.document, 7, '+15').start.translate(0, 1);
      // +15 → +1 → +12 → +15 typed quickly: the final text is right again.
      await editor.edit((b) => b.delete(new vscode.Range(at.translate(0, 1), at.translate(0, 2))));
      await editor.edit((b) => b.insert(at.translate(0, 1), '2'));
      await editor.edit((b) => b.replace(new vscode.Range(at.translate(0, 1), at.translate(0, 2)), '5'));
      await new Promise((r) => setTimeout(r, 1200));
      assert.deepEqual(ours(uri).map((d) => d.message), []);
    } finally {
      await revert(editor);
    }
  });
});
