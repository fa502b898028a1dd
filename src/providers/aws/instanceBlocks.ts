// aws_instance nested blocks that DescribeInstances answers, in the shape terraform-provider-aws
// (internal/service/ec2/ec2_instance.go, resourceInstanceRead) stores them: every sub-attribute of
// the provider's schema for each block, from its flatten* helper. An element the answer lacks is
// unreadable (an emulator's partial shape), never an empty block: the real API always sends them.
import type { Instance, Volume } from '@aws-sdk/client-ec2';
import type { Output } from './client';
import type { Value } from '../../model';
import type { BlockShape } from './mapper';
import { tagsToMap } from './tags';
import { enumValue, lacking, token } from './wireValues';
import { exposedWhen } from './exposure';

const VOLUME_READS: BlockShape['reads'] = {
  delete_on_termination: true, device_name: true, encrypted: true, iops: true, kms_key_id: true, throughput: true, volume_id: true, volume_size: true, volume_type: true, tags: 'tags',
};

/** An unencrypted volume where the code asks for encryption is an exposure (Security Hub EC2.3). */
const VOLUME_SEVERITY: BlockShape['severity'] = { encrypted: exposedWhen((v) => v === false) };

/** Every block this file reads, with the sub-attributes of the provider's schema (TypeList, MaxItems 1, but ebs_block_device). */
export const INSTANCE_BLOCKS: Record<string, BlockShape> = {
  metadata_options: {
    reads: { http_endpoint: true, http_protocol_ipv6: true, http_put_response_hop_limit: true, http_tokens: true, instance_metadata_tags: true },
    // IMDSv1 allowed again ("optional") is an exposure: credentials readable without a session token (Security Hub EC2.8).
    severity: { http_tokens: exposedWhen((v) => typeof v === 'string' && v.toLowerCase() === 'optional') },
  },
  maintenance_options: { reads: { auto_recovery: true } },
  private_dns_name_options: { reads: { enable_resource_name_dns_aaaa_record: true, enable_resource_name_dns_a_record: true, hostname_type: true } },
  enclave_options: { reads: { enabled: true } },
  cpu_options: { reads: { amd_sev_snp: true, core_count: true, threads_per_core: true } },
  capacity_reservation_specification: {
    reads: { capacity_reservation_preference: true, capacity_reservation_target: { reads: { capacity_reservation_id: true, capacity_reservation_resource_group_arn: true } } },
  },
  // Read from DescribeVolumes when declared (rootBlockDevice below); TypeList, MaxItems 1.
  root_block_device: { reads: VOLUME_READS, severity: VOLUME_SEVERITY },
  // Read from DescribeInstanceCreditSpecifications for burstable types only (instanceCredits.ts); TypeList, MaxItems 1.
  credit_specification: { reads: { cpu_credits: true } },
  // TypeSet whose Set hash is device_name + snapshot_id: elements are matched by those (ebsBlockDevice below).
  ebs_block_device: { set: true, key: ['device_name', 'snapshot_id'], reads: { ...VOLUME_READS, snapshot_id: true }, severity: VOLUME_SEVERITY },
  // TypeSet; resourceInstanceRead keeps only the interfaces at the device indexes the configuration names
  // (others are attached by other resources), so the rest are never drift.
  network_interface: { set: true, key: ['device_index'], onlyDeclared: true, reads: { device_index: true, network_card_index: true, network_interface_id: true, delete_on_termination: true } },
};

/** One block as a list of at most one object, or the reason it cannot be seen. */
type Flatten = (i: Instance) => Record<string, Value> | string;

const FLATTEN: Record<string, Flatten> = {
  // flattenInstanceMetadataOptions: every field as the API sends it (string(enum) → "" when absent).
  metadata_options: (i) => {
    const m = i.MetadataOptions;
    if (!m) return lacking('metadataOptions');
    return {
      http_endpoint: enumValue(m.HttpEndpoint),
      http_protocol_ipv6: enumValue(m.HttpProtocolIpv6),
      http_put_response_hop_limit: m.HttpPutResponseHopLimit ?? null,
      http_tokens: enumValue(m.HttpTokens),
      instance_metadata_tags: enumValue(m.InstanceMetadataTags),
    };
  },
  // flattenInstanceMaintenanceOptions.
  maintenance_options: (i) => (i.MaintenanceOptions ? { auto_recovery: enumValue(i.MaintenanceOptions.AutoRecovery) } : lacking('maintenanceOptions')),
  // flattenPrivateDNSNameOptionsResponse: booleans default to false (aws.ToBool).
  private_dns_name_options: (i) => {
    const p = i.PrivateDnsNameOptions;
    if (!p) return lacking('privateDnsNameOptions');
    return {
      enable_resource_name_dns_aaaa_record: p.EnableResourceNameDnsAAAARecord ?? false,
      enable_resource_name_dns_a_record: p.EnableResourceNameDnsARecord ?? false,
      hostname_type: enumValue(p.HostnameType),
    };
  },
  // flattenEnclaveOptions: enabled = aws.ToBool.
  enclave_options: (i) => (i.EnclaveOptions ? { enabled: i.EnclaveOptions.Enabled ?? false } : lacking('enclaveOptions')),
  // flattenCPUOptions: amd_sev_snp only when set; core and thread counts as sent.
  cpu_options: (i) => {
    const c = i.CpuOptions;
    if (!c) return lacking('cpuOptions');
    return { amd_sev_snp: enumValue(c.AmdSevSnp), core_count: c.CoreCount ?? null, threads_per_core: c.ThreadsPerCore ?? null };
  },
  // flattenCapacityReservationSpecificationResponse: the target only when the API names one.
  capacity_reservation_specification: (i) => {
    const c = i.CapacityReservationSpecification;
    if (!c) return lacking('capacityReservationSpecification');
    const t = c.CapacityReservationTarget;
    return {
      capacity_reservation_preference: enumValue(c.CapacityReservationPreference),
      capacity_reservation_target: t ? [{ capacity_reservation_id: token(t.CapacityReservationId), capacity_reservation_resource_group_arn: token(t.CapacityReservationResourceGroupArn) }] : [],
    };
  },
};

