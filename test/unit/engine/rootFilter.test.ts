// ScanOptions.roots (issue 14 item 6, re-scan on save): a scan of one root module asks the cloud only for
// that root's resources and gives the same per-root verdicts as a full scan; merged into the last full
// scan it gives what a full scan gives. Against the fake EC2 (real SDK, EC2 Query API over HTTP).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResourceResult, ScanResult } from '../../../src/model';
import { recompare, scanWorkspace, type ScanOutcome } from '../../../src/engine/scan';
import { mergeRootScan } from '../../../src/engine/partialScan';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';
import { FIXTURES, stateJson, tempDir, type TempDir } from './helpers';

const BASIC = join(FIXTURES, 'ec2-basic');
const seed = () => JSON.parse(readFileSync(join(BASIC, 'seed.json'), 'utf8'));
const fixture = (name: string) => readFileSync(join(BASIC, name), 'utf8');
const basicState = JSON.parse(fixture('terraform.tfstate')) as { resources: { type: string; name: string; instances: { attributes: Record<string, unknown> }[] }[] };
const attrs = (type: string, name: string, i = 0) => basicState.resources.find((r) => r.type === type && r.name === name)!.instances[i].attributes;

/** Two roots: `net` (VPC, subnet, group, two web servers) and `app` (one instance and a module with another). */
function workspace(): TempDir {
  const instances = fixture('instances.tf');
  return tempDir({
    'net/main.tf': fixture('main.tf'),
    'net/variables.tf': fixture('variables.tf'),
    'net/terraform.tfvars': fixture('terraform.tfvars'),
    'net/web.tf': instances.slice(0, instances.indexOf('resource "aws_instance" "api"')),
    'net/terraform.tfstate': stateJson([
      { type: 'aws_vpc', name: 'main', instances: [{ attributes: attrs('aws_vpc', 'main') }] },
      { type: 'aws_subnet', name: 'a', instances: [{ attributes: attrs('aws_subnet', 'a') }] },
      { type: 'aws_security_group', name: 'web', instances: [{ attributes: attrs('aws_security_group', 'web') }] },
      { type: 'aws_instance', name: 'web', instances: [0, 1].map((key) => ({ key, attributes: attrs('aws_instance', 'web', key) })) },
    ]),
    'app/main.tf': [
      'provider "aws" {\n  region = "us-east-1"\n}\n',
      'resource "aws_instance" "api" {\n  ami           = "ami-0abcdef1234567890"\n  instance_type = "t3.small"\n  tags = {\n    Name = "api"\n    Team = "platform"\n  }\n}\n',
      'module "worker" {\n  source = "../modules/worker"\n}\n',
    ].join('\n'),
    'app/terraform.tfstate': stateJson([
      { type: 'aws_instance', name: 'api', instances: [{ attributes: attrs('aws_instance', 'api') }] },
      { type: 'aws_instance', name: 'this', module: 'module.worker', instances: [{ attributes: attrs('aws_instance', 'worker') }] },
    ]),
    'modules/worker/main.tf': 'resource "aws_instance" "this" {\n  instance_type = "t3.micro"\n  tags = {\n    Name = "worker"\n  }\n}\n',
  });
}

/** Every resource ID the fake was asked about by ID (not the VPC filters of the unmanaged listing). */
function idsAsked(fake: FakeEc2): Set<string> {
  const ids = new Set<string>();
  for (const c of fake.calls) {
    for (const [k, v] of Object.entries(c.params)) {
      if (/^(InstanceId|VpcId|SubnetId|GroupId)\.\d+$/.test(k)) ids.add(v);
    }
  }
  return ids;
}

const verdicts = (rs: readonly ResourceResult[]) =>
  rs.map((r) => ({ root: r.resource.root, address: r.address, status: r.status, reason: r.reason, drifts: r.drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity]) }));
const withoutTime = (r: ScanResult) => ({ ...r, scannedAt: '' });

