// The CI recipes run what they say: the GitHub Action's scan and verdict steps and the GitLab job's
// script, executed with bash against the real CLI (no credentials: the honest result is exit 1).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';

const REPO = resolve(__dirname, '..', '..', '..');
const FIXTURE = join(REPO, 'test', 'fixtures', 'workspaces', 'ec2-basic');

interface Step { name?: string; id?: string; run?: string; env?: Record<string, string>; uses?: string }
interface Action { runs: { using: string; steps: Step[] }; inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> }

const homes: string[] = [];

/** Environment without any cloud credentials or endpoints, so a scan can verify nothing. */
function bareEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'driftlens-home-'));
  homes.push(home);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, ...extra };
  env.AWS_CONFIG_FILE = join(env.HOME as string, 'none');
  env.AWS_SHARED_CREDENTIALS_FILE = join(env.HOME as string, 'none');
  env.AWS_EC2_METADATA_DISABLED = 'true';
  return env;
}

describe('CI recipes', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'driftlens-ci-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  after(() => homes.splice(0).forEach((h) => rmSync(h, { recursive: true, force: true })));

  const action = load(readFileSync(join(REPO, 'action.yml'), 'utf8')) as Action;
  const step = (id: string) => action.runs.steps.find((s) => s.id === id || s.name === id) as Step;

  it('the action is a composite with the documented inputs and outputs', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['args', 'fail-on-drift', 'path', 'sarif-file', 'upload-sarif']);
    assert.deepEqual(Object.keys(action.outputs).sort(), ['exit-code', 'sarif-file']);
    assert.ok(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')));
  });

  it('the scan step writes SARIF and records the exit code without failing the step', () => {
    const output = join(dir, 'github_output');
    writeFileSync(output, '');
    const sarif = join(dir, 'out.sarif');
    const r = spawnSync('bash', ['-e', '-c', step('scan').run as string], {
      env: bareEnv({ GITHUB_ACTION_PATH: REPO, GITHUB_OUTPUT: output, DRIFTLENS_PATH: FIXTURE, DRIFTLENS_ARGS: '--no-remote-state', DRIFTLENS_SARIF: sarif }),
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(output, 'utf8'), 'exit-code=1\n', 'no credentials: nothing verified is exit 1, never a clean 0');
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as { version: string; runs: unknown[] };
    assert.equal(log.version, '2.1.0');
  });

  it('the verdict step follows the exit codes: 0 passes, 2 fails unless drift is allowed, 1 always fails', () => {
    const verdict = (code: string, failOnDrift: string) => spawnSync('bash', ['-e', '-c', step('Verdict').run as string], { env: { PATH: process.env.PATH, CODE: code, FAIL_ON_DRIFT: failOnDrift }, encoding: 'utf8' }).status;
    assert.equal(verdict('0', 'true'), 0);
    assert.equal(verdict('2', 'true'), 2);
    assert.equal(verdict('2', 'false'), 0);
    assert.equal(verdict('1', 'false'), 1);
  });

  it('the GitLab job runs one scan, keeps the JSON report, and exits with the CLI\'s code', () => {
    const template = load(readFileSync(join(REPO, 'ci', 'driftlens.gitlab-ci.yml'), 'utf8')) as Record<string, { script: string[]; allow_failure: { exit_codes: number[] } }>;
    const job = template['.driftlens-scan'];
    assert.deepEqual(job.allow_failure.exit_codes, [2]);
    // `npm install -g` is the runner's business; a shim stands for the installed CLI.
    const bin = join(dir, 'bin');
    spawnSync('mkdir', ['-p', bin]);
    writeFileSync(join(bin, 'driftlens'), `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'dist', 'cli.js')}" "$@"\n`);
    chmodSync(join(bin, 'driftlens'), 0o755);
    const script = job.script.filter((line) => !line.startsWith('npm install')).join('\n');
    const r = spawnSync('bash', ['-c', script], { cwd: dir, env: bareEnv({ PATH: `${bin}:${process.env.PATH}`, DRIFTLENS_PATH: FIXTURE, DRIFTLENS_ARGS: '--no-remote-state' }), encoding: 'utf8' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const report = JSON.parse(readFileSync(join(dir, 'driftlens.json'), 'utf8')) as { summary: { verified?: number } };
    assert.equal(report.summary.verified, 0);
    assert.match(r.stdout, /^driftlens \d+\.\d+\.\d+/m);
  });
});
