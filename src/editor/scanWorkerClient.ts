// The extension host's end of the scan worker: starts it on first use, sends requests, routes its
// progress, logs and token questions, and turns its answers back into results. A worker that dies
// fails the requests it had; the next request starts a new one. No vscode import (unit-tested in Node).
import { Worker } from 'node:worker_threads';
import type { ScanProgress } from '../engine/scan';
import type { Logger, ResourceResult, ScanResult } from '../model';
import type { AzureAuth, ProviderSettings } from './providerFactory';
import { errorData, type ErrorData, type HostMessage, type ScanRequestOptions, type WorkerMessage } from './scanWorkerProtocol';

export interface ScanWorkerClientOptions {
  /** The worker's script (dist/scanWorker.js beside the extension bundle). */
  script: string;
  /** Where the worker's log lines go. */
  logger: Logger;
}

export interface WorkerScanParams {
  options: ScanRequestOptions;
  settings: ProviderSettings;
  signal: AbortSignal;
  progress?: (p: ScanProgress) => void;
  /** VS Code's sign-in for this scan: the worker's Azure credential asks it for tokens. */
  azureAuth?: AzureAuth;
}

/** What a scan leaves behind to re-compare edits against: in the worker, or (fallback) in this thread. */
export interface SnapshotHandle {
  readonly dir: string;
  recompare(overrides: Map<string, string>): Promise<ScanResult>;
}

export interface IndexFigures {
  modules: number;
  files: number;
  resources: number;
  /** Time inside the worker (the round trip adds the messages). */
  ms: number;
}

/** A request's failure as the worker named it (ScanCancelledError, SnapshotReplacedError, …). */
export class ScanWorkerError extends Error {
  constructor(error: ErrorData) {
    super(error.message);
    this.name = error.name;
  }
}

interface Pending {
  resolve(m: WorkerMessage): void;
  reject(e: Error): void;
  progress?: (p: ScanProgress) => void;
  azureAuth?: AzureAuth;
  /** The result's resources so far (they come in slices). */
  resources: ResourceResult[];
}

interface Running {
  worker: Worker;
  ready: Promise<void>;
}

export class ScanWorkerClient {
  private running: Running | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Workers started so far (a crash makes the next request start another). */
  started = 0;

  constructor(private readonly options: ScanWorkerClientOptions) {}

  /** Starts the worker if none runs; rejects when it cannot start (its script missing, a load error). */
  start(): Promise<void> {
    return this.ensure().ready;
  }

