// The scan worker's service (entry: scanWorkerEntry.ts → dist/scanWorker.js): runs the editor's scans
// and re-comparisons on a thread of their own, so indexing, resolving and comparing 10,000 resources
// never freezes the extension host.
// No vscode here (the engine and providers are vscode-free); the host sends plain data (scanWorkerProtocol.ts).
// Kept between requests: the index cache (a re-scan parses only changed files) and each folder's
// last live snapshot with its providers (a re-compare names it by handle; a new scan of the folder replaces it).
import { resolve as resolvePath } from 'node:path';
import { recompare, scanWorkspace, type LiveSnapshot } from '../engine/scan';
import { mergeRootSnapshot } from '../engine/partialScan';
import { declarationsCache, indexWorkspaceSliced } from '../iac/slicedIndex';
import { plainRanges } from '../iac/offsetRange';
import type { Logger, ScanResult } from '../model';
import { watchCredentials } from './azureSession';
import { createProviders, type AzureAuth } from './providerFactory';
import { BridgedCredential, type TokenAnswer } from './scanWorkerCredential';
import { errorData, type HostMessage, type RecompareRequest, type ScanRequest, type WorkerMessage, type IndexRequest } from './scanWorkerProtocol';

/** The two ends of a MessagePort this service needs (a worker's parentPort, or a MessageChannel's port in tests). */
export interface Port {
  postMessage(message: WorkerMessage): void;
  on(event: 'message', listener: (message: HostMessage) => void): unknown;
}

/** Cut into slices of this much work when indexing alone, so a cancel or a token answer is read between them. */
const INDEX_SLICE_MS = 50;
/** Resources per message of a result: ~350 KB for the generated 10,000-resource workspace, ~10 ms to deserialize on the host's thread. */
const RESULT_SLICE = 100;

export function serveScans(port: Port): void {
  const cache = declarationsCache({ version: 'editor-1' });
  const snapshots = new Map<number, LiveSnapshot>();
  const running = new Map<number, AbortController>();
  const tokenWaits = new Map<number, (answer: TokenAnswer) => void>();
  const moreWaits = new Map<number, () => void>();
  let nextHandle = 1;
  let nextToken = 1;
  const post = (m: WorkerMessage) => port.postMessage(m);
  const logger: Logger = {
    debug: (message) => post({ kind: 'log', level: 'debug', message }),
    info: (message) => post({ kind: 'log', level: 'info', message }),
    warn: (message) => post({ kind: 'log', level: 'warn', message }),
    error: (message) => post({ kind: 'log', level: 'error', message }),
  };

  const askToken = (scan: number, scopes: string[]) =>
    new Promise<TokenAnswer>((resolve) => {
      const id = nextToken++;
      tokenWaits.set(id, resolve);
      post({ kind: 'getToken', id, scan, scopes });
    });

  /** A result's resources in slices, each when the host asks for it, then `final` with the rest of the result. */
  const sendResult = async (id: number, result: ScanResult, final: (rest: ScanResult) => WorkerMessage) => {
    const { resources } = result;
    for (let i = 0; i < resources.length; i += RESULT_SLICE) {
      const asked = new Promise<void>((resolve) => moreWaits.set(id, resolve));
      // A structured clone would copy an OffsetRange's fields, not its start and end.
      post({ kind: 'resources', id, resources: plainRanges(resources.slice(i, i + RESULT_SLICE)) });
      await asked;
    }
    post(final(plainRanges({ ...result, resources: [] })));
  };

  const scan = async (m: ScanRequest) => {
    const abort = new AbortController();
    running.set(m.id, abort);
    try {
      syncEnv(m.env);
      const failures: string[] = [];
      const noteFailure = (reason: string) => void failures.push(reason);
      const azureAuth: AzureAuth | undefined = m.azureBridge
        ? { credential: new BridgedCredential((scopes) => askToken(m.id, scopes)), noteFailure, watch: (p) => watchCredentials(p, noteFailure) }
        : undefined;
      const providers = await createProviders(m.settings, true, azureAuth);
      const { result, snapshot } = await scanWorkspace({
        ...m.options, signal: abort.signal, logger, providers, indexCache: cache,
        progress: (progress) => post({ kind: 'progress', id: m.id, progress }),
      });
      // A new scan of a folder replaces its snapshot (and frees the providers that came with it).
      const previous = [...snapshots.values()].find((s) => resolvePath(s.dir) === resolvePath(snapshot.dir));
      for (const [h, s] of snapshots) if (resolvePath(s.dir) === resolvePath(snapshot.dir)) snapshots.delete(h);
      const handle = nextHandle++;
      // A scan of some roots (on save) is merged into the folder's snapshot: the other roots' live state stays.
      snapshots.set(handle, m.options.roots && previous ? mergeRootSnapshot(previous, snapshot, m.options.roots) : snapshot);
      await sendResult(m.id, result, (rest) => ({ kind: 'scanned', id: m.id, result: rest, handle, credentialFailures: failures }));
    } finally {
      running.delete(m.id);
    }
  };

  const recompareSnapshot = async (m: RecompareRequest) => {
    const snapshot = snapshots.get(m.handle);
    if (!snapshot) throw Object.assign(new Error('the scan this re-comparison needs was replaced: scan again'), { name: 'SnapshotReplacedError' });
    const result = await recompare(snapshot, new Map(m.overrides));
    await sendResult(m.id, result, (rest) => ({ kind: 'recompared', id: m.id, result: rest }));
  };

  const index = async (m: IndexRequest) => {
    const abort = new AbortController();
    running.set(m.id, abort);
    try {
      const started = performance.now();
      const { modules } = await indexWorkspaceSliced(m.dir, { cache, sliceMs: INDEX_SLICE_MS, signal: abort.signal, overrides: m.overrides && new Map(m.overrides), modules: m.modules });
      const files = modules.reduce((n, x) => n + x.files.length, 0);
      const resources = modules.reduce((n, x) => n + x.resources.length, 0);
      post({ kind: 'indexed', id: m.id, modules: modules.length, files, resources, ms: performance.now() - started });
    } finally {
      running.delete(m.id);
    }
  };

  port.on('message', (m) => {
    const fail = (e: unknown) => post({ kind: 'failed', id: m.id, error: errorData(e) });
    switch (m.kind) {
      case 'scan': return void scan(m).catch(fail);
      case 'recompare': return void recompareSnapshot(m).catch(fail);
      case 'index': return void index(m).catch(fail);
      case 'cancel': return void running.get(m.id)?.abort();
      case 'more': {
        const next = moreWaits.get(m.id);
        moreWaits.delete(m.id);
        return next?.();
      }
      case 'token': {
        const wait = tokenWaits.get(m.id);
        tokenWaits.delete(m.id);
        return wait?.({ token: m.token, error: m.error });
      }
    }
  });
  post({ kind: 'ready' });
}

/** The worker's environment becomes the host's: a worker copies it once, at start, and the host's may change since. */
function syncEnv(env: Record<string, string | undefined>): void {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
