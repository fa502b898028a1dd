// Unmanaged resources EC2 cannot filter by VPC, found through what the VPC listing saw: Elastic IPs associated with
// an instance or network interface of a managed VPC (DescribeAddresses: one call per region, it never pages), and EBS
// volumes attached to those instances (their block device mappings, then DescribeVolumes by volume-id filter, 200 IDs
// and up to 500 volumes per page). Still calls per region and page, never per resource.
//
// Noise rules. A volume attached at launch belongs to its instance: the root device, and every mapping EC2 deletes with
// the instance (DeleteOnTermination: launch-time mappings, Terraform's root_block_device / ebs_block_device and launch
// templates default to it), are not resources of their own; a volume attached later (aws_volume_attachment cannot set
// delete-on-termination, so it stays false) is. A service's instance (Auto Scaling, EKS…) lends its owner to its volumes;
// a service's address (DescribeAddresses ServiceManaged: alb, nlb, rnat, rds) or tagged volume is owned by that service.
import type { Address, Instance, NetworkInterface, Volume } from '@aws-sdk/client-ec2';
import type { UnmanagedResource } from '../../model';
import { allPagesOf, type DescribeContext } from './describe';
import { classifyError } from './errors';
import { instanceOwner, ownerFromTags } from './serviceManaged';
import { nameTag } from './tags';
import { token } from './wireValues';

export interface AttachedListing {
  dctx: DescribeContext;
  region?: string;
  vpcIds: ReadonlySet<string>;
  /** Items per Terraform type found inside the managed VPCs by the VPC listing (declared ones too). */
  inVpcs: ReadonlyMap<string, unknown[]>;
  /** Types whose VPC listing failed: what hangs off them cannot be listed either. */
  failed: ReadonlySet<string>;
  declared: ReadonlySet<string>;
  includeServiceManaged?: boolean;
  /** The region's addresses, asked for alongside the VPC listing (`describeAddresses`), filtered here. */
  addresses: Promise<Address[]>;
}

/**
 * What listAttached reads of an item the VPC listing saw, for the types it reads (undefined: none);
 * the rest of the SDK object (~6 KB an instance) is not kept for the whole listing (issue 15).
 * A new reader of `inVpcs` adds the fields it needs here.
 */
export function keptForAttached(type: string, item: unknown): unknown {
  if (type === 'aws_instance') {
    const i = item as Instance;
    const kept: Instance = {
      InstanceId: i.InstanceId,
      RootDeviceName: i.RootDeviceName,
      Tags: i.Tags,
      NetworkInterfaces: i.NetworkInterfaces?.map((n) => ({ NetworkInterfaceId: n.NetworkInterfaceId })),
      BlockDeviceMappings: i.BlockDeviceMappings?.map((m) => ({ DeviceName: m.DeviceName, Ebs: m.Ebs && { VolumeId: m.Ebs.VolumeId, DeleteOnTermination: m.Ebs.DeleteOnTermination } })),
    };
    return kept;
  }
  if (type === 'aws_network_interface') return { NetworkInterfaceId: (item as NetworkInterface).NetworkInterfaceId } satisfies NetworkInterface;
  return undefined;
}

const VOLUME_IDS_PER_CALL = 200;
// DescribeVolumes returns at most 500 per page.
const VOLUME_PAGE = 500;

export async function listAttached(l: AttachedListing): Promise<{ unmanaged: UnmanagedResource[]; errors: string[] }> {
  const out: UnmanagedResource[] = [];
  const errors: string[] = [];
  const where = l.region ?? 'the default region';
  const instances = (l.inVpcs.get('aws_instance') ?? []) as Instance[];
  const add = (type: string, id: string, name: string | undefined, owner: string | undefined) => {
    if (l.declared.has(id) || (owner && !l.includeServiceManaged)) return;
    out.push({ type, liveId: id, ...(l.region ? { region: l.region } : {}), ...(name ? { name } : {}), ...(owner ? { managedBy: owner } : {}) });
  };
  await Promise.all([
    (async () => {
      if (l.failed.has('aws_instance') && l.failed.has('aws_network_interface')) {
        errors.push(`aws_eip in ${where}: not listed, the instances and network interfaces of the managed VPCs could not be listed`);
        return;
      }
      try {
        for (const a of await addressesIn(l, instances)) add('aws_eip', a.AllocationId!.trim(), nameTag(a.Tags) ?? token(a.PublicIp) ?? undefined, addressOwner(a));
      } catch (e) {
        errors.push(`aws_eip in ${where}: ${classifyError(e, 'DescribeAddresses', l.dctx.signal).reason}`);
      }
    })(),
    (async () => {
      if (l.failed.has('aws_instance')) {
        errors.push(`aws_ebs_volume in ${where}: not listed, the instances of the managed VPCs could not be listed`);
        return;
      }
      const attached = attachedLater(instances, l.declared);
      if (attached.size === 0) return;
      try {
        for (const v of await volumesById([...attached.keys()], l.dctx)) {
          const id = token(v.VolumeId);
          if (!id || !attached.has(id) || ['deleting', 'deleted'].includes(token(v.State) ?? '')) continue;
          add('aws_ebs_volume', id, nameTag(v.Tags), attached.get(id) ?? ownerFromTags(v.Tags) ?? csiOwner(v));
        }
      } catch (e) {
        errors.push(`aws_ebs_volume in ${where}: ${classifyError(e, 'DescribeVolumes', l.dctx.signal).reason}`);
      }
    })(),
  ]);
  return { unmanaged: out, errors };
}

