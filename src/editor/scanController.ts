// Runs scans: one at a time (a second request joins the running one), under a cancellable progress
// notification whose Cancel aborts the engine's AbortSignal; results go to the store in one step.
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ScanProgress } from '../engine/scan';
import type { LiveStateProvider } from '../model';
import type { AzureAuthAttempt } from './azureSignIn';
import type { ContextKeys } from './contextKeys';
import { engineLogger, errorMessage } from './logging';
import { reportAdvice, reportProblem, reportRestricted } from './problems';
import { scanAdvice } from './scanAdvice';
import { recordHistory } from './scanHistory';
import { createProviders, loadEngine, providerSettings } from './providerFactory';
import type { FolderScan, ResultsStore } from './resultsStore';
import { readVarFiles, type DriftLensSettings } from './settings';
import { ProgressReporter } from './scanProgress';
import { ScanWorkerRunner } from './scanWorkerRunner';
import type { TrustGate } from './trust';

/** How a scan request ended (also what `driftlens.scanWorkspace` returns). */
export type ScanRun =
  | { kind: 'done'; resources: number; drifted: number; missing: number; unverified: number; verified: number; azureSignInNeeded?: boolean;
      /** The message shown after this scan, if any (shown only when it differs from the last scan's). */
      notice?: { level: 'error' | 'warning'; message: string; shown: boolean } }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }
  | { kind: 'restricted'; resources: number }
  | { kind: 'no-folder' };

export interface ScanControllerDeps {
  store: ResultsStore;
  keys: ContextKeys;
  trust: TrustGate;
  log: vscode.LogOutputChannel;
  settings: () => DriftLensSettings;
  /** Runs after results are published (re-compare unsaved edits against the fresh live state). */
  afterPublish?: (folders: string[]) => Promise<void>;
  /** The extension's storage directory: each full scan is recorded in the drift history there (firstSeen). */
  storageDir?: () => string | undefined;
  /** Azure sign-in: a credential per scan, and the "Sign in" offer when Azure had none. */
  azure?: { begin(): AzureAuthAttempt; offer(attempt: AzureAuthAttempt, background: boolean): boolean };
}

export class ScanController implements vscode.Disposable {
  private running: { promise: Promise<ScanRun>; abort: AbortController; partial: boolean } | undefined;
  /** The last advice shown: the same toast does not come back on every scan. */
  private lastAdviceKey: string | undefined;
  private readonly progressEmitter = new vscode.EventEmitter<ScanProgress>();
  /** Every progress report of the running scan, as the engine gave it. */
  readonly onDidReportProgress = this.progressEmitter.event;
  private readonly scanningEmitter = new vscode.EventEmitter<boolean>();
  readonly onDidChangeScanning = this.scanningEmitter.event;

  private providers: readonly LiveStateProvider[] = [];
  /** Scans run in a worker thread (dist/scanWorker.js beside this bundle), started on the first scan. */
  private readonly runner: ScanWorkerRunner;

  constructor(private readonly deps: ScanControllerDeps) {
    this.runner = new ScanWorkerRunner(join(__dirname, 'scanWorker.js'), engineLogger(deps.log));
  }

  /** The ForceNew arguments of a type, as the last scan's providers know them (empty before a trusted scan). */
  forcesReplacement(type: string): readonly string[] {
    return this.providers.flatMap((p) => p.forcesReplacement?.(type) ?? []);
  }

  /** The last trusted scan's providers: on-demand reads ("Who changed it?", import blocks) reuse them, never new credentials. */
  lastProviders(): readonly LiveStateProvider[] {
    return this.providers;
  }

  get scanning(): boolean {
    return this.running !== undefined;
  }

  /**
   * `background` scans (on open, on a timer, on save) show their progress in the status bar, not as a notification.
   * `roots`: per workspace folder, the root modules to scan (re-scan on save), merged into the folder's last scan.
   */
  scan(trigger: 'command' | 'background' = 'command', roots?: ReadonlyMap<string, readonly string[]>): Promise<ScanRun> {
    if (this.running?.partial && !roots) {
      // A re-scan of some roots does not answer for the whole workspace: the full scan follows it.
      this.deps.log.info('Some roots are being scanned again: the full scan starts after them.');
      return this.running.promise.then(() => this.scan(trigger));
    }
    if (this.running) {
      this.deps.log.info('A scan is already running: this request joins it.');
      return this.running.promise;
    }
    const abort = new AbortController();
    const promise = this.run(abort, trigger, roots).finally(() => {
      this.running = undefined;
      void this.deps.keys.set('scanning', false);
      this.scanningEmitter.fire(false);
    });
    this.running = { promise, abort, partial: roots !== undefined };
    void this.deps.keys.set('scanning', true);
    this.scanningEmitter.fire(true);
    return promise;
  }

  /** Aborts the running scan; false when none runs. */
  cancel(): boolean {
    if (!this.running) return false;
    this.deps.log.info('Scan cancelled by the user.');
    this.running.abort.abort();
    return true;
  }

  dispose(): void {
    this.running?.abort.abort();
    this.runner.dispose();
    this.progressEmitter.dispose();
    this.scanningEmitter.dispose();
  }

