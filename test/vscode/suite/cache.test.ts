// Open documents are re-checked incrementally, files on disk come from the result cache; both
// give exactly what a cold check of the same text gives.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixture, open, revert, waitFor } from './support/statusDocs';

const decoder = new TextDecoder();

describe('incremental checks and the result cache', () => {
  it('an edit in an open document re-parses only its changed part, with the results of a cold check', async () => {
    const ext = await api();
    const editor = await open('phase-report.md');
    try {
      const uri = editor.document.uri;
      await waitFor('the first check of the open document', () => ext.service.checkerOf(uri));
      // A wrong delta typed into the Team Scores section only.
      const line = editor.document.lineAt(9);
      const at = line.text.indexOf('+12');
      await editor.edit((b) => b.replace(new vscode.Range(9, at, 9, at + 3), '+13'));
      const entry = await waitFor('the check of the edited text', () => {
        const e = ext.service.get(uri);
        return e?.version === editor.document.version && e;
      }, 5000);
      const stats = ext.service.checkerOf(uri)!.parser.stats;
      assert.ok(stats.chunked, 'the document was parsed whole');
      assert.ok(stats.parsed < stats.chunks, `re-parsed ${stats.parsed} of ${stats.chunks} chunks`);
      const cold = ext.service.analyze(uri, editor.document.getText(), -1);
      assert.deepEqual(entry.doc, cold.doc);
      assert.deepEqual(entry.findings, cold.findings);
      assert.ok(entry.findings.some((f) => f.rule === 'delta-mismatch' && f.line === 10), 'the typed mistake is found');
    } finally {
      await revert(editor);
    }
  });

  it('a rescan of unchanged files takes them from the cache, equal to fresh results, and writes the cache to storage', async () => {
    const ext = await api();
    await ext.service.whenIdle();
    const before = ext.service.cache.hits;
    await ext.service.rescan();
    const onDisk = ext.service.all().filter((e) => e.version === -1 && e.doc);
    assert.ok(onDisk.length >= 3, `only ${onDisk.length} status documents read from disk`);
    assert.ok(ext.service.cache.hits - before >= onDisk.length, `${ext.service.cache.hits - before} cache hits for ${onDisk.length} unchanged files`);
    for (const entry of onDisk) {
      const text = decoder.decode(await vscode.workspace.fs.readFile(entry.uri));
      const fresh = ext.service.analyze(entry.uri, text, -1);
      assert.deepEqual(entry.doc, fresh.doc, vscode.workspace.asRelativePath(entry.uri));
      assert.deepEqual(entry.findings, fresh.findings, vscode.workspace.asRelativePath(entry.uri));
    }
    await ext.service.cache.flush();
    assert.ok(ext.service.cache.dir, 'the extension has no storage folder');
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.service.cache.dir, 'results-v2.json'));
    assert.ok(stat.size > 0);
  });

  it('a file changed on disk misses the cache and is checked again', async () => {
    const ext = await api();
    const uri = fixture('feature-cache.md');
    const write = (delta: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`# Cache check\n\n**Status**: In Progress\n\n- Coverage: 40% → 65% (${delta} points)\n`));
    try {
      await write('+25');
      await waitFor('the new file', () => ext.service.get(uri)?.doc, 10_000);
      assert.deepEqual(ext.service.get(uri)!.findings.map((f) => f.rule), []);
      const misses = ext.service.cache.misses;
      await write('+20');
      await waitFor('the changed file checked again', () => ext.service.get(uri)?.findings.some((f) => f.rule === 'delta-mismatch'), 10_000);
      assert.ok(ext.service.cache.misses > misses, 'the changed content was served from the cache');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });
});
