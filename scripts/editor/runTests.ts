// Runs the extension-host test suites (test/integration/suite) inside a real VS Code server
// (code-server) driven by headless Chromium, against the fake cloud. One launch for all
// trusted-workspace suites, and one more for `*.untrusted.test.ts` when there are any.
//
//   node --import tsx scripts/editor/runTests.ts [--workspace <dir>] [--grep <text>] [--keep] [--verbose] [--no-build]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import { startCodeServer, untrustedSettings } from './codeServer';
import { compileIntegrationTests, INTEGRATION_OUT } from './compile';
import { startFakeCloud, withFakeCloud } from './fakeCloud';
import { ensureCodeServer, ROOT } from './paths';
import { launchBrowser, workbenchUrl } from './workbench';

type Trust = 'trusted' | 'untrusted';

interface LaunchResult {
  trust: Trust;
  ok: boolean;
  passes: number;
  failures: number;
  seconds: number;
  problem?: string;
}

const LAUNCH_TIMEOUT_MS = 10 * 60_000; // bounded: a hung host must not eat the CI budget

const log = (msg: string) => console.log(`[test:editor] ${msg}`);

async function runLaunch(trust: Trust, installDir: string, fixture: string, grep: string | undefined, keep: boolean, verbose: boolean): Promise<LaunchResult> {
  const started = Date.now();
  const stateDir = mkdtempSync(join(tmpdir(), `driftlens-host-${trust}-`));
  const workspace = join(stateDir, basename(fixture));
  cpSync(fixture, workspace, { recursive: true }); // fresh copy: tests edit files
  const resultsFile = join(stateDir, 'results.json');
  const logsDir = join(ROOT, 'out/test/logs', trust);
  rmSync(logsDir, { recursive: true, force: true });

  const cloud = await startFakeCloud(workspace, join(stateDir, 'aws'));
  const env = withFakeCloud(cloud, {
    DRIFTLENS_TEST_WORKSPACE: workspace,
    DRIFTLENS_TEST_RESULTS: resultsFile,
    DRIFTLENS_TEST_TRUST: trust,
    DRIFTLENS_TEST_GREP: grep ?? '',
  });
  const serverLog: string[] = [];
  const server = await startCodeServer({
    installDir,
    stateDir: join(stateDir, 'server'),
    trustWorkspaces: trust === 'trusted',
    // Re-scan on save is off in the trusted launch: suites that save files must not start scans behind their backs
    // (saveRescan.test.ts turns it on; the untrusted launch keeps the default to show that trust alone stops it).
    // Auto-save is off as on desktop VS Code: the web workbench defaults to saving 1 s after an edit, which under
    // load saved edits the suites check are still unsaved (a quick-fix, typing in a template).
    settings: { ...(trust === 'untrusted' ? untrustedSettings : { 'driftlens.scan.onSave': false }), 'files.autoSave': 'off' },
    env,
    log: (l) => serverLog.push(l),
  });
  const browser = await launchBrowser(join(stateDir, 'browser'));
  try {
    let finish!: (code: number) => void;
    const exit = new Promise<number>((resolveExit) => (finish = resolveExit));
    // Both must exist before the page loads: the workbench looks them up once.
    await browser.page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      // Extension-host console calls arrive as their argument list.
      const text = Array.isArray(message) ? format(...(message as unknown[])) : String(message);
      if (text.startsWith('[mocha] ')) console.log(`  ${text.slice(8)}`);
      else if (level === 'error' || verbose) console.log(`  [host ${level}] ${text}`);
    });
    await browser.page.exposeFunction('codeAutomationExit', (code: number, logs?: { relativePath: string; contents: string }[]) => {
      for (const f of logs ?? []) {
        const out = join(logsDir, f.relativePath);
        mkdirSync(join(out, '..'), { recursive: true });
        writeFileSync(out, f.contents);
      }
      finish(code);
    });
    const url = workbenchUrl(server.port, { folder: workspace, extensionDevelopmentPath: ROOT, extensionTestsPath: INTEGRATION_OUT });
    log(`${trust}: opening the workbench on ${server.origin} (workspace ${workspace})`);
    await browser.page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result within ${LAUNCH_TIMEOUT_MS / 60_000} min`)), LAUNCH_TIMEOUT_MS);
    });
    const code = await Promise.race([exit, timeout]).finally(() => clearTimeout(timer));
    const seconds = (Date.now() - started) / 1000;
    return judge(trust, code, resultsFile, seconds, grep);
  } catch (e) {
    return { trust, ok: false, passes: 0, failures: 0, seconds: (Date.now() - started) / 1000, problem: `${(e as Error).message}\n--- server log (tail) ---\n${serverLog.slice(-40).join('\n')}` };
  } finally {
    await browser.close();
    await server.stop();
    await cloud.close();
    if (!keep) rmSync(stateDir, { recursive: true, force: true });
    else log(`kept ${stateDir}`);
  }
}

/** A crashed extension host still exits 0: only a results file with passes and no failures is success. */
function judge(trust: Trust, code: number, resultsFile: string, seconds: number, grep: string | undefined): LaunchResult {
  if (!existsSync(resultsFile)) return { trust, ok: false, passes: 0, failures: 0, seconds, problem: `no results file (workbench exit code ${code}): the extension host crashed or the test entry never ran; see out/test/logs/${trust}/` };
  const r = JSON.parse(readFileSync(resultsFile, 'utf8')) as { passes: number; failures: number; pending: number; failed: { title: string; error: string }[] };
  for (const f of r.failed) console.log(`  FAILED ${f.title}\n    ${f.error.split('\n').slice(0, 8).join('\n    ')}`);
  if (grep && r.passes + r.failures + r.pending === 0) return { trust, ok: true, passes: 0, failures: 0, seconds, problem: undefined };
  const problem = r.failures > 0 ? `${r.failures} failed` : r.passes === 0 ? 'zero tests passed' : code !== 0 ? `workbench exit code ${code}` : undefined;
  return { trust, ok: !problem, passes: r.passes, failures: r.failures, seconds, problem };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { workspace: { type: 'string' }, grep: { type: 'string' }, keep: { type: 'boolean' }, verbose: { type: 'boolean' }, 'no-build': { type: 'boolean' } },
  });
  const fixture = resolve(values.workspace ?? join(ROOT, 'examples/sandbox'));
  if (!existsSync(fixture)) throw new Error(`workspace ${fixture} does not exist`);
  const installDir = ensureCodeServer();

  if (!values['no-build']) {
    log('building the extension (npm run build)');
    const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  const suites = await compileIntegrationTests();
  const hasUntrusted = suites.some((s) => s.endsWith('.untrusted.test.ts'));
  const launches: Trust[] = hasUntrusted ? ['trusted', 'untrusted'] : ['trusted'];
  log(`${suites.length} suite file(s); launches: ${launches.join(', ')}`);

  const results: LaunchResult[] = [];
  for (const trust of launches) {
    const r = await runLaunch(trust, installDir, fixture, values.grep, values.keep ?? false, values.verbose ?? false);
    log(`${trust}: ${r.passes} passed, ${r.failures} failed in ${r.seconds.toFixed(1)} s${r.problem ? ` — FAIL: ${r.problem}` : ''}`);
    results.push(r);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

// Ctrl+C / a CI timeout: exit through 'exit' so the server's process group is killed (codeServer.ts).
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[test:editor] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
