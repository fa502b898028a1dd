import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Binding, FetchContext, LiveResult, LiveStateProvider, ResourceResult } from '../../../src/model';
import { recompare, ScanCancelledError, scanWorkspace, indexWorkspace, type ScanProgress } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';
import { applyConsoleDrift, FIXTURES, tempDir, type TempDir } from './helpers';

const FIXTURE = join(FIXTURES, 'ec2-basic');
const seed = () => JSON.parse(readFileSync(join(FIXTURE, 'seed.json'), 'utf8'));

/** Counts fetch calls and the bindings each got, around the real AWS provider. */
function countingProvider(inner: LiveStateProvider): LiveStateProvider & { calls: Binding[][] } {
  const calls: Binding[][] = [];
  return {
    name: inner.name,
    supports: (t) => inner.supports(t),
    schema: inner.schema?.bind(inner),
    listUnmanaged: inner.listUnmanaged?.bind(inner),
    fetch: (bindings: Binding[], ctx: FetchContext): Promise<Map<Binding, LiveResult>> => {
      calls.push(bindings);
      return inner.fetch(bindings, ctx);
    },
    calls,
  };
}

const statuses = (rs: ResourceResult[]) => Object.fromEntries(rs.map((r) => [r.address, r.status]));

describe('engine: scan against the fake EC2 (real SDK)', function () {
  let fake: FakeEc2;
  let restore: () => void;
  let ws: TempDir | undefined;

  beforeEach(async () => {
    fake = await startFakeEc2(seed());
    restore = setAwsEnv(fakeCredentials(fake.url));
  });
  afterEach(async () => {
    restore();
    await fake.close();
    ws?.remove();
    ws = undefined;
  });

  const scan = (dir = FIXTURE, maxAttempts?: number) => {
    const provider = countingProvider(createAwsProvider({ credentialsAllowed: true, ...(maxAttempts ? { maxAttempts } : {}) }));
    return scanWorkspace({ dir, providers: [provider] }).then((outcome) => ({ ...outcome, provider }));
  };

  it('finds everything in sync before any console change, with one fetch call for all bindings', async () => {
    const { result, provider } = await scan();
    assert.deepEqual(statuses(result.resources), {
      'aws_instance.web[0]': 'in-sync',
      'aws_instance.web[1]': 'in-sync',
      'aws_instance.api': 'in-sync',
      'aws_instance.worker': 'in-sync',
      'aws_s3_directory_bucket.logs': 'unverified',
      'aws_vpc.main': 'in-sync',
      'aws_subnet.a': 'in-sync',
      // The seed lists rules and sources in another order than the code.
      'aws_security_group.web': 'in-sync',
    });
    assert.equal(result.resources.find((r) => r.address === 'aws_s3_directory_bucket.logs')?.reason, 'unsupported type');
    assert.deepEqual(result.summary, { resources: 8, inSync: 7, drifted: 0, missing: 0, unverified: 1, unmanaged: 0, verified: 7 });
    assert.equal(provider.calls.length, 1);
    assert.equal(provider.calls[0].length, 7);
    // The region comes from the provider block (var.region's default).
    assert.ok(provider.calls[0].every((b) => b.providerConfig.region === 'us-east-1'));
    assert.ok(fake.calls.every((c) => c.action.startsWith('Describe')), fake.calls.map((c) => c.action).join());
    assert.deepEqual(result.errors, []);
  });

  it('reports exactly the console drift: instance type (from a variable default), a tag, an open ingress rule, a terminated instance', async () => {
    applyConsoleDrift(fake.state);
    const { result } = await scan();
    const findings = result.resources.flatMap((r) => [
      ...r.drifts.map((d) => `${r.address} ${d.attribute} ${d.severity}`),
      ...(r.status === 'missing' ? [`${r.address} missing: ${r.reason}`] : []),
    ]);
    assert.deepEqual(findings.sort(), [
      'aws_instance.api tags.Team info',
      'aws_instance.web[0] instance_type warning',
      'aws_instance.worker missing: terminated',
      'aws_security_group.web ingress error',
    ]);
    const drift = (address: string) => result.resources.find((r) => r.address === address)!.drifts[0];
    assert.deepEqual([drift('aws_instance.web[0]').expected, drift('aws_instance.web[0]').actual], ['t3.micro', 't3.large']);
    assert.deepEqual([drift('aws_instance.api').expected, drift('aws_instance.api').actual], ['platform', 'data']);
    const sg = result.resources.find((r) => r.address === 'aws_security_group.web')!;
    assert.match(sg.drifts[0].message, /tcp 22 from cidr:0\.0\.0\.0\/0/);
    assert.equal((sg.drifts[0].actual as unknown[]).length, (sg.drifts[0].expected as unknown[]).length + 1);
    const web0 = result.resources.find((r) => r.address === 'aws_instance.web[0]')!;
    assert.equal(web0.drifts[0].origin?.file, join(FIXTURE, 'variables.tf'), 'the fix edits the variable default');
    assert.deepEqual(result.summary, { resources: 8, inSync: 3, drifted: 3, missing: 1, unverified: 1, unmanaged: 0, verified: 7 });
  });

  it('makes a 403 unverified, naming the IAM action, and never missing', async () => {
    applyConsoleDrift(fake.state);
    fake.faults.deny('DescribeInstances');
    const { result } = await scan();
    const instances = result.resources.filter((r) => r.type === 'aws_instance');
    assert.equal(instances.length, 4);
    for (const r of instances) {
      assert.equal(r.status, 'unverified', r.address);
      assert.match(r.reason ?? '', /ec2:DescribeInstances/);
    }
    assert.equal(result.summary.missing, 0);
    assert.equal(statuses(result.resources)['aws_vpc.main'], 'in-sync', 'other types are still verified');
  });

  it('makes server errors that outlast the retries unverified, not drift', async () => {
    fake.faults.serverError('DescribeSecurityGroups');
    const { result } = await scan(FIXTURE, 2);
    const sg = result.resources.find((r) => r.address === 'aws_security_group.web')!;
    assert.equal(sg.status, 'unverified');
    assert.match(sg.reason ?? '', /DescribeSecurityGroups.*(500|InternalError)/);
    assert.equal(result.summary.drifted, 0);
  });

  it('gets the right answer when throttled for a while', async () => {
    applyConsoleDrift(fake.state);
    fake.faults.throttle('DescribeInstances', 2);
    const { result } = await scan();
    assert.equal(statuses(result.resources)['aws_instance.web[0]'], 'drifted');
    assert.equal(statuses(result.resources)['aws_instance.worker'], 'missing');
  });

  it('still scans the other files when one .tf file is malformed, and warns with its location', async () => {
    ws = tempDir({}, 'ec2-basic');
    ws.write('broken.tf', 'resource "aws_eip" "x" {\n  domain = \n}\nresource "aws_vpc" {\n');
    const { result } = await scan(ws.dir);
    assert.equal(statuses(result.resources)['aws_instance.web[0]'], 'in-sync');
    assert.equal(result.summary.inSync, 7);
    const warnings = result.errors.filter((e) => e.file === join(ws!.dir, 'broken.tf'));
    assert.ok(warnings.length > 0);
    assert.ok(warnings.every((w) => w.severity === 'warning' && w.range));
    assert.equal(warnings[0].range?.start.line, 1);
  });

  it('makes every resource unverified with the reason when terraform.tfstate is corrupt, and reports the error', async () => {
    ws = tempDir({}, 'ec2-basic');
    ws.write('terraform.tfstate', '{"version": 4, "resources": [');
    const { result } = await scan(ws.dir);
    assert.equal(result.summary.unverified, 8);
    assert.match(result.resources[0].reason ?? '', /^state unreadable: .*terraform\.tfstate is not valid JSON/);
    assert.deepEqual(result.errors.map((e) => [e.file, e.severity]), [[join(ws.dir, 'terraform.tfstate'), 'error']]);
    assert.equal(fake.calls.length, 0);
  });

  it('re-compares edited text against the snapshot without any API call', async () => {
    const { snapshot } = await scan();
    const callsBefore = fake.calls.length;
    const file = join(FIXTURE, 'instances.tf');
    const edited = readFileSync(file, 'utf8').replace('instance_type = "t3.small"', 'instance_type = "t3.medium"');
    const result = await recompare(snapshot, new Map([[file, edited]]));
    assert.equal(fake.calls.length, callsBefore);
    const api = result.resources.find((r) => r.address === 'aws_instance.api')!;
    assert.equal(api.status, 'drifted');
    assert.equal(api.drifts[0].message, 'instance_type: code says "t3.medium", live is "t3.small"');
  });

  it('drops drift a .driftignore rule or an inline comment ignores, also on recompare', async () => {
    applyConsoleDrift(fake.state);
    ws = tempDir({}, 'ec2-basic');
    ws.write('.driftignore', '# reviewed\naws_instance.api.tags.Team\n');
    const { result, snapshot } = await scan(ws.dir);
    const api = result.resources.find((r) => r.address === 'aws_instance.api')!;
    assert.deepEqual([api.status, api.drifts], ['in-sync', []]);
    assert.equal(result.resources.find((r) => r.address === 'aws_instance.web[0]')!.status, 'drifted');
    // The editor writes .driftignore (or edits a comment) and re-compares without a scan.
    const instances = join(ws.dir, 'instances.tf');
    const text = readFileSync(instances, 'utf8').replace('resource "aws_instance" "web" {', '# driftlens:ignore instance_type resized by autoscaler\nresource "aws_instance" "web" {');
    const again = await recompare(snapshot, new Map([[instances, text], [join(ws.dir, '.driftignore'), '']]));
    assert.equal(again.resources.find((r) => r.address === 'aws_instance.api')!.status, 'drifted');
    assert.equal(again.resources.find((r) => r.address === 'aws_instance.web[0]')!.status, 'in-sync', 'a comment above the block names the attribute');
    const onAttr = readFileSync(instances, 'utf8').replace('  instance_type          = var.instance_type', '  # driftlens:ignore\n  instance_type          = var.instance_type');
    const third = await recompare(snapshot, new Map([[instances, onAttr]]));
    assert.equal(third.resources.find((r) => r.address === 'aws_instance.web[0]')!.status, 'in-sync', 'a bare comment above the attribute ignores it');
    assert.equal(third.resources.find((r) => r.address === 'aws_instance.api')!.status, 'in-sync', 'the on-disk .driftignore applies again');
  });

  it('sends each resource to the region of its provider block, aliases included, still in one fetch call', async () => {
    ws = tempDir({}, 'ec2-basic');
    ws.write('west.tf', 'provider "aws" {\n  alias  = "west"\n  region = "us-west-2"\n}\n\nresource "aws_vpc" "west" {\n  provider   = aws.west\n  cidr_block = "10.0.0.0/16"\n}\n');
    const tfstate = JSON.parse(readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8'));
    tfstate.resources.push({ mode: 'managed', type: 'aws_vpc', name: 'west', provider: 'provider["registry.terraform.io/hashicorp/aws"].west', instances: [{ schema_version: 1, attributes: { id: 'vpc-0a1b2c3d4e5f60001' } }] });
    ws.write('terraform.tfstate', JSON.stringify(tfstate));
    const { result, provider } = await scan(ws.dir);
    assert.equal(provider.calls.length, 1);
    const west = provider.calls[0].find((b) => b.address === 'aws_vpc.west')!;
    assert.deepEqual([west.providerConfig.alias, west.providerConfig.region], ['west', 'us-west-2']);
    assert.equal(result.resources.find((r) => r.address === 'aws_vpc.west')?.provider, 'aws.west');
    const vpcCalls = fake.calls.filter((c) => c.action === 'DescribeVpcs').map((c) => c.region).sort();
    assert.deepEqual(vpcCalls, ['us-east-1', 'us-west-2']);
  });

  it('stops on cancellation between stages and reports progress per stage', async () => {
    const controller = new AbortController();
    const seen: ScanProgress[] = [];
    await assert.rejects(
      scanWorkspace({
        dir: FIXTURE,
        signal: controller.signal,
        providers: [createAwsProvider({ credentialsAllowed: true })],
        progress: (p) => {
          seen.push(p);
          if (p.stage === 'resolve') controller.abort();
        },
      }),
      ScanCancelledError,
    );
    assert.deepEqual([...new Set(seen.map((p) => p.stage))], ['index', 'resolve']);
    assert.equal(fake.calls.length, 0);
  });

  it('indexes root modules without any cloud call', async () => {
    const roots = await indexWorkspace(FIXTURE);
    assert.equal(roots.length, 1);
    assert.equal(roots[0].resources.length, 7);
    assert.equal(fake.calls.length, 0);
  });
});
