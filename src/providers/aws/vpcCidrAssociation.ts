// aws_vpc_ipv4_cidr_block_association: ID `vpc-cidr-assoc-…`, read through its VPC (vpc_id) as
// resourceVPCIPv4CIDRBlockAssociationRead finds it: an association in state disassociated is gone.
import type { Vpc } from '@aws-sdk/client-ec2';
import type { Binding } from '../../model';
import { identityOf } from './bindingValues';
import type { AwsMapper } from './mapper';
import { vpcMapper } from './vpc';
import { token } from './wireValues';

const find = (v: Vpc, b: Binding) =>
  (v.CidrBlockAssociationSet ?? []).find((a) => token(a.AssociationId) === b.liveId && !['disassociated', 'disassociating', 'failed'].includes(a.CidrBlockState?.State ?? ''));

export const vpcCidrAssociationMapper: AwsMapper<Vpc> = {
  type: 'aws_vpc_ipv4_cidr_block_association',
  describe: vpcMapper.describe,
  normalization: { type: 'aws_vpc_ipv4_cidr_block_association', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: [], onDemand: {} },
  describeIdOf: (b) => identityOf(b, 'vpc_id'),
  goneFrom: (v, b) => (find(v, b) ? undefined : `${b.liveId} is no longer associated with ${v.VpcId}`),
  toAttributes: (v, _e, _u, b) => ({ vpc_id: token(v.VpcId), cidr_block: token(b ? find(v, b)?.CidrBlock : undefined) }),
};
