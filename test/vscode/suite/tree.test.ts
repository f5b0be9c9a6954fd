// The Progress view's children mirror the document; ticking a checkbox edits one character, undoably.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Node } from '../../../src/vscode/progressTree';
import type { StatusDocsApi } from '../../../src/vscode/extension';
import { api, fixture, open, rangeOf, revert, waitFor } from './support/statusDocs';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
const iconId = (item: vscode.TreeItem) => (item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined);
const tooltip = (item: vscode.TreeItem) => (typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '');

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
    assert.equal(docItem.description, '1 error · 1 warning · 50%');
    assert.match(tooltip(docItem), /\n1 error · 1 warning · 1 info\n/);
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
    // Errors first, then warnings, then infos.
    assert.deepEqual(children(child(doc, 'Problems')).map((n) => item(n).description), ['Ln 8 · delta-mismatch', 'Ln 23 · stale-milestone', 'Ln 4 · stale-document']);
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
      const open = async () => children(child(await documentNode('feature-delta.md'), 'Checklist')).map((n) => label(item(n))).join(' | ');
      // On a busy machine the file's analysis from disk may still be on its way after the last edit.
      await waitFor('the open items', async () => (await open()) === 'Rank by freshness | Ship the search box', 10000).catch(async () => assert.equal(await open(), 'Rank by freshness | Ship the search box'));
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
  // ---- every row its own verdict ----------------------------------------------------------

  const scorecard = async () => documentNode('tree-scorecard.md');
  const scoreRow = async (name: string) => child(child(await scorecard(), 'Agent Scores'), name);

  it('shows the repaired text of a damaged title, and names stale rows by their milestone', async () => {
    const doc = await scorecard();
    assert.equal(label(item(doc)), 'Catalogue Cleanup Scorecard — Q4');
    const findings = children(child(doc, 'Problems')).map((n) => label(item(n)));
    assert.ok(findings.some((l) => l.startsWith('Parser rewritten: ⏰ 2026-09-30 · 53 days overdue')), findings.join(' | '));
    const sprint = children(child(await documentNode('tree-sprint.md'), 'Problems')).map((n) => label(item(n)));
    assert.deepEqual(sprint, ['Sprint 4: Import Pipeline: ⏰ 2026-10-30 · 23 days overdue']);
  });

  it('gives a score row its own delta check, not the first problem on its line', async () => {
    await ext.service.whenIdle();
    // Line 8 holds a mojibake finding as well as Iris's right delta.
    const iris = item(await scoreRow('Iris'));
    assert.equal(iconId(iris), 'pass');
    assert.doesNotMatch(tooltip(iris), /[Mm]ojibake/);
    assert.match(tooltip(iris), /\+20 points is right/);
    assert.equal(iconId(item(await scoreRow('Jonas'))), 'pass');
  });

  it('turns a score row to an error when its delta is made wrong, and back when it is undone', async () => {
    const editor = await open('tree-scorecard.md');
    try {
      await editor.edit((e) => e.replace(rangeOf(editor.document, 9, '+15'), '+17'));
      await waitFor('the Jonas row to turn to an error', async () => iconId(item(await scoreRow('Jonas'))) === 'error', 10000);
      const jonas = item(await scoreRow('Jonas'));
      assert.match(tooltip(jonas), /\+17/);
      assert.match(jonas.accessibilityInformation!.label, /^Score: Jonas \(Dedup\) 45% to 60% \(\+17 points\), .*line 9$/);
      assert.equal(iconId(item(await scoreRow('Iris'))), 'pass', 'the other rows keep their own verdicts');
      // Errors and warnings apart, then the one overall progress.
      assert.equal(item(await scorecard()).description, '1 error · 2 warnings · 0%');
      await vscode.commands.executeCommand('undo');
      await waitFor('the Jonas row to pass again', async () => iconId(item(await scoreRow('Jonas'))) === 'pass', 10000);
      assert.equal(item(await scorecard()).description, '2 warnings · 0%');
    } finally {
      await revert(editor);
    }
  });

  it('gives no done icon to a section whose title merely holds a done word', async () => {
    const doc = await scorecard();
    for (const title of ['Definition of Done', 'US-12: Complete Data Validation']) {
      const section = item(child(doc, title));
      assert.equal(section.description, '0/3 · 0%');
      assert.notEqual(iconId(section), 'pass-filled', `${title} shows done at 0/3`);
    }
    // A heading marked done by its own status word still is.
    const phase = await documentNode('phase-report.md');
    assert.equal(iconId(item(phase)), 'sync', 'the Status field says In Progress');
  });

  it('gives every row an accessibility label that reads its text and state', async () => {
    await ext.service.whenIdle();
    const doc = await scorecard();
    const task = child(child(doc, 'US-12'), 'Write migration guide');
    assert.equal(item(task).accessibilityInformation?.label, 'Task: Write migration guide, open, line 22');
    assert.doesNotMatch(tooltip(item(task)), /click to show/);
    const milestone = child(child(doc, 'Milestones'), 'Parser rewritten');
    assert.equal(item(milestone).accessibilityInformation?.label, 'Milestone: Parser rewritten, 2026-09-30, in progress, 53 days overdue, line 28');
    assert.match(item(doc).accessibilityInformation!.label, /^Document: Catalogue Cleanup Scorecard — Q4, in progress, 2 warnings, overall progress 0%$/);
    const walk = (node: Node): Node[] => [node, ...children(node).flatMap(walk)];
    for (const n of children().flatMap(walk)) {
      const a = item(n).accessibilityInformation?.label;
      assert.ok(a && a.length > 3, `${n.id} has no accessibility label`);
    }
  });

  it('rolls a folder up: documents, errors, overdue milestones, overall progress', () => {
    const [root] = children();
    const entries = ext.service.all().filter((e) => e.doc);
    const errors = entries.reduce((n, e) => n + e.findings.filter((f) => f.severity === 'error').length, 0);
    const overdue = entries.reduce((n, e) => n + e.findings.filter((f) => f.stale && f.rule !== 'stale-document').length, 0);
    const d = String(item(root!).description);
    assert.match(d, new RegExp(`^${children(root!).length} documents · ${errors} errors · ${overdue} overdue · \\d+%$`));
    assert.match(tooltip(item(root!)), /Average progress of \d+ documents: \d+%/);
  });

  it('sorts documents by most errors, most overdue, or name', async () => {
    const docs = () => children(children()[0]!).map((n) => ext.service.get(vscode.Uri.parse(n.uri!))!);
    try {
      await vscode.commands.executeCommand('statusDocs.sort', 'name');
      const names = children(children()[0]!).map((n) => label(item(n)).toLowerCase());
      assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
      assert.match(String(ext.tree.view?.description), /By name/);
      await vscode.commands.executeCommand('statusDocs.sort', 'overdue');
      const overdue = docs().map((e) => e.findings.filter((f) => f.stale && f.rule !== 'stale-document').length);
      assert.deepEqual(overdue, [...overdue].sort((a, b) => b - a));
      await vscode.commands.executeCommand('statusDocs.sort', 'errors');
      const errors = docs().map((e) => e.findings.filter((f) => f.severity === 'error').length);
      assert.deepEqual(errors, [...errors].sort((a, b) => b - a));
      assert.ok(errors[0]! > 0);
      assert.equal(ext.tree.view?.description, 'Most errors first');
    } finally {
      await vscode.commands.executeCommand('statusDocs.sort', 'errors');
    }
  });

  it('filters: errors only, and one rule, named in the view\'s description', async () => {
    await ext.service.whenIdle();
    try {
      await vscode.commands.executeCommand('statusDocs.filterErrors');
      assert.equal(ext.tree.view?.description, 'Errors only · Most errors first');
      assert.equal(ext.tree.view?.message, 'Showing: Errors only · Most errors first');
      const docs = children().flatMap((f) => children(f));
      assert.ok(docs.length > 0);
      for (const d of docs) {
        const rows = children(d);
        assert.ok(rows.length > 0 && rows.every((r) => r.kind === 'finding' && iconId(item(r)) === 'error'), `${label(item(d))}: ${rows.map((r) => iconId(item(r))).join(', ')}`);
      }
      assert.ok(!docs.some((d) => d.uri === fixture('tree-scorecard.md').toString()), 'a document with warnings only is listed');
      await vscode.commands.executeCommand('statusDocs.filterRule', 'stale-milestone');
      assert.equal(ext.tree.view?.description, 'Rule: stale-milestone · Most errors first');
      const rows = children().flatMap((f) => children(f)).flatMap((d) => children(d));
      assert.ok(rows.length > 0);
      for (const r of rows) assert.match(String(item(r).description), / · stale-milestone$/);
      assert.ok(ext.tree.rulesPresent().some((r) => r.rule === 'stale-milestone'));
    } finally {
      await vscode.commands.executeCommand('statusDocs.filterAll');
    }
    assert.equal(ext.tree.view?.description, 'Most errors first');
    assert.equal(ext.tree.view?.message, undefined);
  });
});