  private async run(abort: AbortController, trigger: 'command' | 'background', roots?: ReadonlyMap<string, readonly string[]>): Promise<ScanRun> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath).filter((f) => !roots || roots.has(f));
    // A re-scan of some roots never runs untrusted (its caller checks too) and never talks when there is nothing to do.
    if (roots && (folders.length === 0 || !this.deps.trust.trusted)) return { kind: 'no-folder' };
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('DriftLens: open a folder with Terraform code to scan it for drift.');
      return { kind: 'no-folder' };
    }
    const engine = await loadEngine();
    if (!this.deps.trust.trusted) return this.indexOnly(engine, folders);
    const { log } = this.deps;
    const logger = engineLogger(log);
    const started = Date.now();
    const azureAuth = this.deps.azure?.begin();
    try {
      const scans = await vscode.window.withProgress(
        {
          location: trigger === 'command' ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
          title: 'DriftLens',
          cancellable: true,
        },
        async (progress, token) => {
          const onCancel = token.onCancellationRequested(() => this.cancel());
          try {
            const settings = this.deps.settings();
            const providers = await createProviders(settings, true, azureAuth);
            this.providers = providers;
            // Only reached in a trusted workspace: the user's own terraform reads the backend's state.
            const remoteState = settings.terraformRemoteState ? { terraformPath: settings.terraformPath } : undefined;
            const reporter = new ProgressReporter(progress, folders.length);
            const out: FolderScan[] = [];
            for (const [i, dir] of folders.entries()) {
              log.info(`Scanning ${dir}`);
              const { result, snapshot } = await this.runner.scan(engine, {
                // TF_VAR_* from the editor's environment; the folder's var files as -var-file, in order.
                options: { dir, roots: roots?.get(dir), remoteState, variables: { args: readVarFiles(dir, (m) => log.warn(m)) } },
                settings: providerSettings(settings), signal: abort.signal, logger, providers, azureAuth,
                progress: (p) => {
                  reporter.report(i, p);
                  this.progressEmitter.fire(p);
                },
              });
              out.push({ folder: dir, result, snapshot, checkedAt: new Date() });
            }
            return out;
          } finally {
            onCancel.dispose();
          }
        },
      );
      if (abort.signal.aborted) return { kind: 'cancelled' };
      const storageDir = this.deps.storageDir?.();
      if (storageDir) await recordHistory(storageDir, scans, (m) => log.warn(m));
      // A scan of some roots: the history scopes itself by the roots it covered (recordScan), the store merges it.
      if (roots) this.deps.store.mergeRootScans(scans.map((s) => ({ ...s, roots: roots.get(s.folder) ?? [] })));
      else this.deps.store.setScans(scans);
      await this.deps.afterPublish?.(folders);
      await this.deps.keys.set('scanned', true);
      const azureSignInNeeded = azureAuth ? this.deps.azure!.offer(azureAuth, trigger === 'background') : false;
      // Counts and advice are about the folders' whole results, merged ones included.
      const published = roots ? folders.flatMap((f) => this.deps.store.scanFor(f) ?? []) : scans;
      return this.summarize(published, Date.now() - started, azureSignInNeeded);
    } catch (e) {
      if (e instanceof engine.ScanCancelledError || abort.signal.aborted) {
        log.info('Scan cancelled; the previous results are kept.');
        return { kind: 'cancelled' };
      }
      const message = errorMessage(e);
      log.error(`Scan failed: ${message}`);
      reportProblem('error', `DriftLens: the scan failed — ${message}`, log);
      return { kind: 'failed', message };
    }
  }

  /** Restricted mode: resolve locally (files and state, no terraform, no credentials) and count instances as a trusted scan does. */
  private async indexOnly(engine: Awaited<ReturnType<typeof loadEngine>>, folders: string[]): Promise<ScanRun> {
    const resolved = await Promise.all(folders.map((dir) => engine.resolveWorkspace(dir)));
    const roots = resolved.flatMap((r) => r.roots);
    const resources = roots.reduce((n, r) => n + r.instances.length, 0);
    await this.deps.keys.set('noIac', resources === 0);
    this.deps.log.info(
      `Restricted mode (untrusted workspace): found ${resources} resources in ${roots.length} root modules; ` +
        'no credentials used, no cloud API called.',
    );
    reportRestricted(resources);
    return { kind: 'restricted', resources };
  }

  private summarize(scans: FolderScan[], ms: number, azureSignInNeeded: boolean): ScanRun {
    const { log } = this.deps;
    const total = { resources: 0, drifted: 0, missing: 0, unverified: 0, verified: 0 };
    for (const { result } of scans) {
      const s = result.summary;
      total.resources += s.resources;
      total.drifted += s.drifted;
      total.missing += s.missing;
      total.unverified += s.unverified;
      total.verified += typeof s.verified === 'number' ? s.verified : s.inSync + s.drifted + s.missing;
      for (const err of result.errors) {
        const line = `${err.kind ? `[${err.kind}] ` : ''}${err.file ?? result.root}: ${err.message}`;
        if (err.severity === 'error') log.error(line);
        else log.warn(line);
      }
    }
    log.info(`Scan finished in ${ms} ms: ${total.resources} resources, ${total.verified} verified, ${total.drifted} drifted, ` +
      `${total.missing} missing, ${total.unverified} not verified.`);
    void this.deps.keys.set('noIac', total.resources === 0);
    // The Azure sign-in message already says what to do.
    const advice = azureSignInNeeded ? undefined : scanAdvice(scans.map((s) => s.result));
    let notice: Extract<ScanRun, { kind: 'done' }>['notice'];
    if (advice) {
      // Only when the outcome changed: the same warning on every scheduled scan is noise (it stays in the log).
      const shown = advice.key !== this.lastAdviceKey;
      if (shown) reportAdvice(advice, log);
      else log.warn(advice.message);
      notice = { level: advice.level, message: advice.message, shown };
    }
    this.lastAdviceKey = advice?.key;
    return { kind: 'done', ...total, ...(azureSignInNeeded ? { azureSignInNeeded } : {}), ...(notice ? { notice } : {}) };
  }
}
