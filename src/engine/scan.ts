// The scan pipeline: index → resolve → bind (state) → fetch (providers) → compare.
// Front-ends (CLI, editor) build the providers and call these functions; nothing here touches vscode.
import { resolve as resolvePath } from 'node:path';
import { IndexCache } from '../iac/indexCache';
import { declareOneFile, type FileDeclarations } from '../iac/fileDeclarations';
import { parseTerraformText } from '../iac/moduleIndex';
import { withMemo } from '../iac/workspaceMemo';
import type { StatePullOptions } from '../iac/terraform/remoteState';
import type { VariableInputs } from '../iac/terraform/variableInputs';
import type { Binding, LiveResult, LiveStateProvider, Logger, ModuleIndex, ProviderConfig, ResourceResult, ScanError, ScanResult, TypeSchema } from '../model';
import { providerErrors, withoutSubsumed, type FetchedAnswer } from './providerErrors';
import { noStateErrors } from './stateErrors';
import { diskIo, overlayIo, type WorkspaceIo } from './workspaceIo';
import { indexFolders, rootFolders, type IndexedFolder } from './roots';
import { resolveRoot, type ResolvedInstance, type ResolvedRoot, type InstanceRoot } from './resolve';
import { resultFor, summarize, unverifiedResult } from './results';
import { parseHcl } from '../iac/terraform/parser';
import { engineCallFunction } from './functionsBridge';
import { applyIgnoreRules } from './ignore';
import { declaredValues } from './declaredValues';
import { providerFor } from './providerFor';
import { leanResources } from './leanResource';
import { deriveLiveIds, recompareProviderExtras, scanProviderExtras, type ProviderExtrasResult, type ProviderExtrasSnapshot } from './providerExtras';

/** What front-ends pass for variables (`TF_VAR_*`, `--var-file`, `--var`, the editor's var files). */
export type { VariableArg, VariableInputs } from '../iac/terraform/variableInputs';

export interface ScanProgress {
  stage: 'index' | 'resolve' | 'fetch' | 'compare';
  done: number;
  total: number;
  message?: string;
}

export interface ScanOptions {
  dir: string;
  signal?: AbortSignal;
  logger?: Logger;
  progress?: (p: ScanProgress) => void;
  /** The front-end builds them (credentials, regions, endpoints are its business). */
  providers: LiveStateProvider[];
  now?: () => Date;
  /**
   * `terraform state pull` for roots whose state is in a backend (no local terraform.tfstate). The CLI
   * path comes from a machine-scoped setting or `--terraform`; absent: remote state is not read.
   */
  remoteState?: StatePullOptions;
  /**
   * Only these root modules (absolute folders) are resolved, fetched and compared; ARM templates are left out.
   * Absent: every root. The result lists only what they declare; `mergeRootScan` puts it into a full scan's.
   */
  roots?: readonly string[];
  /** `TF_VAR_*` (the process environment unless `env` is given) and `--var-file` / `--var` in order. */
  variables?: VariableInputs;
  /** A cache the caller keeps between scans (the editor's scan worker): a re-scan parses only changed files. */
  indexCache?: IndexCache<FileDeclarations>;
  /**
   * The caller never re-compares with this scan's snapshot (the CLI): once resolved, what only resolving and
   * re-comparing read (each attribute's syntax tree, the index cache) is let go, so fetch and compare hold less (issue 15).
   */
  oneShot?: boolean;
}

/** A live result as fetched for one instance address of one root module. */
interface SnapshotEntry {
  liveId: string;
  result: LiveResult;
  /** Where it was asked (provider, region, profile): provider errors are reported once per place. */
  config: ProviderConfig;
}

/** What a scan saw of the cloud, kept so edited code can be re-compared without API calls. Opaque to front-ends. */
export interface LiveSnapshot {
  readonly dir: string;
  readonly fetchedAt: string;
  /** Live results per root module folder (absolute), then per instance address. */
  readonly live: ReadonlyMap<string, ReadonlyMap<string, SnapshotEntry>>;
  /** The providers of the scan: only their `supports` / `schema` are used again, never `fetch`. */
  readonly providers: readonly LiveStateProvider[];
  readonly now?: () => Date;
  /** What providers' own IaC sources (ARM templates) and unmanaged listings saw. */
  readonly extras?: ProviderExtrasSnapshot;
  /** State pulled from backends, by the local path it stands for: a recompare reads it, never pulls again. */
  readonly pulledStates?: ReadonlyMap<string, string>;
  /** Each file's declarations by content hash: a recompare re-parses only the files that changed. */
  readonly indexCache?: IndexCache<FileDeclarations>;
  /** The variable inputs of the scan: a recompare evaluates with the same ones. */
  readonly variables?: VariableInputs;
}

