// Entry point of the web suite, loaded by the web worker extension host (extensionTestsPath, with
// extensionDevelopmentKind "web": see test/vscode/run.mjs --web). One bundle for the browser: the
// test files are imported here rather than found on disk, and it ends with one plain line,
// `web: N passed, N failed`, that CI sums with the other suites' lines.
import * as vscode from 'vscode';
import './setup';
import './workerHost.test';

const FILES = 1;

/** What test/vscode/run.mjs writes next to this bundle (a web worker has no environment variables). */
async function runOptions(): Promise<{ grep?: string }> {
  const extension = vscode.extensions.all.find((e) => e.packageJSON?.browser && e.packageJSON?.name === 'status-docs');
  if (!extension) return {};
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'test/options.json'))));
  } catch {
    return {};
  }
}

export async function run(): Promise<void> {
  const { grep } = await runOptions();
  if (grep) mocha.grep(grep);
  // test/vscode/run.mjs forwards the workbench's log from this line on.
  console.log(`Status Docs integration tests in VS Code ${vscode.version}: ${FILES} file(s), web worker extension host`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        console.log(`web: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      console.log('web: 0 passed, 1 failed');
      reject(error);
    }
  });
}
