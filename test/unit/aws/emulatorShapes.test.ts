// The provider against the shapes independent emulators send (moto, and LocalStack's EC2, which is
// moto underneath): padded enums, missing elements, protocols echoed raw, NotFound messages that
// name the wrong IDs, ID lists ignored, other error roots. The real SDK parses every answer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { LiveResult, Value } from '../../../src/model';
import { scanWorkspace } from '../../../src/engine/scan';
import { compareRuleSets } from '../../../src/providers/aws/securityGroupRules';
import { applyConsoleDrift, FIXTURES } from '../engine/helpers';
import { binding, fetchContext, foundAttributes, hexId, INSTANCE_ATTRIBUTES, resultFor, smallAccount, callCount, testProvider, useFakeEc2 } from './awsTestEnv';

const WEB = 'i-0a1b2c3d4e5f60001';
const DB = 'i-0a1b2c3d4e5f60002';
const VPC = 'vpc-0a1b2c3d4e5f60001';

const unreadableOf = (r: LiveResult) => (r.status === 'found' ? (r.unreadable ?? {}) : undefined);

// Per-instance option elements the moto dialect leaves out.
const OPTION_BLOCKS = ['capacity_reservation_specification', 'cpu_core_count', 'cpu_options', 'cpu_threads_per_core', 'enclave_options', 'hibernation', 'maintenance_options', 'metadata_options', 'private_dns_name_options'];

