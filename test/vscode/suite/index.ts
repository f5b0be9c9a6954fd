// Entry point of the integration suite, loaded by VS Code's extension host (extensionTestsPath).
// Runs every `*.test.js` bundle next to this file with mocha's BDD interface, smoke test first,
// and ends with one plain line, `N passed, N failed`, that CI sums with the unit suite's line.
//
// Environment (set by test/vscode/run.mjs, inherited by the extension host):
//   STATUS_DOCS_TEST_GREP   only run tests whose full title matches this pattern
//   STATUS_DOCS_TEST_LABEL  prefix for the closing line (`vsix: 2 passed, 0 failed`)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, slow: 2_000 });
  const grep = process.env.STATUS_DOCS_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort((a, b) => Number(b === 'smoke.test.js') - Number(a === 'smoke.test.js') || a.localeCompare(b));
  for (const name of files) mocha.addFile(join(__dirname, name));

  const label = process.env.STATUS_DOCS_TEST_LABEL;
  // test/vscode/run.mjs forwards the workbench's log from this line on.
  console.log(`Status Docs integration tests in VS Code ${vscode.version}: ${files.length} file(s)`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0 } = runner.stats ?? {};
        console.log(`${label ? `${label}: ` : ''}${passes} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (files.length === 0) reject(new Error(`no *.test.js files in ${__dirname}`));
        else resolve();
      });
    } catch (error) {
      // A test file that throws while loading never reaches a test: count it as one failure.
      console.error(error);
      console.log(`${label ? `${label}: ` : ''}0 passed, 1 failed`);
      reject(error);
    }
  });
}
