// The browser build (package.json `browser`, dist/web/extension.js) in VS Code's web worker
// extension host, the host of vscode.dev and github.dev: it runs there and nowhere else, reads
// the workspace through `workspace.fs`, reports a wrong delta as a diagnostic and lists the
// documents in the Progress view.
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import type { StatusDocsApi } from '../../../src/vscode/extension';

const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const TODAY = '2026-11-22';

function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

function equal<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 15_000): Promise<Truthy<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Truthy<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'the fixture workspace is not open');
  return vscode.Uri.joinPath(folder.uri, name);
}

const ours = (uri: vscode.Uri, code: string) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Status Docs' && (typeof d.code === 'object' ? d.code.value : d.code) === code);

describe('browser build in the web worker extension host', () => {
  let api: StatusDocsApi;
  before(async () => {
    const extension = vscode.extensions.getExtension<StatusDocsApi>(EXTENSION_ID);
    ok(extension, `${EXTENSION_ID} is not installed`);
    const exports = await extension.activate();
    ok(exports, 'activate() returned no API (see the "Status Docs" output channel)');
    api = exports;
    const config = vscode.workspace.getConfiguration('statusDocs');
    if (config.inspect('today')?.workspaceValue !== TODAY) await config.update('today', TODAY, vscode.ConfigurationTarget.Workspace);
    await api.service.whenIdle();
  });

  it('runs in a web worker, from the browser bundle', () => {
    // The suite shares the extension's host: a worker's global scope, no Node.
    const scope = globalThis as { WorkerGlobalScope?: abstract new () => unknown };
    ok(typeof scope.WorkerGlobalScope === 'function' && globalThis instanceof scope.WorkerGlobalScope, 'not running in a web worker');
    equal(typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node, 'undefined', 'process.versions.node');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind');
    // The extension's own report: the build that swapped in host.web.ts.
    equal(api.host, 'web', 'the extension\'s host kind');
    equal(manifest.browser, './dist/web/extension.js', 'package.json browser');
  });

  it('reports the wrong delta of an unopened file read through workspace.fs', async () => {
    const uri = fixture('feature-delta.md');
    const [d] = await waitFor('a delta-mismatch diagnostic on feature-delta.md', () => ours(uri, 'delta-mismatch').length && ours(uri, 'delta-mismatch'));
    equal(d!.range.start.line, 7, 'the diagnostic\'s line');
    equal(d!.severity, vscode.DiagnosticSeverity.Error, 'severity');
  });

  it('checks an open document as it is typed', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture('feature-delta.md')));
    try {
      const uri = editor.document.uri;
      const [d] = await waitFor('a delta-mismatch diagnostic', () => ours(uri, 'delta-mismatch').length && ours(uri, 'delta-mismatch'));
      ok(/\+20\b.*\+25\b/.test(d!.message), `the message names neither +20 nor +25: ${d!.message}`);
      const line = editor.document.lineAt(7);
      const at = line.text.indexOf('+20');
      ok(at >= 0, `no +20 on line 8: ${line.text}`);
      await editor.edit((e) => e.replace(new vscode.Range(7, at, 7, at + 3), '+25'));
      await waitFor('the diagnostic to go away', () => ours(uri, 'delta-mismatch').length === 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('lists the status documents in the Progress view', async () => {
    await vscode.commands.executeCommand('statusDocs.focusTree');
    type TreeNode = Parameters<StatusDocsApi['tree']['getTreeItem']>[0];
    const walk = async (node?: TreeNode, depth = 0): Promise<{ node: TreeNode; item: vscode.TreeItem }[]> => {
      if (depth > 1) return [];
      const found: { node: TreeNode; item: vscode.TreeItem }[] = [];
      for (const child of (await api.tree.getChildren(node)) ?? []) {
        found.push({ node: child, item: await api.tree.getTreeItem(child) }, ...await walk(child, depth + 1));
      }
      return found;
    };
    const uriOf = ({ node, item }: { node: TreeNode; item: vscode.TreeItem }) =>
      item.resourceUri?.toString() ?? (node as { uri?: string }).uri;
    const rows = await waitFor('phase-report.md in the tree', async () => {
      const all = await walk();
      return all.some((row) => uriOf(row) === fixture('phase-report.md').toString()) && all;
    });
    const names = rows.map(uriOf).filter(Boolean).map((u) => u!.split('/').pop());
    ok(names.includes('feature-delta.md'), `feature-delta.md is not listed: ${names.join(', ')}`);
    ok(!names.includes('meeting-notes.md'), 'notes without status content are listed');
  });
});
