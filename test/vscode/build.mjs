// Bundles the integration suites that run inside the VS Code extension host:
//   test/vscode/suite/*.ts -> OUT/suite/*.js  (the suite, against the development build)
//   test/vscode/vsix/*.ts  -> OUT/vsix/*.js   (the check of the packaged extension)
//   test/vscode/l10n/*.ts  -> OUT/l10n/*.js   (the workbench in another display language)
// where OUT is the first argument (test/vscode/run.mjs gives each run its own) or dist/test.
// Each file becomes one CJS bundle; `vscode` comes from the extension host, and mocha, which
// loads the test files by path, from this repository's node_modules by absolute path, so the
// bundles run from any folder.
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = resolve(root, process.argv[2] ?? 'dist/test');
const mocha = createRequire(import.meta.url).resolve('mocha');

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
  external: ['vscode'],
  plugins: [{
    name: 'mocha-from-node-modules',
    setup(context) {
      context.onResolve({ filter: /^mocha$/ }, () => ({ path: mocha, external: true }));
    },
  }],
  logLevel: 'warning',
};

// A deleted test must not linger as a stale bundle that index.js would still load.
rmSync(out, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: entries('suite'), outdir: join(out, 'suite') }),
  // The packaged check shares the suite's mocha entry point.
  build({ ...common, entryPoints: { ...entries('vsix'), index: 'test/vscode/suite/index.ts' }, outdir: join(out, 'vsix') }),
  build({ ...common, entryPoints: { ...entries('l10n'), index: 'test/vscode/suite/index.ts' }, outdir: join(out, 'l10n') }),
]);
