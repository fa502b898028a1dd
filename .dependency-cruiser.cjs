// The layers of src/, enforced in `npm test` (docs/ARCHITECTURE.md explains them). Low to high:
//   model  ←  iac, providers (never each other)  ←  engine  ←  cli | editor  ←  diagnostics, views (never each other)  ←  extension.ts
// Paths are relative to the folder depcruise runs in, so the rule test can run the same rules on a fixture.
/** @param {string} from  @param {string[]} allowed folders under src/ (besides its own) */
function only(from, allowed) {
  const others = ['model', 'iac', 'providers', 'engine', 'cli', 'editor', 'diagnostics', 'views'].filter((f) => f !== from && !allowed.includes(f));
  return {
    name: `layer-${from}`,
    severity: 'error',
    comment: `src/${from} may import only ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'nothing else in src/'} (see docs/ARCHITECTURE.md)`,
    from: { path: `^src/${from}/` },
    to: { path: [`^src/(${others.join('|')})/`, '^src/(extension|cli)\\.ts$'] },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: neither module can be read or tested alone.',
      from: {},
      to: { circular: true },
    },
    only('model', []),
    only('iac', ['model']),
    only('providers', ['model']),
    only('engine', ['model', 'iac', 'providers']),
    only('cli', ['model', 'iac', 'providers', 'engine']),
    only('editor', ['model', 'iac', 'providers', 'engine']),
    only('diagnostics', ['model', 'iac', 'providers', 'engine', 'editor']),
    only('views', ['model', 'iac', 'providers', 'engine', 'editor']),
    {
      name: 'vscode-only-in-the-editor',
      severity: 'error',
      comment: 'The engine also runs as the CLI: only the editor layer imports vscode.',
      from: { path: '^src/(model|iac|providers|engine|cli)/|^src/cli\\.ts$' },
      to: { path: '^vscode$', dependencyTypes: ['core', 'npm', 'npm-dev', 'unknown', 'undetermined'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