/** Adds every block of INSTANCE_BLOCKS to `attrs`, or its reason to `unreadable`. */
export function readInstanceBlocks(i: Instance, attrs: Record<string, Value>, unreadable: Record<string, string>): void {
  for (const [name, flatten] of Object.entries(FLATTEN)) {
    const v = flatten(i);
    if (typeof v === 'string') unreadable[name] = v;
    else attrs[name] = [v];
  }
}

/**
 * root_block_device from DescribeVolumes and the instance's own mapping, as readBlockDevicesFromInstance
 * fills it: delete_on_termination and device_name from the mapping, the rest from the volume (a field
 * the API leaves out — iops on magnetic, throughput off gp3, kms_key_id unencrypted — stays empty).
 */
export function rootBlockDevice(i: Instance, v: Volume): Record<string, Value> {
  const id = token(v.VolumeId);
  const mapping = (i.BlockDeviceMappings ?? []).find((m) => token(m.Ebs?.VolumeId) === id);
  return {
    volume_id: id,
    volume_size: v.Size ?? null,
    volume_type: enumValue(v.VolumeType),
    iops: v.Iops ?? null,
    throughput: v.Throughput ?? null,
    encrypted: v.Encrypted ?? false,
    kms_key_id: token(v.KmsKeyId),
    device_name: token(mapping?.DeviceName),
    delete_on_termination: mapping?.Ebs?.DeleteOnTermination ?? null,
    tags: tagsToMap(v.Tags),
  };
}

/** The IDs of every EBS volume the instance maps (root included). */
export const ebsVolumeIds = (i: Instance): string[] => (i.BlockDeviceMappings ?? []).map((m) => token(m.Ebs?.VolumeId)).filter((v): v is string => !!v);

/** One ebs_block_device element: as the root device, plus the snapshot it was made from (readBlockDevicesFromInstance). */
export const ebsBlockDevice = (i: Instance, v: Volume): Record<string, Value> => ({ ...rootBlockDevice(i, v), snapshot_id: token(v.SnapshotId) });

/** Attributes only DescribeInstanceAttribute answers, as resourceInstanceRead reads each (a missing value is false / empty). */
export const INSTANCE_ATTRIBUTE_CALLS: { attribute: string; api: string; read(out: Output): Value }[] = [
  { attribute: 'disable_api_termination', api: 'disableApiTermination', read: (o) => o.DisableApiTermination?.Value ?? false },
  { attribute: 'disable_api_stop', api: 'disableApiStop', read: (o) => o.DisableApiStop?.Value ?? false },
  { attribute: 'instance_initiated_shutdown_behavior', api: 'instanceInitiatedShutdownBehavior', read: (o) => enumValue(o.InstanceInitiatedShutdownBehavior?.Value) },
];

/**
 * Top-level attributes resourceInstanceRead takes from placement, CPU, hibernation and the primary
 * network interface (device index 0): secondary_private_ips is its non-primary IPs (TypeSet),
 * ipv6_addresses its IPv6 addresses in API order (TypeList).
 */
export function readInstanceScalars(i: Instance, attrs: Record<string, Value>, unreadable: Record<string, string>): void {
  const p = i.Placement;
  if (p) {
    attrs.tenancy = enumValue(p.Tenancy);
    attrs.placement_group = token(p.GroupName);
    attrs.host_id = token(p.HostId);
    attrs.placement_partition_number = p.PartitionNumber ?? 0;
  }
  if (i.CpuOptions) {
    attrs.cpu_core_count = i.CpuOptions.CoreCount ?? null;
    attrs.cpu_threads_per_core = i.CpuOptions.ThreadsPerCore ?? null;
  } else unreadable.cpu_core_count = unreadable.cpu_threads_per_core = lacking('cpuOptions');
  if (i.HibernationOptions) attrs.hibernation = i.HibernationOptions.Configured ?? false;
  else unreadable.hibernation = lacking('hibernationOptions');
  attrs.network_interface = (i.NetworkInterfaces ?? []).map((n) => ({
    device_index: n.Attachment?.DeviceIndex ?? null,
    network_card_index: n.Attachment?.NetworkCardIndex ?? 0,
    network_interface_id: token(n.NetworkInterfaceId),
    delete_on_termination: n.Attachment?.DeleteOnTermination ?? false,
  }));
  const primary = i.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0);
  if (primary) {
    attrs.secondary_private_ips = (primary.PrivateIpAddresses ?? []).filter((a) => !a.Primary).map((a) => token(a.PrivateIpAddress)).filter((a): a is string => !!a);
    const ipv6 = (primary.Ipv6Addresses ?? []).map((a) => token(a.Ipv6Address)).filter((a): a is string => !!a);
    attrs.ipv6_addresses = ipv6;
    attrs.ipv6_address_count = ipv6.length;
  }
}
