// The indexer as it ships: one esbuild bundle, like dist/cli.js. Running the sources through tsx
// instead measures tsx's per-module output, where every cross-module call goes through a getter
// (measured ~3x slower on the parse loop). `DRIFTLENS_BENCH_SRC=<checkout>` bundles another
// checkout's sources instead (e.g. `git archive HEAD~3 src | tar -x -C /tmp/before`) for a before/after.
import { mkdtempSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';

const require = createRequire(__filename);
export const repoRoot = join(__dirname, '..', '..', '..');

type Io = { readFile(p: string): Promise<string | undefined>; readDir(d: string): Promise<{ name: string; isDirectory: boolean }[]>; memo?: unknown };

export interface Engine {
  buildInventory: (dir: string, memo?: unknown) => Promise<{ resources: unknown[]; errors: unknown[] }>;
  evaluateInventory: (inv: unknown, dir: string, io?: Io, vars?: unknown) => Promise<{ resources: unknown[] }>;
  resolveWorkspace: (dir: string, io?: Io) => Promise<{ roots: { instances: unknown[] }[] }>;
  indexFolders: (dir: string, io: Io) => Promise<{ index: import('../../../src/model').ModuleIndex; names: string[]; hasState: boolean }[]>;
  rootFolders: <T>(folders: T[], scanned: string) => T[];
  loadModuleTree: (root: import('../../../src/model').ModuleIndex, io: Io, parse: unknown) => Promise<unknown>;
  listModules: typeof import('../../../src/iac/moduleIndex').listModules;
  /** The inventory's blocking walk; absent in a checkout from before 2026-12-06. */
  moduleIndex: { listModulesSync?: typeof import('../../../src/iac/moduleIndex').listModulesSync };
  parseTerraformText: typeof import('../../../src/iac/moduleIndex').parseTerraformText;
  declareModuleFile: typeof import('../../../src/iac/terraform/overrides').declareModuleFile;
  applyOverrideFiles: typeof import('../../../src/iac/terraform/overrides').applyOverrideFiles;
  emptyModuleIndex: typeof import('../../../src/iac/terraform/declared').emptyModuleIndex;
  declareFile: typeof import('../../../src/iac/terraform/declared').declareFile;
  findModuleDirs: typeof import('../../../src/iac/moduleIndex').findModuleDirs;
  isTerraformFile: typeof import('../../../src/iac/moduleIndex').isTerraformFile;
  diskIo: Io;
  /** Absent in a checkout from before issue 17. */
  withMemo?: (io: Io) => Io & { memo: { stats: { parses: number; reused: number } } };
  indexWorkspaceSliced: typeof import('../../../src/iac/slicedIndex').indexWorkspaceSliced;
  declarationsCache: typeof import('../../../src/iac/slicedIndex').declarationsCache;
}

const exportsOf = (withMemo: boolean): string =>
  [
    "export { buildInventory } from './src/iac/inventory';",
    "export { evaluateInventory } from './src/engine/inventoryValues';",
    "export { resolveWorkspace } from './src/engine/scan';",
    "export { indexFolders, rootFolders } from './src/engine/roots';",
    "export { loadModuleTree } from './src/iac/terraform/modules';",
    "export { findModuleDirs, isTerraformFile, listModules, parseTerraformText } from './src/iac/moduleIndex';",
    "export * as moduleIndex from './src/iac/moduleIndex';",
    "export { declareModuleFile, applyOverrideFiles } from './src/iac/terraform/overrides';",
    "export { declareFile, emptyModuleIndex } from './src/iac/terraform/declared';",
    "export { diskIo } from './src/engine/workspaceIo';",
    withMemo ? "export { withMemo } from './src/iac/workspaceMemo';" : '',
    withMemo ? "export { indexWorkspaceSliced, declarationsCache } from './src/iac/slicedIndex';" : '',
  ].join('\n');

/** Bundles the engine (or `entry` as a program) into `dir`; returns the bundle's path. */
export function bundle(dir: string, opts: { entry?: string; src?: string } = {}): string {
  const src = opts.src ?? process.env.DRIFTLENS_BENCH_SRC ?? repoRoot;
  // A bare source checkout borrows this repository's node_modules.
  if (!existsSync(join(src, 'node_modules'))) symlinkSync(join(repoRoot, 'node_modules'), join(src, 'node_modules'));
  const outfile = join(dir, opts.entry ? 'program.js' : 'engine.js');
  buildSync({
    stdin: { contents: opts.entry ?? exportsOf(existsSync(join(src, 'src', 'iac', 'workspaceMemo.ts'))), resolveDir: src, loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    define: { __DRIFTLENS_VERSION__: '"bench"' },
    external: ['vscode'],
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

export function loadShippedEngine(): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-bench-engine-'));
  try {
    return require(bundle(dir)) as Engine;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
