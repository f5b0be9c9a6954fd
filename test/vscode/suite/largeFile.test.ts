// A 1 MB document opens, takes edits and is skipped with a note, without freezing the host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixture, ours, revert, waitFor } from './support/statusDocs';

describe('large files', () => {
  it('a 1 MB status document does not freeze the extension host', async function () {
    this.timeout(60_000);
    const ext = await api();
    const row = (i: number) => `- [${i % 3 ? ' ' : 'x'}] Task ${i}: 40% → 65% (+20 points), due 2026-0${(i % 9) + 1}-10 ✅\n`;
    let text = '# Huge Tracker\n\n**Status**: 🚧 In Progress\n\n';
    for (let i = 0; text.length < 1024 * 1024; i++) text += row(i);
    const uri = fixture('feature-large.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

    // The largest gap between timer ticks of this (the extension) host while the file is handled.
    let last = Date.now();
    let worst = 0;
    let step = 'write';
    const gaps: string[] = [];
    const ticker = setInterval(() => {
      const now = Date.now();
      if (now - last > 200) gaps.push(`${now - last} ms during ${step}`);
      worst = Math.max(worst, now - last);
      last = now;
    }, 10);
    const mark = async (name: string) => {
      await new Promise((r) => setTimeout(r, 50));
      step = name;
    };
    await mark('open');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    try {
      await mark('analysis');
      const entry = await waitFor('the skipped entry', () => ext.service.get(uri)?.skipped && ext.service.get(uri), 20_000);
      assert.match(entry.skipped!, /more than statusDocs\.maxFileSizeKB/);
      await mark('edits');
      for (let i = 0; i < 5; i++) await editor.edit((b) => b.insert(new vscode.Position(4, 0), `- [ ] typed ${i}\n`));
      await mark('providers');
      await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
      await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(6, 10));
      await mark('settle');
      await new Promise((r) => setTimeout(r, 800));
      assert.equal(ours(uri).length, 0);
      assert.ok(worst < 1000, `the extension host stalled: ${gaps.join(', ')}`);
    } finally {
      clearInterval(ticker);
      await revert(editor);
      await vscode.workspace.fs.delete(uri);
    }
  });
});
