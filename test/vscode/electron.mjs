#!/usr/bin/env node
// The same integration suite in VS Code desktop (Electron) through @vscode/test-electron, for
// machines that can download VS Code; `npm test` uses test/vscode/run.mjs (code-server) instead,
// which needs no download.
//
//   npm run test:electron                 the current stable VS Code
//   VSCODE_VERSION=1.95.0 npm run test:electron
//   npm run test:electron -- --grep tree  only tests whose title matches "tree"
//
// Downloads into .vscode-test/ (git-ignored). On a Linux machine without a display, run it
// under xvfb-run. Opens a copy of test/vscode/workspace, like run.mjs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values: options } = parseArgs({ options: { grep: { type: 'string' }, 'no-build': { type: 'boolean', default: false } } });

for (const script of options['no-build'] ? [] : ['build.mjs', 'test/vscode/build.mjs']) {
  if (spawnSync(process.execPath, [script], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'status-docs-electron-'));
const workspace = join(work, 'workspace');
cpSync(join(root, 'test/vscode/workspace'), workspace, { recursive: true });
mkdirSync(join(work, 'user-data/User'), { recursive: true });
writeFileSync(join(work, 'user-data/User/settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'git.enabled': false,
}, null, 2));

let code = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist/test/suite/index.js'),
    extensionTestsEnv: { STATUS_DOCS_TEST_GREP: options.grep ?? '' },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
      '--skip-release-notes', '--user-data-dir', join(work, 'user-data')],
  });
} catch (error) {
  console.error(`test-electron: ${error instanceof Error ? error.message : error}`);
  code = 1;
}
rmSync(work, { recursive: true, force: true });
process.exit(code);
