// The editor's scan worker: a real worker thread (the shipped service through tsx) against the fake
// EC2 and the fake Resource Manager. Same result as a scan in this thread, re-comparison by handle,
// cancel mid-scan, the Azure token asked of this thread, a crash, and the fallback when it cannot start.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as engine from '../../../src/engine/scan';
import type { Logger, ResourceResult, ScanResult } from '../../../src/model';
import { SessionCredential, watchCredentials } from '../../../src/editor/azureSession';
import { createProviders, type AzureAuth, type ProviderSettings } from '../../../src/editor/providerFactory';
import { ScanWorkerClient } from '../../../src/editor/scanWorkerClient';
import { ScanWorkerRunner } from '../../../src/editor/scanWorkerRunner';
import { plainRanges } from '../../../src/iac/offsetRange';
import { resourceGroupBody, SUB } from '../../fakes/arm/examples';
import { FakeArm } from '../../fakes/arm/server';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';
import { FIXTURES, tempDir, type TempDir } from '../engine/helpers';

const ENTRY = join(__dirname, 'scanWorkerTestEntry.mjs');
const FIXTURE = join(FIXTURES, 'ec2-basic');
const SETTINGS: ProviderSettings = { azureArmTarget: {} };

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (m: string) => void lines.push(`${level}: ${m}`);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

const statuses = (r: ScanResult) => Object.fromEntries(r.resources.map((x: ResourceResult) => [x.address, x.status]));
// A result leaves the worker with plain ranges (a structured clone cannot carry an OffsetRange's getters).
const withoutTime = (r: ScanResult) => plainRanges({ ...r, scannedAt: '' });

