// Where the history lives, as an interface: the CLI's `--history FILE` (JSON lines on disk), the editor's
// storage later. Appends only what changed; rewrites compacted once the file grows past a bound.
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ScanResult } from '../../model';
import { compactHistory, formatEvents, parseHistory, type HistoryEvent } from './historyEvents';
import { recordScan } from './recordScan';

export interface HistoryStore {
  /** The whole history text; undefined when there is none yet. */
  read(): Promise<string | undefined>;
  append(text: string): Promise<void>;
  /** Replaces the whole history (compaction). */
  replace(text: string): Promise<void>;
}

/** Lines past which the history is compacted on the next scan (resolved episodes older than a year go). */
const COMPACT_AFTER_LINES = 20_000;

export function fileHistoryStore(file: string): HistoryStore {
  return {
    read: () => readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e))),
    append: async (text) => {
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, text, 'utf8');
    },
    replace: async (text) => {
      // Written beside and renamed: a crash never leaves half a history.
      await writeFile(`${file}.tmp`, text, 'utf8');
      await rename(`${file}.tmp`, file);
    },
  };
}

/** Records `result` in the history (annotating its findings with firstSeen / isNew); returns the events written. */
export async function updateHistory(result: ScanResult, store: HistoryStore): Promise<HistoryEvent[]> {
  const previous = parseHistory(await store.read());
  const events = recordScan(result, previous);
  if (previous.length + events.length > COMPACT_AFTER_LINES) await store.replace(formatEvents(compactHistory([...previous, ...events], new Date(result.scannedAt))));
  else if (events.length) await store.append(formatEvents(events));
  return events;
}
