// Loads the extension bundle in plain Node with a stand-in `vscode` module (every property is
// a callable stub) and times require + activate(). This is not VS Code's own activation time:
// it leaves out the extension host, but it shows what the bundle costs to load and activate.
//
//   node test/bench/activate.cjs dist/extension.js
const Module = require('node:module');
const path = require('node:path');

function stub(name) {
  const fn = function () { return stub(`${name}()`); };
  return new Proxy(fn, {
    get(_t, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => name;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'dispose') return () => {};
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
const context = {
  subscriptions: [],
  extensionPath: path.dirname(path.dirname(file)),
  extensionUri: stub('extensionUri'),
  globalStorageUri: stub('globalStorageUri'),
  storageUri: stub('storageUri'),
  workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
  globalState: { get: () => undefined, update: async () => {}, keys: () => [], setKeysForSync() {} },
  asAbsolutePath: (p) => path.join(path.dirname(path.dirname(file)), p),
  extensionMode: 1,
  logUri: stub('logUri'),
};
const t0 = performance.now();
const ext = require(file);
const t1 = performance.now();
const r = ext.activate(context);
const t2 = performance.now();
Promise.resolve(r).catch(() => {}).finally(() => {
  // What the first analysis, settings read or command pays after activation: the engine bundle.
  const engine = path.join(path.dirname(file), 'engine.js');
  const t3 = performance.now();
  require(engine);
  const t4 = performance.now();
  console.log(`require ${(t1 - t0).toFixed(1)} ms, activate ${(t2 - t0).toFixed(1)} ms, engine ${(t4 - t3).toFixed(1)} ms`);
  process.exit(0);
});