describe('AWS provider against emulator shapes (moto / LocalStack)', () => {
  const { start, pointAt, stop } = useFakeEc2();
  const provider = testProvider;
  const count = callCount;

  it('moto shapes map like EC2: padded monitoring read, untagged instance has {} tags, absent option elements are unreadable (not drift)', async () => {
    await start(smallAccount());
    const bs = [binding('aws_instance', WEB, INSTANCE_ATTRIBUTES), binding('aws_instance', DB, INSTANCE_ATTRIBUTES)];
    const fromAws = await provider().fetch(bs, fetchContext());
    await stop();
    await start(smallAccount(), { dialect: 'moto' });
    const fromMoto = await provider().fetch(bs, fetchContext());
    for (const b of bs) {
      const expected = Object.fromEntries(Object.entries(foundAttributes(fromAws, b)).filter(([k]) => !OPTION_BLOCKS.includes(k)));
      assert.deepEqual(foundAttributes(fromMoto, b), expected);
      const lacking = unreadableOf(resultFor(fromMoto, b)) ?? {};
      assert.deepEqual(Object.keys(lacking).sort(), [...Object.keys(unreadableOf(resultFor(fromAws, b)) ?? {}), ...OPTION_BLOCKS].sort());
      assert.equal(lacking.metadata_options, "the EC2 answer has no metadataOptions (an emulator's partial response?)");
    }
    assert.equal(foundAttributes(fromMoto, bs[0]).monitoring, true);
    assert.deepEqual(foundAttributes(fromMoto, bs[1]).tags, {});
  });

  it('moto names every requested security group and VPC in its NotFound: only the deleted one is missing', async () => {
    const groups = Array.from({ length: 12 }, (_, k) => ({ id: hexId('sg', k + 1), name: `g${k}`, description: 'd', vpcId: VPC }));
    const f = await start({ ...smallAccount(), securityGroups: groups, vpcs: [...smallAccount().vpcs!, { id: 'vpc-0a1b2c3d4e5f60002', cidrBlock: '10.1.0.0/16' }] }, { dialect: 'moto' });
    f.state.delete(hexId('sg', 5));
    f.state.delete('vpc-0a1b2c3d4e5f60002');
    const sgs = groups.map((g) => binding('aws_security_group', g.id, ['name']));
    const vpcs = [binding('aws_vpc', VPC, ['cidr_block']), binding('aws_vpc', 'vpc-0a1b2c3d4e5f60002', ['cidr_block'])];
    const results = await provider().fetch([...sgs, ...vpcs], fetchContext());
    assert.deepEqual(sgs.map((b) => resultFor(results, b).status), groups.map((_, k) => (k === 4 ? 'not-found' : 'found')));
    assert.deepEqual(vpcs.map((b) => resultFor(results, b).status), ['found', 'not-found']);
    // Halving, not one call per group.
    assert.ok(count(f, 'DescribeSecurityGroups') < groups.length, `${count(f, 'DescribeSecurityGroups')} calls`);
  });

  it('moto may name an existing subnet in its NotFound: the named one is confirmed, never taken on trust', async () => {
    const subnets = Array.from({ length: 6 }, (_, k) => ({ id: hexId('subnet', k + 1), vpcId: VPC, cidrBlock: `10.0.${k}.0/24`, availabilityZone: 'us-east-1a' }));
    const f = await start({ ...smallAccount(), subnets }, { dialect: 'moto' });
    f.state.delete(hexId('subnet', 4));
    const bs = subnets.map((s) => binding('aws_subnet', s.id, ['cidr_block']));
    const results = await provider().fetch(bs, fetchContext());
    assert.deepEqual(bs.map((b) => resultFor(results, b).status), ['found', 'found', 'found', 'not-found', 'found', 'found']);
    assert.equal(foundAttributes(results, bs[0]).cidr_block, '10.0.0.0/24');
  });

  it('an emulator that ignores the ID list: only what was asked is bound; an unanswered ID is unverified, not missing', async () => {
    const f = await start(smallAccount(), { ignoreIds: true });
    f.state.delete(DB);
    const web = binding('aws_instance', WEB, ['instance_type']);
    const gone = binding('aws_instance', DB, ['instance_type']);
    const results = await provider().fetch([web, gone], fetchContext());
    assert.equal(foundAttributes(results, web).instance_type, 't3.micro');
    assert.deepEqual(resultFor(results, gone), { status: 'error', kind: 'other', reason: `DescribeInstances did not return ${DB}` });
    assert.equal(results.size, 2);
  });

  it('the same instance on two pages (an emulator paging carelessly) is bound once', async () => {
    await start({ ...smallAccount(), instances: [...smallAccount().instances!, { id: hexId('i', 3), ami: 'ami-0abcdef1234567890', instanceType: 'm5.large' }] }, { ignoreIds: true, pageSize: 2 });
    const b = binding('aws_instance', hexId('i', 3), ['instance_type']);
    const results = await provider().fetch([b, binding('aws_instance', WEB, ['ami'])], fetchContext());
    assert.equal(foundAttributes(results, b).instance_type, 'm5.large');
  });

  it('older moto errors (<ErrorResponse>, message in CDATA) are still NotFound and 403', async () => {
    const f = await start(smallAccount(), { errorRoot: 'ErrorResponse' });
    f.state.delete('subnet-0a1b2c3d4e5f60002');
    f.faults.deny('DescribeVpcs');
    const subnets = [binding('aws_subnet', 'subnet-0a1b2c3d4e5f60001', ['cidr_block']), binding('aws_subnet', 'subnet-0a1b2c3d4e5f60002', ['cidr_block'])];
    const vpc = binding('aws_vpc', VPC, ['cidr_block']);
    const results = await provider().fetch([...subnets, vpc], fetchContext());
    assert.deepEqual(subnets.map((b) => resultFor(results, b).status), ['found', 'not-found']);
    assert.equal((resultFor(results, vpc) as { kind?: string }).kind, 'access-denied');
  });

  it('protocols and ports echoed raw ("6", "-1" with -1 ports) and mixed sources compare equal to the code', async () => {
    const sg = 'sg-0a1b2c3d4e5f60009';
    const seed = { ...smallAccount(), securityGroups: [{
      id: sg, name: 'mixed', description: 'm', vpcId: VPC,
      ingress: [
        { protocol: '6', fromPort: 443, toPort: 443, cidrBlocks: ['10.0.0.0/8'], securityGroups: ['sg-0a1b2c3d4e5f60001'], description: 'web' },
        { protocol: '-1', fromPort: -1, toPort: -1, securityGroups: [sg] },
        { protocol: '50', cidrBlocks: ['192.0.2.0/24'] },
      ],
    }] };
    await start(seed, { dialect: 'moto' });
    const b = binding('aws_security_group', sg, ['ingress']);
    const live = foundAttributes(await provider().fetch([b], fetchContext()), b).ingress;
    const declared = [
      { protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'], security_groups: ['sg-0a1b2c3d4e5f60001'], description: 'web' },
      { protocol: 'all', from_port: 0, to_port: 0, self: true },
      { protocol: '50', from_port: 0, to_port: 0, cidr_blocks: ['192.0.2.0/24'] },
    ];
    assert.deepEqual(compareRuleSets(declared as unknown as Value, live as Value, { selfId: sg }), { missing: [], extra: [], descriptionChanged: [] });
  });

  it('a whole scan against moto gives the verdicts EC2 gives; what moto omits is unverified, never drift', async () => {
    const dir = join(FIXTURES, 'ec2-basic');
    const f = await start(JSON.parse(readFileSync(join(dir, 'seed.json'), 'utf8')), { dialect: 'moto' });
    const scan = () => scanWorkspace({ dir, providers: [provider()] }).then((o) => o.result);
    const before = await scan();
    assert.deepEqual(before.summary, { resources: 8, inSync: 7, drifted: 0, missing: 0, unverified: 1, unmanaged: 0, verified: 7 });
    const api = before.resources.find((r) => r.address === 'aws_instance.api')!;
    assert.deepEqual(api.unverifiedAttributes.map((u) => [u.attribute, u.reason]), [['metadata_options', "the EC2 answer has no metadataOptions (an emulator's partial response?)"]]);
    applyConsoleDrift(f.state);
    const after = await scan();
    assert.deepEqual(after.resources.flatMap((r) => [...r.drifts.map((d) => `${r.address} ${d.attribute}`), ...(r.status === 'missing' ? [`${r.address} missing`] : [])]).sort(), [
      'aws_instance.api tags.Team', 'aws_instance.web[0] instance_type', 'aws_instance.worker missing', 'aws_security_group.web ingress',
    ]);
  });

  it('an endpoint answering 404 with HTML (a wrong AWS_ENDPOINT_URL) is unverified, never missing', async () => {
    const server: Server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html><body>Not Found</body></html>');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    pointAt(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const bs = [binding('aws_instance', WEB, ['ami']), binding('aws_instance', DB, ['ami'])];
      const results = await provider().fetch(bs, fetchContext());
      for (const b of bs) assert.equal(resultFor(results, b).status, 'error');
      assert.match((resultFor(results, bs[0]) as { reason: string }).reason, /HTTP 404/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
