// Issue 11 verdicts on AWS, code → live through the real SDK against the fake EC2: nested blocks
// are read whole (as terraform-provider-aws's resourceInstanceRead does), a sub-attribute the
// mapper does not read is unverified "not read by DriftLens", and a failed extra call spoils only
// the attributes that need it.
import assert from 'node:assert/strict';
import type { LiveResult } from '../../../src/model';
import { compareResource, NOT_READ, type Comparison } from '../../../src/engine/compare';
import { resolveRoot } from '../../../src/engine/resolve';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { awsTypeSchema } from '../../../src/providers/aws/schema';
import { INSTANCE_BLOCKS } from '../../../src/providers/aws/instanceBlocks';
import { memoryIo, moduleFrom } from '../engine/helpers';
import { binding, fetchContext, resultFor, smallAccount, testProvider, useFakeEc2 } from './awsTestEnv';

const WEB = 'i-0a1b2c3d4e5f60001';
const DB = 'i-0a1b2c3d4e5f60002';
const VPC = 'vpc-0a1b2c3d4e5f60001';

/** Fetches the first resource of `hcl` (bound to `liveId`) from the fake and compares it as a scan does. */
async function verdict(hcl: string, liveId: string): Promise<Comparison & { result: LiveResult }> {
  const files = { 'main.tf': hcl };
  const root = await resolveRoot(moduleFrom('/ws', files), ['main.tf'], { io: memoryIo('/ws', files), parse: parseHcl });
  const inst = root.instances[0];
  const b = binding(inst.resource.type, liveId, [...inst.desired.entries.keys()]);
  const result = resultFor(await testProvider().fetch([b], fetchContext()), b);
  if (result.status !== 'found') return { drifts: [], unverified: [], result };
  return { ...compareResource(inst.resource.type, inst.desired, result.attributes, awsTypeSchema(inst.resource.type, liveId), result.unreadable), result };
}

const driftsOf = (c: Comparison) => c.drifts.map((d) => [d.attribute, d.expected, d.actual]);
const unverifiedOf = (c: Comparison) => c.unverified.map((u) => [u.attribute, u.reason]);

