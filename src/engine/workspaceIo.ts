// File access the engine needs, as an interface: the CLI reads the disk, the editor overlays
// unsaved documents on it (recompare), tests may serve memory.
import { createReadStream, readFile as readFileCallback } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkspaceMemo } from '../iac/workspaceMemo';

export interface WorkspaceIo {
  /** The file's text, or undefined when it does not exist (or is not readable). */
  readFile(path: string): Promise<string | undefined>;
  /** Entry names of a folder with their kind; empty when it does not exist. */
  readDir(dir: string): Promise<{ name: string; isDirectory: boolean }[]>;
  /** Reads and parses shared for one run (withMemo in src/iac/workspaceMemo.ts). */
  memo?: WorkspaceMemo;
  /**
   * The file's bytes as they are read, for a file too large to hold as text and parsed tree at once
   * (a state: stateFile.ts). A missing file fails on the first read. Absent, or undefined for a file
   * the io serves from memory: readFile.
   */
  readChunks?(path: string): AsyncIterable<Uint8Array> | undefined;
}

export const diskIo: WorkspaceIo = {
  readFile(path) {
    // The callback form: no FileHandle, fewer thread-pool round trips than fs/promises (FileHandle
    // opening was a tenth of an inventory's CPU profile on 6,600 small files, issue 17).
    return new Promise((resolve) => readFileCallback(path, 'utf8', (err, text) => resolve(err ? undefined : text)));
  },
  readChunks(path) {
    return createReadStream(path, { highWaterMark: 1 << 20 });
  },
  async readDir(dir) {
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      const out: { name: string; isDirectory: boolean }[] = [];
      for (const e of entries) {
        let isDirectory = e.isDirectory();
        // Follow symlinks once: module folders are often linked.
        if (e.isSymbolicLink()) isDirectory = await stat(join(dir, e.name)).then((s) => s.isDirectory(), () => false);
        out.push({ name: e.name, isDirectory });
      }
      return out;
    } catch {
      return [];
    }
  },
};

/** The disk, with some files replaced by in-memory text (unsaved editor buffers). */
export function overlayIo(base: WorkspaceIo, overrides: ReadonlyMap<string, string>): WorkspaceIo {
  return {
    readFile: async (path) => (overrides.has(path) ? overrides.get(path) : base.readFile(path)),
    readDir: (dir) => base.readDir(dir),
    readChunks: (path) => (overrides.has(path) ? undefined : base.readChunks?.(path)),
  };
}
