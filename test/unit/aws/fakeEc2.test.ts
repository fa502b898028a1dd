// The fake EC2 is as strict as the service: raw Query requests get the real codes and shapes.
import assert from 'node:assert/strict';
import { DescribeInstancesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv, smallAccount } from './awsTestEnv';

const SIGNED = 'AWS4-HMAC-SHA256 Credential=AKIAFAKE/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=' + 'a'.repeat(64);

async function post(url: string, form: Record<string, string>, authorization?: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) }, body: new URLSearchParams(form).toString() });
  return { status: res.status, body: await res.text() };
}

const code = (body: string) => /<Code>([^<]+)<\/Code>/.exec(body)?.[1];

describe('fake EC2 endpoint', () => {
  let fake: FakeEc2;
  let restore: () => void;
  before(async () => {
    fake = await startFakeEc2(smallAccount());
    restore = setAwsEnv(fakeCredentials(fake.url));
  });
  after(async () => {
    restore();
    await fake.close();
  });

  it('answers in the EC2 XML shape with a requestId and the 2016-11-15 namespace', async () => {
    const r = await post(fake.url, { Action: 'DescribeVpcs', Version: '2016-11-15', 'VpcId.1': 'vpc-0a1b2c3d4e5f60001' }, SIGNED);
    assert.equal(r.status, 200);
    assert.match(r.body, /^<\?xml[^>]*\?>\n<DescribeVpcsResponse xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/"><requestId>[0-9a-f-]{36}<\/requestId><vpcSet><item><vpcId>vpc-0a1b2c3d4e5f60001<\/vpcId>/);
  });

  it('refuses unsigned requests (AuthFailure 401) and unknown or write actions (InvalidAction)', async () => {
    const unsigned = await post(fake.url, { Action: 'DescribeVpcs', Version: '2016-11-15' });
    assert.equal(unsigned.status, 401);
    assert.equal(code(unsigned.body), 'AuthFailure');
    assert.match(unsigned.body, /^<\?xml[^>]*\?>\n<Response><Errors><Error><Code>AuthFailure<\/Code><Message>[^<]+<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/);
    const write = await post(fake.url, { Action: 'TerminateInstances', Version: '2016-11-15', 'InstanceId.1': 'i-0a1b2c3d4e5f60001' }, SIGNED);
    assert.deepEqual([write.status, code(write.body)], [400, 'InvalidAction']);
    assert.equal(fake.state.instances.get('i-0a1b2c3d4e5f60001')?.state, undefined, 'nothing was terminated');
  });

  it('rejects MaxResults with instance or group IDs, out-of-range MaxResults, and foreign NextTokens', async () => {
    const client = new EC2Client({});
    try {
      await assert.rejects(client.send(new DescribeInstancesCommand({ InstanceIds: ['i-0a1b2c3d4e5f60001'], MaxResults: 5 })), { name: 'InvalidParameterCombination' });
      await assert.rejects(client.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-0a1b2c3d4e5f60001'], MaxResults: 5 })), { name: 'InvalidParameterCombination' });
      await assert.rejects(client.send(new DescribeInstancesCommand({ MaxResults: 3 })), { name: 'InvalidParameterValue' });
      const first = await client.send(new DescribeInstancesCommand({ MaxResults: 5, Filters: [{ Name: 'instance-state-name', Values: ['running'] }] }));
      assert.equal(first.Reservations?.length, 2);
      await assert.rejects(client.send(new DescribeSecurityGroupsCommand({ NextToken: 'bm90LWEtdG9rZW4=' })), { name: 'InvalidParameterValue' });
      await assert.rejects(client.send(new DescribeInstancesCommand({ Filters: [{ Name: 'no-such-filter', Values: ['x'] }] })), { name: 'InvalidParameterValue' });
    } finally {
      client.destroy();
    }
  });

  it('names every missing ID, and reports malformed IDs before missing ones', async () => {
    const client = new EC2Client({});
    try {
      await assert.rejects(client.send(new DescribeInstancesCommand({ InstanceIds: ['i-0a1b2c3d4e5f60001', 'i-0ffffffffffffff01', 'i-0ffffffffffffff02'] })), {
        name: 'InvalidInstanceID.NotFound',
        message: "The instance IDs 'i-0ffffffffffffff01, i-0ffffffffffffff02' do not exist",
      });
      await assert.rejects(client.send(new DescribeInstancesCommand({ InstanceIds: ['i-0ffffffffffffff01', 'i-bad'] })), { name: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-bad"' });
      await assert.rejects(client.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-0ffffffffffffff01'] })), { name: 'InvalidGroup.NotFound', message: "The security group 'sg-0ffffffffffffff01' does not exist" });
    } finally {
      client.destroy();
    }
  });

  it('speaks moto when asked: indented XML, padded monitoring, no metadataOptions, NotFound naming every requested group', async () => {
    const moto = await startFakeEc2(smallAccount(), { dialect: 'moto', errorRoot: 'ErrorResponse' });
    try {
      const r = await post(moto.url, { Action: 'DescribeInstances', Version: '2016-11-15', 'InstanceId.1': 'i-0a1b2c3d4e5f60002' }, SIGNED);
      assert.match(r.body, /\n\s+<monitoring>\n\s+<state> disabled <\/state>/);
      assert.doesNotMatch(r.body, /metadataOptions|<tagSet>/);
      const nf = await post(moto.url, { Action: 'DescribeSecurityGroups', Version: '2016-11-15', 'GroupId.1': 'sg-0a1b2c3d4e5f60001', 'GroupId.2': 'sg-0ffffffffffffff01' }, SIGNED);
      assert.equal(nf.status, 400);
      assert.match(nf.body, /^<\?xml[^>]*\?>\n<ErrorResponse><Errors><Error><Code>InvalidGroup\.NotFound<\/Code><Message><!\[CDATA\[The security group '\{'sg-0a1b2c3d4e5f60001', 'sg-0ffffffffffffff01'\}' does not exist\]\]><\/Message>/);
    } finally {
      await moto.close();
    }
  });

  it('injects faults with the service statuses and logs every call', async () => {
    fake.faults.deny('DescribeSubnets', 1);
    fake.faults.throttle('DescribeSubnets', 1);
    fake.faults.serverError('DescribeSubnets', 1);
    const seen = [];
    for (let k = 0; k < 4; k++) {
      const r = await post(fake.url, { Action: 'DescribeSubnets', Version: '2016-11-15' }, SIGNED);
      seen.push(`${r.status} ${code(r.body) ?? 'ok'}`);
    }
    assert.deepEqual(seen, ['403 UnauthorizedOperation', '503 RequestLimitExceeded', '500 InternalError', '200 ok']);
    assert.deepEqual(fake.calls.slice(-4).map((c) => [c.action, c.region]), Array(4).fill(['DescribeSubnets', 'us-east-1']));
  });

  it('filters listings by vpc-id, instance-state-name and default-for-az, rejects unknown filter names, and keeps regions apart', async () => {
    const regional = await startFakeEc2({
      vpcs: [{ id: 'vpc-0a0a0a0a0a0a00001', cidrBlock: '10.1.0.0/16', region: 'us-east-1' }, { id: 'vpc-0b0b0b0b0b0b00001', cidrBlock: '10.2.0.0/16', region: 'eu-west-1' }],
      subnets: [
        { id: 'subnet-0a0a0a0a0a0a00001', vpcId: 'vpc-0a0a0a0a0a0a00001', cidrBlock: '10.1.1.0/24', availabilityZone: 'us-east-1a', defaultForAz: true, region: 'us-east-1' },
        { id: 'subnet-0b0b0b0b0b0b00001', vpcId: 'vpc-0b0b0b0b0b0b00001', cidrBlock: '10.2.1.0/24', availabilityZone: 'eu-west-1a', region: 'eu-west-1' },
      ],
      securityGroups: [{ id: 'sg-0a0a0a0a0a0a00001', name: 'default', description: 'default VPC security group', vpcId: 'vpc-0a0a0a0a0a0a00001', region: 'us-east-1' }],
      instances: [
        { id: 'i-0a0a0a0a0a0a00001', ami: 'ami-0abcdef1234567890', instanceType: 't3.nano', subnetId: 'subnet-0a0a0a0a0a0a00001', region: 'us-east-1' },
        { id: 'i-0a0a0a0a0a0a00002', ami: 'ami-0abcdef1234567890', instanceType: 't3.nano', subnetId: 'subnet-0a0a0a0a0a0a00001', state: 'stopped', region: 'us-east-1' },
        { id: 'i-0a0a0a0a0a0a00003', ami: 'ami-0abcdef1234567890', instanceType: 't3.nano', subnetId: 'subnet-0a0a0a0a0a0a00001', state: 'terminated', region: 'us-east-1' },
      ],
    });
    const east = new EC2Client({ endpoint: regional.url, region: 'us-east-1' });
    const west = new EC2Client({ endpoint: regional.url, region: 'eu-west-1' });
    try {
      const inVpc = [{ Name: 'vpc-id', Values: ['vpc-0a0a0a0a0a0a00001', 'vpc-0b0b0b0b0b0b00001'] }];
      const ids = (r: { Reservations?: { Instances?: { InstanceId?: string }[] }[] }) => (r.Reservations ?? []).flatMap((x) => x.Instances ?? []).map((i) => i.InstanceId).sort();
      // A terminated instance has left its VPC.
      assert.deepEqual(ids(await east.send(new DescribeInstancesCommand({ Filters: inVpc, MaxResults: 1000 }))), ['i-0a0a0a0a0a0a00001', 'i-0a0a0a0a0a0a00002']);
      assert.deepEqual(ids(await east.send(new DescribeInstancesCommand({ Filters: [...inVpc, { Name: 'instance-state-name', Values: ['running'] }] }))), ['i-0a0a0a0a0a0a00001']);
      assert.deepEqual(ids(await west.send(new DescribeInstancesCommand({ Filters: inVpc }))), []);
      const subnets = await east.send(new DescribeSubnetsCommand({ Filters: [...inVpc, { Name: 'default-for-az', Values: ['true'] }] }));
      assert.deepEqual(subnets.Subnets?.map((s) => [s.SubnetId, s.DefaultForAz]), [['subnet-0a0a0a0a0a0a00001', true]]);
      assert.deepEqual((await west.send(new DescribeSubnetsCommand({ Filters: inVpc }))).Subnets?.map((s) => s.SubnetId), ['subnet-0b0b0b0b0b0b00001']);
      assert.deepEqual((await east.send(new DescribeSecurityGroupsCommand({ Filters: inVpc, MaxResults: 5 }))).SecurityGroups?.map((g) => g.GroupName), ['default']);
      // Another region's ID is unknown here, as in EC2.
      await assert.rejects(west.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-0a0a0a0a0a0a00001'] })), { name: 'InvalidGroup.NotFound' });
      await assert.rejects(east.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc', Values: ['x'] }] })), { name: 'InvalidParameterValue' });
      await assert.rejects(east.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] })), { name: 'InvalidParameterValue' });
    } finally {
      east.destroy();
      west.destroy();
      await regional.close();
    }
  });
});
