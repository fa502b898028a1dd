// aws_network_interface_attachment: ID `eni-attach-…`, read through the interface (network_interface_id) as
// resourceNetworkInterfaceAttachmentRead finds it by attachment ID. Detached or re-attached: missing.
import type { NetworkInterface } from '@aws-sdk/client-ec2';
import { identityOf } from './bindingValues';
import type { AwsMapper } from './mapper';
import { networkInterfaceMapper } from './networkInterface';
import { token } from './wireValues';

export const networkInterfaceAttachmentMapper: AwsMapper<NetworkInterface> = {
  type: 'aws_network_interface_attachment',
  describe: networkInterfaceMapper.describe,
  normalization: { type: 'aws_network_interface_attachment', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: [], onDemand: {} },
  describeIdOf: (b) => identityOf(b, 'network_interface_id'),
  goneFrom: (n, b) => (token(n.Attachment?.AttachmentId) === b.liveId && n.Attachment?.Status !== 'detached' ? undefined : `${n.NetworkInterfaceId} is no longer attached as ${b.liveId}`),
  toAttributes: (n) => ({
    network_interface_id: token(n.NetworkInterfaceId),
    instance_id: token(n.Attachment?.InstanceId),
    device_index: n.Attachment?.DeviceIndex ?? null,
    status: token(n.Attachment?.Status),
  }),
};