describe('editor: the scan worker', function () {
  this.timeout(60000);
  let fake: FakeEc2;
  let restore: () => void;
  let client: ScanWorkerClient;
  let log: ReturnType<typeof recordingLogger>;
  let ws: TempDir | undefined;

  beforeEach(async () => {
    fake = await startFakeEc2(JSON.parse(readFileSync(join(FIXTURE, 'seed.json'), 'utf8')));
    restore = setAwsEnv(fakeCredentials(fake.url));
    log = recordingLogger();
    client = new ScanWorkerClient({ script: ENTRY, logger: log });
  });
  afterEach(async () => {
    client.dispose();
    restore();
    await fake.close();
    ws?.remove();
    ws = undefined;
  });

  const scanIn = (dir: string, signal = new AbortController().signal, azureAuth?: AzureAuth) => client.scan({ options: { dir }, settings: SETTINGS, signal, azureAuth });

  it('a scan in the worker gives the result a scan in this thread gives, and that result survives structured clone', async () => {
    const stages = new Set<string>();
    const viaWorker = await client.scan({ options: { dir: FIXTURE }, settings: SETTINGS, signal: new AbortController().signal, progress: (p) => stages.add(p.stage) });
    const here = await engine.scanWorkspace({ dir: FIXTURE, providers: await createProviders(SETTINGS, true) });
    assert.ok(here.result.summary.inSync > 0, 'the fixture has resources in sync');
    assert.deepStrictEqual(withoutTime(viaWorker.result), withoutTime(here.result));
    // deepStrictEqual compares prototypes too: a Map, Date or class instance would not come back the same.
    const posted = plainRanges(here.result);
    assert.deepStrictEqual(structuredClone(posted), posted);
    assert.deepEqual([...stages].sort(), ['compare', 'fetch', 'index', 'resolve'], 'progress crosses the port');
  });

  it('a re-comparison names the snapshot kept in the worker (no API call); a new scan of the folder replaces it', async () => {
    ws = tempDir({}, 'ec2-basic');
    const first = await scanIn(ws.dir);
    assert.equal(statuses(first.result)['aws_instance.api'], 'in-sync');
    const file = join(ws.dir, 'instances.tf');
    const edited = readFileSync(file, 'utf8').replace('instance_type = "t3.small"', 'instance_type = "t3.large"');
    const calls = fake.calls.length;
    const again = await first.snapshot.recompare(new Map([[file, edited]]));
    assert.equal(statuses(again)['aws_instance.api'], 'drifted');
    assert.equal(fake.calls.length, calls, 'a re-comparison calls no API');
    const here = await engine.scanWorkspace({ dir: ws.dir, providers: await createProviders(SETTINGS, true) });
    assert.deepStrictEqual(withoutTime(again), withoutTime(await engine.recompare(here.snapshot, new Map([[file, edited]]))));

    const second = await scanIn(ws.dir);
    await assert.rejects(first.snapshot.recompare(new Map()), { name: 'SnapshotReplacedError' });
    assert.equal(statuses(await second.snapshot.recompare(new Map([[file, edited]])))['aws_instance.api'], 'drifted');
  });

  it('a large result comes in slices, each asked for by this thread, and arrives whole and in order', async () => {
    // 250 resources without state: all unverified, no cloud call; 100 per slice.
    const blocks = Array.from({ length: 250 }, (_, i) => `resource "aws_instance" "i${i}" {\n  ami = "ami-${i}"\n}\n`).join('\n');
    ws = tempDir({ 'main.tf': `provider "aws" {\n  region = "us-east-1"\n}\n${blocks}` });
    const viaWorker = await scanIn(ws.dir);
    const here = await engine.scanWorkspace({ dir: ws.dir, providers: await createProviders(SETTINGS, true) });
    assert.equal(viaWorker.result.resources.length, 250);
    assert.deepStrictEqual(withoutTime(viaWorker.result), withoutTime(here.result));
    assert.ok(log.lines.includes('debug: test: 3 slices, 3 asked'), log.lines.filter((l) => l.includes('test:')).join('\n'));
    const again = await viaWorker.snapshot.recompare(new Map());
    assert.deepStrictEqual(withoutTime(again), withoutTime(await engine.recompare(here.snapshot, new Map())));
    assert.equal(log.lines.filter((l) => l === 'debug: test: 3 slices, 3 asked').length, 2, 're-comparisons come in slices too');
  });

  it('cancel mid-scan: the worker aborts its scan (ScanCancelledError), and the same worker scans again', async () => {
    const runner = new ScanWorkerRunner(ENTRY, recordingLogger());
    const gate = fake.faults.hold('DescribeInstances');
    try {
      const abort = new AbortController();
      const running = runner.scan(engine, { options: { dir: FIXTURE }, settings: SETTINGS, signal: abort.signal, logger: recordingLogger(), progress: () => {}, providers: [] });
      await Promise.race([gate.reached, running.then(() => assert.fail('the scan ended before calling EC2'))]);
      abort.abort();
      await assert.rejects(running, (e: unknown) => e instanceof engine.ScanCancelledError);
      gate.release();
      const next = await runner.scan(engine, { options: { dir: FIXTURE }, settings: SETTINGS, signal: new AbortController().signal, logger: recordingLogger(), progress: () => {}, providers: [] });
      assert.ok(next.result.summary.inSync > 0);
    } finally {
      gate.release();
      runner.dispose();
    }
  });

  it('a worker that dies fails its scan with a reason; the next scan starts a new worker, whose snapshots are its own', async () => {
    ws = tempDir({ 'crash-me/main.tf': '' });
    const before = await scanIn(FIXTURE);
    await assert.rejects(scanIn(join(ws.dir, 'crash-me')), /the scan worker stopped: exit code 3/);
    assert.equal(client.started, 1);
    const next = await scanIn(FIXTURE);
    assert.ok(next.result.summary.inSync > 0);
    assert.equal(client.started, 2);
    // The new worker numbers its snapshots from 1 again: the old handle must not reach one of them.
    await assert.rejects(before.snapshot.recompare(new Map()), { name: 'SnapshotReplacedError' });
    assert.equal(statuses(await next.snapshot.recompare(new Map()))['aws_instance.api'], 'in-sync');
  });

  it('a worker that cannot start (bundle missing): the scan runs in this thread, with a log line', async () => {
    const logger = recordingLogger();
    const runner = new ScanWorkerRunner(join(__dirname, 'no-such-scanWorker.js'), logger);
    try {
      const out = await runner.scan(engine, { options: { dir: FIXTURE }, settings: SETTINGS, signal: new AbortController().signal, logger, progress: () => {}, providers: await createProviders(SETTINGS, true) });
      assert.ok(out.result.summary.inSync > 0);
      assert.ok(logger.lines.some((l) => /^warn: The scan worker .* is missing: scanning in the extension host's thread/.test(l)), logger.lines.join('\n'));
      assert.equal(statuses(await out.snapshot.recompare(new Map()))['aws_instance.api'], 'in-sync');
    } finally {
      runner.dispose();
    }
  });

  describe('Azure: the worker asks this thread for tokens', () => {
    let arm: FakeArm;
    const TOKEN = 'token-from-the-editor-session';
    const saved: Record<string, string | undefined> = {};
    const KEYS = ['DRIFTLENS_AZURE_ENDPOINT', 'DRIFTLENS_TEST_WORKER_CA', 'AZURE_TOKEN_CREDENTIALS', 'PATH'];
    const tf = `provider "azurerm" {\n  features {}\n  subscription_id = "${SUB}"\n}\n\nresource "azurerm_resource_group" "app" {\n  name     = "tf-rg"\n  location = "westeurope"\n}\n`;

    before(async () => {
      arm = await FakeArm.start({ token: TOKEN });
      arm.put(resourceGroupBody('tf-rg'));
    });
    after(() => arm.close());
    beforeEach(() => {
      for (const k of KEYS) saved[k] = process.env[k];
      // Only this thread's session can answer: no Azure CLI to fall back on.
      Object.assign(process.env, { DRIFTLENS_AZURE_ENDPOINT: arm.url, DRIFTLENS_TEST_WORKER_CA: arm.ca, AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential', PATH: '/nonexistent' });
    });
    afterEach(() => {
      for (const k of KEYS) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    });

    const attempt = (lookup: () => Promise<{ accessToken: string } | undefined>) => {
      const asked: string[][] = [];
      const failures: string[] = [];
      const credential = new SessionCredential(async (_id, scopes) => (asked.push(scopes), lookup()));
      const noteFailure = (r: string) => void failures.push(r);
      return { asked, failures, auth: { credential, noteFailure, watch: (p) => watchCredentials(p, noteFailure) } satisfies AzureAuth };
    };

    it("the worker's credential gets this thread's session token, and Resource Manager accepts it", async () => {
      ws = tempDir({ 'main.tf': tf });
      const a = attempt(async () => ({ accessToken: TOKEN }));
      const { result } = await scanIn(ws.dir, undefined, a.auth);
      assert.equal(statuses(result)['azurerm_resource_group.app'], 'in-sync', JSON.stringify(result.resources[0]));
      assert.deepEqual(a.asked[0], [`${arm.url}/.default`]);
      assert.deepEqual(a.failures, []);
    });

    it('nobody signed in: unverified for credentials, and the failure and the scopes to sign in for reach this thread', async () => {
      ws = tempDir({ 'main.tf': tf });
      const a = attempt(async () => undefined);
      const before = arm.requests.length;
      const { result } = await scanIn(ws.dir, undefined, a.auth);
      assert.equal(statuses(result)['azurerm_resource_group.app'], 'unverified');
      assert.equal(arm.requests.length, before, 'no request without a token');
      assert.equal(a.failures.length, 1, JSON.stringify(result.resources[0]));
      assert.deepEqual(a.auth.credential.signInRequests(), [{ providerId: 'microsoft', scopes: [`${arm.url}/.default`], renew: false }]);
    });
  });
});
