// Re-scan on save (issue 14 item 6): after a Terraform file is saved, scan again only the root modules it
// belongs to. Saves within a second are batched into one scan of the union of their roots; never two scans at
// once (saves during a scan queue one follow-up); never in an untrusted workspace; off with driftlens.scan.onSave.
import * as vscode from 'vscode';
import type { ResultsStore } from './resultsStore';
import type { ScanController } from './scanController';
import { isTerraformFile, rootsForSaves, type FolderRoots } from './saveRoots';
import { readScanOnSave, readVarFiles } from './settings';
import type { TrustGate } from './trust';

/** How long after the last save the scan starts. */
export const SAVE_DEBOUNCE_MS = 1000;

export class SaveRescan implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Saved files not scanned yet. */
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly controller: ScanController,
    private readonly store: ResultsStore,
    private readonly trust: TrustGate,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((doc) => this.saved(doc)),
      // A scan ended: what was saved meanwhile goes in one follow-up.
      controller.onDidChangeScanning((scanning) => {
        if (!scanning && this.pending.size && !this.timer) this.arm();
      }),
    );
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private saved(doc: vscode.TextDocument): void {
    const file = doc.uri.fsPath;
    if (doc.uri.scheme !== 'file' || !isTerraformFile(file) || !this.trust.trusted) return;
    if (!readScanOnSave(file, (m) => this.log.warn(m))) return;
    this.pending.add(file);
    this.arm();
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, SAVE_DEBOUNCE_MS);
  }

  private async flush(): Promise<void> {
    // The running scan may have read the files before they were saved: wait for it, then scan them again.
    if (this.controller.scanning || this.pending.size === 0) return;
    if (!this.trust.trusted) {
      this.pending.clear();
      return;
    }
    const files = [...this.pending];
    this.pending = new Set();
    const roots = rootsForSaves(files, this.foldersScanned());
    if (roots.size === 0) {
      this.log.info(`Saved ${files.length} file(s) outside the scanned folders' root modules: nothing to scan again.`);
      return;
    }
    this.log.info(`Saved: scanning again ${[...roots.values()].flat().join(', ')}`);
    await this.controller.scan('background', roots);
  }

  /** Only folders with a full scan: a scan of some roots is merged into it, and the roots are what it covered. */
  private foldersScanned(): FolderRoots[] {
    return this.store.all.map((s) => ({
      folder: s.folder,
      roots: s.result.roots ?? [],
      varFiles: readVarFiles(s.folder).flatMap((a) => (a.kind === 'file' ? [a.path] : [])),
    }));
  }
}
