// aws_security_group: DescribeSecurityGroups. Rules come out in Terraform's block shape;
// the comparison expands both sides to tuples with securityGroupRules.ts.
import type { SecurityGroup } from '@aws-sdk/client-ec2';
import type { Value } from '../../model';
import type { AwsMapper } from './mapper';
import { permissionsToRules } from './securityGroupRules';
import { securityGroupOwner } from './serviceManaged';
import { nameTag, tagsToMap } from './tags';
import { token } from './wireValues';

function toAttributes(g: SecurityGroup): Record<string, Value> {
  const ctx = { selfId: token(g.GroupId) ?? undefined, ownerId: token(g.OwnerId) ?? undefined };
  return {
    name: g.GroupName ?? null,
    description: g.Description ?? null,
    vpc_id: token(g.VpcId),
    ingress: permissionsToRules(g.IpPermissions, ctx),
    egress: permissionsToRules(g.IpPermissionsEgress, ctx),
    tags: tagsToMap(g.Tags),
  };
}

export const securityGroupMapper: AwsMapper<SecurityGroup> = {
  type: 'aws_security_group',
  describe: {
    operation: 'DescribeSecurityGroups',
    idsParam: 'GroupIds',
    items: (o) => o.SecurityGroups ?? [],
    idOf: (g) => g.GroupId,
    notFoundCodes: ['InvalidGroup.NotFound', 'InvalidGroupId.Malformed', 'InvalidGroupId.NotFound'],
    chunkSize: 200,
  },
  normalization: {
    type: 'aws_security_group',
    scalarSets: [],
    singleBlocks: [],
    ruleBlocks: ['ingress', 'egress'],
    tagMaps: ['tags'],
    onDemand: {},
  },
  vpcOf: (g) => token(g.VpcId) ?? undefined,
  listInVpcs: {
    filters: [],
    managedBy: securityGroupOwner,
    nameOf: (g) => nameTag(g.Tags) ?? token(g.GroupName) ?? undefined,
  },
  toAttributes,
};