  async scan(params: WorkerScanParams): Promise<{ result: ScanResult; snapshot: SnapshotHandle }> {
    const { signal } = params;
    const running = this.ensure();
    await running.ready;
    const id = this.nextId++;
    const onAbort = () => this.post(running, { kind: 'cancel', id });
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const answer = this.request(running, id, { kind: 'scan', id, options: params.options, settings: params.settings, env: { ...process.env }, azureBridge: params.azureAuth !== undefined }, params);
      if (signal.aborted) onAbort();
      const m = await answer;
      if (m.kind !== 'scanned') throw new Error(`unexpected answer ${m.kind} to a scan`);
      // The worker's watch saw these "no credentials" answers: the sign-in offer after the scan counts them.
      for (const reason of m.credentialFailures) params.azureAuth?.noteFailure(reason);
      const dir = params.options.dir;
      return { result: m.result, snapshot: { dir, recompare: (overrides) => this.recompare(running, m.handle, overrides) } };
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** Against the snapshot `handle` names in the worker that made it: a worker started since has other snapshots under the same numbers. */
  private async recompare(made: Running, handle: number, overrides: Map<string, string>): Promise<ScanResult> {
    const running = this.running;
    if (running !== made) throw new ScanWorkerError({ name: 'SnapshotReplacedError', message: 'the scan worker stopped since this scan: scan again' });
    const id = this.nextId++;
    const m = await this.request(running, id, { kind: 'recompare', id, handle, overrides: [...overrides] }, {});
    if (m.kind !== 'recompared') throw new Error(`unexpected answer ${m.kind} to a re-comparison`);
    return m.result;
  }

  /** The index alone, through the worker's cache (first, warm, one edited file: the bench). */
  async index(dir: string, extra: { overrides?: Map<string, string>; modules?: { dir: string; files: string[] }[] } = {}): Promise<IndexFigures> {
    const running = this.ensure();
    await running.ready;
    const id = this.nextId++;
    const m = await this.request(running, id, { kind: 'index', id, dir, overrides: extra.overrides && [...extra.overrides], modules: extra.modules }, {});
    if (m.kind !== 'indexed') throw new Error(`unexpected answer ${m.kind} to an index request`);
    return { modules: m.modules, files: m.files, resources: m.resources, ms: m.ms };
  }

  dispose(): void {
    const running = this.running;
    this.running = undefined;
    this.failAll(new Error('the scan worker was stopped'));
    void running?.worker.terminate();
  }

  private request(running: Running, id: number, message: HostMessage, extra: Pick<Pending, 'progress' | 'azureAuth'>): Promise<WorkerMessage> {
    return new Promise<WorkerMessage>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...extra, resources: [] });
      // An answer awaited keeps the process alive; an idle worker does not (see ensure).
      if (this.running === running) running.worker.ref();
      this.post(running, message);
    });
  }

  private post(running: Running, message: HostMessage): void {
    // A worker that has gone takes no more messages; its requests were failed when it went.
    if (this.running === running) running.worker.postMessage(message);
  }

  private ensure(): Running {
    if (this.running) return this.running;
    let worker: Worker;
    try {
      worker = new Worker(this.options.script);
    } catch (e) {
      return { worker: undefined as unknown as Worker, ready: Promise.reject(e instanceof Error ? e : new Error(String(e))) };
    }
    this.started++;
    let isReady = false;
    let markReady!: () => void;
    let notReady!: (e: Error) => void;
    const ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (notReady = reject)));
    // A rejection nobody awaits yet must not become an unhandled one.
    ready.catch(() => {});
    const running: Running = { worker, ready };
    const gone = (why: string) => {
      if (this.running !== running) return;
      this.running = undefined;
      const error = new Error(`the scan worker stopped: ${why}`);
      if (!isReady) notReady(error);
      this.failAll(error);
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'ready') {
        isReady = true;
        if (this.pending.size === 0) worker.unref();
        markReady();
      } else this.received(running, m);
    });
    worker.on('error', (e) => gone(e.message));
    worker.on('messageerror', (e) => gone(`a message could not be read (${e.message})`));
    worker.on('exit', (code) => gone(`exit code ${code}`));
    // Referenced while it starts and while an answer is awaited; idle, it must not keep the editor (or a test run) alive.
    this.running = running;
    return running;
  }

  private received(running: Running, m: WorkerMessage): void {
    const { logger } = this.options;
    switch (m.kind) {
      case 'log':
        return logger[m.level](m.message);
      case 'progress':
        return this.pending.get(m.id)?.progress?.(m.progress);
      case 'getToken':
        return void this.answerToken(running, m.id, this.pending.get(m.scan)?.azureAuth, m.scopes);
      case 'resources': {
        const p = this.pending.get(m.id);
        for (const r of m.resources) p?.resources.push(r);
        // Ask for the next slice once the event loop has gone round: other work runs between slices.
        return void setImmediate(() => this.post(running, { kind: 'more', id: m.id }));
      }
      default: {
        if (m.kind === 'ready') return;
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (this.pending.size === 0) running.worker.unref();
        if (m.kind === 'failed') p?.reject(new ScanWorkerError(m.error));
        else if (p && (m.kind === 'scanned' || m.kind === 'recompared')) p.resolve({ ...m, result: { ...m.result, resources: p.resources } });
        else p?.resolve(m);
      }
    }
  }

  private async answerToken(running: Running, id: number, auth: AzureAuth | undefined, scopes: string[]): Promise<void> {
    try {
      if (!auth) throw Object.assign(new Error('no VS Code sign-in for this scan'), { name: 'CredentialUnavailableError' });
      const t = await auth.credential.getToken(scopes);
      if (!t) throw Object.assign(new Error('no token for these scopes'), { name: 'CredentialUnavailableError' });
      this.post(running, { kind: 'token', id, token: { token: t.token, expiresOnTimestamp: t.expiresOnTimestamp } });
    } catch (e) {
      this.post(running, { kind: 'token', id, error: errorData(e) });
    }
  }

  private failAll(error: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(error);
  }
}
