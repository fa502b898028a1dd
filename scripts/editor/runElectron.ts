// The same extension-host suites under @vscode/test-electron (VS Code desktop), for machines
// that can download VS Code. It cannot run here (no internet): there `npm run test:editor`
// runs them in code-server instead. On a headless Linux box wrap it in `xvfb-run -a`.
//
//   node --import tsx scripts/editor/runElectron.ts [--workspace <dir>] [--grep <text>]
//   env DRIFTLENS_VSCODE_VERSION (default 1.100.3, the version code-server 4.100.3 embeds)
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { untrustedSettings } from './codeServer';
import { compileIntegrationTests, INTEGRATION_OUT } from './compile';
import { startFakeCloud } from './fakeCloud';
import { ROOT } from './paths';

type Trust = 'trusted' | 'untrusted';
const log = (msg: string) => console.log(`[test:electron] ${msg}`);

async function launch(trust: Trust, fixture: string, version: string, grep: string | undefined): Promise<boolean> {
  const stateDir = mkdtempSync(join(tmpdir(), `driftlens-electron-${trust}-`));
  const workspace = join(stateDir, basename(fixture));
  cpSync(fixture, workspace, { recursive: true });
  const userDataDir = join(stateDir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(trust === 'untrusted' ? untrustedSettings : {}));
  const resultsFile = join(stateDir, 'results.json');
  const cloud = await startFakeCloud(workspace, join(stateDir, 'aws'));
  try {
    const launchArgs = [workspace, '--disable-extensions', '--user-data-dir', userDataDir, '--extensions-dir', join(stateDir, 'extensions')];
    if (trust === 'trusted') launchArgs.push('--disable-workspace-trust');
    let code: number;
    try {
      code = await runTests({
        version,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: INTEGRATION_OUT,
        launchArgs,
        // The desktop host does not inherit a server's env: hand the fake cloud over explicitly
        // (and blank any real AWS or Azure identity of this shell).
        extensionTestsEnv: {
          ...Object.fromEntries(Object.keys(process.env).filter((k) => /^(AWS|AZURE|ARM)_/.test(k)).map((k) => [k, undefined])),
          ...cloud.env,
          DRIFTLENS_TEST_WORKSPACE: workspace,
          DRIFTLENS_TEST_RESULTS: resultsFile,
          DRIFTLENS_TEST_TRUST: trust,
          DRIFTLENS_TEST_GREP: grep ?? '',
        },
      });
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|download/i.test(msg)) {
        throw new Error(`could not download VS Code ${version} (${msg.split('\n')[0]}). This runner needs the internet; offline, run the same suites in code-server: npm run test:editor`);
      }
      code = 1;
      log(`${trust}: ${msg}`);
    }
    // As with code-server, only a results file with passes and no failures counts.
    if (!existsSync(resultsFile)) {
      log(`${trust}: FAIL — no results file (exit ${code}): the extension host crashed or the test entry never ran`);
      return false;
    }
    const r = JSON.parse(readFileSync(resultsFile, 'utf8')) as { passes: number; failures: number };
    const ok = code === 0 && r.failures === 0 && r.passes > 0;
    log(`${trust}: ${r.passes} passed, ${r.failures} failed${ok ? '' : ' — FAIL'}`);
    return ok;
  } finally {
    await cloud.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { workspace: { type: 'string' }, grep: { type: 'string' } } });
  const fixture = resolve(values.workspace ?? join(ROOT, 'examples/sandbox'));
  const version = process.env.DRIFTLENS_VSCODE_VERSION ?? '1.100.3';
  const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('npm run build failed');
  const suites = await compileIntegrationTests();
  const launches: Trust[] = suites.some((s) => s.endsWith('.untrusted.test.ts')) ? ['trusted', 'untrusted'] : ['trusted'];
  let ok = true;
  for (const trust of launches) ok = (await launch(trust, fixture, version, values.grep)) && ok;
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[test:electron] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
