// Drift history in the editor: every full scan's findings go to a JSON-lines file in the extension's
// storage (one per workspace folder), so findings carry `firstSeen`. A history that cannot be read or
// written is a warning in the log, never a failed scan.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ScanResult } from '../model';

/** The history file of one workspace folder under the extension's storage directory. */
export function historyFileFor(storageDir: string, folder: string): string {
  const id = createHash('sha256').update(folder).digest('hex').slice(0, 16);
  return join(storageDir, 'history', `${id}.jsonl`);
}

/** Records each result (annotating its findings in place); returns how many events were written. */
export async function recordHistory(
  storageDir: string,
  scans: readonly { folder: string; result: ScanResult }[],
  warn: (message: string) => void,
): Promise<number> {
  const { fileHistoryStore, updateHistory } = await import('../engine/history/historyFile');
  let written = 0;
  for (const { folder, result } of scans) {
    try {
      written += (await updateHistory(result, fileHistoryStore(historyFileFor(storageDir, folder)))).length;
    } catch (e) {
      warn(`Drift history for ${folder} not updated: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return written;
}

/** A re-comparison after an edit keeps what the history said of the findings that are still there. */
export function carryFirstSeen(from: ScanResult, to: ScanResult): void {
  const key = (root: string, address: string, attribute = '') => JSON.stringify([root, address, attribute]);
  const seen = new Map<string, { firstSeen?: string; isNew?: boolean }>();
  for (const r of from.resources) {
    if (r.firstSeen) seen.set(key(r.resource.root, r.address), r);
    for (const d of r.drifts) if (d.firstSeen) seen.set(key(r.resource.root, r.address, d.attribute), d);
  }
  const copy = (target: { firstSeen?: string; isNew?: boolean }, k: string) => {
    const old = seen.get(k);
    if (old?.firstSeen && !target.firstSeen) Object.assign(target, { firstSeen: old.firstSeen, ...(old.isNew !== undefined ? { isNew: old.isNew } : {}) });
  };
  for (const r of to.resources) {
    if (r.status === 'missing') copy(r, key(r.resource.root, r.address));
    for (const d of r.drifts) copy(d, key(r.resource.root, r.address, d.attribute));
  }
}
