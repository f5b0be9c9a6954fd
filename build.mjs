// Bundles the hosts: the CLI (Node), the desktop extension (CJS, `vscode` external) and the
// browser extension (`browser` in package.json: the web worker extension host of vscode.dev,
// github.dev and VS Code servers). unified/remark are ESM-only, so all are bundled rather than
// required at run time.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const root = dirname(fileURLToPath(import.meta.url));
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

// The browser extension: one bundle with the engine inside (a web worker cannot load a second
// file by path). A module of src/vscode with a `NAME.web.ts` next to it is replaced by that file
// (host.web.ts, lazy.web.ts), and any import of a Node module fails the build.
const WEB_BUILD_TOKEN = 'WEBBUILDFINGERPR';
export function webExtensionOptions(overrides = {}) {
  return {
    ...common,
    absWorkingDir: root,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    mainFields: ['browser', 'module', 'main'],
    // A web worker: no DOM (decode-named-character-reference has a DOM build for `browser`).
    conditions: ['worker', 'browser'],
    entryPoints: { extension: 'src/vscode/extension.ts' },
    outdir: 'dist/web',
    external: ['vscode'],
    define: { STATUS_DOCS_WEB_BUILD: JSON.stringify(WEB_BUILD_TOKEN) },
    metafile: true,
    plugins: [webVariants, noNodeModules],
    ...overrides,
  };
}

const webVariants = {
  name: 'web-variants',
  setup(context) {
    context.onResolve({ filter: /^\.\.?\// }, (args) => {
      const web = resolve(args.resolveDir, `${args.path.replace(/\.js$/, '')}.web.ts`);
      if (args.importer.endsWith('.web.ts') || !args.resolveDir.startsWith(join(root, 'src/vscode')) || !existsSync(web)) return undefined;
      return { path: web };
    });
  },
};

const noNodeModules = {
  name: 'no-node-modules',
  setup(context) {
    context.onResolve({ filter: /.*/ }, (args) => {
      if (!isBuiltin(args.path)) return undefined;
      const from = relative(root, args.importer) || args.importer;
      return { errors: [{ text: `the browser extension must not import the Node module "${args.path}" (imported by ${from})` }] };
    });
  },
};

/** Builds dist/web/extension.js and stamps it with a hash of its own text (the result cache's build key). */
async function buildWeb() {
  const result = await build(webExtensionOptions({ write: false }));
  const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
  const foreign = imports.filter((path) => path !== 'vscode');
  if (foreign.length) throw new Error(`dist/web/extension.js imports ${foreign.join(', ')} at run time (only vscode may be)`);
  for (const file of result.outputFiles) {
    let { text } = file;
    if (file.path.endsWith('.js')) {
      const fingerprint = createHash('sha256').update(text).digest('base64url').slice(0, WEB_BUILD_TOKEN.length);
      text = text.replaceAll(WEB_BUILD_TOKEN, fingerprint);
    }
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, text);
  }
}

// Run as a script (`node build.mjs`), not when a test imports webExtensionOptions. esbuild has
// already printed a failed build's errors.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    if (!error?.errors) console.error(error);
    process.exitCode = 1;
  });
}

async function main() {
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
    buildWeb(),
  ]);
}
