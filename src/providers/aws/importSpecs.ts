// What `driftlens import` writes for an unmanaged AWS resource: the arguments of the Terraform provider's
// schema a user writes (Required or Optional, never Computed-only such as `arn`, `id`, `owner_id`), read
// through the type's mapper, with the values the provider would fill in anyway left out, and which arguments
// hold other resources' IDs. The ForceNew arguments (`-replace` rather than `-target`) are listed per type too.
import type { Value } from '../../model';

export interface AwsImportSpec {
  /** Arguments to write, in the order written (the provider's documentation order). */
  arguments: string[];
  /** Arguments written as nested blocks (the schema's block types, or ConfigModeAttr rule lists). */
  blocks?: string[];
  /** Argument → the type its ID(s) name. */
  references?: Record<string, string>;
  /** Leaves an argument out when its live value is what an omitted argument gives (the schema's Default, or nothing set). */
  omit?: (argument: string, value: Value, all: Record<string, Value>) => boolean;
  /** The schema's ForceNew arguments. */
  forceNew: string[];
}

const empty = (v: Value): boolean => v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/** A security-group rule block without its empty sub-arguments (all Optional, empty by default in the provider's schema). */
function ruleBlock(rule: Value): Value {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return rule;
  return Object.fromEntries(Object.entries(rule).filter(([k, v]) => !empty(v) && !(k === 'self' && v === false)));
}

export const AWS_IMPORT_SPECS: Record<string, AwsImportSpec> = {
  // internal/service/ec2/ec2_instance.go, resourceInstance / resourceInstanceRead. availability_zone and private_ip
  // follow from the subnet and are left to the provider; monitoring false and source_dest_check true are its defaults.
  aws_instance: {
    arguments: ['ami', 'instance_type', 'subnet_id', 'vpc_security_group_ids', 'key_name', 'iam_instance_profile', 'monitoring', 'ebs_optimized', 'source_dest_check', 'tags'],
    references: { subnet_id: 'aws_subnet', vpc_security_group_ids: 'aws_security_group' },
    omit: (a, v) => empty(v) || (a === 'monitoring' && v === false) || (a === 'ebs_optimized' && v === false) || (a === 'source_dest_check' && v === true),
    // Every ForceNew of the schema, nested ones by path (root_block_device: only encryption; size and type change in
    // place). user_data is ForceNew only with user_data_replace_on_change, which the drift alone cannot tell.
    forceNew: [
      'ami', 'availability_zone', 'subnet_id', 'private_ip', 'key_name', 'associate_public_ip_address', 'security_groups', 'tenancy',
      'placement_group', 'placement_partition_number', 'host_id', 'ebs_optimized', 'hibernation', 'enclave_options', 'cpu_options',
      'cpu_core_count', 'cpu_threads_per_core', 'private_dns_name_options', 'ebs_block_device', 'ephemeral_block_device', 'network_interface',
      'ipv6_address_count', 'ipv6_addresses', 'launch_template', 'root_block_device.encrypted', 'root_block_device.kms_key_id',
    ],
  },
  // internal/service/ec2/vpc_security_group.go, resourceSecurityGroupRead: ingress/egress are Optional+Computed sets
  // (ConfigModeAttr, written as blocks); description's Default is "Managed by Terraform".
  aws_security_group: {
    arguments: ['name', 'description', 'vpc_id', 'ingress', 'egress', 'tags'],
    blocks: ['ingress', 'egress'],
    references: { vpc_id: 'aws_vpc' },
    omit: (a, v) => empty(v) || (a === 'description' && v === 'Managed by Terraform'),
    forceNew: ['name', 'name_prefix', 'description', 'vpc_id'],
  },
  // internal/service/ec2/ebs_volume.go, resourceEBSVolume: the CustomizeDiff refuses iops unless the type is io1/io2/gp3
  // and throughput unless gp3, so those are written only then; multi_attach_enabled false is its unset value.
  aws_ebs_volume: {
    arguments: ['availability_zone', 'size', 'type', 'iops', 'throughput', 'encrypted', 'kms_key_id', 'snapshot_id', 'multi_attach_enabled', 'outpost_arn', 'tags'],
    omit: (a, v, all) =>
      empty(v) || (a === 'multi_attach_enabled' && v === false) || (a === 'encrypted' && v === false) || (a === 'iops' && !['io1', 'io2', 'gp3'].includes(String(all.type))) || (a === 'throughput' && all.type !== 'gp3'),
    forceNew: ['availability_zone', 'encrypted', 'kms_key_id', 'snapshot_id', 'multi_attach_enabled', 'outpost_arn'],
  },
  // internal/service/ec2/vpc_subnet.go, resourceSubnetRead: the booleans' Default is false.
  aws_subnet: {
    arguments: ['vpc_id', 'cidr_block', 'availability_zone', 'map_public_ip_on_launch', 'tags'],
    references: { vpc_id: 'aws_vpc' },
    omit: (a, v) => empty(v) || (a === 'map_public_ip_on_launch' && v === false),
    forceNew: ['vpc_id', 'cidr_block', 'availability_zone', 'availability_zone_id', 'outpost_arn'],
  },
  // internal/service/ec2/vpc_.go, resourceVPC: cidr_block ForceNew; enable_dns_support defaults to true, enable_dns_hostnames to false.
  aws_vpc: {
    arguments: ['cidr_block', 'enable_dns_support', 'enable_dns_hostnames', 'tags'],
    omit: (a, v) => empty(v) || (a === 'enable_dns_support' && v === true) || (a === 'enable_dns_hostnames' && v === false),
    forceNew: ['cidr_block', 'ipv4_ipam_pool_id', 'ipv4_netmask_length'],
  },
};

/** The arguments to write for `type`, from the mapper's live attributes; undefined when the type has no spec. */
export function importArguments(type: string, live: Record<string, Value>): Record<string, Value> | undefined {
  const spec = AWS_IMPORT_SPECS[type];
  if (!spec) return undefined;
  const out: Record<string, Value> = {};
  for (const a of spec.arguments) {
    if (!(a in live)) continue;
    let v = live[a];
    if (spec.blocks?.includes(a) && Array.isArray(v)) v = v.map(ruleBlock);
    // `aws:` tags belong to AWS and cannot be written.
    if (a === 'tags' && v && typeof v === 'object' && !Array.isArray(v)) v = Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('aws:')));
    if (spec.omit?.(a, v, live) ?? empty(v)) continue;
    out[a] = v;
  }
  return out;
}
