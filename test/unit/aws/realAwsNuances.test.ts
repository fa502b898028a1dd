// What real AWS accounts hold and the fake's happy path did not: stopped and pending instances,
// root devices named differently in the mapping, tags with XML-hostile characters, elements
// missing from an answer, and provider blocks that point EC2 somewhere else.
import assert from 'node:assert/strict';
import { scanWorkspace } from '../../../src/engine/scan';
import { createAwsProvider } from '../../../src/providers/aws/awsProvider';
import { rootDevice } from '../../../src/providers/aws/ec2Instance';
import { type FakeEc2 } from '../../fakes/ec2';
import type { SeedInstance } from '../../fakes/ec2/seed';
import { tempDir } from '../engine/helpers';
import { binding, fakeCredentials, fetchContext, foundAttributes, hexId, resultFor, smallAccount, useFakeEc2 } from './awsTestEnv';
import { rootCore } from './rootCore';

const base: SeedInstance = { id: hexId('i', 1), ami: 'ami-0abcdef1234567890', instanceType: 't3.micro', subnetId: 'subnet-0a1b2c3d4e5f60001', publicIp: '54.1.2.3', rootVolume: { size: 30, type: 'gp3', encrypted: true } };

describe('AWS provider: real-account nuances', () => {
  const fakes = useFakeEc2();
  let fake: FakeEc2;
  beforeEach(async () => {
    fake = await fakes.start(smallAccount());
  });
  const provider = () => createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 });
  const fetchOne = async (inst: SeedInstance, declared: string[]) => {
    fake.state.addInstance(inst);
    const b = binding('aws_instance', inst.id, declared);
    return resultFor(await provider().fetch([b], fetchContext()), b);
  };

  it('stopped, stopping and pending instances exist; their released public IP is unreadable, not "false"', async () => {
    for (const [k, state] of (['stopped', 'stopping', 'pending'] as const).entries()) {
      const r = await fetchOne({ ...base, id: hexId('i', 10 + k), state }, ['instance_type', 'associate_public_ip_address', 'root_block_device']);
      assert.equal(r.status, 'found', state);
      assert.ok(r.status === 'found' && !('associate_public_ip_address' in r.attributes));
      assert.deepEqual(r.status === 'found' && r.unreadable, { associate_public_ip_address: `the instance is ${state}: a public IP is only visible while it runs` });
      assert.deepEqual(r.status === 'found' && rootCore(r.attributes), [30, 'gp3', true]);
    }
    const running = await fetchOne({ ...base, id: hexId('i', 20) }, ['associate_public_ip_address']);
    assert.equal(running.status === 'found' && running.attributes.associate_public_ip_address, true);
    const privateOnly = await fetchOne({ ...base, id: hexId('i', 21), publicIp: undefined, state: 'stopped' }, ['associate_public_ip_address']);
    assert.ok(privateOnly.status === 'found' && privateOnly.unreadable?.associate_public_ip_address);
  });

  it('finds the root volume when rootDeviceName and the mapping differ by /dev/, and says so when it is absent', async () => {
    const sda = await fetchOne({ ...base, id: hexId('i', 30), rootDeviceName: '/dev/sda1', rootVolume: { size: 50, type: 'io2', deviceName: 'sda1' } }, ['root_block_device']);
    assert.deepEqual(sda.status === 'found' && rootCore(sda.attributes), [50, 'io2', false]);
    assert.equal(sda.status === 'found' && (sda.attributes.root_block_device as Record<string, unknown>[])[0].device_name, 'sda1');
    const elsewhere = await fetchOne({ ...base, id: hexId('i', 31), rootDeviceName: '/dev/sdz', rootVolume: { size: 8, deviceName: '/dev/xvda' } }, ['root_block_device', 'instance_type']);
    assert.equal(elsewhere.status, 'found');
    assert.deepEqual(elsewhere.status === 'found' && elsewhere.unreadable, { root_block_device: "the root device /dev/sdz is not among the instance's EBS block device mappings" });
    const store = await fetchOne({ ...base, id: hexId('i', 32), rootDeviceType: 'instance-store', rootVolume: undefined }, ['root_block_device']);
    assert.deepEqual(store.status === 'found' && store.attributes.root_block_device, []);
    assert.deepEqual(rootDevice({ RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeId: ' vol-1 ' } }] }), { volumeId: 'vol-1' });
  });

  it('elements missing from an answer are unreadable with a reason, never a default that could drift', async () => {
    const r = await fetchOne({ ...base, id: hexId('i', 40), monitoring: true, omit: ['monitoring', 'sourceDestCheck', 'placement'] }, ['monitoring', 'source_dest_check', 'availability_zone', 'instance_type']);
    assert.equal(r.status, 'found');
    assert.deepEqual(Object.keys((r.status === 'found' && r.unreadable) || {}).sort(), ['availability_zone', 'monitoring', 'source_dest_check']);
    assert.equal(r.status === 'found' && r.attributes.instance_type, 't3.micro');
  });

  it('tag keys and values with XML-hostile and non-ASCII characters arrive intact; aws: keys in any case are dropped', async () => {
    const tags = { Name: 'a&b <c> "d" \'e\'', 'kubernetes.io/cluster/prod': 'owned', 'Cost Center': ' 42 ', Emoji: 'déjà vu 🚀', Eq: 'k=v;x', Empty: '', 'aws:cloudformation:stack-id': 'x', 'AWS:Custom': 'y' };
    const r = await fetchOne({ ...base, id: hexId('i', 50), tags }, ['tags']);
    const { 'aws:cloudformation:stack-id': _a, 'AWS:Custom': _b, ...kept } = tags;
    assert.deepEqual(r.status === 'found' && r.attributes.tags, kept);
  });

  it('a provider block that points EC2 at an emulator is unverified unless DriftLens is pointed there too', async () => {
    const inst = smallAccount().instances![0].id;
    const at = (ec2: string) => ({ ...binding('aws_instance', inst, ['ami']), providerConfig: { provider: 'aws', settings: { region: 'us-east-1', endpoints: [{ ec2 }] } } });
    const elsewhere = at('http://localhost:4566');
    const same = at(`${fake.url}/`);
    const aws = at('https://ec2.us-east-1.amazonaws.com');
    const results = await provider().fetch([elsewhere, same, aws], fetchContext());
    assert.deepEqual(resultFor(results, elsewhere), {
      status: 'error', kind: 'other',
      reason: 'the provider block sends EC2 calls to http://localhost:4566, and DriftLens does not follow endpoints from workspace code: set AWS_ENDPOINT_URL_EC2=http://localhost:4566 to scan there',
    });
    assert.equal(resultFor(results, same).status, 'found');
    assert.equal(resultFor(results, aws).status, 'found');
    assert.ok(fake.calls.every((c) => c.params['InstanceId.1'] === inst));
  });

  it('a LocalStack-style provider block (endpoints { ec2 = ... }) makes a scan unverified, not "missing" in real AWS', async () => {
    const vpc = 'vpc-0a1b2c3d4e5f60001';
    const ws = tempDir({
      'main.tf': 'provider "aws" {\n  region = "us-east-1"\n  endpoints {\n    ec2 = "http://localhost.localstack.cloud:4566"\n  }\n}\nresource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
      'terraform.tfstate': JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'l', outputs: {}, resources: [{ mode: 'managed', type: 'aws_vpc', name: 'main', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 1, attributes: { id: vpc }, sensitive_attributes: [] }] }] }),
    });
    try {
      const { result } = await scanWorkspace({ dir: ws.dir, providers: [provider()] });
      assert.deepEqual(result.resources.map((r) => [r.address, r.status, r.reason]), [
        ['aws_vpc.main', 'unverified', 'the provider block sends EC2 calls to http://localhost.localstack.cloud:4566, and DriftLens does not follow endpoints from workspace code: set AWS_ENDPOINT_URL_EC2=http://localhost.localstack.cloud:4566 to scan there'],
      ]);
      assert.equal(fake.calls.length, 0);
    } finally {
      ws.remove();
    }
  });

  it('AWS_ENDPOINT_URL with a host name (localhost) reaches the emulator; AWS_ENDPOINT_URL_EC2 wins over it', async () => {
    fakes.setEnv({ ...fakeCredentials(fake.url), AWS_ENDPOINT_URL_EC2: '', AWS_ENDPOINT_URL: fake.url.replace('127.0.0.1', 'localhost') });
    delete process.env.AWS_ENDPOINT_URL_EC2;
    const b = binding('aws_vpc', 'vpc-0a1b2c3d4e5f60001', ['cidr_block']);
    assert.equal(foundAttributes(await provider().fetch([b], fetchContext()), b).cidr_block, '10.0.0.0/16');
    fakes.setEnv({ ...fakeCredentials(fake.url), AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
    assert.equal(foundAttributes(await provider().fetch([b], fetchContext()), b).cidr_block, '10.0.0.0/16');
  });
});
