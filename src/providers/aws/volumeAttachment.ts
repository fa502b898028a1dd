// aws_volume_attachment: ID `vai-…` (a hash), read as resourceVolumeAttachmentRead does: describe the
// volume (volume_id) and find its attachment to instance_id on device_name. Detached: missing.
import type { Volume } from '@aws-sdk/client-ec2';
import type { Binding } from '../../model';
import { identityOf, terraformOnly } from './bindingValues';
import { ebsVolumeMapper } from './ebsVolume';
import type { AwsMapper } from './mapper';
import { token } from './wireValues';

const find = (v: Volume, b: Binding) =>
  (v.Attachments ?? []).find((a) => token(a.InstanceId) === identityOf(b, 'instance_id') && token(a.Device) === identityOf(b, 'device_name') && a.State !== 'detached');

export const volumeAttachmentMapper: AwsMapper<Volume> = {
  type: 'aws_volume_attachment',
  describe: ebsVolumeMapper.describe,
  normalization: { type: 'aws_volume_attachment', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: [], onDemand: {} },
  describeIdOf: (b) => identityOf(b, 'volume_id'),
  goneFrom: (v, b) => (find(v, b) ? undefined : `${v.VolumeId} is not attached to ${identityOf(b, 'instance_id') ?? 'the instance'} as ${identityOf(b, 'device_name') ?? 'the device'}`),
  toAttributes: (v, _e, _u, b) => {
    const a = b ? find(v, b) : undefined;
    return { ...terraformOnly(b, ['skip_destroy', 'force_detach', 'stop_instance_before_detaching']), volume_id: token(v.VolumeId), instance_id: token(a?.InstanceId), device_name: token(a?.Device) };
  },
};