describe('progress tree: loading state', () => {
  it('shows "Scanning N of M files" while a scan runs, and the empty welcome only after the first scan', async () => {
    const ext = await api();
    const seen: (string | undefined)[] = [];
    // The tree's own listener runs first (it subscribed at activation), so this reads its message.
    const listener = ext.service.onDidChangeScan(() => seen.push(ext.tree.view?.message));
    try {
      await ext.service.rescan();
      await ext.service.whenIdle();
    } finally {
      listener.dispose();
    }
    const scanning = seen.filter((m) => m && /^Scanning \d+ of \d+ files…$/.test(m));
    assert.ok(scanning.length > 0, `messages: ${seen.join(' | ')}`);
    assert.equal(ext.tree.view?.message, undefined, 'the message is cleared after the scan');
    assert.ok(ext.service.scansCompleted > 0);
    const welcome = (vscode.extensions.getExtension('status-docs.status-docs')!.packageJSON.contributes.viewsWelcome as { contents: string; when: string }[])
      .find((w) => w.contents.startsWith('No status documents found'));
    assert.match(welcome!.when, /statusDocs\.scanned && !statusDocs\.hasDocuments/);
  });
});

describe('progress tree: explorer badges', () => {
  it('adds no second badge where VS Code counts the problems, and counts what the Problems panel shows otherwise', async () => {
    const ext = await api();
    const uri = fixture('feature-delta.md');
    const entry = ext.service.get(uri)!;
    assert.equal(ext.fileDecorations.provideFileDecoration(uri), undefined, 'VS Code\'s problem decorations already badge it');
    const config = vscode.workspace.getConfiguration('problems');
    await config.update('decorations.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the setting', () => vscode.workspace.getConfiguration('problems').get('decorations.enabled') === false);
      const d = ext.fileDecorations.provideFileDecoration(uri);
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'Status Docs');
      assert.equal(d?.badge, String(diagnostics.length));
      assert.equal(diagnostics.length, entry.findings.length);
      assert.equal(d?.tooltip, 'Status Docs: 1 error · 1 warning · 1 info');
    } finally {
      await config.update('decorations.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
