// The packaged extension, installed from its .vsix with --install-extension (no development
// path): it is the installed copy that runs, it carries only what .vscodeignore allows, and it
// activates and analyzes a document like the development build does.
import * as assert from 'node:assert/strict';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import manifest from '../../../package.json';

const extensionId = `${manifest.publisher}.${manifest.name}`;

function installed(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not installed`);
  return extension;
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value || Date.now() > end) return value;
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

async function list(folder: vscode.Uri, prefix = ''): Promise<string[]> {
  const names: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    if (type === vscode.FileType.Directory) names.push(...await list(vscode.Uri.joinPath(folder, name), `${prefix}${name}/`));
    else names.push(`${prefix}${name}`);
  }
  return names;
}

describe('packaged extension', () => {
  it('runs from the installed .vsix, not from a development folder', () => {
    const extension = installed();
    const folder = `${extensionId}-${manifest.version}`.toLowerCase();
    assert.equal(basename(extension.extensionUri.path).toLowerCase(), folder, 'not the folder --install-extension creates');
    assert.equal(basename(dirname(extension.extensionUri.path)), 'extensions');
  });

  it('contains only dist/, media/, syntaxes/, the translations and the documents', async () => {
    const files = await list(installed().extensionUri);
    const unexpected = files.filter((file) =>
      !/^(dist\/[^/]+\.js|media\/.+|syntaxes\/.+|package\.json|package\.nls(\.[a-z-]+)?\.json|l10n\/bundle\.l10n\.[a-z-]+\.json|readme\.md|changelog\.md|license(\.txt)?|\.vsixmanifest)$/i.test(file));
    assert.deepEqual(unexpected, []);
    // The manifest's translations and the runtime strings' bundles travel with it.
    for (const language of ['de', 'fr', 'es', 'pt-br', 'ja', 'zh-cn']) {
      assert.ok(files.includes(`package.nls.${language}.json`), `package.nls.${language}.json is missing`);
      assert.ok(files.includes(`l10n/bundle.l10n.${language}.json`), `l10n/bundle.l10n.${language}.json is missing`);
    }
    const main = manifest.main.replace(/^\.\//, '');
    assert.ok(files.includes(main), `${manifest.main} is missing`);
    // The production build: minified, no source map comment pointing at a file left out.
    const bundle = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(installed().extensionUri, main)));
    assert.doesNotMatch(bundle, /sourceMappingURL=/, `${main} is a development build`);
  });

  it('activates on a markdown file and reports the wrong delta', async () => {
    const extension = installed();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace is not open');
    const uri = vscode.Uri.joinPath(folder.uri, 'phase-report.md');
    await vscode.window.showTextDocument(uri);
    assert.ok(await waitFor(() => extension.isActive, 10_000), 'not active 10 s after opening a markdown file');

    // `**Overall Progress**: 55% → 73% (+20 points)` on line 4: +20 should be +18.
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri)
      .find((item) => item.source === 'Status Docs' && item.range.start.line === 3), 10_000);
    assert.ok(diagnostic, 'no Status Docs diagnostic on line 4 of phase-report.md');
  });
});
