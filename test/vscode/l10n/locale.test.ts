// The extension in a workbench whose display language is not English (test/vscode/run.mjs
// --locale de): VS Code reports the language, the manifest shows package.nls.de.json's titles,
// the runtime strings come from l10n/bundle.l10n.de.json, and the workbench itself — read from
// its page by run.mjs — shows the translated view title and command titles.
//
// The `vscode` API of this test file is not the extension's: `vscode.l10n.t` here has no bundle.
// So the runtime strings are read from what the extension shows (CodeLens, code actions).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import german from '../../../package.nls.de.json';
import bundle from '../../../l10n/bundle.l10n.de.json';
import { api, fixture, waitFor } from '../suite/support/statusDocs';

const locale = process.env.STATUS_DOCS_TEST_LOCALE ?? '';
const exchange = process.env.STATUS_DOCS_TEST_WORKBENCH ?? '';
const nls = german as Record<string, string>;
const key = (value: string) => /^%(.+)%$/.exec(value)?.[1] ?? value;
/** A command's title as package.json names it, in German. */
const titleOf = (command: string) => nls[key(manifest.contributes.commands.find((c) => c.command === command)!.title)]!;
const titleText = (t: string | { value: string }) => (typeof t === 'string' ? t : t.value);

describe(`display language ${locale}`, function () {
  this.timeout(60_000);
  before(api);

  it('VS Code runs in the display language', () => {
    assert.equal(locale, 'de', 'run with test/vscode/run.mjs --locale de');
    assert.equal(vscode.env.language, 'de');
  });

  it('the manifest shows the titles of package.nls.de.json', () => {
    const extension = vscode.extensions.getExtension(`${manifest.publisher}.${manifest.name}`)!;
    const contributes = extension.packageJSON.contributes;
    assert.equal(contributes.views.statusDocs[0].name, 'Fortschritt');
    const titles = Object.fromEntries((contributes.commands as { command: string; title: string | { value: string } }[]).map((c) => [c.command, titleText(c.title)]));
    assert.equal(titles['statusDocs.refresh'], 'Aktualisieren');
    assert.equal(titles['statusDocs.exportReport'], 'Bericht exportieren…');
    for (const c of manifest.contributes.commands) assert.equal(titles[c.command], titleOf(c.command), c.command);
  });

  it('runtime strings come from l10n/bundle.l10n.de.json (CodeLens, code actions)', async () => {
    const uri = fixture('feature-delta.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const lenses = await waitFor('the checklist CodeLens', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return all.find((l) => l.command?.title.startsWith('☑'));
    });
    assert.equal(lenses.command?.title, bundle['☑ {0}/{1} done ({2}%)'].replace('{0}', '2').replace('{1}', '4').replace('{2}', '50'));
    assert.equal(lenses.command?.title, '☑ 2/4 erledigt (50 %)');
    const line = document.getText().split('\n').findIndex((l) => l.includes('+20'));
    const actions = await waitFor('code actions on the wrong delta', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(line, 0, line, 200));
      return all.some((a) => a.title === bundle['Ignore this finding here']) && all;
    });
    assert.ok(actions.some((a) => a.title === 'Diesen Befund hier ignorieren'));
  });

  it('the workbench shows the translated view title and command titles', async () => {
    assert.ok(exchange, 'STATUS_DOCS_TEST_WORKBENCH is not set (run with test/vscode/run.mjs --locale de)');
    await vscode.commands.executeCommand('statusDocs.progress.focus');
    // run.mjs reads the page once asked: the sidebar's titles and the command palette's rows.
    writeFileSync(join(exchange, 'request.json'), JSON.stringify({ palette: 'Status Docs' }));
    const file = join(exchange, 'workbench.json');
    await waitFor('run.mjs to read the workbench', () => existsSync(file), 45_000);
    const seen = JSON.parse(readFileSync(file, 'utf8')) as { sidebar: string; palette: string[]; error?: string };
    assert.equal(seen.error, undefined, seen.error);
    assert.match(seen.sidebar, /Fortschritt/i, `sidebar: ${seen.sidebar}`);
    // The palette list is virtualised: only its first rows (alphabetical) are read.
    for (const title of ['Aktualisieren', 'Bericht exportieren…', 'Probleme einer Regel anzeigen…']) {
      assert.ok(seen.palette.some((row) => row.includes(title)), `"${title}" is not among the palette rows: ${seen.palette.join(' | ')}`);
    }
    assert.ok(!seen.palette.some((row) => /Export Report…|\bRefresh\b/.test(row)), `English titles in the palette: ${seen.palette.join(' | ')}`);
  });
});
