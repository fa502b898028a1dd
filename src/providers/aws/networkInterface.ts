// aws_network_interface: DescribeNetworkInterfaces, as resourceNetworkInterfaceRead sets it: private_ips
// and security_groups as sets, source_dest_check, description ("" when none), the attachment block.
// Listed as unmanaged only when nothing else made it: an instance's primary interface (device 0) belongs
// to the instance, requester-managed ones (NAT, endpoints, load balancers, Lambda) to their service.
import type { NetworkInterface } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { nameTag, tagsToMap } from './tags';
import { token } from './wireValues';

function owner(n: NetworkInterface): string | undefined {
  if (n.RequesterManaged) return `the AWS service that requested it (${n.Description || n.InterfaceType || 'requester-managed'})`;
  if (n.InterfaceType && n.InterfaceType !== 'interface') return `the AWS service behind its type ${n.InterfaceType}`;
  if (n.Attachment?.DeviceIndex === 0 && n.Attachment.InstanceId) return `the instance ${n.Attachment.InstanceId} (its primary network interface)`;
  return undefined;
}

export const networkInterfaceMapper: AwsMapper<NetworkInterface> = {
  type: 'aws_network_interface',
  describe: {
    operation: 'DescribeNetworkInterfaces',
    idsParam: 'NetworkInterfaceIds',
    items: (o) => o.NetworkInterfaces ?? [],
    idOf: (n) => n.NetworkInterfaceId,
    notFoundCodes: ['InvalidNetworkInterfaceID.NotFound', 'InvalidNetworkInterfaceID.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_network_interface', scalarSets: ['private_ips', 'security_groups'], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  vpcOf: (n) => token(n.VpcId) ?? undefined,
  listInVpcs: { filters: [], managedBy: owner, nameOf: (n) => nameTag(n.TagSet) ?? (n.Description || undefined) },
  toAttributes: (n) => ({
    subnet_id: token(n.SubnetId),
    description: n.Description ?? '',
    private_ip: token(n.PrivateIpAddress),
    private_ips: (n.PrivateIpAddresses ?? []).map((p) => token(p.PrivateIpAddress)).filter((x): x is string => x !== null),
    security_groups: (n.Groups ?? []).map((g) => token(g.GroupId)).filter((x): x is string => x !== null),
    source_dest_check: n.SourceDestCheck ?? true,
    interface_type: token(n.InterfaceType),
    mac_address: token(n.MacAddress),
    attachment: n.Attachment?.InstanceId ? [{ instance: token(n.Attachment.InstanceId), device_index: n.Attachment.DeviceIndex ?? 0, attachment_id: token(n.Attachment.AttachmentId) }] : [],
    tags: tagsToMap(n.TagSet),
  }),
};