describe('engine: a scan of some root modules (ScanOptions.roots)', function () {
  let fake: FakeEc2;
  let restore: () => void;
  let ws: TempDir;

  beforeEach(async () => {
    fake = await startFakeEc2(seed());
    restore = setAwsEnv(fakeCredentials(fake.url));
    ws = workspace();
    // Drift in both roots: a web server's type (net), the api's tag (app).
    fake.state.setInstanceType('i-0a1b2c3d4e5f60001', 't3.large');
    fake.state.setTag('i-0a1b2c3d4e5f60003', 'Team', 'data');
  });
  afterEach(async () => {
    restore();
    await fake.close();
    ws.remove();
  });

  const scan = (roots?: string[]): Promise<ScanOutcome> => scanWorkspace({ dir: ws.dir, providers: [createAwsProvider({ credentialsAllowed: true })], ...(roots ? { roots } : {}) });

  it('asks the cloud only for the chosen root\'s resources (its module\'s too) and gives the same verdicts as a full scan', async () => {
    const full = await scan();
    const app = join(ws.dir, 'app');
    assert.deepEqual(new Set(full.result.resources.map((r) => r.resource.root)), new Set([app, join(ws.dir, 'net')]));
    fake.calls.length = 0;
    const partial = await scan([app]);
    assert.deepEqual([...idsAsked(fake)].sort(), ['i-0a1b2c3d4e5f60003', 'i-0a1b2c3d4e5f60004']);
    assert.ok(fake.calls.every((c) => c.action.startsWith('Describe')));
    assert.deepEqual(verdicts(partial.result.resources), verdicts(full.result.resources.filter((r) => r.resource.root === app)));
    assert.deepEqual(partial.result.resources.map((r) => `${r.address} ${r.status}`), ['aws_instance.api drifted', 'module.worker.aws_instance.this in-sync']);
    assert.deepEqual(partial.result.roots, [{ dir: app, moduleDirs: [join(ws.dir, 'modules', 'worker')] }]);
    assert.deepEqual(partial.result.errors, []);
    // The full scan asked for every root's resources: the filter, not the fixture, keeps the partial one small.
    fake.calls.length = 0;
    await scan();
    assert.equal(idsAsked(fake).size, 7);
  });

  it('merged into the last full scan, gives what a full scan gives, and the merged snapshot re-compares every root', async () => {
    const before = await scan();
    // The cloud changes in both roots; only app is scanned again: net keeps what the full scan saw.
    fake.state.setTag('i-0a1b2c3d4e5f60003', 'Team', 'platform');
    fake.state.setTag('i-0a1b2c3d4e5f60002', 'Env', 'test');
    const app = join(ws.dir, 'app');
    const merged = mergeRootScan(before, await scan([app]), [app]);
    const after = await scan();
    const appOf = (r: ScanResult) => verdicts(r.resources.filter((x) => x.resource.root === app));
    const netOf = (r: ScanResult) => verdicts(r.resources.filter((x) => x.resource.root !== app));
    assert.deepEqual(appOf(merged.result), appOf(after.result));
    assert.deepEqual(netOf(merged.result), netOf(before.result));
    assert.equal(merged.result.summary.drifted, 1);
    assert.deepEqual(merged.result.resources.map((r) => r.address), before.result.resources.map((r) => r.address));
    assert.deepEqual(merged.result.roots, after.result.roots);
    // A re-comparison after an edit (no API call) still finds every root's live state, net's from the full scan.
    const calls = fake.calls.length;
    const again = await recompare(merged.snapshot, new Map());
    assert.equal(fake.calls.length, calls);
    assert.deepEqual(verdicts(again.resources), verdicts(merged.result.resources));
    assert.ok(again.resources.every((r) => r.status !== 'unverified'), JSON.stringify(again.resources.map((r) => r.reason)));
  });

  it('scopes the unmanaged listing to the chosen root; merged, what other roots declare is never unmanaged', async () => {
    fake.state.addInstance({ id: 'i-0a1b2c3d4e5f6ffff', ami: 'ami-0abcdef1234567890', subnetId: 'subnet-0a1b2c3d4e5f60001', instanceType: 't3.nano', tags: { Name: 'hand-made' } });
    const full = await scan();
    assert.deepEqual(full.result.unmanaged.map((u) => u.liveId), ['i-0a1b2c3d4e5f6ffff']);
    const app = join(ws.dir, 'app');
    const partial = await scan([app]);
    // app's VPC holds net's subnet, group and web servers: only the merge knows that net declares them.
    assert.ok(partial.result.unmanaged.some((u) => u.liveId === 'i-0a1b2c3d4e5f60001'));
    const merged = mergeRootScan(full, partial, [app]);
    assert.deepEqual(withoutTime(merged.result), withoutTime({ ...full.result, resources: merged.result.resources }));
    assert.deepEqual(verdicts(merged.result.resources), verdicts(full.result.resources));
  });

  it('replaces the chosen root\'s errors and keeps the others\'', async () => {
    ws.write('net/broken.tf', 'resource "aws_instance" "x" {\n  ami = \n');
    ws.write('app/broken.tf', 'locals {\n  a = \n');
    const full = await scan();
    const files = (r: ScanResult) => [...new Set(r.errors.map((e) => e.file))].sort();
    assert.deepEqual(files(full.result), [join(ws.dir, 'app', 'broken.tf'), join(ws.dir, 'net', 'broken.tf')]);
    ws.write('app/broken.tf', 'locals {\n  a = 1\n}\n');
    const app = join(ws.dir, 'app');
    const partial = await scan([app]);
    assert.deepEqual(partial.result.errors, []);
    assert.deepEqual(files(mergeRootScan(full, partial, [app]).result), [join(ws.dir, 'net', 'broken.tf')]);
  });
});
