// The extension is installed in this VS Code, wakes up for markdown, and registers every
// command its manifest contributes. Runs first (see index.ts), before anything activates it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import manifest from '../../../package.json';

interface Manifest {
  name: string;
  publisher: string;
  activationEvents?: string[];
  contributes?: { commands?: { command: string }[] };
}

const { name, publisher, activationEvents = [], contributes = {} } = manifest as Manifest;
const extensionId = `${publisher}.${name}`;

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('smoke', () => {
  it(`is installed as ${extensionId}`, () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not among ${vscode.extensions.all.length} extensions`);
    assert.equal(extension.packageJSON.version, (manifest as { version: string }).version);
  });

  it('activates when a markdown file opens, not on startup', async () => {
    assert.ok(activationEvents.includes('onLanguage:markdown'), 'onLanguage:markdown is not an activation event');
    assert.ok(!activationEvents.includes('*'), 'activates on every startup (`*`)');

    const extension = vscode.extensions.getExtension(extensionId)!;
    assert.ok(!extension.isActive, `already active before any markdown file opened (activationEvents: ${activationEvents.join(', ')})`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace is not open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'phase-report.md'));
    assert.equal(document.languageId, 'markdown');
    await vscode.window.showTextDocument(document);

    assert.ok(await waitFor(() => extension.isActive, 10_000), 'not active 10 s after opening a markdown file');
  });

  it('registers every command of contributes.commands', async () => {
    const contributed = (contributes.commands ?? []).map((entry) => entry.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), [], 'contributed but not registered');
  });
});
