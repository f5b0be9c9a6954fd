/**
 * The browser extension (package.json `browser`, built by build.mjs) runs in a web worker: its
 * bundle takes the `.web.ts` variants of the host modules, holds the engine, imports nothing but
 * `vscode` at run time and touches no Node module or DOM global. Builds in memory, like build.mjs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildResult, type Metafile, type OutputFile } from 'esbuild';
import { webExtensionOptions } from '../../build.mjs';
import * as webHost from '../../src/vscode/host.web';
import { ROOT } from './helpers';

type Built = BuildResult & { metafile: Metafile; outputFiles: OutputFile[] };

describe('browser build', () => {
  let result: Built;
  let bundle: string;
  before(async () => {
    result = (await build(webExtensionOptions({ write: false, sourcemap: false }))) as Built;
    bundle = result.outputFiles.find((f) => f.path.endsWith('extension.js'))!.text;
  });

  it('is the manifest\'s browser entry', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser?: string };
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.deepEqual(result.outputFiles.map((f) => f.path), [join(ROOT, 'dist/web/extension.js')]);
  });

  it('takes host.web.ts and lazy.web.ts, and bundles the engine', () => {
    const inputs = Object.keys(result.metafile.inputs);
    for (const web of ['src/vscode/host.web.ts', 'src/vscode/lazy.web.ts', 'src/vscode/engine.ts', 'src/core/index.ts']) {
      assert.ok(inputs.includes(web), `${web} is not in the bundle`);
    }
    for (const node of ['src/vscode/host.ts', 'src/vscode/lazy.ts']) assert.ok(!inputs.includes(node), `${node} is in the bundle`);
  });

  it('imports only vscode at run time, and no Node module', () => {
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    assert.deepEqual([...new Set(imports)], ['vscode']);
    const required = new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
    const nodeInputs = Object.keys(result.metafile.inputs).filter((p) => /^(node:|fs$|path$|os$|crypto$|worker_threads$)/.test(p));
    assert.deepEqual(nodeInputs, []);
  });

  it('uses no Node or DOM global a web worker lacks', () => {
    for (const [name, pattern] of [
      ['process', /\bprocess\.(env|versions|cwd|platform|argv|nextTick)\b/],
      ['Buffer', /\bBuffer\.(from|alloc|isBuffer|concat)\b/],
      ['setImmediate', /\bsetImmediate\(/],
      ['__filename', /\b__(filename|dirname)\b/],
      ['document', /(^|[^.\w])document\.(createElement|body|querySelector)/m],
    ] as const) {
      assert.doesNotMatch(bundle, pattern, `the browser bundle uses ${name}`);
    }
  });

  it('fails on a Node import', async () => {
    await assert.rejects(
      build(webExtensionOptions({
        write: false, entryPoints: undefined, logLevel: 'silent',
        stdin: { contents: "import { readFileSync } from 'node:fs'; export const f = readFileSync;", resolveDir: join(ROOT, 'src/vscode'), sourcefile: 'uses-fs.ts', loader: 'ts' },
      })),
      /must not import the Node module "node:fs"/,
    );
  });
});

describe('browser host', () => {
  it('hashes bytes deterministically, apart for any change', () => {
    const enc = new TextEncoder();
    const a = webHost.contentHash(enc.encode('# Status\n\n- [x] one\n'));
    assert.equal(a, webHost.contentHash(enc.encode('# Status\n\n- [x] one\n')));
    const variants = ['# Status\n\n- [ ] one\n', '# Status\n\n- [x] one', '# Status\n\n- [x] one\n\n', '', '\0'];
    const hashes = new Set([a, ...variants.map((t) => webHost.contentHash(enc.encode(t)))]);
    assert.equal(hashes.size, variants.length + 1);
    assert.match(a, /^[0-9a-z]+\.[0-9a-z]+\.[0-9a-z]+$/);
  });

  it('reports the web host and yields without setImmediate', async () => {
    assert.equal(webHost.hostKind, 'web');
    assert.equal(webHost.loadFactor(), 1);
    await webHost.yieldToEventLoop();
  });
});
