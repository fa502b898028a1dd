// The one owner of the editor's lifetime (after rust-analyzer's ctx.ts): it keeps every disposable,
// holds what every surface shares (settings, results, scans, trust, logs), and registers each command
// of the typed table exactly once. The surfaces (src/diagnostics, src/views) build on it; src/extension.ts wires them.
import * as vscode from 'vscode';
import { commandId, commands, iacFileGlobs, type CommandName } from './commands';
import { ContextKeys } from './contextKeys';
import { LiveRecompare } from './liveRecompare';
import { createLog } from './logging';
import { ResultsStore } from './resultsStore';
import { ScanController, type ScanRun } from './scanController';
import { ScanScheduler } from './scanScheduler';
import { SaveRescan } from './saveRescan';
import { AzureSignIn } from './azureSignIn';
import { AttributionLookups } from './attributionLookups';
import { ScanReadsCache } from './scanReadsFor';
import type { Target } from './targets';
import { affectsDriftLens, readSettings, type DriftLensSettings } from './settings';
import { TrustGate } from './trust';

/** Terraform files and JSON (`.tf.json`, `.tfvars.json`, ARM templates and parameters files, whatever
 * language id an ARM extension gives them). Providers answer from the results store, so other JSON gets nothing. */
export const IAC_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', pattern: '**/*.{tf,tfvars}' },
  { scheme: 'file', pattern: '**/*.json' },
];

export type CommandHandler = (...args: never[]) => unknown;

export class EditorCore implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly registered = new Set<CommandName>();
  private readonly settingsEmitter = this.own(new vscode.EventEmitter<DriftLensSettings>());
  /** Fires after the DriftLens settings changed and were read again. */
  readonly onDidChangeSettings = this.settingsEmitter.event;
  readonly log = this.own(createLog());
  readonly keys = new ContextKeys();
  private current: DriftLensSettings = readSettings((m) => this.log.warn(m));
  readonly store = this.own(new ResultsStore());
  readonly trust = this.own(new TrustGate(this.keys));
  readonly live = this.own(new LiveRecompare(this.store, this.log));
  private readonly azure = new AzureSignIn(this.log, () => this.current, () => vscode.commands.executeCommand(commandId('scanWorkspace')));
  readonly scans = this.own(new ScanController({
    store: this.store, keys: this.keys, trust: this.trust, log: this.log, settings: () => this.current,
    afterPublish: (folders) => this.live.afterScan(folders),
    storageDir: () => this.storageDir,
    azure: this.azure,
  }));
  /** "Who changed it?": lookups on demand, cached per resource and scan (both surfaces show them). */
  readonly scanReads = new ScanReadsCache(() => this.scans.lastProviders());
  readonly attribution = this.own(new AttributionLookups(this.store, this.trust, this.log, this.scanReads));
  private readonly scheduler = this.own(new ScanScheduler(this.scans, this.trust, () => this.current));
  /** A saved Terraform file's roots scanned again (driftlens.scan.onSave). */
  private readonly saveRescan = this.own(new SaveRescan(this.scans, this.store, this.trust, this.log));
  private last: ScanRun | undefined;

  /** `storageDir`: the extension's (workspace) storage path, where the drift history is kept. */
  constructor(private readonly storageDir?: string) {
    this.own(vscode.workspace.onDidChangeConfiguration((e) => this.settingsChanged(e)));
    this.registerCommand('scanWorkspace', async () => (this.last = await this.scans.scan()));
    this.registerCommand('cancelScan', () => this.scans.cancel());
    this.registerCommand('openLogs', () => this.log.show());
    this.registerCommand('signInToAzure', () => this.azure.signIn());
    this.registerCommand('whoChanged', (t?: Target) => this.attribution.lookUp(t));
  }

  /** Starts scheduled scans and the "no IaC" check, once every surface has registered its commands. */
  start(): void {
    const missing = (Object.keys(commands) as CommandName[]).filter((name) => !this.registered.has(name));
    if (missing.length) throw new Error(`commands without a handler: ${missing.join(', ')}`);
    this.scheduler.start();
    void this.detectIac();
  }

  get settings(): DriftLensSettings {
    return this.current;
  }

  /** The last scan request's outcome. */
  get lastRun(): ScanRun | undefined {
    return this.last;
  }

  registerCommand(name: CommandName, handler: CommandHandler): void {
    if (this.registered.has(name)) throw new Error(`command ${name} registered twice`);
    this.registered.add(name);
    this.own(vscode.commands.registerCommand(commandId(name), handler));
  }

  own<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }

  private settingsChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!affectsDriftLens(e)) return;
    this.current = readSettings((m) => this.log.warn(m));
    this.scheduler.configure();
    this.settingsEmitter.fire(this.current);
  }

  /** Sets `driftlens.noIac` for the welcome view without parsing anything. */
  private async detectIac(): Promise<void> {
    const found = await vscode.workspace.findFiles(`{${iacFileGlobs.join(',')}}`, '**/{.terraform,node_modules}/**', 1);
    if (!this.store.hasResults) await this.keys.set('noIac', found.length === 0);
  }
}
