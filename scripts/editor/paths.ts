// Where the harness keeps things, and the pinned VS Code server it installs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3, the last that runs on node 20
export const CHROMIUM = process.env.DRIFTLENS_CHROMIUM ?? '/usr/bin/chromium';

export function codeServerDir(): string {
  return process.env.DRIFTLENS_CODE_SERVER_DIR ?? join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
}

/** Installs code-server (and the Debian packages it and Chromium need) unless already there. */
export function ensureCodeServer(): string {
  const dir = codeServerDir();
  const marker = join(dir, '.driftlens-installed');
  const installed = existsSync(marker) && readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION;
  if (!installed || !existsSync(CHROMIUM)) {
    const r = spawnSync('bash', [join(ROOT, 'scripts/editor/installCodeServer.sh')], { stdio: 'inherit', env: { ...process.env, DRIFTLENS_CODE_SERVER_DIR: dir } });
    if (r.status !== 0) throw new Error(`installing code-server failed (exit ${r.status}); see the messages above`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set DRIFTLENS_CHROMIUM)`);
  return dir;
}
