// UI smoke test: the packaged VSIX installed into a real VS Code server, the sandbox workspace
// against the fake cloud, driven like a person would in headless Chromium — palette command,
// Problems, a drifted file, the DriftLens view grouped by root (the sandbox plus a dev/prod pair
// sharing a module, test/fixtures/layouts/devprod) — and a screenshot to media/screenshot.png
// taken while the extension host is still alive (at exit its diagnostics are gone).
//
//   node --import tsx scripts/editor/smoke.ts [--keep] [--screenshot <png>] [--no-build  (package dist/ as it is)]
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { packageVsix } from '../package';
import { installExtension, startCodeServer, type CodeServerOptions } from './codeServer';
import { startFakeCloud, withFakeCloud } from './fakeCloud';
import { ensureCodeServer, ROOT } from './paths';
import { launchBrowser, workbenchUrl } from './workbench';

const STEP_TIMEOUT_MS = 60_000;
const VIEWPORT = { width: 1600, height: 960 };
const log = (msg: string) => console.log(`[smoke] ${msg}`);

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  try {
    const r = await fn();
    log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return r;
  } catch (e) {
    throw new Error(`step "${name}" failed: ${(e as Error).message.split('\n')[0]}`);
  }
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  // Enter only once the row is there, or it runs whatever was first.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

const driftLensTab = (page: Page) => page.locator('.part.activitybar').getByRole('tab', { name: /^DriftLens/ });

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible' });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { keep: { type: 'boolean' }, screenshot: { type: 'string' }, 'no-build': { type: 'boolean' } } });
  const screenshot = resolve(values.screenshot ?? join(ROOT, 'media/screenshot.png'));
  const installDir = ensureCodeServer();
  const stateDir = mkdtempSync(join(tmpdir(), 'driftlens-smoke-'));
  const workspace = join(stateDir, 'sandbox');
  cpSync(join(ROOT, 'examples/sandbox'), workspace, { recursive: true });
  // Two more roots calling one local module, bound to the same fake account: the tree groups by root.
  cpSync(join(ROOT, 'test/fixtures/layouts/devprod'), join(workspace, 'devprod'), { recursive: true });

  const vsix = await step('package the VSIX', async () => packageVsix(join(stateDir, 'driftlens.vsix'), !values['no-build']));
  log(`     VSIX ${(vsix.bytes / 1024).toFixed(0)} KiB`);
  const cloud = await startFakeCloud(workspace, join(stateDir, 'aws'));
  const serverOptions: CodeServerOptions = { installDir, stateDir: join(stateDir, 'server'), trustWorkspaces: true, env: withFakeCloud(cloud) };
  await step('code-server --install-extension', async () => installExtension(serverOptions, vsix.path));
  const server = await startCodeServer(serverOptions);
  const browser = await launchBrowser(join(stateDir, 'browser'), VIEWPORT);
  const page = browser.page;
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    await step('open the sandbox workbench', async () => {
      await page.goto(workbenchUrl(server.port, { folder: workspace }));
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible' });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'compute.tf' }).waitFor({ state: 'visible' });
      // The extension's contributions are registered once its activity-bar entry is there.
      await driftLensTab(page).waitFor({ state: 'visible' });
    });
    await step('F1 → "Scan workspace for drift"', () => runCommand(page, 'Scan workspace for drift'));
    await step('the scan reports drift in Problems', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 't3.large' }).first().waitFor({ state: 'visible' });
    });
    await step('compute.tf shows a squiggle and a "drifted" CodeLens', async () => {
      await openFile(page, 'compute.tf');
      await page.locator('.monaco-editor .codelens-decoration', { hasText: /drifted/ }).first().waitFor({ state: 'visible' });
      await page.locator('.monaco-editor .view-overlays .squiggly-error, .monaco-editor .view-overlays .squiggly-warning').first().waitFor({ state: 'visible' });
    });
    await step('the DriftLens view groups by root: sandbox, devprod/envs/dev, devprod/envs/prod', async () => {
      await driftLensTab(page).click();
      const row = (text: string | RegExp) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
      for (const root of ['devprod/envs/dev', 'devprod/envs/prod', 'sandbox']) await row(root).waitFor({ state: 'visible' });
      // Several roots start collapsed: open dev's shared module instance and the sandbox for the screenshot.
      for (const root of ['devprod/envs/dev', 'sandbox']) {
        if ((await row(root).getAttribute('aria-expanded')) === 'false') await row(root).click();
      }
      await row('module.app').waitFor({ state: 'visible' });
      await row('aws_instance.web').waitFor({ state: 'visible' });
    });
    await step('hover the instance_type squiggle', async () => {
      // Widen the side bar so the tree's `expected → actual` labels are readable.
      const sidebar = await page.locator('.part.sidebar').boundingBox();
      if (sidebar) {
        const edge = sidebar.x + sidebar.width;
        await page.mouse.move(edge, sidebar.y + sidebar.height / 2);
        await page.mouse.down();
        await page.mouse.move(edge + 160, sidebar.y + sidebar.height / 2, { steps: 8 });
        await page.mouse.up();
      }
      const squiggle = page.locator('.monaco-editor .view-overlays .squiggly-warning').first();
      const at = await squiggle.boundingBox();
      if (!at) throw new Error('the squiggle has no box');
      await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
      await page.locator('.monaco-hover', { hasText: 'live is "t3.large"' }).first().waitFor({ state: 'visible' });
    });
    await step(`screenshot → ${screenshot}`, async () => {
      mkdirSync(join(screenshot, '..'), { recursive: true });
      await page.screenshot({ path: screenshot });
    });
    return 0;
  } catch (e) {
    const failure = join(ROOT, 'out/test/smoke-failure.png');
    mkdirSync(join(failure, '..'), { recursive: true });
    await page.screenshot({ path: failure }).catch(() => undefined);
    console.error(`[smoke] FAIL ${(e as Error).message}\n[smoke] the page at the failure: ${failure}`);
    return 1;
  } finally {
    await browser.close();
    await server.stop();
    await cloud.close();
    if (!values.keep) rmSync(stateDir, { recursive: true, force: true });
    else log(`kept ${stateDir}`);
  }
}

// Ctrl+C / a CI timeout: exit through 'exit' so the server's process group is killed (codeServer.ts).
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[smoke] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