export interface ScanOutcome {
  result: ScanResult;
  snapshot: LiveSnapshot;
}

export class ScanCancelledError extends Error {
  constructor() {
    super('scan cancelled');
    this.name = 'ScanCancelledError';
  }
}

/** Part of every index-cache key: a parser change in a new release never reuses old entries. */
const INDEX_VERSION = '1';

const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Index every root module under `dir` (no cloud calls). */
export async function indexWorkspace(dir: string, io: WorkspaceIo = diskIo): Promise<ModuleIndex[]> {
  const abs = resolvePath(dir);
  return rootFolders(await indexFolders(abs, io), abs).map((f) => f.index);
}

export async function scanWorkspace(options: ScanOptions): Promise<ScanOutcome> {
  const signal = options.signal ?? new AbortController().signal;
  const logger = options.logger ?? silentLogger;
  const progress = options.progress ?? (() => {});
  const checkCancel = () => {
    if (signal.aborted) throw new ScanCancelledError();
  };
  const abs = resolvePath(options.dir);
  const newCache = () => new IndexCache<FileDeclarations>({ parse: (file, text) => declareOneFile(file, text, parseTerraformText), version: INDEX_VERSION, keyIncludesPath: true });
  // A one-shot scan's cache lives only while indexing: nothing re-compares with it.
  const indexCache = options.oneShot ? undefined : (options.indexCache ?? newCache());
  const only = options.roots && new Set(options.roots.map((r) => resolvePath(r)));
  const { roots, errors } = forFetch(await prepare(abs, diskIo, progress, checkCancel, { remoteState: options.remoteState && { ...options.remoteState, signal }, cache: indexCache ?? newCache(), variables: options.variables, only }), options.oneShot);
  // Providers that can name an instance without state (Azure: name + resource group) do so before binding.
  deriveLiveIds(roots, options.providers);

  // Bind: every fetchable instance, grouped by provider, so each provider gets one fetch call.
  const byProvider = new Map<LiveStateProvider, { binding: Binding; root: string }[]>();
  for (const root of roots) {
    for (const inst of root.instances) {
      if (inst.unverifiedReason || !inst.liveId) continue;
      const provider = providerFor(options.providers, inst.providerConfig.provider);
      if (!provider || !provider.supports(inst.resource.type)) continue;
      const list = byProvider.get(provider) ?? byProvider.set(provider, []).get(provider)!;
      list.push({ binding: bindingOf(inst), root: root.dir });
    }
  }
  const total = [...byProvider.values()].reduce((n, l) => n + l.length, 0);
  progress({ stage: 'fetch', done: 0, total });
  checkCancel();
  const live = new Map<string, Map<string, SnapshotEntry>>();
  const doneBy = new Map<LiveStateProvider, number>();
  await Promise.all(
    [...byProvider].map(async ([provider, items]) => {
      logger.info(`${provider.name}: fetching ${items.length} resource instance(s)`);
      const answers = await provider.fetch(
        items.map((i) => i.binding),
        {
          signal,
          logger,
          progress: (p) => {
            doneBy.set(provider, p.done);
            progress({ stage: 'fetch', done: [...doneBy.values()].reduce((a, b) => a + b, 0), total, message: p.message });
          },
        },
      );
      for (const { binding, root } of items) {
        const result: LiveResult = answers.get(binding) ?? { status: 'error', kind: 'other', reason: `the ${provider.name} provider gave no answer` };
        const perRoot = live.get(root) ?? live.set(root, new Map()).get(root)!;
        perRoot.set(binding.address, { liveId: binding.liveId, result, config: binding.providerConfig });
      }
    }),
  );
  // Problems of a fetch that belong to no one resource (an identity check that could not run), each once.
  for (const provider of byProvider.keys()) errors.push(...(provider.fetchNotes?.() ?? []));
  checkCancel();
  const extras = await scanProviderExtras(abs, roots, options.providers, { signal, logger }, { templates: !only });
  checkCancel();
  const now = options.now ?? (() => new Date());
  const pulledStates = new Map(roots.flatMap((r) => (r.pulledState ? [[r.pulledState.path, r.pulledState.text] as const] : [])));
  const snapshot: LiveSnapshot = { dir: options.dir, fetchedAt: now().toISOString(), live, providers: options.providers, now: options.now, extras: extras.snapshot, pulledStates, indexCache, variables: options.variables };
  const result = await compareAll(options.dir, roots, errors, snapshot, diskIo, progress, checkCancel, now, extras.result);
  return { result, snapshot };
}