describe('AWS verdicts (issue 11): nested blocks, "not read", failed sub-calls', () => {
  const { start } = useFakeEc2();

  it('metadata_options with only http_tokens is in sync; the other sub-attributes are read, so a changed hop limit drifts', async () => {
    const fake = await start(smallAccount());
    const only = await verdict('resource "aws_instance" "web" {\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n', WEB);
    assert.deepEqual([only.drifts, only.unverified], [[], []]);
    const all = `resource "aws_instance" "web" {
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    http_protocol_ipv6          = "disabled"
    instance_metadata_tags      = "disabled"
  }
}
`;
    assert.deepEqual(driftsOf(await verdict(all, WEB)), [['metadata_options.http_put_response_hop_limit', 1, 2]]);
    fake.state.updateInstance(WEB, { metadata: { httpPutResponseHopLimit: 1, instanceMetadataTags: 'enabled' } });
    assert.deepEqual(driftsOf(await verdict(all, WEB)), [['metadata_options.instance_metadata_tags', 'disabled', 'enabled']]);
  });

  it('root_block_device { volume_size = 20 } is in sync; every other sub-attribute of the schema is read from the volume and its mapping', async () => {
    const fake = await start(smallAccount());
    const size = await verdict('resource "aws_instance" "web" {\n  root_block_device {\n    volume_size = 20\n  }\n}\n', WEB);
    assert.deepEqual([size.drifts, size.unverified], [[], []]);
    const full = `resource "aws_instance" "web" {
  root_block_device {
    volume_size           = 20
    volume_type           = "gp3"
    encrypted             = true
    delete_on_termination = true
    iops                  = 3000
    throughput            = 125
  }
}
`;
    assert.deepEqual([driftsOf(await verdict(full, WEB)), (await verdict(full, WEB)).unverified], [[], []]);
    fake.state.updateVolume('vol-0a1b2c3d4e5f60001', { throughput: 250 });
    fake.state.updateInstance(WEB, { rootVolume: { ...smallAccount().instances![0].rootVolume!, id: 'vol-0a1b2c3d4e5f60001', deleteOnTermination: false } });
    assert.deepEqual(driftsOf(await verdict(full, WEB)), [['root_block_device.delete_on_termination', true, false], ['root_block_device.throughput', 125, 250]]);
  });

  it('the option blocks DescribeInstances answers are read with every sub-attribute, none falsely drifted', async () => {
    await start(smallAccount());
    const hcl = `resource "aws_instance" "web" {
  maintenance_options {
    auto_recovery = "default"
  }
  private_dns_name_options {
    hostname_type                     = "ip-name"
    enable_resource_name_dns_a_record = false
  }
  enclave_options {
    enabled = false
  }
  cpu_options {
    core_count       = 1
    threads_per_core = 2
  }
  capacity_reservation_specification {
    capacity_reservation_preference = "open"
  }
}
`;
    const c = await verdict(hcl, WEB);
    assert.deepEqual([c.drifts, c.unverified], [[], []]);
    const changed = await verdict(hcl.replace('auto_recovery = "default"', 'auto_recovery = "disabled"').replace('threads_per_core = 2', 'threads_per_core = 1'), WEB);
    assert.deepEqual(driftsOf(changed), [['maintenance_options.auto_recovery', 'disabled', 'default'], ['cpu_options.threads_per_core', 1, 2]]);
  });

  it('a declared sub-attribute the mapper does not read is unverified "not read by DriftLens", at any depth, never drift or in sync', async () => {
    await start(smallAccount());
    const hcl = `resource "aws_instance" "web" {
  metadata_options {
    http_tokens   = "required"
    future_option = "on"
  }
  capacity_reservation_specification {
    capacity_reservation_target {
      capacity_reservation_id = "cr-1"
      brand_new_field         = true
    }
  }
  credit_specification {
    cpu_credits = "unlimited"
  }
}
`;
    const c = await verdict(hcl, WEB);
    assert.deepEqual(unverifiedOf(c), [
      ['metadata_options.future_option', `${NOT_READ} (the aws_instance mapper does not read "metadata_options.future_option")`],
      ['capacity_reservation_specification.capacity_reservation_target.brand_new_field', `${NOT_READ} (the aws_instance mapper does not read "capacity_reservation_specification.capacity_reservation_target.brand_new_field")`],
    ]);
    // credit_specification is read (DescribeInstanceCreditSpecifications, creditSpecification.test.ts): the t3 default, unlimited, is in sync.
    // The target the code names is read: the instance has none, so it drifts; nothing unread does.
    assert.deepEqual(driftsOf(c), [['capacity_reservation_specification.capacity_reservation_target.capacity_reservation_id', 'cr-1', null]]);
  });

  it('security-group rule blocks: an unknown sub-attribute is not read, the rules still compare as a set', async () => {
    await start(smallAccount());
    const hcl = `resource "aws_security_group" "db" {
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = ["sg-0a1b2c3d4e5f60001"]
    prefix_list_ids = ["pl-0a1b2c3d"]
    rule_priority   = 7
  }
}
`;
    const c = await verdict(hcl, 'sg-0a1b2c3d4e5f60002');
    assert.deepEqual(driftsOf(c), []);
    assert.deepEqual(unverifiedOf(c), [['ingress.rule_priority', `${NOT_READ} (the aws_security_group mapper does not read "ingress.rule_priority")`]]);
  });

  it('403 on DescribeVolumes: root_block_device is unverified naming ec2:DescribeVolumes; instance_type is still verified and drifts', async () => {
    const fake = await start(smallAccount());
    fake.faults.deny('DescribeVolumes');
    fake.state.setInstanceType(WEB, 't3.large');
    const c = await verdict('resource "aws_instance" "web" {\n  instance_type = "t3.micro"\n  root_block_device {\n    volume_size = 20\n  }\n}\n', WEB);
    assert.equal(c.result.status, 'found');
    assert.deepEqual(driftsOf(c), [['instance_type', 't3.micro', 't3.large']]);
    assert.deepEqual(unverifiedOf(c), [['root_block_device', 'access denied: the credentials lack ec2:DescribeVolumes']]);
  });

  it('403 on DescribeInstanceAttribute / DescribeVpcAttribute spoils only disable_api_termination / the DNS flag', async () => {
    const fake = await start(smallAccount());
    fake.faults.deny('DescribeInstanceAttribute');
    fake.faults.deny('DescribeVpcAttribute', Infinity, (p) => p.Attribute === 'enableDnsHostnames');
    const inst = await verdict('resource "aws_instance" "web" {\n  disable_api_termination = true\n  monitoring = true\n}\n', WEB);
    assert.deepEqual([driftsOf(inst), unverifiedOf(inst)], [[], [['disable_api_termination', 'access denied: the credentials lack ec2:DescribeInstanceAttribute']]]);
    fake.state.updateVpc(VPC, { enableDnsSupport: false });
    const vpc = await verdict('resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  enable_dns_support = true\n  enable_dns_hostnames = true\n}\n', VPC);
    assert.deepEqual(driftsOf(vpc), [['enable_dns_support', true, false]]);
    assert.deepEqual(unverifiedOf(vpc), [['enable_dns_hostnames', 'access denied: the credentials lack ec2:DescribeVpcAttribute']]);
  });

  it('lists follow the provider schema: the option blocks are TypeList (order kept), ebs_block_device, network_interface and vpc_security_group_ids TypeSet', async () => {
    await start(smallAccount());
    const sets = ['ebs_block_device', 'network_interface'];
    for (const [name, shape] of Object.entries(INSTANCE_BLOCKS)) assert.equal(shape.set, sets.includes(name) ? true : undefined, `${name}: TypeSet or TypeList as in the provider`);
    const schema = awsTypeSchema('aws_instance', DB)!;
    assert.deepEqual(schema.attributes.vpc_security_group_ids, { set: true });
    const c = await verdict('resource "aws_instance" "db" {\n  vpc_security_group_ids = ["sg-0a1b2c3d4e5f60002", "sg-0a1b2c3d4e5f60001"]\n}\n', DB);
    assert.deepEqual([c.drifts, c.unverified], [[], []]);
  });
});

