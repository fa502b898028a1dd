// Terraform CLI workspaces of a root module: which one is selected, and where its local state is.
// `TF_WORKSPACE` overrides `.terraform/environment` (as in Terraform); `TF_DATA_DIR` moves `.terraform`.
import { join, resolve } from 'node:path';

export const DEFAULT_WORKSPACE = 'default';

export interface WorkspaceFiles {
  readFile(path: string): Promise<string | undefined>;
  readDir(dir: string): Promise<{ name: string; isDirectory: boolean }[]>;
}

export interface SelectedWorkspace {
  name: string;
  /** Absolute path of the local state file for this workspace (it may not exist). */
  statePath: string;
  /** Where the name came from, for messages. */
  source: 'TF_WORKSPACE' | '.terraform/environment' | 'default';
  /** Every workspace with local state, `default` first. */
  available: string[];
}

/**
 * A workspace name we will turn into a path: Terraform allows URL-safe names; we also refuse
 * anything that could leave the `terraform.tfstate.d` folder.
 */
export function isValidWorkspaceName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) && name !== '.' && name !== '..' && name.length <= 90;
}

/** `terraform.tfstate` for `default`, `terraform.tfstate.d/<name>/terraform.tfstate` otherwise. */
export function statePathFor(root: string, workspace: string): string {
  if (workspace === DEFAULT_WORKSPACE) return join(root, 'terraform.tfstate');
  if (!isValidWorkspaceName(workspace)) throw new Error(`invalid workspace name ${JSON.stringify(workspace)}`);
  return join(root, 'terraform.tfstate.d', workspace, 'terraform.tfstate');
}

/** The selected workspace name, or an error message when the selection cannot be used. */
export async function currentWorkspace(
  root: string,
  files: Pick<WorkspaceFiles, 'readFile'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ name: string; source: SelectedWorkspace['source'] } | { error: string }> {
  const fromEnv = env.TF_WORKSPACE?.trim();
  if (fromEnv) {
    return isValidWorkspaceName(fromEnv) ? { name: fromEnv, source: 'TF_WORKSPACE' } : { error: `TF_WORKSPACE names an invalid workspace: ${JSON.stringify(fromEnv)}` };
  }
  // TF_DATA_DIR may be absolute or relative to the root module (where terraform runs).
  const dataDir = env.TF_DATA_DIR ? resolve(root, env.TF_DATA_DIR) : join(root, '.terraform');
  const text = await files.readFile(join(dataDir, 'environment'));
  const name = text?.trim();
  if (!name) return { name: DEFAULT_WORKSPACE, source: 'default' };
  if (!isValidWorkspaceName(name)) return { error: `.terraform/environment names an invalid workspace: ${JSON.stringify(name.slice(0, 100))}` };
  return { name, source: '.terraform/environment' };
}

/** Workspaces that have local state: `default` (always) and each folder of `terraform.tfstate.d`. */
export async function listWorkspaces(root: string, files: Pick<WorkspaceFiles, 'readDir'>): Promise<string[]> {
  const entries = await files.readDir(join(root, 'terraform.tfstate.d'));
  const names = entries.filter((e) => e.isDirectory && isValidWorkspaceName(e.name) && e.name !== DEFAULT_WORKSPACE).map((e) => e.name).sort();
  return [DEFAULT_WORKSPACE, ...names];
}

/** The selected workspace with its state path, or why it cannot be used. */
export async function selectWorkspace(root: string, files: WorkspaceFiles, env: NodeJS.ProcessEnv = process.env): Promise<SelectedWorkspace | { error: string }> {
  const current = await currentWorkspace(root, files, env);
  if ('error' in current) return current;
  const available = await listWorkspaces(root, files);
  return { name: current.name, source: current.source, statePath: statePathFor(root, current.name), available };
}