/** Addresses of the region associated with an instance or interface of a managed VPC. */
async function addressesIn(l: AttachedListing, instances: Instance[]): Promise<Address[]> {
  const interfaces = (l.inVpcs.get('aws_network_interface') ?? []) as NetworkInterface[];
  const instanceIds = new Set(instances.map((i) => token(i.InstanceId)));
  const eniIds = new Set([...interfaces.map((n) => token(n.NetworkInterfaceId)), ...instances.flatMap((i) => (i.NetworkInterfaces ?? []).map((n) => token(n.NetworkInterfaceId)))]);
  const addresses = await l.addresses;
  return addresses.filter((a) => !!token(a.AllocationId) && (instanceIds.has(token(a.InstanceId)) || eniIds.has(token(a.NetworkInterfaceId))));
}

/**
 * Every VPC address of the region. The call needs nothing the VPC listing finds (only the filtering after it
 * does), so the listing starts it alongside its own calls: a round trip less on the scan's critical path.
 */
export async function describeAddresses(dctx: DescribeContext): Promise<Address[]> {
  // domain = vpc: EC2-Classic addresses have no VPC; the filter is one DescribeAddresses knows.
  const pages = await allPagesOf('DescribeAddresses', { Filters: [{ Name: 'domain', Values: ['vpc'] }] }, dctx);
  return pages.flatMap((p) => (p.Addresses ?? []) as Address[]);
}

/** Volume ID → the owner its instance lends it (undefined: none), for volumes attached after launch. */
function attachedLater(instances: Instance[], declared: ReadonlySet<string>): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const i of instances) {
    const root = token(i.RootDeviceName);
    for (const m of i.BlockDeviceMappings ?? []) {
      const id = token(m.Ebs?.VolumeId);
      if (!id || declared.has(id) || token(m.DeviceName) === root || m.Ebs?.DeleteOnTermination !== false) continue;
      out.set(id, instanceOwner(i.Tags));
    }
  }
  return out;
}

async function volumesById(ids: string[], dctx: DescribeContext): Promise<Volume[]> {
  const out: Volume[] = [];
  for (let n = 0; n < ids.length; n += VOLUME_IDS_PER_CALL) {
    // A filter, not VolumeIds: a volume deleted since the instance listing is simply not returned (no NotFound).
    const pages = await allPagesOf('DescribeVolumes', { Filters: [{ Name: 'volume-id', Values: ids.slice(n, n + VOLUME_IDS_PER_CALL) }], MaxResults: VOLUME_PAGE }, dctx);
    out.push(...pages.flatMap((p) => (p.Volumes ?? []) as Volume[]));
  }
  return out;
}

/** Addresses a service allocated and manages (DescribeAddresses ServiceManaged), or tagged by an owner. */
function addressOwner(a: Address): string | undefined {
  const service = token(a.ServiceManaged);
  if (service) return `${service.toUpperCase()} (serviceManaged=${service})`;
  return ownerFromTags(a.Tags);
}

/** Volumes the EBS CSI driver provisioned for a Kubernetes persistent volume. */
function csiOwner(v: Volume): string | undefined {
  const tag = v.Tags?.find((t) => t.Key?.trim() === 'ebs.csi.aws.com/cluster' && t.Value?.trim() === 'true');
  const pv = v.Tags?.find((t) => t.Key?.trim() === 'kubernetes.io/created-for/pv/name')?.Value?.trim();
  return tag ? `EBS CSI driver${pv ? ` for persistent volume ${pv}` : ''} (tag ebs.csi.aws.com/cluster=true)` : undefined;
}
