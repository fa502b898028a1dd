// aws_instance credit_specification: read through DescribeInstanceCreditSpecifications only when the
// code declares it and only for burstable types (resourceInstanceRead reads nothing for the others),
// batched by InstanceIds; a failure of that call leaves only credit_specification unverified.
import assert from 'node:assert/strict';
import { scanWorkspace } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws/awsProvider';
import { ec2InstanceMapper } from '../../../src/providers/aws/ec2Instance';
import { type FakeEc2 } from '../../fakes/ec2';
import type { SeedInstance } from '../../fakes/ec2/seed';
import { tempDir } from '../engine/helpers';
import { binding, fetchContext, hexId, resultFor, smallAccount, useFakeEc2 } from './awsTestEnv';

const base: SeedInstance = { id: hexId('i', 1), ami: 'ami-0abcdef1234567890', instanceType: 't3.micro', subnetId: 'subnet-0a1b2c3d4e5f60001' };
const creditCalls = (fake: FakeEc2) => fake.calls.filter((c) => c.action === 'DescribeInstanceCreditSpecifications');

describe('aws_instance credit_specification', () => {
  const fakes = useFakeEc2();
  let fake: FakeEc2;
  beforeEach(async () => {
    fake = await fakes.start(smallAccount());
  });
  const provider = () => createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 });

  async function scan(cpuCredits: string, live: Partial<SeedInstance>) {
    fake.state.addInstance({ ...base, ...live });
    const ws = tempDir({
      'main.tf': `provider "aws" {\n  region = "us-east-1"\n}\nresource "aws_instance" "web" {\n  ami           = "${base.ami}"\n  instance_type = "${live.instanceType ?? base.instanceType}"\n  credit_specification {\n    cpu_credits = "${cpuCredits}"\n  }\n}\n`,
      'terraform.tfstate': JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'l', outputs: {}, resources: [{ mode: 'managed', type: 'aws_instance', name: 'web', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 1, attributes: { id: base.id }, sensitive_attributes: [] }] }] }),
    });
    try {
      const { result } = await scanWorkspace({ dir: ws.dir, providers: [provider()] });
      const r = result.resources.find((x) => x.address === 'aws_instance.web');
      assert.ok(r, 'aws_instance.web is in the result');
      return r;
    } finally {
      ws.remove();
    }
  }

  it('declared standard, live unlimited: drift (warning)', async () => {
    const r = await scan('standard', { cpuCredits: 'unlimited' });
    assert.deepEqual(r.drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity]), [['credit_specification.cpu_credits', 'standard', 'unlimited', 'warning']]);
    assert.equal(r.unverifiedAttributes.some((u) => u.attribute.startsWith('credit_specification')), false);
  });

  it('in sync when the live option is the declared one (t2 default standard)', async () => {
    const r = await scan('standard', { instanceType: 't2.micro' });
    assert.deepEqual(r.drifts, []);
    assert.equal(r.unverifiedAttributes.some((u) => u.attribute.startsWith('credit_specification')), false, JSON.stringify(r.unverifiedAttributes));
    assert.deepEqual(creditCalls(fake).map((c) => c.params['InstanceId.1']), [base.id]);
  });

  it('a non-burstable type is never asked (EC2 would fail the whole call) and the block is unverified, not drift', async () => {
    const r = await scan('unlimited', { instanceType: 'm5.large' });
    assert.equal(creditCalls(fake).length, 0);
    assert.deepEqual(r.drifts, []);
    const u = r.unverifiedAttributes.find((x) => x.attribute === 'credit_specification');
    assert.match(u?.reason ?? '', /not a burstable instance type \(m5\.large\)/);
  });

  it('not declared: no call', async () => {
    fake.state.addInstance(base);
    const b = binding('aws_instance', base.id, ['instance_type']);
    const r = resultFor(await provider().fetch([b], fetchContext()), b);
    assert.equal(r.status, 'found');
    assert.equal(creditCalls(fake).length, 0);
  });

  it('burstable instances are asked in one batch, and a mixed batch leaves out the non-burstable one', async () => {
    const ids = [2, 3, 4].map((n) => hexId('i', n));
    fake.state.addInstance({ ...base, id: ids[0], cpuCredits: 'standard' });
    fake.state.addInstance({ ...base, id: ids[1], instanceType: 't4g.small' });
    fake.state.addInstance({ ...base, id: ids[2], instanceType: 'c6i.large' });
    const bs = ids.map((id) => binding('aws_instance', id, ['credit_specification']));
    const results = await provider().fetch(bs, fetchContext());
    const attrs = bs.map((b) => resultFor(results, b)).map((r) => (r.status === 'found' ? (r.attributes.credit_specification ?? r.unreadable?.credit_specification) : r.status));
    assert.deepEqual(attrs.slice(0, 2), [[{ cpu_credits: 'standard' }], [{ cpu_credits: 'unlimited' }]]);
    assert.match(String(attrs[2]), /not a burstable instance type/);
    assert.equal(creditCalls(fake).length, 1);
  });

  it('403 on DescribeInstanceCreditSpecifications: only credit_specification is unverified, naming the action', async () => {
    fake.faults.deny('DescribeInstanceCreditSpecifications');
    fake.state.addInstance(base);
    const b = binding('aws_instance', base.id, ['credit_specification', 'instance_type']);
    const r = resultFor(await provider().fetch([b], fetchContext()), b);
    assert.equal(r.status, 'found');
    if (r.status !== 'found') return;
    assert.equal(r.attributes.instance_type, 't3.micro');
    assert.deepEqual(Object.keys(r.unreadable ?? {}).filter((k) => k.startsWith('credit')), ['credit_specification']);
    assert.match(r.unreadable?.credit_specification ?? '', /DescribeInstanceCreditSpecifications/);
  });

  it('the permission is listed for `driftlens types`', () => {
    assert.equal(ec2InstanceMapper.normalization.onDemand?.credit_specification, 'ec2:DescribeInstanceCreditSpecifications');
  });
});
