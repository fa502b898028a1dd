// One folder's scan for the editor: in the scan worker when it runs, else (its bundle missing, a
// load error) in this thread as before, with a log line — a worker that cannot start never fails a scan.
// A worker that dies during a scan does fail that scan; the next one starts a new worker.
import { existsSync } from 'node:fs';
import type { LiveStateProvider, Logger, ScanResult } from '../model';
import type { AzureAuth, ProviderSettings } from './providerFactory';
import { ScanWorkerClient, type SnapshotHandle } from './scanWorkerClient';
import type { ScanRequestOptions } from './scanWorkerProtocol';
import type { LiveSnapshot, ScanProgress } from '../engine/scan';
import { mergeRootSnapshot } from '../engine/partialScan';

type Engine = typeof import('../engine/scan');

export interface FolderScanParams {
  options: ScanRequestOptions;
  settings: ProviderSettings;
  signal: AbortSignal;
  logger: Logger;
  progress: (p: ScanProgress) => void;
  /** Built in this thread: used by the in-thread fallback only. */
  providers: LiveStateProvider[];
  azureAuth?: AzureAuth;
}

export class ScanWorkerRunner {
  private readonly client: ScanWorkerClient;
  /** The in-thread fallback's last snapshot per folder. */
  private readonly inThread = new Map<string, LiveSnapshot>();

  constructor(
    private readonly script: string,
    private readonly logger: Logger,
  ) {
    this.client = new ScanWorkerClient({ script, logger });
  }

  async scan(engine: Engine, p: FolderScanParams): Promise<{ result: ScanResult; snapshot: SnapshotHandle }> {
    if (await this.workerStarts()) {
      try {
        return await this.client.scan(p);
      } catch (e) {
        // The engine's own error type, as an in-thread scan throws it.
        if (e instanceof Error && e.name === 'ScanCancelledError') throw new engine.ScanCancelledError();
        throw e;
      }
    }
    const scanned = await engine.scanWorkspace({ ...p.options, signal: p.signal, logger: p.logger, progress: p.progress, providers: p.providers });
    // A scan of some roots (on save) is merged into the folder's last snapshot: the other roots' live state stays.
    const previous = this.inThread.get(p.options.dir);
    const snapshot = p.options.roots && previous ? mergeRootSnapshot(previous, scanned.snapshot, p.options.roots) : scanned.snapshot;
    this.inThread.set(p.options.dir, snapshot);
    const result = scanned.result;
    return { result, snapshot: { dir: snapshot.dir, recompare: (overrides) => engine.recompare(snapshot, overrides) } };
  }

  dispose(): void {
    this.client.dispose();
  }

  private async workerStarts(): Promise<boolean> {
    if (!existsSync(this.script)) {
      this.logger.warn(`The scan worker (${this.script}) is missing: scanning in the extension host's thread.`);
      return false;
    }
    try {
      await this.client.start();
      return true;
    } catch (e) {
      this.logger.warn(`The scan worker did not start (${e instanceof Error ? e.message : String(e)}): scanning in the extension host's thread.`);
      return false;
    }
  }
}