/** Every root module under `dir` resolved (variables, state, modules, instances) without any cloud call. */
export async function resolveWorkspace(dir: string, io: WorkspaceIo = diskIo, variables?: VariableInputs): Promise<{ roots: ResolvedRoot[]; errors: ScanError[] }> {
  const none = () => {};
  return prepare(resolvePath(dir), io, none, none, { variables });
}

/**
 * Resolves each root of `dir` and hands it to `visit`, keeping none: what a caller turns into its own
 * result (the inventory's values) is all that stays, so a root's evaluated bodies die young instead of
 * living, and being copied by the garbage collector, until the last root is resolved (issue 17).
 */
export async function forEachResolvedRoot(dir: string, io: WorkspaceIo, variables: VariableInputs | undefined, visit: (root: ResolvedRoot) => void): Promise<{ errors: ScanError[] }> {
  const none = () => {};
  const { errors } = await prepare(resolvePath(dir), io, none, none, { variables, visit });
  return { errors };
}

/** Re-compare edited files against the cached live state: no API call. `overrides` maps absolute file path → current text. */
export async function recompare(snapshot: LiveSnapshot, overrides: Map<string, string>): Promise<ScanResult> {
  const io = overlayIo(diskIo, new Map([...(snapshot.pulledStates ?? []), ...overrides]));
  const none = () => {};
  const { roots, errors } = await prepare(resolvePath(snapshot.dir), io, none, none, { cache: snapshot.indexCache, variables: snapshot.variables });
  deriveLiveIds(roots, snapshot.providers);
  const extras = await recompareProviderExtras(resolvePath(snapshot.dir), snapshot.providers, snapshot.extras, (path) => io.readFile(path));
  return compareAll(snapshot.dir, roots, errors, snapshot, io, none, none, snapshot.now ?? (() => new Date()), extras);
}

/**
 * The roots as fetch and compare read them: instances, never a root's module index, which is let go before
 * fetching; a one-shot scan's resources also lose the syntax only resolving read (leanResource.ts, issue 15).
 */
function forFetch(prepared: Prepared, oneShot: boolean | undefined): { roots: InstanceRoot[]; errors: ScanError[] } {
  const roots = prepared.roots.map(({ index: _, ...root }) => root);
  if (oneShot) leanResources(roots);
  return { roots, errors: prepared.errors };
}

interface Prepared {
  roots: ResolvedRoot[];
  errors: ScanError[];
}

interface PrepareOptions {
  /** Pull a backend's state with `terraform state pull`; off when absent. */
  remoteState?: StatePullOptions;
  cache?: IndexCache<FileDeclarations>;
  variables?: VariableInputs;
  /** Only these root folders. */
  only?: ReadonlySet<string>;
  /** Each root as it is resolved; the roots are then not kept (Prepared.roots is empty). */
  visit?: (root: ResolvedRoot) => void;
}

async function prepare(abs: string, base: WorkspaceIo, progress: (p: ScanProgress) => void, checkCancel: () => void, options: PrepareOptions = {}): Promise<Prepared> {
  const { remoteState, cache, variables, only, visit } = options;
  // Each file read and parsed once per run, reads ahead of the parser (issue 17).
  const io = withMemo(base);
  progress({ stage: 'index', done: 0, total: 1, message: abs });
  checkCancel();
  const entries = await io.readDir(abs);
  if (entries.length === 0 && (await io.readFile(abs)) === undefined && !(await isDir(io, abs))) throw new Error(`cannot read folder ${abs}`);
  // Every folder is indexed even for some roots only: which folders are roots depends on who calls whom.
  const folders: IndexedFolder[] = rootFolders(await indexFolders(abs, io, undefined, cache), abs).filter((f) => !only || only.has(f.index.dir));
  progress({ stage: 'index', done: 1, total: 1, message: `${folders.length} root module(s)` });
  checkCancel();
  const errors: ScanError[] = [];
  for (const f of folders) {
    for (const file of f.index.files) {
      for (const d of file.diagnostics) errors.push({ kind: 'syntax', file: file.file, range: d.range, message: d.message, severity: 'warning' });
    }
  }
  const roots: ResolvedRoot[] = [];
  // The environment read once for the run: process.env is read through the OS on every access, and
  // each root reads its TF_VAR_* (hundreds of roots in a monorepo).
  const env = { ...process.env };
  const runVariables = variables?.env ? { ...variables, env: variables.env === process.env ? env : { ...variables.env } } : variables;
  for (const [i, f] of folders.entries()) {
    const callFunction = engineCallFunction(f.index.dir);
    progress({ stage: 'resolve', done: i, total: folders.length, message: f.index.dir });
    checkCancel();
    const root = await resolveRoot(f.index, f.names, { io, parse: parseHcl, callFunction, env, remoteState, variables: runVariables });
    errors.push(...root.errors);
    if (visit) visit(root);
    else roots.push(root);
  }
  progress({ stage: 'resolve', done: folders.length, total: folders.length });
  checkCancel();
  return { roots, errors };
}

