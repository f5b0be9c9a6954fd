// Loads the extension bundle in plain Node with a stand-in `vscode` module and a complete
// stand-in extension context, times require + activate(), and proves that the activation did
// its work: activate() returned its API, logged no error, and registered the Progress view,
// the code action, CodeLens, hover and file decoration providers and every contributed command.
// The stand-in records every call made on it. This is not VS Code's own activation time: it
// leaves out the extension host, but it shows what the bundle costs to load and activate.
//
//   node test/bench/activate.cjs dist/extension.js     prints one JSON line
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');

/** Every call on the stand-in: its dotted name and first argument when that is a string. */
const calls = [];

function stub(name) {
  const fn = function (...args) {
    calls.push({ name, arg: typeof args[0] === 'string' ? args[0] : null });
    return stub(`${name}()`);
  };
  // Properties the extension sets (`item.text = …`) read back as set.
  const set = new Map();
  return new Proxy(fn, {
    set(_t, key, value) { set.set(key, value); return true; },
    defineProperty(_t, key, d) { set.set(key, d.value); return true; },
    get(_t, key) {
      if (set.has(key)) return set.get(key);
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => name;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'dispose') return () => {};
      if (key === 'length') return 0;
      return stub(`${name}.${String(key)}`);
    },
    construct() { return stub(`new ${name}`); },
  });
}

// The bundle wraps the module with esbuild's __toESM, which copies the module's own property
// names and inherits from its prototype: the stand-in's prototype answers every name.
const anyName = new Proxy({}, {
  get(_t, key) {
    if (key === 'then' || key === '__esModule') return undefined;
    return stub(`vscode.${String(key)}`);
  },
});
const vscodeModule = new Proxy(stub('vscode'), { getPrototypeOf: () => anyName });
const originalLoad = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscodeModule;
  return originalLoad.call(this, request, ...rest);
};

const file = path.resolve(process.argv[2]);
const root = path.dirname(path.dirname(file));
const packageJSON = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const memento = () => ({ get: (_k, d) => d, update: async () => {}, keys: () => [], setKeysForSync() {} });
const extensionUri = stub('extensionUri');
const context = {
  subscriptions: [],
  extensionPath: root,
  extensionUri,
  extension: { id: `${packageJSON.publisher}.${packageJSON.name}`, extensionUri, extensionPath: root, isActive: true, packageJSON, extensionKind: 1, exports: undefined, activate: async () => undefined },
  globalStorageUri: stub('globalStorageUri'),
  storageUri: stub('storageUri'),
  logUri: stub('logUri'),
  workspaceState: memento(),
  globalState: memento(),
  secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: stub('secrets.onDidChange') },
  environmentVariableCollection: stub('environmentVariableCollection'),
  asAbsolutePath: (p) => path.join(root, p),
  storagePath: undefined,
  globalStoragePath: path.join(root, '.globalStorage'),
  logPath: path.join(root, '.log'),
  extensionMode: 1,
  languageModelAccessInformation: stub('languageModelAccessInformation'),
};
const t0 = performance.now();
const ext = require(file);
const t1 = performance.now();
const api = ext.activate(context);
const t2 = performance.now();
const activationCalls = calls.length;

const problems = [];
const called = (n, arg) => calls.slice(0, activationCalls).some((c) => c.name === n && (arg === undefined || c.arg === arg));
if (!api || typeof api !== 'object') problems.push('activate() returned no API (it failed and logged the error)');
const errors = calls.filter((c) => /createOutputChannel\(\)\.error$/.test(c.name));
if (errors.length) problems.push(`activation logged ${errors.length} error(s): ${errors.map((e) => e.arg).join(' | ').slice(0, 300)}`);
const views = (packageJSON.contributes?.views?.statusDocs ?? []).map((v) => v.id);
for (const id of views) if (!called('vscode.window.createTreeView', id) && !called('vscode.window.registerTreeDataProvider', id)) problems.push(`view ${id} not registered`);
for (const p of ['registerCodeActionsProvider', 'registerCodeLensProvider', 'registerHoverProvider']) if (!called(`vscode.languages.${p}`)) problems.push(`languages.${p} not called`);
if (!called('vscode.window.registerFileDecorationProvider')) problems.push('no file decoration provider registered');
const commands = (packageJSON.contributes?.commands ?? []).map((c) => c.command);
const missing = commands.filter((c) => !called('vscode.commands.registerCommand', c) && !called('vscode.commands.registerTextEditorCommand', c));
if (missing.length) problems.push(`commands not registered: ${missing.join(', ')}`);
if (context.subscriptions.length < 5) problems.push(`only ${context.subscriptions.length} disposables in context.subscriptions`);

Promise.resolve(api).catch(() => {}).finally(() => {
  // What the first analysis, settings read or command pays after activation: the engine bundle.
  const engine = path.join(path.dirname(file), 'engine.js');
  const t3 = performance.now();
  require(engine);
  const t4 = performance.now();
  console.log(JSON.stringify({
    requireMs: +(t1 - t0).toFixed(2), activateMs: +(t2 - t0).toFixed(2), engineMs: +(t4 - t3).toFixed(2),
    views, commands: commands.length - missing.length, subscriptions: context.subscriptions.length, problems,
  }));
  process.exit(problems.length ? 1 : 0);
});
