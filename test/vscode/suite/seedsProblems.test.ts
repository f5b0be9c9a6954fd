// The Problems panel on the five seed status reports (real documents, kept in ../shared/seeds
// next to the repository; skipped when that folder is absent): one mojibake problem per damaged
// document however many lines are damaged, and the phase report's wrong TOTAL once, with the
// headlines that repeat it as related information; the Status Overview draws them.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, codeValue, EXTENSION_ID, fixture, ours, waitFor } from './support/statusDocs';

function seeds(): { name: string; bytes: Uint8Array }[] {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri.fsPath;
  const dir = join(root, '..', 'shared', 'seeds');
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  } catch {
    return [];
  }
}

describe('the seeds in the Problems panel (uses ../shared/seeds)', () => {
  it('one mojibake problem per damaged document; the wrong TOTAL once, its repeats as related information; the Status Overview draws them', async function () {
    this.timeout(120_000);
    const ext = await api();
    const docs = seeds();
    if (docs.length === 0) this.skip();
    const uris = docs.map((d) => fixture(`seeds-problems/${d.name}`));
    try {
      for (const [i, d] of docs.entries()) await vscode.workspace.fs.writeFile(uris[i]!, d.bytes);
      await ext.service.rescan();
      await ext.service.whenIdle();
      const damaged = docs.filter((d) => /â€|âœ|Ã[\u0080-\u00bf]|ðŸ/.test(new TextDecoder().decode(d.bytes)));
      assert.ok(damaged.length >= 3, `expected several damaged seeds, found ${damaged.length}`);
      for (const [i, d] of docs.entries()) {
        const uri = uris[i]!;
        const expected = damaged.includes(d) ? 1 : 0;
        await waitFor(`${d.name}: ${expected} mojibake problem(s)`, () => ext.service.get(uri) !== undefined && ours(uri, 'mojibake').length === expected);
        const all = ours(uri);
        assert.ok(all.length < 15, `${d.name}: ${all.length} problems (${all.map((x) => codeValue(x)).join(', ')})`);
      }
      const phase = docs.findIndex((d) => /Overall Progress/.test(new TextDecoder().decode(d.bytes)) && /\| \*\*TOTAL\*\*/.test(new TextDecoder().decode(d.bytes)));
      if (phase >= 0) {
        const uri = uris[phase]!;
        const totals = ours(uri, 'total-mismatch').filter((x) => /^TOTAL says/.test(x.message));
        assert.equal(totals.length, 1, ours(uri).map((x) => x.message).join('\n'));
        const repeats = (totals[0]!.relatedInformation ?? []).filter((r) => /repeats/.test(r.message));
        assert.equal(repeats.length, 2, (totals[0]!.relatedInformation ?? []).map((r) => r.message).join('\n'));
        assert.deepEqual(ours(uri, 'headline-mismatch'), []);
      }
      // The Status Overview draws the seeds: a progress bar each, their overdue milestones, their score changes.
      await vscode.commands.executeCommand('statusDocs.openOverview');
      const names = docs.map((d) => `seeds-problems/${d.name}`);
      const data = await waitFor('the overview to list the seeds', () => {
        const x = ext.overview.lastData;
        return x && names.every((n) => x.documents.some((d) => d.path === n)) && x;
      }, 20_000);
      const shown = data.documents.filter((d) => names.includes(d.path));
      assert.equal(shown.length, docs.length);
      assert.ok(shown.some((d) => d.progress !== null && d.progress > 0), JSON.stringify(shown.map((d) => [d.path, d.progress])));
      assert.ok(data.milestones.some((m) => names.includes(m.path) && m.daysOverdue > 0), 'an overdue milestone of a seed');
      assert.ok(data.changes.filter((c) => names.includes(c.path)).length >= 5, 'the score changes of the seeds');
      const html = await waitFor('the page to draw a seed', () => ext.overview.lastHtml?.includes(docs[0]!.name) && ext.overview.lastHtml, 15_000);
      assert.match(html, /role="progressbar"/);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    } finally {
      for (const uri of uris) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(fixture('seeds-problems'), { recursive: true }).then(undefined, () => undefined);
    }
  });
});
