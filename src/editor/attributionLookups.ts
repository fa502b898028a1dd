// "Who changed it?" on demand: one resource at a time, only when asked (a hover link, a tree menu), never
// in an untrusted workspace. Answers are kept per resource and per scan (keyed on the scan's live
// snapshot, which re-comparisons after edits keep and a new scan replaces), so asking again costs no call.
import * as vscode from 'vscode';
import type { ResourceResult } from '../model';
import { PerScanAnswers } from './perScanAnswers';
import { attributeOne, type Attribution } from './scanReads';
import type { ScanReadsCache } from './scanReadsFor';
import { attributionLine } from './labels';
import { engineLogger, errorMessage } from './logging';
import { resultKey, type FolderScan, type ResultsStore } from './resultsStore';
import { rootAndAddress, type Target } from './targets';
import type { TrustGate } from './trust';

export class AttributionLookups implements vscode.Disposable {
  private readonly answers = new PerScanAnswers<Attribution>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when an answer arrived (tree tooltips refresh; hovers read it when shown again). */
  readonly onDidChange = this.emitter.event;
  /** The lookups running now, aborted when the editor closes. */
  private readonly aborts = new Set<AbortController>();

  constructor(
    private readonly store: ResultsStore,
    private readonly trust: TrustGate,
    private readonly log: vscode.LogOutputChannel,
    private readonly reads: ScanReadsCache,
  ) {}

  /** The answer for this resource in the scan its result came from, if a lookup ran (cheap: tree rows ask for each). */
  answer(result: ResourceResult): Attribution | undefined {
    const scan = this.store.scanContaining(result.resource.root);
    return scan && this.answers.get(scan.snapshot, resultKey(result));
  }

  /** Runs the lookup for one resource (once per scan) and says what it found; undefined when it cannot run. */
  async lookUp(t: Target | undefined): Promise<Attribution | undefined> {
    if (!t) return undefined;
    if (!this.trust.trusted) {
      void vscode.window.showInformationMessage('DriftLens looks up who changed a resource only in a trusted workspace (it reads the cloud\'s audit log with your credentials).');
      return undefined;
    }
    const [root, address] = rootAndAddress(t);
    const found = this.store.find(root, address);
    if (!found) {
      void vscode.window.showInformationMessage(`DriftLens: ${address} is not in the last scan.`);
      return undefined;
    }
    const answer = await this.answers.ask(found.scan.snapshot, resultKey(found.result), () => this.run(found.scan, found.result));
    if (!answer) return undefined;
    // Kept by now: the tree's rows read it when redrawn.
    this.emitter.fire();
    return this.tell(address, answer);
  }

  dispose(): void {
    for (const a of this.aborts) a.abort();
    this.emitter.dispose();
  }

  private async run(scan: FolderScan, result: ResourceResult): Promise<Attribution | undefined> {
    const abort = new AbortController();
    this.aborts.add(abort);
    try {
      const answer = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `DriftLens: who changed ${result.address}…` },
        () => attributeOne(result, this.reads.for(scan), { signal: abort.signal, logger: engineLogger(this.log) }),
      );
      return answer;
    } catch (e) {
      // attributeChanges turns provider failures into notes; this is a bug or a cancelled lookup: said, not kept.
      this.log.warn(`Who changed ${result.address}: ${errorMessage(e)}`);
      return undefined;
    } finally {
      this.aborts.delete(abort);
    }
  }

  private tell(address: string, answer: Attribution): Attribution {
    void vscode.window.showInformationMessage(`${address}: ${attributionLine(answer)}`);
    return answer;
  }
}
