// Bundles the integration suites that run inside the VS Code extension host:
//   test/vscode/suite/*.ts -> dist/test/suite/*.js  (the suite, against the development build)
//   test/vscode/vsix/*.ts  -> dist/test/vsix/*.js   (the check of the packaged extension)
// Each file becomes one CJS bundle with `vscode` and `mocha` left to the host's require:
// VS Code provides `vscode`, mocha comes from node_modules (it loads test files by path).
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

// { 'smoke.test': 'test/vscode/suite/smoke.test.ts', ... } for the .ts files of a folder.
function entries(folder) {
  const names = readdirSync(new URL(`./${folder}/`, import.meta.url))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
  return Object.fromEntries(names.map((name) => [name.slice(0, -'.ts'.length), `test/vscode/${folder}/${name}`]));
}

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
};

// A deleted test must not linger as a stale bundle that index.js would still load.
rmSync(join(root, 'dist/test'), { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: entries('suite'), outdir: 'dist/test/suite' }),
  // The packaged check shares the suite's mocha entry point.
  build({ ...common, entryPoints: { ...entries('vsix'), index: 'test/vscode/suite/index.ts' }, outdir: 'dist/test/vsix' }),
]);
