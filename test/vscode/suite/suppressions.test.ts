// Suppression comments in the editor: each form silences what it names, in the Problems panel;
// the quick fix "Ignore this finding here" inserts one (above the line, or at the end of a table
// row, which stays a table), removes the diagnostic, and Undo takes it back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixture, ours, revert, waitFor } from './support/statusDocs';

const WRONG = 'Tests: 164/173 passing (99%).';
const WRONG_2 = 'Lint: 10/20 clean (90%).';
const TABLE = '| Suite | Passed | Rate |\n|---|---|---|\n| unit | 7/10 | 90% |\n| e2e | 1/2 | 90% |';

/** A status field at the end, so the extension takes the file for a status document. */
const withStatus = (text: string) => `${text}\n**Status**: In Progress\n`;

/** Writes `text` (with a status field) to a new file of the workspace and opens it. */
async function openNew(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = fixture(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(withStatus(text)));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

async function close(editor: vscode.TextEditor): Promise<void> {
  const uri = editor.document.uri;
  await revert(editor);
  await vscode.workspace.fs.delete(uri);
}

/** The 1-based lines of the ratio-mismatch diagnostics, once the document's analysis settled on `expected`. */
async function ratioLines(uri: vscode.Uri, expected: number[]): Promise<number[]> {
  const lines = () => ours(uri, 'ratio-mismatch').map((d) => d.range.start.line + 1).sort((a, b) => a - b);
  try {
    await waitFor(`ratio-mismatch on lines ${expected.join(', ') || '(none)'}`, () => JSON.stringify(lines()) === JSON.stringify(expected), 8000);
  } catch {
    // Fall through: the assertion below shows what is there.
  }
  return lines();
}

describe('suppression comments', () => {
  before(api);

  const forms: [string, string, number[]][] = [
    ['no comment: both findings', `# Report\n\n${WRONG}\n\n${WRONG_2}\n`, [3, 5]],
    ['disable-next-line silences the next line only', `# Report\n\n<!-- status-docs-disable-next-line ratio-mismatch -->\n${WRONG}\n\n${WRONG_2}\n`, [6]],
    ['disable-next-line of another rule silences nothing', `# Report\n\n<!-- status-docs-disable-next-line delta-mismatch -->\n${WRONG}\n`, [4]],
    ['disable-line at the end of a table row silences that row', `# Report\n\n${TABLE.replace('| 90% |\n| e2e', '| 90% <!-- status-docs-disable-line ratio-mismatch --> |\n| e2e')}\n`, [6]],
    ['disable … enable silences the region between them', `# Report\n\n<!-- status-docs-disable ratio-mismatch -->\n\n${WRONG}\n\n<!-- status-docs-enable ratio-mismatch -->\n\n${WRONG_2}\n`, [9]],
    ['disable without rule ids silences every rule', `# Report\n\n<!-- status-docs-disable -->\n\n${WRONG}\n\n${WRONG_2}\n`, []],
    ['disable-file silences the whole document', `<!-- status-docs-disable-file ratio-mismatch -->\n# Report\n\n${WRONG}\n\n${WRONG_2}\n`, []],
  ];
  forms.forEach(([what, text, expected], k) => {
    it(what, async () => {
      const editor = await openNew(`feature-suppress-${k}.md`, text);
      try {
        assert.deepEqual(await ratioLines(editor.document.uri, expected), expected);
      } finally {
        await close(editor);
      }
    });
  });

  /** Applies "Ignore this finding here" for the ratio-mismatch diagnostic on `line`; returns the diagnostics after. */
  async function ignoreHere(editor: vscode.TextEditor, line: number): Promise<void> {
    const uri = editor.document.uri;
    const diagnostic = ours(uri, 'ratio-mismatch').find((d) => d.range.start.line + 1 === line);
    assert.ok(diagnostic, `a ratio-mismatch diagnostic on line ${line}`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((a) => a.title === 'Ignore this finding here');
    assert.ok(ignore?.edit, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(ignore.kind?.value, 'quickfix');
    assert.ok(!ignore.isPreferred, 'never the preferred fix');
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
  }

  it('quick fix on a table row: appends disable-line inside the last cell, the table stays a table, Undo restores it', async () => {
    const ext = await api();
    const text = `# Report\n\n${TABLE}\n`;
    const editor = await openNew('feature-suppress-fix-table.md', text);
    try {
      const uri = editor.document.uri;
      assert.deepEqual(await ratioLines(uri, [5, 6]), [5, 6]);
      await ignoreHere(editor, 5);
      assert.equal(editor.document.lineAt(4).text, '| unit | 7/10 | 90% <!-- status-docs-disable-line ratio-mismatch --> |');
      assert.equal(editor.document.lineCount, withStatus(text).split('\n').length, 'no line added');
      assert.deepEqual(await ratioLines(uri, [6]), [6]);
      const entry = await waitFor('the edited document analysed', () => ext.service.current(editor.document));
      assert.equal(entry.doc?.tables.length, 1, 'still one table');
      assert.deepEqual(entry.doc!.tables[0]!.rows.map((r) => r.cells.length), [3, 3], 'both rows, three cells each');
      assert.equal(entry.doc!.tables[0]!.rows[0]!.cells[2]!.text.trim().startsWith('90%'), true);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), withStatus(text), 'Undo restores the row');
      assert.deepEqual(await ratioLines(uri, [5, 6]), [5, 6]);
    } finally {
      await close(editor);
    }
  });

  it('quick fix on a paragraph: inserts disable-next-line above with the same indentation', async () => {
    const text = `# Report\n\n> ${WRONG}\n\n${WRONG_2}\n`;
    const editor = await openNew('feature-suppress-fix-line.md', text);
    try {
      const uri = editor.document.uri;
      assert.deepEqual(await ratioLines(uri, [3, 5]), [3, 5]);
      await ignoreHere(editor, 3);
      assert.equal(editor.document.lineAt(2).text, '> <!-- status-docs-disable-next-line ratio-mismatch -->');
      assert.equal(editor.document.lineAt(3).text, `> ${WRONG}`);
      assert.deepEqual(await ratioLines(uri, [6]), [6]);
      await ignoreHere(editor, 6);
      assert.equal(editor.document.getText(), withStatus(`# Report\n\n> <!-- status-docs-disable-next-line ratio-mismatch -->\n> ${WRONG}\n\n<!-- status-docs-disable-next-line ratio-mismatch -->\n${WRONG_2}\n`));
      assert.deepEqual(await ratioLines(uri, []), []);
    } finally {
      await close(editor);
    }
  });

  it('quick fix on a list item: appends disable-line, so the list keeps its items', async () => {
    const ext = await api();
    const text = '# Report\n\nFiles added (3 files):\n\n- a.ts\n- b.ts: 164/173 (99%)\n- c.ts\n';
    const editor = await openNew('feature-suppress-fix-list.md', text);
    try {
      const uri = editor.document.uri;
      assert.deepEqual(await ratioLines(uri, [6]), [6]);
      await ignoreHere(editor, 6);
      assert.equal(editor.document.lineAt(5).text, '- b.ts: 164/173 (99%) <!-- status-docs-disable-line ratio-mismatch -->');
      assert.deepEqual(await ratioLines(uri, []), []);
      const entry = await waitFor('the edited document analysed', () => ext.service.current(editor.document));
      assert.deepEqual(entry.findings.map((f) => f.rule), [], 'no count-mismatch: the list still has its three items');
      assert.deepEqual(entry.doc!.lists.map((l) => l.items.length), [3]);
    } finally {
      await close(editor);
    }
  });
});
