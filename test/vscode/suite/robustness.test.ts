// The workspace scan on awkward files: UTF-16 with a byte order mark is decoded (not "binary"),
// binary data gets a one-line note and is not listed, and a document past
// statusDocs.maxAnalysisMs is listed as skipped while the rest of the scan goes on.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixture, setSetting, waitFor } from './support/statusDocs';

const TEXT = '# UTF-16 Tracker\n\n**Status**: 🚧 In Progress\n\n- Coverage: 40% → 65% (+20 points)\n- [x] one\n- [ ] two\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = bigEndian ? 0xfe : 0xff;
  bytes[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = c >> 8;
    bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = c & 0xff;
  }
  return bytes;
}

describe('robust workspace scan', () => {
  const files = ['feature-utf16le.md', 'feature-utf16be.md', 'feature-binary.md', 'feature-slow.md'];
  after(async () => {
    await setSetting('maxAnalysisMs', undefined);
    for (const f of files) await vscode.workspace.fs.delete(fixture(f)).then(undefined, () => undefined);
  });

  it('UTF-16 LE and BE files are decoded and checked; a binary file is not listed', async function () {
    this.timeout(60_000);
    const ext = await api();
    await vscode.workspace.fs.writeFile(fixture('feature-utf16le.md'), utf16(TEXT, false));
    await vscode.workspace.fs.writeFile(fixture('feature-utf16be.md'), utf16(TEXT, true));
    await vscode.workspace.fs.writeFile(fixture('feature-binary.md'), new Uint8Array([0x23, 0x20, 0, 1, 2, 0x0a]));
    await vscode.commands.executeCommand('statusDocs.refresh');
    await ext.service.whenIdle();
    for (const name of ['feature-utf16le.md', 'feature-utf16be.md']) {
      const entry = await waitFor(`${name} checked`, () => ext.service.get(fixture(name))?.doc && ext.service.get(fixture(name)), 20_000);
      assert.equal(entry.doc!.title, 'UTF-16 Tracker', name);
      assert.ok(entry.findings.some((f) => f.rule === 'delta-mismatch'), name);
    }
    const binary = ext.service.get(fixture('feature-binary.md'));
    assert.ok(!binary || /binary file/.test(binary.skipped ?? ''), JSON.stringify(binary?.skipped));
    assert.ok(!ext.service.all().some((e) => e.uri.toString() === fixture('feature-binary.md').toString()));
  });

  it('a document past statusDocs.maxAnalysisMs is listed as skipped, the others are still checked', async function () {
    this.timeout(120_000);
    const ext = await api();
    let text = '# Slow Tracker\n\n**Status**: In Progress\n\n';
    // Large enough to take more than 1 ms even when the budget's clock runs 20 times slower on a
    // loaded machine, small enough to finish within the default budget.
    for (let k = 0; text.length < 60_000; k++) text += `- [${k % 3 ? ' ' : 'x'}] Task ${k}: 40% → 65% (+25 points), due 2026-01-${String((k % 28) + 1).padStart(2, '0')}\n`;
    // The budget first: the file watcher may check the new file before a later setting lands, and
    // the result cache (whose key leaves the budget out) would then keep that finished result.
    await setSetting('maxAnalysisMs', 1);
    await vscode.workspace.fs.writeFile(fixture('feature-slow.md'), new TextEncoder().encode(text));
    await vscode.commands.executeCommand('statusDocs.refresh');
    await ext.service.whenIdle();
    const slow = await waitFor('the skipped entry', () => ext.service.get(fixture('feature-slow.md'))?.skipped, 30_000);
    assert.match(slow, /^Skipped: analysis stopped after 1 ms \(statusDocs\.maxAnalysisMs\)\.$/);
    assert.ok(ext.service.all().some((e) => e.uri.toString() === fixture('feature-slow.md').toString()), 'listed in the Progress view');
    // The scan went on: the other documents are listed with their results (from the result
    // cache, whose key leaves the budget out).
    assert.ok(ext.service.all().filter((e) => e.doc).length >= 2, 'other documents are listed with results');
    await setSetting('maxAnalysisMs', undefined);
    await vscode.commands.executeCommand('statusDocs.refresh');
    await ext.service.whenIdle();
    await waitFor('the document checked with the default budget', () => ext.service.get(fixture('feature-slow.md'))?.doc, 60_000);
  });
});
