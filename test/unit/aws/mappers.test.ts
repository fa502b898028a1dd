// Each mapper through the real SDK against the fake EC2: the API object comes out in
// Terraform attribute shape, and console drift shows up in it.
import assert from 'node:assert/strict';
import { createAwsProvider } from '../../../src/providers/aws/awsProvider';
import { type FakeEc2 } from '../../fakes/ec2';
import { binding, fetchContext, foundAttributes, INSTANCE_ATTRIBUTES, smallAccount, useFakeEc2 } from './awsTestEnv';
import { rootCore } from './rootCore';

describe('AWS mappers (real SDK against the fake EC2)', () => {
  const fakes = useFakeEc2();
  let fake: FakeEc2;
  beforeEach(async () => {
    fake = await fakes.start(smallAccount());
  });
  const provider = () => createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 });

  it('aws_instance: every listed attribute in Terraform shape, aws: tags dropped', async () => {
    const web = binding('aws_instance', 'i-0a1b2c3d4e5f60001', INSTANCE_ATTRIBUTES);
    const results = await provider().fetch([web], fetchContext());
    assert.deepEqual(foundAttributes(results, web), {
      ami: 'ami-0abcdef1234567890',
      instance_type: 't3.micro',
      subnet_id: 'subnet-0a1b2c3d4e5f60001',
      vpc_security_group_ids: ['sg-0a1b2c3d4e5f60001'],
      key_name: 'deploy',
      availability_zone: 'us-east-1a',
      private_ip: '10.0.1.10',
      associate_public_ip_address: true,
      monitoring: true,
      ebs_optimized: true,
      disable_api_termination: true,
      source_dest_check: false,
      iam_instance_profile: 'web-profile',
      tags: { Name: 'web-1', Env: 'prod' },
      root_block_device: [{
        volume_id: 'vol-0a1b2c3d4e5f60001', volume_size: 20, volume_type: 'gp3', iops: 3000, throughput: 125, encrypted: true,
        kms_key_id: 'arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-0000-4000-8000-000000000001', device_name: '/dev/xvda', delete_on_termination: true, tags: {},
      }],
      metadata_options: [{ http_endpoint: 'enabled', http_protocol_ipv6: 'disabled', http_put_response_hop_limit: 2, http_tokens: 'required', instance_metadata_tags: 'disabled' }],
      maintenance_options: [{ auto_recovery: 'default' }],
      private_dns_name_options: [{ enable_resource_name_dns_aaaa_record: false, enable_resource_name_dns_a_record: false, hostname_type: 'ip-name' }],
      enclave_options: [{ enabled: false }],
      cpu_options: [{ amd_sev_snp: null, core_count: 1, threads_per_core: 2 }],
      capacity_reservation_specification: [{ capacity_reservation_preference: 'open', capacity_reservation_target: [] }],
      tenancy: 'default', placement_group: null, host_id: null, placement_partition_number: 0, cpu_core_count: 1, cpu_threads_per_core: 2, hibernation: false,
      secondary_private_ips: [], ipv6_addresses: [], ipv6_address_count: 0,
      network_interface: [{ device_index: 0, network_card_index: 0, network_interface_id: 'eni-0a1b2c3d4e5f60001', delete_on_termination: true }],
    });
  });

  it('aws_instance: defaults of a plain instance, security groups as a sorted set', async () => {
    const db = binding('aws_instance', 'i-0a1b2c3d4e5f60002', ['instance_type', 'vpc_security_group_ids']);
    const attrs = foundAttributes(await provider().fetch([db], fetchContext()), db);
    assert.deepEqual(attrs.vpc_security_group_ids, ['sg-0a1b2c3d4e5f60001', 'sg-0a1b2c3d4e5f60002']);
    assert.equal(attrs.associate_public_ip_address, false);
    assert.equal(attrs.key_name, null);
    assert.equal(attrs.iam_instance_profile, null);
    assert.equal(attrs.monitoring, false);
    assert.deepEqual(attrs.metadata_options, [{ http_endpoint: 'enabled', http_protocol_ipv6: 'disabled', http_put_response_hop_limit: 2, http_tokens: 'optional', instance_metadata_tags: 'disabled' }]);
    assert.deepEqual(attrs.tags, {});
    // Not declared: not fetched, so not present.
    assert.ok(!('disable_api_termination' in attrs) && !('root_block_device' in attrs));
    assert.deepEqual(fake.calls.map((c) => c.action), ['DescribeInstances']);
  });

  it('aws_instance: console drift (type, tag, volume size) shows in the live attributes', async () => {
    fake.state.setInstanceType('i-0a1b2c3d4e5f60001', 't3.large');
    fake.state.setTag('i-0a1b2c3d4e5f60001', 'Env', 'staging');
    fake.state.updateVolume('vol-0a1b2c3d4e5f60001', { size: 40 });
    fake.state.updateInstance('i-0a1b2c3d4e5f60001', { disableApiTermination: false });
    const web = binding('aws_instance', 'i-0a1b2c3d4e5f60001', INSTANCE_ATTRIBUTES);
    const attrs = foundAttributes(await provider().fetch([web], fetchContext()), web);
    assert.equal(attrs.instance_type, 't3.large');
    assert.deepEqual(attrs.tags, { Name: 'web-1', Env: 'staging' });
    assert.deepEqual(rootCore(attrs), [40, 'gp3', true]);
    assert.equal(attrs.disable_api_termination, false);
  });

  it('aws_security_group: rules as Terraform blocks, split by description, own group as self', async () => {
    const web = binding('aws_security_group', 'sg-0a1b2c3d4e5f60001', ['name', 'description', 'vpc_id', 'ingress', 'egress', 'tags']);
    const db = binding('aws_security_group', 'sg-0a1b2c3d4e5f60002', ['ingress']);
    const results = await provider().fetch([web, db], fetchContext());
    const none = { cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false };
    assert.deepEqual(foundAttributes(results, web), {
      name: 'web',
      description: 'web servers',
      vpc_id: 'vpc-0a1b2c3d4e5f60001',
      ingress: [
        { protocol: 'tcp', from_port: 443, to_port: 443, ...none, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'], description: 'https' },
        { protocol: 'tcp', from_port: 22, to_port: 22, ...none, cidr_blocks: ['10.0.0.0/8'], description: 'ssh' },
        { protocol: '-1', from_port: 0, to_port: 0, ...none, self: true, description: '' },
      ],
      egress: [{ protocol: '-1', from_port: 0, to_port: 0, ...none, cidr_blocks: ['0.0.0.0/0'], description: '' }],
      tags: { Name: 'web' },
    });
    assert.deepEqual(foundAttributes(results, db).ingress, [
      { protocol: 'tcp', from_port: 5432, to_port: 5432, ...none, prefix_list_ids: ['pl-0a1b2c3d'], security_groups: ['sg-0a1b2c3d4e5f60001'], description: '' },
    ]);
    assert.equal(fake.calls.filter((c) => c.action === 'DescribeSecurityGroups').length, 1, 'both groups in one call');
  });

  it('aws_security_group: an ingress rule added in the console appears', async () => {
    fake.state.addIngressRule('sg-0a1b2c3d4e5f60002', { protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrBlocks: ['0.0.0.0/0'] });
    const db = binding('aws_security_group', 'sg-0a1b2c3d4e5f60002', ['ingress']);
    const ingress = foundAttributes(await provider().fetch([db], fetchContext()), db).ingress as { cidr_blocks: string[] }[];
    // EC2 merges it into the existing 5432 permission; the mapper splits nothing it need not.
    assert.deepEqual(ingress.flatMap((r) => r.cidr_blocks), ['0.0.0.0/0']);
  });

  it('aws_vpc: DNS flags come from DescribeVpcAttribute, only when declared', async () => {
    const all = binding('aws_vpc', 'vpc-0a1b2c3d4e5f60001', ['cidr_block', 'instance_tenancy', 'enable_dns_support', 'enable_dns_hostnames', 'tags']);
    assert.deepEqual(foundAttributes(await provider().fetch([all], fetchContext()), all), {
      cidr_block: '10.0.0.0/16',
      instance_tenancy: 'default',
      enable_dns_support: true,
      enable_dns_hostnames: true,
      // No IPv6 block: resourceVPCRead sets every IPv6 attribute empty.
      assign_generated_ipv6_cidr_block: false,
      ipv6_cidr_block: null,
      ipv6_cidr_block_network_border_group: null,
      ipv6_ipam_pool_id: null,
      tags: { Name: 'main' },
    });
    assert.deepEqual(fake.calls.map((c) => `${c.action}:${c.params.Attribute ?? ''}`).sort(), ['DescribeVpcAttribute:enableDnsHostnames', 'DescribeVpcAttribute:enableDnsSupport', 'DescribeVpcs:']);

    fake.calls.length = 0;
    fake.state.updateVpc('vpc-0a1b2c3d4e5f60001', { enableDnsHostnames: false });
    const some = binding('aws_vpc', 'vpc-0a1b2c3d4e5f60001', ['cidr_block', 'enable_dns_hostnames']);
    const attrs = foundAttributes(await provider().fetch([some], fetchContext()), some);
    assert.equal(attrs.enable_dns_hostnames, false);
    assert.ok(!('enable_dns_support' in attrs));
    assert.deepEqual(fake.calls.map((c) => c.params.Attribute).filter(Boolean), ['enableDnsHostnames']);
  });

  it('aws_subnet: vpc, cidr, zone, public-IP mapping and tags', async () => {
    const a = binding('aws_subnet', 'subnet-0a1b2c3d4e5f60001', ['vpc_id', 'cidr_block', 'availability_zone', 'map_public_ip_on_launch', 'tags']);
    const b = binding('aws_subnet', 'subnet-0a1b2c3d4e5f60002', ['map_public_ip_on_launch']);
    const results = await provider().fetch([a, b], fetchContext());
    assert.deepEqual(foundAttributes(results, a), {
      vpc_id: 'vpc-0a1b2c3d4e5f60001', cidr_block: '10.0.1.0/24', availability_zone: 'us-east-1a', availability_zone_id: 'use1-az1', map_public_ip_on_launch: true, tags: { Name: 'public-a' },
      // Everything else resourceSubnetRead sets, at the values of a subnet created without them.
      assign_ipv6_address_on_creation: false, ipv6_cidr_block: null, ipv6_native: false, enable_dns64: false, enable_lni_at_device_index: 0, map_customer_owned_ip_on_launch: false,
      customer_owned_ipv4_pool: null, outpost_arn: null,
      enable_resource_name_dns_a_record_on_launch: false, enable_resource_name_dns_aaaa_record_on_launch: false, private_dns_hostname_type_on_launch: 'ip-name',
    });
    assert.equal(foundAttributes(results, b).map_public_ip_on_launch, false);
  });

  it('every other type is not supported and is answered as such, with no call', async () => {
    const p = provider();
    assert.equal(p.supports('aws_s3_directory_bucket'), false);
    assert.equal(p.supports('aws_instance'), true);
    const bucket = binding('aws_s3_directory_bucket', 'my-bucket', ['bucket']);
    const results = await p.fetch([bucket], fetchContext());
    assert.deepEqual(results.get(bucket), { status: 'error', kind: 'unsupported', reason: 'unsupported type' });
    assert.equal(fake.calls.length, 0);
  });
});
