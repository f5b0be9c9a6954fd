// The Status Overview web view and Export Report in the real workbench, on the fixture workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GENERATED_REPORT_MARKER } from '../../../src/core/precheck';
import { api, fixture, ours, revert, waitFor } from './support/statusDocs';

/** Sets a task box through a workspace edit (an editor's own edit fails once it is hidden). */
async function tick(document: vscode.TextDocument, line: number, mark: 'x' | ' '): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(line, 3, line, 4), mark);
  return vscode.workspace.applyEdit(edit);
}

describe('status overview', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens from the command and renders progress, overdue milestones and score changes of the workspace', async () => {
    const ext = await api();
    await vscode.commands.executeCommand('statusDocs.openOverview');
    assert.ok(ext.overview.isOpen);
    const html = await waitFor('the overview to render feature-delta.md', () => ext.overview.lastHtml?.includes('feature-delta.md') && ext.overview.lastHtml, 15_000);
    const data = ext.overview.lastData!;
    const delta = data.documents.find((d) => d.path === 'feature-delta.md');
    assert.ok(delta, data.documents.map((d) => d.path).join(', '));
    assert.equal(delta.title, 'Search Rollout Report');
    assert.deepEqual([delta.progress, delta.progressSource], [50, 'checklist']);
    assert.ok(delta.errors >= 1, 'the wrong +20 points is an error');
    const ranking = data.milestones.find((m) => m.name === 'Ranking tuned');
    assert.ok(ranking, data.milestones.map((m) => m.name).join(', '));
    assert.equal(ranking.due, '2026-03-20');
    assert.equal(ranking.daysOverdue, 247);
    const ada = data.changes.find((c) => c.path === 'feature-delta.md' && c.before === 40 && c.after === 65);
    assert.ok(ada, JSON.stringify(data.changes.map((c) => [c.path, c.subject])));
    assert.equal(ada.verdict, 'wrong');
    // What the page drew: a progress bar at 50%, the timeline with today's marker, the pair of bars.
    assert.match(html, /role="progressbar"[^>]*aria-valuenow="50"/);
    assert.match(html, /class="today"/);
    assert.match(html, /Ranking tuned/);
    assert.match(html, /class="fill before"/);
    assert.match(html, /class="change-row wrong"/);
    // The shell: a strict policy, local files only.
    const shell = ext.overview.html!;
    assert.match(shell, /default-src 'none'/);
    assert.match(shell, /script-src 'nonce-[0-9a-f]{32}'/);
    const sources = [...shell.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(sources.length, 2);
    for (const s of sources) assert.match(s, /vscode-resource.*\/media\/overview\.(js|css)$/, 'a local file through asWebviewUri');
  });

  it('draws the new data after a document edit', async () => {
    const ext = await api();
    await vscode.commands.executeCommand('statusDocs.openOverview');
    await waitFor('the first data', () => ext.overview.lastData);
    // Beside the overview, which stays visible (a hidden web view draws nothing).
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture('feature-delta.md')), vscode.ViewColumn.Beside);
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('[ ] Rank by freshness'));
    assert.ok(line >= 0);
    try {
      assert.ok(await tick(editor.document, line, 'x'), 'the box is ticked');
      const html = await waitFor('the overview to show 75%', () => {
        const d = ext.overview.lastData?.documents.find((x) => x.path === 'feature-delta.md');
        return d?.progress === 75 && ext.overview.lastHtml?.includes('aria-valuenow="75"') && ext.overview.lastHtml;
      }, 15_000);
      assert.ok(html);
    } finally {
      await tick(editor.document, line, ' ');
      await revert(editor);
    }
    await waitFor('the overview back at 50%', () => ext.overview.lastData?.documents.find((x) => x.path === 'feature-delta.md')?.progress === 50, 15_000);
  });

  it('opens a milestone at its line when the page asks', async () => {
    const ext = await api();
    await vscode.commands.executeCommand('statusDocs.openOverview');
    const ranking = await waitFor('the milestone', () => ext.overview.lastData?.milestones.find((m) => m.name === 'Ranking tuned'));
    await ext.overview.receive({ type: 'open', uri: ranking.uri, line: ranking.line });
    const editor = await waitFor('an editor on feature-delta.md', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.path.endsWith('/feature-delta.md') && e;
    });
    assert.equal(editor.selection.active.line, ranking.line - 1);
    assert.match(editor.document.lineAt(ranking.line - 1).text, /Ranking tuned/);
  });
});

describe('export report', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('writes a markdown pipe table that is not checked, in the untitled preview and in a saved file', async () => {
    const ext = await api();
    const preview = await vscode.commands.executeCommand<vscode.TextDocument>('statusDocs.exportReport', 'markdown');
    const text = preview.getText();
    assert.equal(text.split('\n')[0], GENERATED_REPORT_MARKER);
    assert.ok(!text.includes('```'), 'no code fence');
    assert.match(text, /^\| Document \| Title \| Status \| Progress \| Checklist \| Errors \| Warnings \| Overdue \| Claims checked \| Claims wrong \|$/m);
    assert.match(text, /^\| feature-delta\.md \| Search Rollout Report \| in-progress \| 50% \| 2\/4 \| [1-9]\d* \| \d+ \| 1 \| \d+ \| [1-9]\d* \|$/m);
    assert.match(text, /^## Overdue milestones$/m);
    const count = () => ext.service.all().length;
    // The workspace scan may still be running: count the documents once it has finished.
    await ext.service.rescan();
    await ext.service.whenIdle();
    const before = count();
    // Give the service its chance to check the report (it must not).
    await new Promise((r) => setTimeout(r, 500));
    await ext.service.whenIdle();
    assert.equal(ext.service.get(preview.uri), undefined);
    assert.deepEqual(ours(preview.uri), []);

    const target = fixture('status-report.md');
    try {
      const saved = await vscode.commands.executeCommand<vscode.TextDocument>('statusDocs.exportReport', 'markdown', { save: target });
      assert.equal(saved.uri.toString(), target.toString());
      // The same report (other suites may add or remove documents in between, so not byte-equal).
      assert.equal(saved.getText().split('\n')[0], GENERATED_REPORT_MARKER);
      assert.match(saved.getText(), /^\| feature-delta\.md \| Search Rollout Report \| /m);
      await new Promise((r) => setTimeout(r, 500));
      await ext.service.rescan();
      await ext.service.whenIdle();
      assert.equal(ext.service.get(target), undefined);
      assert.deepEqual(ours(target), []);
      assert.equal(count(), before);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(target);
    }
  });
});
