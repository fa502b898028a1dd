// Which ScanReads a folder's last scan offers: its own snapshot when the scan ran in this thread, else
// (the snapshot stayed in the scan worker) the providers this thread built for that scan and placements
// resolved again from the folder's files with the same var files. One per scan, so placements resolve once.
import type { LiveStateProvider } from '../model';
import type { FolderScan } from './resultsStore';
import { isLiveSnapshot, resolvedReads, snapshotReads, type ScanReads } from './scanReads';
import { readVarFiles } from './settings';

export class ScanReadsCache {
  private readonly bySnapshot = new WeakMap<object, ScanReads>();

  constructor(private readonly providers: () => readonly LiveStateProvider[]) {}

  for(scan: FolderScan): ScanReads {
    const key = scan.snapshot as object;
    let reads = this.bySnapshot.get(key);
    if (!reads) {
      reads = isLiveSnapshot(scan.snapshot) ? snapshotReads(scan.snapshot) : resolvedReads(this.providers(), scan.folder, { args: readVarFiles(scan.folder) });
      this.bySnapshot.set(key, reads);
    }
    return reads;
  }
}
