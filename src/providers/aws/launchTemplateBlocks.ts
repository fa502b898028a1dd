// aws_launch_template nested blocks, as flattenResponseLaunchTemplateData (internal/service/ec2/ec2_launch_template.go)
// stores the latest version's data: each block a TypeList (MaxItems 1 but block_device_mappings, network_interfaces
// and tag_specifications), an API object the answer lacks read as no block, booleans the schema types as strings
// ("true" / "false", flex.BoolToStringValue) kept as strings. A sub-attribute not listed here is "not read by DriftLens".
import type { ResponseLaunchTemplateData } from '@aws-sdk/client-ec2';
import { createHash } from 'node:crypto';
import type { Value } from '../../model';
import { exposedWhen } from './exposure';
import { notBurstable } from './instanceCredits';
import type { BlockShape } from './mapper';
import { tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

/** `true` / `false` as the provider's string-typed booleans hold them; absent stays absent. */
const boolText = (b: boolean | undefined): string | null => (b === undefined ? null : String(b));
const isFalse = (v: Value) => v === false || v === 'false';
const isTrue = (v: Value) => v === true || v === 'true';

export const LAUNCH_TEMPLATE_BLOCKS: Record<string, BlockShape> = {
  block_device_mappings: {
    reads: {
      device_name: true,
      no_device: true,
      virtual_name: true,
      ebs: {
        reads: { delete_on_termination: true, encrypted: true, iops: true, kms_key_id: true, snapshot_id: true, throughput: true, volume_size: true, volume_type: true },
        // Volumes launched unencrypted where the code encrypts them (Security Hub EC2.3).
        severity: { encrypted: exposedWhen(isFalse) },
      },
    },
  },
  metadata_options: {
    reads: { http_endpoint: true, http_protocol_ipv6: true, http_put_response_hop_limit: true, http_tokens: true, instance_metadata_tags: true },
    // IMDSv1 allowed again for every instance the template launches (Security Hub EC2.8).
    severity: { http_tokens: exposedWhen((v) => typeof v === 'string' && v.toLowerCase() === 'optional') },
  },
  network_interfaces: {
    reads: {
      associate_public_ip_address: true, delete_on_termination: true, description: true, device_index: true, interface_type: true,
      ipv4_address_count: true, ipv6_address_count: true, network_card_index: true, network_interface_id: true, private_ip_address: true,
      security_groups: 'set', subnet_id: true,
    },
    // A public address on every launched instance where the code said none.
    severity: { associate_public_ip_address: exposedWhen(isTrue) },
  },
  iam_instance_profile: { reads: { arn: true, name: true } },
  monitoring: { reads: { enabled: true } },
  tag_specifications: { reads: { resource_type: true, tags: 'tags' } },
  credit_specification: { reads: { cpu_credits: true } },
  placement: {
    reads: { affinity: true, availability_zone: true, group_name: true, host_id: true, host_resource_group_arn: true, partition_number: true, spread_domain: true, tenancy: true },
  },
};

const one = (o: Record<string, Value> | undefined): Value[] => (o ? [o] : []);

/** The blocks of one version's data in Terraform shape; `unreadable` gets the reason for a block the provider would not read. */
export function launchTemplateBlocks(d: ResponseLaunchTemplateData, unreadable: Record<string, string>): Record<string, Value> {
  const out: Record<string, Value> = {
    block_device_mappings: (d.BlockDeviceMappings ?? []).map((m) => ({
      device_name: token(m.DeviceName),
      no_device: m.NoDevice ?? null,
      virtual_name: token(m.VirtualName),
      ebs: one(
        m.Ebs && {
          delete_on_termination: boolText(m.Ebs.DeleteOnTermination),
          encrypted: boolText(m.Ebs.Encrypted),
          iops: m.Ebs.Iops ?? null,
          kms_key_id: token(m.Ebs.KmsKeyId),
          snapshot_id: token(m.Ebs.SnapshotId),
          throughput: m.Ebs.Throughput ?? null,
          volume_size: m.Ebs.VolumeSize ?? null,
          volume_type: enumValue(m.Ebs.VolumeType),
        },
      ),
    })),
    metadata_options: one(
      d.MetadataOptions && {
        http_endpoint: enumValue(d.MetadataOptions.HttpEndpoint),
        http_protocol_ipv6: enumValue(d.MetadataOptions.HttpProtocolIpv6),
        http_put_response_hop_limit: d.MetadataOptions.HttpPutResponseHopLimit ?? null,
        http_tokens: enumValue(d.MetadataOptions.HttpTokens),
        instance_metadata_tags: enumValue(d.MetadataOptions.InstanceMetadataTags),
      },
    ),
    network_interfaces: (d.NetworkInterfaces ?? []).map((n) => ({
      associate_public_ip_address: boolText(n.AssociatePublicIpAddress),
      delete_on_termination: boolText(n.DeleteOnTermination),
      description: n.Description ?? null,
      device_index: n.DeviceIndex ?? null,
      interface_type: token(n.InterfaceType),
      ipv4_address_count: n.SecondaryPrivateIpAddressCount ?? null,
      ipv6_address_count: n.Ipv6AddressCount ?? null,
      network_card_index: n.NetworkCardIndex ?? null,
      network_interface_id: token(n.NetworkInterfaceId),
      private_ip_address: token(n.PrivateIpAddress),
      security_groups: (n.Groups ?? []).map((g) => g.trim()),
      subnet_id: token(n.SubnetId),
    })),
    iam_instance_profile: one(d.IamInstanceProfile && { arn: token(d.IamInstanceProfile.Arn), name: token(d.IamInstanceProfile.Name) }),
    monitoring: one(d.Monitoring && { enabled: d.Monitoring.Enabled ?? false }),
    // The provider drops `aws:` tags here too (IgnoreAWS); the comparison ignores them as in every tag map.
    tag_specifications: (d.TagSpecifications ?? []).map((t) => ({ resource_type: enumValue(t.ResourceType), tags: tagsToMap(t.Tags) })),
    placement: one(
      d.Placement && {
        affinity: token(d.Placement.Affinity),
        availability_zone: token(d.Placement.AvailabilityZone),
        group_name: token(d.Placement.GroupName),
        host_id: token(d.Placement.HostId),
        host_resource_group_arn: token(d.Placement.HostResourceGroupArn),
        partition_number: d.Placement.PartitionNumber ?? null,
        spread_domain: token(d.Placement.SpreadDomain),
        tenancy: enumValue(d.Placement.Tenancy),
      },
    ),
    user_data: d.UserData ?? null,
  };
  // Read only for burstable instance types (the provider asks DescribeInstanceTypes; otherwise it keeps the code's value).
  const why = notBurstable(token(d.InstanceType));
  if (why) unreadable.credit_specification = why;
  else out.credit_specification = one(d.CreditSpecification && { cpu_credits: enumValue(d.CreditSpecification.CpuCredits) });
  return out;
}

/**
 * user_data is compared as the base64 text the provider stores (as given, and as the API returns it), but shown as a
 * digest: the schema does not mark it sensitive, yet bootstrap scripts often carry tokens, so its text never leaves
 * the scan. Equal texts give equal digests, so nothing is lost for the comparison.
 */
export function userDataDigest(v: Value): Value {
  if (typeof v !== 'string' || v.trim() === '') return v;
  const text = v.trim();
  return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 16)} (${text.length} base64 characters)`;
}
