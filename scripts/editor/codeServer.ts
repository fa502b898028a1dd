// Starts the VS Code server (code-server's entry point) on a free loopback port, in its own
// process group so that stopping it also ends its extension host and other children.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface CodeServerOptions {
  installDir: string;
  /** Holds user-data, extensions, config and logs of this launch. */
  stateDir: string;
  trustWorkspaces: boolean;
  /** The server's whole environment: it reaches the extension host. */
  env: NodeJS.ProcessEnv;
  /** User settings (settings.json) for this launch. */
  settings?: Record<string, unknown>;
  /** Use an extensions dir that already holds installed extensions. */
  extensionsDir?: string;
  log?: (line: string) => void;
  startTimeoutMs?: number;
  /** Default: a free port. */
  port?: number;
}

export interface RunningCodeServer {
  port: number;
  origin: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function baseArgs(o: CodeServerOptions): string[] {
  const userDataDir = join(o.stateDir, 'user-data');
  const extensionsDir = o.extensionsDir ?? join(o.stateDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(o.settings ?? {}, null, 2));
  const config = join(o.stateDir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  return [
    join(o.installDir, 'out/node/entry.js'),
    '--auth', 'none',
    '--config', config,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
  ];
}

function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // No marketplace: nothing may reach out to a gallery.
  return { ...env, EXTENSIONS_GALLERY: '{}' };
}

/** `code-server --install-extension <vsix>`: works offline for a local VSIX. */
export function installExtension(o: CodeServerOptions, vsix: string): void {
  const r = spawnSync(process.execPath, [...baseArgs(o), '--install-extension', vsix, '--force'], { env: serverEnv(o.env), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export async function startCodeServer(o: CodeServerOptions): Promise<RunningCodeServer> {
  const port = o.port ?? (await freePort());
  const args = [...baseArgs(o), '--bind-addr', `127.0.0.1:${port}`];
  // Without the flag Workspace Trust is on and the folder opens untrusted (see untrustedSettings).
  if (o.trustWorkspaces) args.push('--disable-workspace-trust');
  const child = spawn(process.execPath, args, { env: serverEnv(o.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stop = () => stopGroup(child);
  process.once('exit', () => killGroup(child));

  const origin = `http://127.0.0.1:${port}`;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not start listening within ${(o.startTimeoutMs ?? 60_000) / 1000} s`)), o.startTimeoutMs ?? 60_000);
      let seen = '';
      const watch = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        for (const line of text.split('\n')) if (line.trim()) o.log?.(line);
        seen += text;
        if (seen.includes('HTTP server listening on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', watch);
      child.stderr!.on('data', watch);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited (code ${code}) before listening:\n${seen.slice(-2000)}`));
      });
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, origin, stop };
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => killGroup(child), 5_000);
  await exited;
  clearTimeout(timer);
  killGroup(child); // stragglers in the group (extension host, watchers)
}

/** User settings for an untrusted launch: trust stays on, nothing prompts, the folder is in Restricted Mode. */
export const untrustedSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};
