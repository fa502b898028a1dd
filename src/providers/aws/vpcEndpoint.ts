// aws_vpc_endpoint: DescribeVpcEndpoints, as resourceVPCEndpointRead sets it: route_table_ids, subnet_ids and
// security_group_ids as sets, vpc_endpoint_type as EC2 spells it (Gateway / Interface, compared without case),
// private_dns_enabled. A deleted endpoint is gone (FindVPCEndpointByID). `policy` from PolicyDocument, compared
// as IAM compares documents (the read keeps the configured text when equivalent: SecondJSONUnlessEquivalent);
// Optional+Computed, so an undeclared policy is "don't care". A policy widened to `*` is an error, as for IAM.
import type { VpcEndpoint } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { normalizePolicy, policySeverity } from './services/policyDocument';
import { nameTag, tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

const ids = (xs: (string | undefined)[] | undefined) => (xs ?? []).map((x) => token(x)).filter((x): x is string => x !== null);

export const vpcEndpointMapper: AwsMapper<VpcEndpoint> = {
  type: 'aws_vpc_endpoint',
  describe: {
    operation: 'DescribeVpcEndpoints',
    idsParam: 'VpcEndpointIds',
    items: (o) => o.VpcEndpoints ?? [],
    idOf: (e) => e.VpcEndpointId,
    notFoundCodes: ['InvalidVpcEndpointId.NotFound', 'InvalidVpcEndpointId.Malformed'],
    chunkSize: 200,
  },
  normalization: {
    type: 'aws_vpc_endpoint',
    scalarSets: ['route_table_ids', 'subnet_ids', 'security_group_ids'],
    singleBlocks: [],
    ruleBlocks: [],
    tagMaps: ['tags'],
    onDemand: {},
    normalizers: {
      vpc_endpoint_type: { normalize: (v) => (typeof v === 'string' ? v.toLowerCase() : v) },
      policy: { normalize: normalizePolicy, severity: policySeverity },
    },
  },
  vpcOf: (e) => token(e.VpcId) ?? undefined,
  gone: (e) => (['deleted', 'deleting'].includes(enumValue(e.State) ?? '') ? `VPC endpoint is ${enumValue(e.State)}` : undefined),
  listInVpcs: { filters: [], managedBy: (e) => (e.RequesterManaged ? 'the AWS service that requested it' : undefined), nameOf: (e) => nameTag(e.Tags) ?? token(e.ServiceName) ?? undefined },
  toAttributes: (e) => ({
    vpc_id: token(e.VpcId),
    service_name: token(e.ServiceName),
    vpc_endpoint_type: token(e.VpcEndpointType),
    private_dns_enabled: e.PrivateDnsEnabled ?? false,
    // Endpoints of services without policies answer none: the provider then stores "".
    policy: e.PolicyDocument ?? '',
    route_table_ids: ids(e.RouteTableIds),
    subnet_ids: ids(e.SubnetIds),
    security_group_ids: ids((e.Groups ?? []).map((g) => g.GroupId)),
    state: enumValue(e.State),
    requester_managed: e.RequesterManaged ?? false,
    tags: tagsToMap(e.Tags),
  }),
};
