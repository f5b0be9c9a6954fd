// Shared by the feature tests: the extension's exported API, waiting, fixtures and settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StatusDocsApi } from '../../../../src/vscode/extension';

export const EXTENSION_ID = 'status-docs.status-docs';
/** Every test counts days from here, so day counts are stable. */
export const TODAY = '2026-11-22';

export function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the fixture workspace is not open');
  return f;
}

export function fixture(name: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, name);
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 5000): Promise<Truthy<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Truthy<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Activates the extension with "today" pinned and waits for the workspace scan. */
export async function api(): Promise<StatusDocsApi> {
  const extension = vscode.extensions.getExtension<StatusDocsApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const exports = await extension.activate();
  assert.ok(exports, 'activate() returned no API (see the "Status Docs" output channel)');
  await setSetting('today', TODAY);
  await exports.service.whenIdle();
  return exports;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('statusDocs');
  if (JSON.stringify(config.inspect(key)?.workspaceValue) === JSON.stringify(value)) return;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(name));
  return vscode.window.showTextDocument(document);
}

/**
 * Throws away a test's unsaved edits and closes the editor. Closing a dirty editor would ask to
 * save, and a test run answers such a dialog with its default (save): the edit would reach the
 * fixture on disk and leak into every later test. So the document is made clean first: the
 * Revert command on its editor, tried again while another editor was active. If it is still
 * dirty, its text from disk is put back and saved, which writes what the file already holds;
 * and if even that edit did not take, the test fails here, before any save: a save then would
 * write the test's edit to the fixture.
 */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  const document = editor.document;
  for (let attempt = 0; attempt < 3 && document.isDirty; attempt++) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    if (document.isDirty) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (document.isDirty && !document.isUntitled) {
    const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), disk);
    const applied = await vscode.workspace.applyEdit(edit);
    if (!applied || document.getText() !== disk) throw new Error(`could not put back the text of ${document.uri.path} from disk; not saving it`);
    await document.save();
  }
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

export function ours(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Status Docs' && (!rule || codeValue(d) === rule));
}

export function codeValue(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** The 0-based range of the `occurrence`-th `needle` on a 1-based line. */
export function rangeOf(document: vscode.TextDocument, line: number, needle: string): vscode.Range {
  const column = document.lineAt(line - 1).text.indexOf(needle);
  assert.ok(column >= 0, `"${needle}" is not on line ${line}: ${document.lineAt(line - 1).text}`);
  return new vscode.Range(line - 1, column, line - 1, column + needle.length);
}
