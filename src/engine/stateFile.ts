// The state file of a root, read so that a large one is never held as text and parsed tree at once
// (issue 15): from its bytes as they stream in where the io can (stateStream.ts), else from its text.
import { parseState, StateError, type TerraformState } from '../iac/terraform/state';
import { FALLBACK, parseStateChunks } from '../iac/terraform/stateStream';
import type { WorkspaceIo } from './workspaceIo';

/**
 * The state at `path` as a function that returns it or throws its StateError; undefined when there is
 * no such file (or it cannot be read), as `io.readFile` answers.
 */
export async function readStateFile(io: WorkspaceIo, path: string): Promise<(() => TerraformState) | undefined> {
  const chunks = io.readChunks?.(path);
  if (chunks) {
    try {
      const state = await parseStateChunks(chunks, path);
      if (state !== FALLBACK) return () => state;
    } catch (e) {
      if (e instanceof StateError) return () => { throw e; };
      // ENOENT, EISDIR, EACCES: what readFile answers with undefined.
      if (typeof (e as { code?: unknown })?.code === 'string') return undefined;
      throw e;
    }
  }
  // Served from memory, or something parseState must name (UTF-16, a syntax error) with its own message.
  const text = await io.readFile(path);
  return text === undefined ? undefined : () => parseState(text, path);
}