describe('AWS verdicts (issue 11): ebs_block_device, a set the provider keys by device_name + snapshot_id', () => {
  const { start } = useFakeEc2();
  const DATA = 'i-0a1b2c3d4e5f60009';
  const account = () => ({
    ...smallAccount(),
    instances: [
      {
        id: DATA, ami: 'ami-0abcdef1234567890', instanceType: 't3.large', subnetId: 'subnet-0a1b2c3d4e5f60001', rootVolume: { size: 8 },
        ebsVolumes: [
          { id: 'vol-0a1b2c3d4e5f600f1', deviceName: '/dev/sdf', size: 100, type: 'gp3', encrypted: true, snapshotId: 'snap-0a1b2c3d4e5f60001' },
          { id: 'vol-0a1b2c3d4e5f600f2', deviceName: '/dev/sdg', size: 50, type: 'gp2', deleteOnTermination: false },
        ],
      },
    ],
  });

  it('blocks in any order, each naming only some sub-attributes, are in sync; the root volume is not one of them', async () => {
    await start(account());
    const hcl = `resource "aws_instance" "data" {
  ebs_block_device {
    device_name = "/dev/sdg"
    volume_size = 50
    delete_on_termination = false
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = true
    snapshot_id = "snap-0a1b2c3d4e5f60001"
  }
}
`;
    const c = await verdict(hcl, DATA);
    assert.deepEqual([driftsOf(c), c.unverified], [[], []]);
  });

  it('a resized volume drifts on its own sub-attribute; a volume the code does not declare, and one that is gone, drift as elements', async () => {
    const fake = await start(account());
    fake.state.updateVolume('vol-0a1b2c3d4e5f600f1', { size: 200 });
    const hcl = `resource "aws_instance" "data" {
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
  }
  ebs_block_device {
    device_name = "/dev/sdh"
    volume_size = 10
  }
}
`;
    const c = await verdict(hcl, DATA);
    assert.deepEqual(driftsOf(c).map(([a, e]) => [a, e]), [['ebs_block_device[0].volume_size', 100], ['ebs_block_device[1]', { device_name: '/dev/sdh', volume_size: 10 }], ['ebs_block_device', null]]);
    assert.deepEqual((c.drifts[2].actual as Record<string, unknown>).device_name, '/dev/sdg');
  });

  it('root and other EBS volumes of many instances come from one DescribeVolumes per 200 IDs, each instance its own', async () => {
    const ids = Array.from({ length: 40 }, (_, k) => `i-${(k + 1).toString(16).padStart(17, '0')}`);
    const fake = await start({
      instances: ids.map((id, k) => ({ id, ami: 'ami-0abcdef1234567890', instanceType: 't3.micro', rootVolume: { size: 8 }, ebsVolumes: [{ deviceName: '/dev/sdf', size: 10 + k }, { deviceName: '/dev/sdg', size: 100 + k }] })),
    });
    const bs = ids.map((id) => binding('aws_instance', id, ['root_block_device', 'ebs_block_device']));
    const results = await testProvider().fetch(bs, fetchContext());
    bs.forEach((b, k) => {
      const r = resultFor(results, b);
      const ebs = r.status === 'found' ? (r.attributes.ebs_block_device as { device_name: string; volume_size: number }[]) : [];
      assert.deepEqual(ebs.map((e) => [e.device_name, e.volume_size]).sort(), [['/dev/sdf', 10 + k], ['/dev/sdg', 100 + k]]);
    });
    assert.equal(fake.calls.filter((c) => c.action === 'DescribeVolumes').length, 1);
  });

  it('403 on DescribeVolumes leaves ebs_block_device unverified naming the action', async () => {
    const fake = await start(account());
    fake.faults.deny('DescribeVolumes');
    const c = await verdict('resource "aws_instance" "data" {\n  instance_type = "t3.large"\n  ebs_block_device {\n    device_name = "/dev/sdf"\n  }\n}\n', DATA);
    assert.deepEqual([driftsOf(c), unverifiedOf(c)], [[], [['ebs_block_device', 'access denied: the credentials lack ec2:DescribeVolumes']]]);
  });
});

