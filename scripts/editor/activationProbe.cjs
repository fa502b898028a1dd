// Measures what activation costs the extension itself: require(dist/extension.js) plus
// activate(context), in a fresh Node process, with a stub `vscode` module (every API is a
// no-op proxy; configuration returns defaults, so nothing scans at activation).
// Usage: node activationProbe.cjs <path/to/extension.js>  → one JSON line { requireMs, activateMs }
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run by node without a loader so that loading is what is timed */
'use strict';
const Module = require('node:module');
const { performance } = require('node:perf_hooks');

function stub() {
  const cache = new Map();
  return new Proxy(function () {}, {
    get(target, prop) {
      if (prop === 'then') return undefined; // not a thenable: `await stub` must not hang
      if (prop === Symbol.toPrimitive) return () => 0;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'prototype') return target.prototype;
      if (!cache.has(prop)) cache.set(prop, stub());
      return cache.get(prop);
    },
    set(_target, prop, value) {
      cache.set(prop, value); // e.g. statusBarItem.name = '…'
      return true;
    },
    apply: () => stub(),
    construct: () => stub(),
  });
}

const configuration = { get: (_key, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => undefined };

// Bundles copy the module's own keys (`import * as vscode`): list every top-level API name,
// taken from @types/vscode, each a stub.
function vscodeModule() {
  const dts = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const api = {};
  for (const m of dts.matchAll(/^\texport (?:class|enum|namespace|const|let|function) (\w+)/gm)) api[m[1]] = stub();
  const workspace = api.workspace;
  api.workspace = new Proxy(workspace, {
    get(w, p) {
      if (p === 'getConfiguration') return () => configuration;
      if (p === 'workspaceFolders') return undefined;
      if (p === 'isTrusted') return true;
      return w[p];
    },
  });
  return api;
}
const vscode = vscodeModule();

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const memento = () => {
  const m = new Map();
  return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => void m.set(k, v), keys: () => [...m.keys()], setKeysForSync() {} };
};
const context = new Proxy(
  { subscriptions: [], globalState: memento(), workspaceState: memento(), extensionPath: process.cwd(), extensionMode: 3, environmentVariableCollection: stub() },
  { get: (t, p) => (p in t ? t[p] : p === 'then' ? undefined : stub()) },
);

(async () => {
  const t0 = performance.now();
  const ext = require(require('node:path').resolve(process.argv[2]));
  const t1 = performance.now();
  await ext.activate(context);
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, subscriptions: context.subscriptions.length }) + '\n');
  process.exit(0); // timers the extension started (refresh intervals) must not keep the probe alive
})().catch((e) => {
  process.stderr.write(`activation failed under the stub: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
