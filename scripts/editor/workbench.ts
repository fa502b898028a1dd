// Opens the VS Code workbench of a running server in Debian's headless Chromium (playwright-core).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './paths';

export interface WorkbenchUrlOptions {
  folder: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}

/**
 * The server ignores --extensionTestsPath; the workbench takes both paths from the URL's `payload`,
 * as vscode-remote URIs whose authority matches the page's host and port (as VS Code's own browser
 * integration tests do).
 */
export function workbenchUrl(port: number, o: WorkbenchUrlOptions): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload: [string, string][] = [['skipWelcome', 'true']];
  if (o.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)]);
  if (o.extensionTestsPath) payload.push(['extensionTestsPath', remote(o.extensionTestsPath)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(o.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(stateDir: string, viewport = { width: 1440, height: 900 }): Promise<Browser> {
  const profile = join(stateDir, 'chromium-profile');
  const xdg = join(stateDir, 'xdg-config');
  mkdirSync(profile, { recursive: true });
  mkdirSync(xdg, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    env: { ...process.env, XDG_CONFIG_HOME: xdg },
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close().catch(() => undefined) };
}