describe('AWS verdicts (issue 11): aws_vpc and aws_subnet top-level attributes as the provider reads them', () => {
  const { start } = useFakeEc2();

  it('IPv6, DNS64, on-launch DNS options and the usage-metrics flag are read: in sync when unchanged, drift when changed', async () => {
    const fake = await start({ ...smallAccount(), vpcs: [{ ...smallAccount().vpcs![0], ipv6CidrBlock: '2600:1f18:1234:5600::/56' }] });
    const vpcHcl = `resource "aws_vpc" "main" {
  cidr_block                           = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block     = true
  enable_network_address_usage_metrics = false
}
`;
    assert.deepEqual(driftsOf(await verdict(vpcHcl, VPC)), []);
    fake.state.updateVpc(VPC, { enableNetworkAddressUsageMetrics: true });
    assert.deepEqual(driftsOf(await verdict(vpcHcl, VPC)), [['enable_network_address_usage_metrics', false, true]]);
    const subnetHcl = `resource "aws_subnet" "a" {
  vpc_id                              = "vpc-0a1b2c3d4e5f60001"
  cidr_block                          = "10.0.1.0/24"
  enable_dns64                        = false
  private_dns_hostname_type_on_launch = "ip-name"
  assign_ipv6_address_on_creation     = false
}
`;
    const s = await verdict(subnetHcl, 'subnet-0a1b2c3d4e5f60001');
    assert.deepEqual([driftsOf(s), s.unverified], [[], []]);
    fake.state.updateSubnet('subnet-0a1b2c3d4e5f60001', { enableDns64: true, hostnameTypeOnLaunch: 'resource-name' });
    assert.deepEqual(driftsOf(await verdict(subnetHcl, 'subnet-0a1b2c3d4e5f60001')), [['enable_dns64', false, true], ['private_dns_hostname_type_on_launch', 'ip-name', 'resource-name']]);
  });
});

describe('AWS verdicts (issue 11): aws_instance top-level attributes from placement, CPU, the primary interface and DescribeInstanceAttribute', () => {
  const { start } = useFakeEc2();

  it('are read as resourceInstanceRead sets them: in sync as launched, drift when changed, one attribute call each when declared', async () => {
    const fake = await start(smallAccount());
    const hcl = `resource "aws_instance" "web" {
  tenancy                              = "default"
  placement_partition_number           = 0
  cpu_core_count                       = 1
  cpu_threads_per_core                 = 2
  hibernation                          = false
  secondary_private_ips                = []
  ipv6_address_count                   = 0
  disable_api_stop                     = false
  instance_initiated_shutdown_behavior = "stop"
}
`;
    const c = await verdict(hcl, WEB);
    assert.deepEqual([driftsOf(c), c.unverified], [[], []]);
    assert.deepEqual(fake.calls.filter((x) => x.action === 'DescribeInstanceAttribute').map((x) => x.params.Attribute).sort(), ['disableApiStop', 'instanceInitiatedShutdownBehavior']);
    fake.state.updateInstance(WEB, { disableApiStop: true, shutdownBehavior: 'terminate' });
    assert.deepEqual(driftsOf(await verdict(hcl, WEB)), [['disable_api_stop', false, true], ['instance_initiated_shutdown_behavior', 'stop', 'terminate']]);
  });
});

describe('AWS verdicts (issue 11): network_interface, read only at the device indexes the code names', () => {
  const { start } = useFakeEc2();

  it('the primary interface as declared is in sync; a changed sub-attribute drifts; an interface the code does not name is never drift', async () => {
    await start(smallAccount());
    const eni = (deleteOnTermination: boolean) => `resource "aws_instance" "web" {
  network_interface {
    device_index          = 0
    network_interface_id  = "eni-0a1b2c3d4e5f60001"
    delete_on_termination = ${deleteOnTermination}
    network_card_index    = 0
  }
}
`;
    const same = await verdict(eni(true), WEB);
    assert.deepEqual([driftsOf(same), same.unverified], [[], []]);
    assert.deepEqual(driftsOf(await verdict(eni(false), WEB)), [['network_interface.delete_on_termination', false, true]]);
    const other = await verdict('resource "aws_instance" "web" {\n  network_interface {\n    device_index         = 1\n    network_interface_id = "eni-0b0b0b0b0b0b00001"\n  }\n}\n', WEB);
    assert.deepEqual(driftsOf(other), [['network_interface', { device_index: 1, network_interface_id: 'eni-0b0b0b0b0b0b00001' }, null]]);
  });
});
