// `driftlens sandbox`: the demo's fake AWS account on one local port, by hand — the printed exports and
// command scan the copied workspace and find the sandbox's console drift; Ctrl+C stops it cleanly.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { serviceOf } from '../../../scripts/sandbox/gateway';

const REPO = resolve(__dirname, '..', '..', '..');

/** The `export A=… \` lines the sandbox prints, as an environment. */
function exportsOf(text: string): Record<string, string> {
  const block = /export ([\s\S]*?)\n\s+driftlens scan/.exec(text)?.[1] ?? '';
  const env: Record<string, string> = {};
  for (const m of block.matchAll(/(\w+)=('[^']*'|\S+)/g)) env[m[1]] = m[2].replace(/^'|'$/g, '');
  return env;
}

describe('driftlens sandbox', function () {
  this.timeout(120000);
  let child: ChildProcess | undefined;
  afterEach(() => child?.kill('SIGKILL'));

  it('routes each signed request to the fake of the service its credential scope names', () => {
    assert.equal(serviceOf({ headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261204/eu-west-1/ec2/aws4_request, SignedHeaders=host, Signature=x' }, url: '/' }), 'ec2');
    assert.equal(serviceOf({ headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261204/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=x' }, url: '/' }), 'sts');
    assert.equal(serviceOf({ headers: {}, url: '/' }), undefined);
  });

  it('prints what to export, a scan with them finds the console drift, and Ctrl+C stops it', async () => {
    child = spawn(process.execPath, [resolve(REPO, 'dist', 'cli.js'), 'sandbox'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const deadline = Date.now() + 60000;
    while (!out.includes('Ctrl+C') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.match(out, /Press Ctrl\+C to stop/, out);
    const env = exportsOf(out);
    assert.match(env.AWS_ENDPOINT_URL ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    const workspace = /^Workspace: (\S+)/m.exec(out)?.[1] as string;
    // Only what the sandbox printed (plus PATH): nothing of this machine's own AWS setup.
    const scan = spawn(process.execPath, [resolve(REPO, 'dist', 'cli.js'), 'scan', workspace, '--format', 'json'], { env: { PATH: process.env.PATH, HOME: workspace, ...env } });
    let json = '';
    scan.stdout.on('data', (d: Buffer) => (json += d.toString('utf8')));
    const [code] = (await once(scan, 'close')) as [number];
    assert.equal(code, 2, 'drift found');
    const report = JSON.parse(json) as { summary: { drifted: number; missing: number; verified: number }; unmanaged: unknown[] };
    assert.equal(report.summary.drifted, 3);
    assert.equal(report.summary.missing, 1);
    assert.equal(report.unmanaged.length, 1);
    child.kill('SIGINT');
    const [exit] = (await once(child, 'close')) as [number];
    assert.equal(exit, 0);
    assert.match(out, /sandbox stopped/);
  });

  it('refuses a port that is not a number', () => {
    const r = spawnSync(process.execPath, [resolve(REPO, 'dist', 'cli.js'), 'sandbox', '--port', 'abc'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /--port needs a port number/);
  });
});
