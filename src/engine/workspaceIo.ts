// File access the engine needs, as an interface: the CLI reads the disk, the editor overlays
// unsaved documents on it (recompare), tests may serve memory.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface WorkspaceIo {
  /** The file's text, or undefined when it does not exist (or is not readable). */
  readFile(path: string): Promise<string | undefined>;
  /** Entry names of a folder with their kind; empty when it does not exist. */
  readDir(dir: string): Promise<{ name: string; isDirectory: boolean }[]>;
}

export const diskIo: WorkspaceIo = {
  async readFile(path) {
    try {
      return await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
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
  };
}
