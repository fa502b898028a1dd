// The unmanaged listing reduces each page to what it keeps before asking the next (issue 15), and
// still counts a listing only when every page answered.
import assert from 'node:assert/strict';
import { Ec2Error } from '../../fakes/ec2';
import { createAwsProvider } from '../../../src/providers/aws';
import { keptForAttached } from '../../../src/providers/aws/unmanagedAttached';
import { binding, fetchContext, hexId, useFakeEc2 } from './awsTestEnv';

describe('AWS unmanaged listing page by page (bounded memory)', () => {
  const fakes = useFakeEc2();
  const vpc = hexId('vpc', 1);
  const groups = (n: number) => Array.from({ length: n }, (_, k) => ({ id: hexId('sg', k + 1), name: `console-${k + 1}`, description: 'x', vpcId: vpc }));

  async function listWith(fault?: (f: Awaited<ReturnType<typeof fakes.start>>) => void) {
    const f = await fakes.start({ vpcs: [{ id: vpc, cidrBlock: '10.1.0.0/16' }], securityGroups: groups(5) }, { pageSize: 2 });
    fault?.(f);
    const provider = createAwsProvider({ credentialsAllowed: true, maxAttempts: 1 });
    const b = binding('aws_vpc', vpc, ['cidr_block']);
    assert.equal((await provider.fetch([b], fetchContext())).get(b)?.status, 'found');
    return provider.listUnmanaged!([vpc], fetchContext());
  }

  it('every page of a listing read: all of its items, pages of 2', async () => {
    const listing = await listWith();
    assert.deepEqual(listing.errors, []);
    assert.deepEqual(listing.unmanaged.filter((u) => u.type === 'aws_security_group').map((u) => u.name), ['console-1', 'console-2', 'console-3', 'console-4', 'console-5']);
  });

  it('a page that fails after others answered: the type is not listed, and nothing of its earlier pages is reported', async () => {
    const listing = await listWith((f) => f.faults.error('DescribeSecurityGroups', 1, () => new Ec2Error('InternalError', 'An internal error has occurred'), (p) => p.NextToken !== undefined && p['Filter.1.Name'] === 'vpc-id'));
    assert.equal(listing.unmanaged.filter((u) => u.type === 'aws_security_group').length, 0);
    assert.equal(listing.errors.length, 1);
    assert.match(listing.errors[0], /^aws_security_group in us-east-1: /);
  });

  it('keeps of an instance only what the attached listing reads (IDs, root device, tags, interfaces, block devices)', () => {
    const instance = {
      InstanceId: 'i-1', ImageId: 'ami-1', InstanceType: 't3.micro', RootDeviceName: '/dev/xvda', Tags: [{ Key: 'Name', Value: 'web' }],
      NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', SubnetId: 'subnet-1', PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.1' }] }],
      BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeId: 'vol-1', DeleteOnTermination: false, Status: 'attached' } }],
    };
    assert.deepEqual(keptForAttached('aws_instance', instance), {
      InstanceId: 'i-1', RootDeviceName: '/dev/xvda', Tags: [{ Key: 'Name', Value: 'web' }],
      NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1' }],
      BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeId: 'vol-1', DeleteOnTermination: false } }],
    });
    assert.deepEqual(keptForAttached('aws_network_interface', { NetworkInterfaceId: 'eni-2', SubnetId: 'subnet-1' }), { NetworkInterfaceId: 'eni-2' });
    assert.equal(keptForAttached('aws_subnet', { SubnetId: 'subnet-1' }), undefined);
  });
});
