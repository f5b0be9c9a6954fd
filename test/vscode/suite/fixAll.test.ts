// Fix All: in the Ctrl+. menu wherever the cursor is, as `source.fixAll.statusDocs` (on request
// and from editor.codeActionsOnSave), and from the Progress view's wand, on the fixtures and on
// copies of the seed status reports.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, fixture, open, ours, revert, waitFor } from './support/statusDocs';

const FIX_ALL_TITLE = /^Fix all Status Docs problems \(\d+\)$/;

/** The seeds that state an Overall Progress (phase reports), from ../shared next to the repository; none when it is absent. */
function phaseReportSeeds(): { name: string; text: string }[] {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri.fsPath;
  const dir = join(root, '..', 'shared', 'seeds');
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  } catch {
    return [];
  }
  return names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })).filter((s) => /Overall Progress/.test(s.text));
}

const FIXED = ['- [x] Export the wiki pages ✅ done', '- [ ] Re-import them → next week'];

describe('fix all', () => {
  before(api);

  it('source.fixAll.statusDocs repairs every damaged line of the file in one edit', async () => {
    const editor = await open('feature-mojibake.md');
    try {
      const uri = editor.document.uri;
      await waitFor('the mojibake diagnostic (one per document)', () => ours(uri, 'mojibake').length === 1);
      const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.statusDocs');
      assert.equal(actions.length, 1, actions.map((a) => a.title).join(', '));
      assert.equal(actions[0]!.kind?.value, 'source.fixAll.statusDocs');
      const before = editor.document.getText();
      assert.ok(actions[0]!.edit && (await vscode.workspace.applyEdit(actions[0]!.edit)));
      assert.deepEqual([editor.document.lineAt(4).text, editor.document.lineAt(5).text], FIXED);
      assert.equal(editor.document.getText(), before.replace('âœ…', '✅').replace('â†’', '→'), 'changed something else');
      await waitFor('the diagnostics to go away', () => ours(uri).length === 0);
    } finally {
      await revert(editor);
    }
  });

  it('runs from editor.codeActionsOnSave', async () => {
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await settings.update('codeActionsOnSave', { 'source.fixAll.statusDocs': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    const editor = await open('feature-mojibake.md');
    const original = editor.document.getText();
    try {
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
      await editor.document.save();
      assert.deepEqual([editor.document.lineAt(4).text, editor.document.lineAt(5).text], FIXED);
    } finally {
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode(original));
      await revert(editor);
    }
  });

  it('is offered in the Ctrl+. menu at a finding, and where the cursor has no finding', async () => {
    const editor = await open('feature-delta.md');
    try {
      const uri = editor.document.uri;
      await (await api()).service.whenIdle();
      const [d] = await waitFor('a delta-mismatch diagnostic', () => ours(uri, 'delta-mismatch').length && ours(uri, 'delta-mismatch'));
      for (const range of [d!.range, new vscode.Range(0, 0, 0, 0)]) {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
        const all = actions.filter((a) => FIX_ALL_TITLE.test(a.title));
        assert.equal(all.length, 1, `at line ${range.start.line + 1}: ${actions.map((a) => a.title).join(', ')}`);
        assert.ok(all[0]!.edit, 'the Fix All of the Ctrl+. menu comes with its edit');
        assert.equal(all[0]!.kind?.value, vscode.CodeActionKind.QuickFix.value);
      }
      // The quick fix kind filter finds it too.
      const quick = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d!.range, vscode.CodeActionKind.QuickFix.value);
      assert.ok(quick.some((a) => FIX_ALL_TITLE.test(a.title)), quick.map((a) => a.title).join(', '));
      // The light bulb (an automatic request on a cursor move) gets it without an edit; choosing it resolves the edit.
      const ext = await api();
      const cursor = new vscode.Range(0, 0, 0, 0);
      const lazy = ext.codeActions.provideCodeActions(editor.document, cursor, { diagnostics: [], only: undefined, triggerKind: vscode.CodeActionTriggerKind.Automatic }).find((a) => FIX_ALL_TITLE.test(a.title));
      assert.ok(lazy && !lazy.edit, 'the light bulb\'s Fix All is computed on resolve');
      const resolved = ext.codeActions.resolveCodeAction(lazy);
      assert.ok(resolved.edit && resolved.edit.size === 1);
      assert.ok(await vscode.workspace.applyEdit(resolved.edit));
      assert.equal(editor.document.lineAt(7).text, '### Ada (Indexing): 40% → 65% (+25 points)');
    } finally {
      await revert(editor);
    }
  });

  it('shows a stale finding\'s alternatives from the core, not derived again', async () => {
    const ext = await api();
    const editor = await open('feature-delta.md');
    try {
      const uri = editor.document.uri;
      await ext.service.whenIdle();
      const [d] = await waitFor('a stale-milestone diagnostic', () => ours(uri, 'stale-milestone').length && ours(uri, 'stale-milestone'));
      const finding = ext.service.current(editor.document)!.findings.find((f) => f.rule === 'stale-milestone' && f.line === d!.range.start.line + 1)!;
      assert.deepEqual(finding.alternatives?.map((a) => a.title), ['Mark as done (✅ Done)', 'Move date to today (2026-11-22)']);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d!.range, vscode.CodeActionKind.QuickFix.value);
      for (const alt of finding.alternatives!) {
        const action = actions.find((a) => a.title === alt.title);
        assert.ok(action?.edit, `no "${alt.title}" among ${actions.map((a) => a.title).join(', ')}`);
        const [[, edits]] = action.edit.entries();
        assert.deepEqual(edits!.map((e) => [e.range.start.line + 1, e.range.start.character + 1, e.range.end.character + 1, e.newText]), alt.edits.map((e) => [e.line, e.column, e.endColumn, e.text]));
      }
    } finally {
      await revert(editor);
    }
  });

  it('source.fixAll.statusDocs (kind filter) on a copy of each phase report seed leaves no finding of the fixed rules with a fix', async function () {
    this.timeout(120_000);
    const ext = await api();
    const seeds = phaseReportSeeds();
    if (seeds.length === 0) this.skip();
    for (const seed of seeds) {
      const uri = fixture(`seed-copy-${seed.name}`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(seed.text));
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      try {
        await ext.service.whenIdle();
        const before = await waitFor(`the findings of ${seed.name}`, () => ext.service.current(document)?.findings);
        const fixedRules = new Set(before.filter((f) => f.fix?.preferred).map((f) => f.rule));
        assert.ok(fixedRules.size > 0, `${seed.name} has nothing to fix`);
        const whole = new vscode.Range(0, 0, document.lineCount, 0);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.statusDocs');
        assert.equal(actions.length, 1, actions.map((a) => a.title).join(', '));
        assert.equal(actions[0]!.kind?.value, 'source.fixAll.statusDocs');
        assert.ok(actions[0]!.edit && (await vscode.workspace.applyEdit(actions[0]!.edit)));
        const after = ext.service.analyzeDocument(document).findings;
        // What is left of the fixed rules has no fix at all (characters mojibake cannot restore).
        const left = after.filter((f) => fixedRules.has(f.rule));
        assert.deepEqual(left.filter((f) => f.fix).map((f) => `${f.line}:${f.column} ${f.rule}`), [], `${seed.name}: findings of fixed rules with a fix remain`);
        assert.deepEqual(after.filter((f) => f.fix?.preferred).map((f) => `${f.line}:${f.column} ${f.rule}`), [], `${seed.name}: preferred fixes remain`);
        assert.ok(after.every((f) => before.some((b) => b.rule === f.rule)), `${seed.name}: Fix All left a finding of a new rule`);
        if (/COMPLETION REPORT/.test(seed.text.split('\n')[0]!)) {
          // The phase report: its two Overall Progress headlines repeat the weighted TOTAL's wrong
          // figure. They are one finding (the TOTAL, with the headlines as related locations), and
          // its fix corrects all three, so nothing of those rules is left.
          assert.ok(before.some((f) => f.rule === 'total-mismatch' && f.related && f.related.length >= 2), `${seed.name}: the TOTAL finding names its repeats`);
          assert.deepEqual(after.filter((f) => f.rule === 'headline-mismatch' || f.rule === 'total-mismatch').map((f) => `${f.line} ${f.rule}`), []);
          await waitFor('the diagnostics to match what is left', () => ours(uri).length === after.length);
        }
        // Fix All twice changes nothing.
        const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.statusDocs');
        assert.deepEqual(again.map((a) => a.title), []);
      } finally {
        await revert(editor);
        await vscode.workspace.fs.delete(uri);
      }
    }
  });

  it('the Progress view\'s wand (statusDocs.fixAll with a document) applies Fix All in one undoable edit', async () => {
    const ext = await api();
    const editor = await open('feature-delta.md');
    try {
      const document = editor.document;
      await ext.service.whenIdle();
      await waitFor('a delta-mismatch finding', () => ext.service.current(document)?.findings.some((f) => f.rule === 'delta-mismatch'));
      const before = document.getText();
      const edits = await vscode.commands.executeCommand<number>('statusDocs.fixAll', document.uri);
      assert.ok(edits > 0);
      assert.equal(document.lineAt(7).text, '### Ada (Indexing): 40% → 65% (+25 points)');
      assert.deepEqual(ext.service.analyzeDocument(document).findings.filter((f) => f.fix?.preferred), []);
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), before, 'one undo restores the document');
    } finally {
      await revert(editor);
    }
  });
});

