// Squiggles follow edits: when a Terraform file, an ARM template or parameters file (or .driftignore)
// changes, re-compare the unsaved text against the live state cached by the last scan — no API call —
// and publish the new result.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { IGNORE_FILE_NAME } from '../engine/fix/ignoreFile';
import { errorMessage } from './logging';
import { isInside, type ResultsStore } from './resultsStore';
import { carryFirstSeen } from './scanHistory';

const DEBOUNCE_MS = 250;
const RELEVANT = /\.(tf|tf\.json|tfvars|tfvars\.json)$/;
/** JSON the ARM indexer reads besides templates: parameters files and the deployment target. */
const ARM_COMPANION = /(\.parameters\.json|(^|[\\/])\.driftlens\.json)$/i;

/** Files whose edits change a comparison, by name alone (Terraform, .driftignore, ARM parameters / target files). */
export function isRelevantFile(file: string): boolean {
  return RELEVANT.test(file) || path.basename(file) === IGNORE_FILE_NAME || ARM_COMPANION.test(file);
}

/**
 * The same for an open document: any other JSON counts when it is (or, in the last results, was) an ARM
 * deployment template — a cheap text test, so editing package.json re-compares nothing.
 */
export function isRelevantDocument(doc: vscode.TextDocument, store: ResultsStore): boolean {
  const file = doc.uri.fsPath;
  if (doc.uri.scheme !== 'file') return false;
  if (isRelevantFile(file)) return true;
  if (!file.toLowerCase().endsWith('.json')) return false;
  return store.blocksInFile(file).length > 0 || /deploymentTemplate\.json/i.test(doc.getText());
}

export class LiveRecompare implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Files edited since the comparison that the store shows (file → document version). */
  private readonly pending = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Latest re-comparison per folder: an older one that finishes late must not win. */
  private readonly sequence = new Map<string, number>();

  constructor(
    private readonly store: ResultsStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.documentChanged(e.document);
      }),
      // Closing an unsaved document drops its text: compare against the disk again.
      vscode.workspace.onDidCloseTextDocument((doc) => this.documentChanged(doc)),
    );
  }

  /** True while an edit to `file` has not been compared yet (its ranges in the store may be stale). */
  isStale(file: string): boolean {
    return this.pending.has(file);
  }

  /** Re-compares the folder containing `file` now (after writing .driftignore, for instance). */
  async recompareNow(file: string): Promise<void> {
    const scan = this.store.scanContaining(file);
    if (scan) await this.recompare(scan.folder);
  }

  /**
   * After a scan (which reads the disk): re-compare folders that have unsaved edits, so the results
   * match what the editors show.
   */
  async afterScan(folders: readonly string[]): Promise<void> {
    for (const folder of folders) {
      const dirty = vscode.workspace.textDocuments.some((d) =>
        d.isDirty && isInside(d.uri.fsPath, folder) && isRelevantDocument(d, this.store));
      if (dirty) await this.recompare(folder);
      else for (const file of [...this.pending.keys()]) if (isInside(file, folder)) this.pending.delete(file);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
  }

  private documentChanged(doc: vscode.TextDocument): void {
    if (!isRelevantDocument(doc, this.store)) return;
    const scan = this.store.scanContaining(doc.uri.fsPath);
    if (!scan) return;
    this.pending.set(doc.uri.fsPath, doc.version);
    const existing = this.timers.get(scan.folder);
    if (existing) clearTimeout(existing);
    this.timers.set(scan.folder, setTimeout(() => {
      this.timers.delete(scan.folder);
      void this.recompare(scan.folder);
    }, DEBOUNCE_MS));
  }

  private async recompare(folder: string): Promise<void> {
    const scan = this.store.scanFor(folder);
    if (!scan) return;
    const seq = (this.sequence.get(folder) ?? 0) + 1;
    this.sequence.set(folder, seq);
    const overrides = new Map<string, string>();
    const versions = new Map<string, number>();
    for (const doc of vscode.workspace.textDocuments) {
      const file = doc.uri.fsPath;
      if (!isInside(file, folder) || !isRelevantDocument(doc, this.store)) continue;
      versions.set(file, doc.version);
      if (doc.isDirty) overrides.set(file, doc.getText());
    }
    try {
      // In the scan worker that holds the snapshot (or in this thread when the scan ran here).
      const result = await scan.snapshot.recompare(overrides);
      carryFirstSeen(scan.result, result);
      if (this.sequence.get(folder) !== seq || !this.store.replaceResult(folder, scan.snapshot, result)) return;
      for (const [file, version] of [...this.pending]) {
        if (!isInside(file, folder)) continue;
        // Still pending if the document moved on (or closed) after we read it.
        if (versions.get(file) === version || !vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file)) this.pending.delete(file);
      }
    } catch (e) {
      this.log.warn(`Re-comparing ${folder} after an edit failed: ${errorMessage(e)}`);
    }
  }
}
