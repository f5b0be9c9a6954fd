// Bundles the integration suites that run inside the VS Code extension host:
//   test/vscode/suite/*.ts -> dist/test/suite/*.js  (the suite, against the development build)
//   test/vscode/vsix/*.ts  -> dist/test/vsix/*.js   (the check of the packaged extension)
// Each file becomes one CJS bundle with `vscode` and `mocha` left to the host's require:
// VS Code provides `vscode`, mocha comes from node_modules (it loads test files by path).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

function entries(folder) {
  return readdirSync(new URL(`./${folder}/`, import.meta.url))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => `test/vscode/${folder}/${name}`);
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

await Promise.all([
  build({ ...common, entryPoints: entries('suite'), outdir: 'dist/test/suite' }),
  // The packaged check shares the suite's mocha entry point.
  build({ ...common, entryPoints: [...entries('vsix'), 'test/vscode/suite/index.ts'], outdir: 'dist/test/vsix' }),
]);
