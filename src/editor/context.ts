// The one owner of the extension's lifetime (after rust-analyzer's ctx.ts): it builds every feature,
// keeps every disposable, and registers each command of the typed table exactly once.
import * as vscode from 'vscode';
import { DriftCodeActions } from '../diagnostics/codeActions';
import { DriftCodeLensProvider } from '../diagnostics/codeLens';
import { DriftDiagnostics } from '../diagnostics/driftDiagnostics';
import { addIgnoreRule, buildUpdateEdit, findDrift, whyNoUpdate, type DriftRef } from '../diagnostics/fixes';
import { DIFF_SCHEME, DiffDocuments } from '../views/diffDocuments';
import { DriftView } from '../views/driftView';
import { DriftStatusBar } from '../views/statusBar';
import type { DriftLensApi } from './api';
import { commandId, commands, DRIFT_VIEW_ID, iacFileGlobs, type CommandName } from './commands';
import { ContextKeys } from './contextKeys';
import { LiveRecompare } from './liveRecompare';
import { createLog } from './logging';
import { reportProblem } from './problems';
import { ResultsStore } from './resultsStore';
import { ScanController, type ScanRun } from './scanController';
import { ScanScheduler } from './scanScheduler';
import { AzureSignIn } from './azureSignIn';
import { affectsDriftLens, readSettings, type DriftLensSettings } from './settings';
import { TrustGate } from './trust';

/** Terraform files and JSON (`.tf.json`, `.tfvars.json`, ARM templates and parameters files, whatever
 * language id an ARM extension gives them). Providers answer from the results store, so other JSON gets nothing. */
const IAC_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', pattern: '**/*.{tf,tfvars}' },
  { scheme: 'file', pattern: '**/*.json' },
];

/** A tree node, a CodeLens argument or a quick-fix argument: anything naming a resource (and maybe an attribute). */
type Target = { root: string; address: string; attribute?: string } | { result: { resource: { root: string }; address: string }; drift?: { attribute: string } };

export class DriftLensContext implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly log = this.own(createLog());
  private readonly keys = new ContextKeys();
  private settings: DriftLensSettings = readSettings((m) => this.log.warn(m));
  private readonly store = this.own(new ResultsStore());
  private readonly trust = this.own(new TrustGate(this.keys));
  private readonly live = this.own(new LiveRecompare(this.store, this.log));
  private readonly azure = new AzureSignIn(this.log, () => this.settings, () => vscode.commands.executeCommand(commandId('scanWorkspace')));
  private readonly scans = this.own(new ScanController({
    store: this.store, keys: this.keys, trust: this.trust, log: this.log, settings: () => this.settings,
    afterPublish: (folders) => this.live.afterScan(folders),
    azure: this.azure,
  }));
  private readonly diagnostics = this.own(new DriftDiagnostics(this.store, () => this.settings));
  private readonly lenses = this.own(new DriftCodeLensProvider(this.store, () => this.settings));
  private readonly tree = this.own(new DriftView(this.store, this.keys));
  private readonly diffs = this.own(new DiffDocuments(this.store));
  private readonly statusBar = this.own(new DriftStatusBar(this.store, this.scans.onDidChangeScanning));
  private readonly scheduler = this.own(new ScanScheduler(this.scans, this.trust, () => this.settings));
  private lastRun: ScanRun | undefined;

  /** What `activate` returns: state for the extension-host tests. */
  readonly api: DriftLensApi = {
    testing: {
      onDidChangeResults: this.store.onDidChange,
      onDidReportProgress: this.scans.onDidReportProgress,
      driftTree: this.tree.provider,
      treeBadge: () => this.tree.view.badge?.value,
      statusBarText: () => this.statusBar.text,
      contextKey: (name) => this.keys.get(name),
      lastRun: () => this.lastRun,
    },
  };

  constructor() {
    this.own(vscode.languages.registerCodeLensProvider(IAC_SELECTOR, this.lenses));
    this.own(vscode.languages.registerCodeActionsProvider(IAC_SELECTOR, new DriftCodeActions(this.store, (f) => this.live.isStale(f)), DriftCodeActions.metadata));
    this.own(vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, this.diffs));
    this.own(vscode.workspace.onDidChangeConfiguration((e) => this.settingsChanged(e)));
    this.registerCommands();
    this.scheduler.start();
    void this.detectIac();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }

  private own<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  private registerCommands(): void {
    const handlers: Record<CommandName, (...args: never[]) => unknown> = {
      scanWorkspace: async () => (this.lastRun = await this.scans.scan()),
      cancelScan: () => this.scans.cancel(),
      showDiff: (t: Target) => this.diffs.show(...rootAndAddress(t)),
      revealInTree: (t: Target) => this.tree.reveal(...rootAndAddress(t)),
      updateCodeToLive: (t: Target) => this.updateCodeToLive(driftRefOf(t)),
      ignoreDrift: (t: Target) => this.ignoreDrift(driftRefOf(t)),
      openLogs: () => this.log.show(),
      focusTree: () => vscode.commands.executeCommand(`${DRIFT_VIEW_ID}.focus`),
      signInToAzure: () => this.azure.signIn(),
    };
    for (const name of Object.keys(commands) as CommandName[]) {
      this.own(vscode.commands.registerCommand(commandId(name), handlers[name]));
    }
  }

  private async updateCodeToLive(ref: DriftRef | undefined): Promise<boolean> {
    const found = ref && findDrift(this.store, ref);
    const why = found ? whyNoUpdate(this.store, found.drift, (f) => this.live.isStale(f)) : 'it is not in the last results';
    const edit = found && why === undefined ? await buildUpdateEdit(found.drift) : why;
    if (edit === undefined || typeof edit === 'string') {
      void vscode.window.showInformationMessage(`DriftLens cannot update this value: ${edit ?? 'unknown reason'}.`);
      return false;
    }
    return vscode.workspace.applyEdit(edit);
  }

  private async ignoreDrift(ref: DriftRef | undefined): Promise<boolean> {
    if (!ref) return false;
    try {
      const file = await addIgnoreRule(ref);
      this.log.info(file ? `Added ${ref.address}.${ref.attribute} to ${file.fsPath}` : `${ref.address}.${ref.attribute} was already ignored`);
      await this.live.recompareNow(ref.root);
      return true;
    } catch (e) {
      reportProblem('error', `DriftLens could not write .driftignore in ${ref.root}: ${e instanceof Error ? e.message : String(e)}`, this.log);
      return false;
    }
  }

  private settingsChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!affectsDriftLens(e)) return;
    this.settings = readSettings((m) => this.log.warn(m));
    this.diagnostics.refresh();
    this.lenses.refresh();
    this.scheduler.configure();
  }

  /** Sets `driftlens.noIac` for the welcome view without parsing anything. */
  private async detectIac(): Promise<void> {
    const found = await vscode.workspace.findFiles(`{${iacFileGlobs.join(',')}}`, '**/{.terraform,node_modules}/**', 1);
    if (!this.store.hasResults) await this.keys.set('noIac', found.length === 0);
  }
}

function rootAndAddress(t: Target): [string, string] {
  return 'result' in t ? [t.result.resource.root, t.result.address] : [t.root, t.address];
}

function driftRefOf(t: Target | undefined): DriftRef | undefined {
  if (!t) return undefined;
  const [root, address] = rootAndAddress(t);
  const attribute = 'result' in t ? t.drift?.attribute : t.attribute;
  return attribute ? { root, address, attribute } : undefined;
}
