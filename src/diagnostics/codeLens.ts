// A CodeLens above each scanned resource (Terraform block or ARM template resource object): its status and when
// the cloud was read ("not checked: <short reason>" when it was not; the full reason in the hover), plus "Show diff".
// provideCodeLenses only places ranges from the store; the titles and commands come in resolveCodeLens.
import * as vscode from 'vscode';
import { commandId } from '../editor/commands';
import { blockKey, type ResultsStore } from '../editor/resultsStore';
import type { DriftLensSettings } from '../editor/settings';
import { statusLensText } from './lensText';
import { toRange } from '../editor/vscodeRange';

/** Refresh "checked N min ago" now and then. */
const CLOCK_MS = 60_000;

class DriftLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly key: string, readonly action: 'status' | 'diff') {
    super(range);
  }
}

export class DriftCodeLensProvider implements vscode.CodeLensProvider<DriftLens>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private readonly clock: ReturnType<typeof setInterval>;

  constructor(
    private readonly store: ResultsStore,
    private readonly settings: () => DriftLensSettings,
  ) {
    this.subscription = store.onDidChange(() => this.emitter.fire());
    this.clock = setInterval(() => {
      if (store.hasResults) this.emitter.fire();
    }, CLOCK_MS);
  }

  /** Settings changed (on/off). */
  refresh(): void {
    this.emitter.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): DriftLens[] {
    if (!this.settings().codeLensEnabled) return [];
    const lenses: DriftLens[] = [];
    for (const block of this.store.blocksInFile(document.uri.fsPath)) {
      // The whole block (a Terraform `resource` block, an ARM resource object): the lens sits above its first line.
      const range = toRange(block.resource.range);
      const key = blockKey(block.resource);
      lenses.push(new DriftLens(range, key, 'status'));
      if (block.instances.some((r) => r.live !== undefined)) lenses.push(new DriftLens(range, key, 'diff'));
    }
    return lenses;
  }

  resolveCodeLens(lens: DriftLens): DriftLens {
    const block = this.store.block(lens.key);
    if (!block) {
      lens.command = { title: 'not scanned', command: '' };
      return lens;
    }
    const target = { root: block.resource.root, address: block.instances[0].address };
    if (lens.action === 'diff') {
      lens.command = { title: 'Show diff', command: commandId('showDiff'), arguments: [target], tooltip: 'Code and live values side by side' };
    } else {
      // With several roots the same module line has one lens per root: each says which.
      const { title, tooltip } = statusLensText(block.instances, this.store.checkedAtOf(block.scan, block.resource.root), new Date(), this.store.rootNameOf(block));
      lens.command = { title, command: commandId('revealInTree'), arguments: [target], tooltip };
    }
    return lens;
  }

  dispose(): void {
    clearInterval(this.clock);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
