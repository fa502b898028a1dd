// aws_ebs_volume: DescribeVolumes, as resourceEBSVolumeRead sets it: iops and throughput as returned
// (throughput only for gp3), kms_key_id the key ARN, snapshot_id "" when none, multi_attach_enabled false.
import type { Volume } from '@aws-sdk/client-ec2';
import { terraformOnly } from './bindingValues';
import type { AwsMapper } from './mapper';
import { tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

export const ebsVolumeMapper: AwsMapper<Volume> = {
  type: 'aws_ebs_volume',
  describe: {
    operation: 'DescribeVolumes',
    idsParam: 'VolumeIds',
    items: (o) => o.Volumes ?? [],
    idOf: (v) => v.VolumeId,
    notFoundCodes: ['InvalidVolume.NotFound', 'InvalidVolumeID.Malformed'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_ebs_volume', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  gone: (v) => (enumValue(v.State) === 'deleted' || enumValue(v.State) === 'deleting' ? `volume is ${enumValue(v.State)}` : undefined),
  toAttributes: (v, _e, _u, b) => ({
    ...terraformOnly(b, ['final_snapshot']),
    availability_zone: token(v.AvailabilityZone),
    size: v.Size ?? null,
    type: enumValue(v.VolumeType),
    iops: v.Iops ?? null,
    throughput: v.Throughput ?? null,
    encrypted: v.Encrypted ?? false,
    kms_key_id: token(v.KmsKeyId),
    snapshot_id: token(v.SnapshotId),
    multi_attach_enabled: v.MultiAttachEnabled ?? false,
    outpost_arn: token(v.OutpostArn),
    tags: tagsToMap(v.Tags),
  }),
};