async function isDir(io: WorkspaceIo, path: string): Promise<boolean> {
  // readDir answers [] both for an empty folder and for a missing one; a missing folder has no parent entry.
  const parent = resolvePath(path, '..');
  const base = path.slice(parent.length).replace(/^[\\/]/, '');
  return (await io.readDir(parent)).some((e) => e.isDirectory && e.name === base);
}

async function compareAll(
  dir: string,
  roots: InstanceRoot[],
  errors: ScanError[],
  snapshot: LiveSnapshot,
  io: WorkspaceIo,
  progress: (p: ScanProgress) => void,
  checkCancel: () => void,
  now: () => Date,
  extras: ProviderExtrasResult = { resources: [], errors: [], unmanaged: [] },
): Promise<ScanResult> {
  const total = roots.reduce((n, r) => n + r.instances.length, 0);
  let done = 0;
  progress({ stage: 'compare', done, total });
  checkCancel();
  const resources: ResourceResult[] = [];
  const answers: FetchedAnswer[] = [];
  for (const root of roots) {
    const rootResults: ResourceResult[] = [];
    for (const inst of root.instances) {
      const entry = snapshot.live.get(root.dir)?.get(inst.address);
      if (entry && entry.liveId === inst.liveId && !inst.unverifiedReason) answers.push(entry);
      rootResults.push(verdict(inst, root.dir, snapshot));
      if (++done % 100 === 0) progress({ stage: 'compare', done, total });
    }
    resources.push(...(await applyIgnoreRules([...new Set([resolvePath(dir), root.dir])], rootResults, io)));
  }
  // Resources of providers' own IaC sources (ARM templates), under the workspace's ignore rules.
  if (extras.resources.length) resources.push(...(await applyIgnoreRules([resolvePath(dir)], extras.resources, io)));
  errors.push(...extras.errors);
  // Each problem once: per provider place and reason, per state file; never once per resource.
  const fetchErrors = providerErrors(answers);
  const kept = withoutSubsumed(errors, fetchErrors);
  errors.splice(0, errors.length, ...kept, ...fetchErrors, ...noStateErrors(roots, kept));
  progress({ stage: 'compare', done: total, total });
  checkCancel();
  const unmanaged: ScanResult['unmanaged'] = extras.unmanaged;
  const scanned = roots.map((r) => ({ dir: r.dir, moduleDirs: r.moduleDirs ?? [] }));
  return { scannedAt: now().toISOString(), root: dir, resources, unmanaged, errors, summary: summarize(resources, unmanaged), roots: scanned };
}

function verdict(inst: ResolvedInstance, root: string, snapshot: LiveSnapshot): ResourceResult {
  if (inst.unverifiedReason || !inst.liveId) return unverifiedResult(inst, inst.unverifiedReason ?? 'no id in state');
  const provider = providerFor(snapshot.providers, inst.providerConfig.provider);
  if (!provider) return unverifiedResult(inst, `no live-state provider for "${inst.providerConfig.provider}"`);
  if (!provider.supports(inst.resource.type)) return unverifiedResult(inst, 'unsupported type');
  const entry = snapshot.live.get(root)?.get(inst.address);
  if (!entry || entry.liveId !== inst.liveId) return unverifiedResult(inst, 'not fetched by the last scan: scan again');
  return resultFor(inst, entry.result, schemaOf(provider, inst));
}

function schemaOf(provider: LiveStateProvider, inst: ResolvedInstance): TypeSchema | undefined {
  return provider.schema?.(inst.resource.type, inst.liveId);
}

function bindingOf(inst: ResolvedInstance): Binding {
  return {
    address: inst.address,
    type: inst.resource.type,
    liveId: inst.liveId as string,
    providerConfig: inst.providerConfig,
    declaredAttributes: [...inst.desired.entries.keys()],
    declared: declaredValues(inst.desired),
    ...(inst.stateAttributes ? { stateAttributes: inst.stateAttributes } : {}),
  };
}
