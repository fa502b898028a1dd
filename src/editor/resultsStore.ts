// The one place scan results live in the editor. Every surface (diagnostics, CodeLens, tree, status bar,
// diff documents) reads from here and refreshes on `onDidChange`, so they always agree.
import * as vscode from 'vscode';
import type { SnapshotHandle } from './scanWorkerClient';
import type { DeclaredResource, ResourceResult, ScanResult } from '../model';
import { mergeRootResult } from '../engine/partialScan';
import { rootLabel } from './rootLabels';

/** One workspace folder's last scan. */
export interface FolderScan {
  /** Absolute path of the workspace folder that was scanned. */
  readonly folder: string;
  readonly result: ScanResult;
  /** The live state it saw, to re-compare edits against (kept in the scan worker, or in this thread). */
  readonly snapshot: SnapshotHandle;
  /** When the cloud was last read for the whole folder, the last full scan (re-comparisons after edits keep it). */
  readonly checkedAt: Date;
  /** Roots read again since (re-scan on save), each with its own time. */
  readonly rootsCheckedAt?: ReadonlyMap<string, Date>;
}

/** A scan of some root modules of one folder (`ScanOptions.roots`). */
export interface RootScan {
  readonly folder: string;
  /** Absolute root folders the scan covered. */
  readonly roots: readonly string[];
  readonly result: ScanResult;
  /** The folder's snapshot with these roots' live state merged in (where snapshots live: `mergeRootSnapshot`). */
  readonly snapshot: FolderScan['snapshot'];
  readonly checkedAt: Date;
}

/** The instances of one resource block (several with count / for_each). */
export interface BlockResults {
  readonly scan: FolderScan;
  readonly resource: DeclaredResource;
  readonly instances: ResourceResult[];
}

/** Identifies a resource instance across root modules that reuse addresses. */
export function resultKey(r: Pick<ResourceResult, 'address' | 'resource'>): string {
  return `${r.resource.root}\u0000${r.address}`;
}

export function blockKey(resource: Pick<DeclaredResource, 'root' | 'address'>): string {
  return `${resource.root}\u0000${resource.address}`;
}

export class ResultsStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly scans = new Map<string, FolderScan>();
  /** Block file → blocks declared in it, rebuilt on every change. */
  private blocksByFile = new Map<string, BlockResults[]>();
  private blocksByKey = new Map<string, BlockResults>();
  /** Root module folders with results, over all scans. */
  private roots = new Set<string>();

  get all(): readonly FolderScan[] {
    return [...this.scans.values()];
  }

  get hasResults(): boolean {
    return this.scans.size > 0;
  }

  allResults(): ResourceResult[] {
    return this.all.flatMap((s) => s.result.resources);
  }

  /** The scans of one run, published together so every surface updates once. */
  setScans(scans: readonly FolderScan[]): void {
    // A full scan: per-root times from earlier re-scans are older than it.
    for (const scan of scans) this.scans.set(scan.folder, { ...scan, rootsCheckedAt: undefined });
    this.changed();
  }

  /**
   * Scans of some roots, each put into its folder's last scan: exactly those roots' findings, errors and unmanaged
   * entries are replaced, the rest kept. `checkedAt` stays the last full scan's; the roots get their own time.
   * A folder with no scan yet is skipped (false): there is nothing to merge into.
   */
  mergeRootScans(scans: readonly RootScan[]): boolean {
    let merged = false;
    for (const scan of scans) {
      const current = this.scans.get(scan.folder);
      if (!current) continue;
      const result = mergeRootResult(current.result, scan.result, scan.roots);
      const rootsCheckedAt = new Map(current.rootsCheckedAt ?? []);
      for (const root of scan.roots) rootsCheckedAt.set(root, scan.checkedAt);
      this.scans.set(scan.folder, { folder: scan.folder, result, snapshot: scan.snapshot, checkedAt: current.checkedAt, rootsCheckedAt });
      merged = true;
    }
    if (merged) this.changed();
    return merged;
  }

  /** When the cloud was last read for `root`: its own re-scan, else its folder's full scan. */
  checkedAtOf(scan: FolderScan, root: string): Date {
    return scan.rootsCheckedAt?.get(root) ?? scan.checkedAt;
  }

  /** A re-comparison after edits; dropped when a newer scan replaced the snapshot it was made from. */
  replaceResult(folder: string, snapshot: SnapshotHandle, result: ScanResult): boolean {
    const current = this.scans.get(folder);
    if (!current || current.snapshot !== snapshot) return false;
    this.scans.set(folder, { ...current, result });
    this.changed();
    return true;
  }

  scanFor(folder: string): FolderScan | undefined {
    return this.scans.get(folder);
  }

  /** The scan whose folder contains `file`. */
  scanContaining(file: string): FolderScan | undefined {
    return this.all.find((s) => isInside(file, s.folder));
  }

  blocksInFile(file: string): readonly BlockResults[] {
    return this.blocksByFile.get(file) ?? [];
  }

  block(key: string): BlockResults | undefined {
    return this.blocksByKey.get(key);
  }

  /** A resource instance by root module + address. */
  find(root: string, address: string): { scan: FolderScan; result: ResourceResult } | undefined {
    for (const scan of this.scans.values()) {
      const result = scan.result.resources.find((r) => r.resource.root === root && r.address === address);
      if (result) return { scan, result };
    }
    return undefined;
  }

  /**
   * The root a finding belongs to, as messages and titles name it (`envs/dev`), when its file does not
   * say it: a module file reached from several roots. Undefined for a file inside its own root (Problems
   * and editor tabs already show the path) and when the workspace has one root.
   */
  rootNameOf(result: Pick<ResourceResult, 'resource'>): string | undefined {
    if (this.roots.size < 2 || isInside(result.resource.file, result.resource.root)) return undefined;
    const scan = this.scanContaining(result.resource.root);
    return rootLabel(result.resource.root, scan?.folder ?? result.resource.root);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private changed(): void {
    const byFile = new Map<string, BlockResults[]>();
    const byKey = new Map<string, BlockResults>();
    for (const scan of this.scans.values()) {
      for (const r of scan.result.resources) {
        const key = blockKey(r.resource);
        let block = byKey.get(key);
        if (!block) {
          block = { scan, resource: r.resource, instances: [] };
          byKey.set(key, block);
          const list = byFile.get(r.resource.file) ?? [];
          list.push(block);
          byFile.set(r.resource.file, list);
        }
        block.instances.push(r);
      }
    }
    this.blocksByFile = byFile;
    this.blocksByKey = byKey;
    this.roots = new Set(this.allResults().map((r) => r.resource.root));
    this.emitter.fire();
  }
}

export function isInside(file: string, folder: string): boolean {
  const base = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}/`;
  return file === folder || file.startsWith(base) || file.startsWith(base.replace(/\/$/, '\\'));
}
