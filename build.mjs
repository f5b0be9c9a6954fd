// Bundles the two hosts: the CLI (Node) and the extension (CJS, `vscode` external).
// unified/remark are ESM-only, so both are bundled rather than required at run time.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  // jsonc-parser's `main` is a UMD build whose inner requires a bundler cannot follow.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

// The CLI's file walker (fdir, under tinyglobby) is bundled from its ES module build, which
// reads `import.meta.url`; in a CommonJS bundle that is the bundle's own file URL.
const importMetaUrl = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";
const cliCommon = { ...common, define: { 'import.meta.url': '__importMetaUrl' } };

await Promise.all([
  build({
    ...cliCommon,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` },
    define: { ...cliCommon.define, STATUS_DOCS_VERSION: JSON.stringify(pkg.version) },
  }),
  // The CLI's worker threads (src/cli/worker.ts) load this bundle.
  build({
    ...cliCommon,
    entryPoints: { worker: 'src/cli/worker.ts' },
    outdir: 'dist',
    banner: { js: importMetaUrl },
  }),
  // The extension: a thin host that loads its engine (parser, rules, zod: src/vscode/engine.ts)
  // on first use, so activation does not pay for them.
  build({
    ...common,
    entryPoints: { extension: 'src/vscode/extension.ts' },
    outdir: 'dist',
    external: ['vscode', './engine.js'],
  }),
  build({
    ...common,
    entryPoints: { engine: 'src/vscode/engine.ts' },
    outdir: 'dist',
  }),
]);
