// The Progress view's children mirror the document; ticking a checkbox edits one character, undoably.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Node } from '../../../src/vscode/progressTree';
import type { StatusDocsApi } from '../../../src/vscode/extension';
import { api, fixture, open, revert, waitFor } from './support/statusDocs';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

describe('progress tree', () => {
  let ext: StatusDocsApi;
  before(async () => {
    ext = await api();
  });

  const children = (node?: Node) => ext.tree.getChildren(node);
  const item = (node: Node) => ext.tree.getTreeItem(node);
  async function documentNode(name: string): Promise<Node> {
    const uri = fixture(name).toString();
    return waitFor(`${name} in the tree`, () => children().flatMap((f) => children(f)).find((n) => n.uri === uri));
  }
  const child = (node: Node, text: string) => {
    const found = children(node).find((n) => label(item(n)).includes(text));
    assert.ok(found, `no "${text}" under ${label(item(node))}: ${children(node).map((n) => label(item(n))).join(' | ')}`);
    return found;
  };

  it('lists the workspace folder, then its status documents only', () => {
    const [root, ...more] = children();
    assert.equal(more.length, 0);
    assert.equal(label(item(root!)), vscode.workspace.workspaceFolders![0]!.name);
    const names = children(root!).map((n) => n.uri!.split('/').pop());
    assert.ok(names.includes('feature-delta.md') && names.includes('phase-report.md'), names.join(', '));
    assert.ok(!names.includes('meeting-notes.md'), 'notes without status content are listed');
  });

  it('shows a document with its title, progress, problems, sections, tasks, scores and milestones', async () => {
    const doc = await documentNode('feature-delta.md');
    const docItem = item(doc);
    assert.equal(label(docItem), 'Search Rollout Report');
    assert.equal(docItem.description, '2/4 · 50% · ⚠ 3');
    assert.deepEqual(children(doc).map((n) => label(item(n))), ['Problems', 'Team Scores', 'Checklist', 'Milestones']);

    const checklist = child(doc, 'Checklist');
    assert.equal(item(checklist).description, '2/4 · 50%');
    assert.deepEqual(children(checklist).map((n) => [label(item(n)), item(n).checkboxState]), [
      ['Index the catalogue', vscode.TreeItemCheckboxState.Checked],
      ['Add synonyms', vscode.TreeItemCheckboxState.Checked],
      ['Rank by freshness', vscode.TreeItemCheckboxState.Unchecked],
      ['Ship the search box', vscode.TreeItemCheckboxState.Unchecked],
    ]);
    assert.deepEqual(children(child(doc, 'Team Scores')).map((n) => label(item(n))), [
      'Ada (Indexing)  40% → 65%  (+20 points)',
      'Bruno (Ranking)  70% → 82%  (+12 points)',
    ]);
    const milestones = children(child(doc, 'Milestones'));
    assert.deepEqual(milestones.map((n) => label(item(n))), ['Index online', 'Ranking tuned']);
    assert.equal(item(milestones[1]!).description, '⏰ 2026-03-20 · 247 days overdue');
    assert.deepEqual(children(child(doc, 'Problems')).map((n) => item(n).description), ['Ln 4 · stale-document', 'Ln 8 · delta-mismatch', 'Ln 23 · stale-milestone']);
  });

  it('gives every element a stable id and a parent', async () => {
    const doc = await documentNode('feature-delta.md');
    const task = children(child(doc, 'Checklist'))[2]!;
    assert.equal(ext.tree.getParent(task)?.id, child(doc, 'Checklist').id);
    assert.equal(ext.tree.getParent(child(doc, 'Checklist'))?.id, doc.id);
    const again = children(child(await documentNode('feature-delta.md'), 'Checklist'))[2]!;
    assert.equal(again.id, task.id);
    assert.equal(item(task).id, task.id);
  });

  it('clicking an element reveals its range', async () => {
    const doc = await documentNode('feature-delta.md');
    const command = item(children(child(doc, 'Checklist'))[2]!).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    try {
      assert.equal(editor.document.uri.toString(), fixture('feature-delta.md').toString());
      assert.equal(editor.selection.start.line, 14);
    } finally {
      await revert(editor);
    }
  });

  it('ticking a checkbox changes exactly one character, and undo restores it', async () => {
    const editor = await open('feature-delta.md');
    try {
      const before = editor.document.getText();
      const task = children(child(await documentNode('feature-delta.md'), 'Checklist'))[2]!;
      assert.equal(await ext.tree.toggle(task, true), true);
      const after = editor.document.getText();
      assert.equal(after.length, before.length);
      const changed = Array.from(after, (_, i) => i).filter((i) => after[i] !== before[i]);
      assert.equal(changed.length, 1, `changed at ${changed.join(', ')}`);
      assert.equal(editor.document.lineAt(14).text, '- [x] Rank by freshness');
      await waitFor('the tree to show it ticked', async () => {
        const again = children(child(await documentNode('feature-delta.md'), 'Checklist'))[2]!;
        return item(again).checkboxState === vscode.TreeItemCheckboxState.Checked;
      });
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), before);
      // Undo is checked at once (no debounce): the tree shows the box unticked again, and the next
      // test does not read the analysis of the ticked text.
      await waitFor('the tree to show it unticked again', async () => {
        const again = children(child(await documentNode('feature-delta.md'), 'Checklist'))[2]!;
        return item(again).checkboxState === vscode.TreeItemCheckboxState.Unchecked;
      });
    } finally {
      await revert(editor);
    }
  });

  it('filters: open items only, problems only', async () => {
    // The tree shows the analysis of the text as it is now, not of an edit still being checked.
    await ext.service.whenIdle();
    try {
      await vscode.commands.executeCommand('statusDocs.filterOpen');
      const doc = await documentNode('feature-delta.md');
      assert.deepEqual(children(child(doc, 'Checklist')).map((n) => label(item(n))), ['Rank by freshness', 'Ship the search box']);
      await vscode.commands.executeCommand('statusDocs.filterProblems');
      const names = children().flatMap((f) => children(f)).map((n) => n.uri!.split('/').pop());
      assert.ok(!names.includes('feature-typing.md'), names.join(', '));
      assert.equal(children(await documentNode('feature-delta.md')).length, 3);
    } finally {
      await vscode.commands.executeCommand('statusDocs.filterAll');
    }
  });

  it('badges the view with the number of open problems', () => {
    const total = ext.service.all().reduce((n, e) => n + e.findings.length, 0);
    assert.ok(total > 0);
    assert.equal(ext.tree.view?.badge?.value, total);
  });
});
