// More of the VPC family, seeded directly in the EC2 API reference's response shapes (the item of each
// Describe* answer's set), served by one strict handler per action: IDs checked for shape, NotFound naming
// the missing IDs with the service's code (or, where EC2 answers an unknown ID with an empty set, none),
// unknown filters rejected, NextToken paging where the action pages.
import { applyFilters, filters, listParam, page, type Params } from './query';
import { Ec2Error, type XmlValue } from './xml';

export type WireItem = Record<string, XmlValue>;

/** Seed: action → items in wire shape (`{ networkInterfaceId: 'eni-…', vpcId: 'vpc-…', tagSet: [{ key, value }] }`). */
export type WireSeed = Partial<Record<WireAction, WireItem[]>>;

interface WireRule {
  /** The request's ID list (`NetworkInterfaceId` → `NetworkInterfaceId.1`…). */
  idParam: string;
  /** The item field holding the ID. */
  idField: string;
  /** The answer's set element. */
  setName: string;
  /** ID prefix (shape `prefix-` + 8 or 17 hex digits); undefined for names. */
  prefix?: string;
  malformed?: string;
  /** Undefined: EC2 answers an unknown ID with an empty set (DescribeFlowLogs). */
  notFound?: string;
  message?: (ids: string[]) => string;
  /** Filter name → the item field(s) it matches (dotted paths into nested objects, `*` for every list element). */
  filters: Record<string, string>;
  /** DescribeCustomerGateways, DescribeVpnGateways and DescribePlacementGroups never page. */
  pages: boolean;
}

const quoted = (noun: string) => (ids: string[]) => `The ${noun} '${ids.join(', ')}' does not exist`;

const RULES = {
  DescribeNetworkInterfaces: { idParam: 'NetworkInterfaceId', idField: 'networkInterfaceId', setName: 'networkInterfaceSet', prefix: 'eni', malformed: 'InvalidNetworkInterfaceID.Malformed', notFound: 'InvalidNetworkInterfaceID.NotFound', message: quoted('networkInterface ID'), filters: { 'vpc-id': 'vpcId', 'subnet-id': 'subnetId', 'attachment.attachment-id': 'attachment.attachmentId', 'attachment.instance-id': 'attachment.instanceId', 'requester-managed': 'requesterManaged', 'interface-type': 'interfaceType' }, pages: true },
  DescribeVpcEndpoints: { idParam: 'VpcEndpointId', idField: 'vpcEndpointId', setName: 'vpcEndpointSet', prefix: 'vpce', malformed: 'InvalidVpcEndpointId.Malformed', notFound: 'InvalidVpcEndpointId.NotFound', message: quoted('Vpc Endpoint Id'), filters: { 'vpc-id': 'vpcId', 'service-name': 'serviceName', 'vpc-endpoint-state': 'state', 'vpc-endpoint-type': 'vpcEndpointType' }, pages: true },
  DescribeVpcPeeringConnections: { idParam: 'VpcPeeringConnectionId', idField: 'vpcPeeringConnectionId', setName: 'vpcPeeringConnectionSet', prefix: 'pcx', malformed: 'InvalidVpcPeeringConnectionId.Malformed', notFound: 'InvalidVpcPeeringConnectionID.NotFound', message: quoted('vpcPeeringConnection ID'), filters: { 'requester-vpc-info.vpc-id': 'requesterVpcInfo.vpcId', 'accepter-vpc-info.vpc-id': 'accepterVpcInfo.vpcId', 'status-code': 'status.code' }, pages: true },
  DescribeDhcpOptions: { idParam: 'DhcpOptionsId', idField: 'dhcpOptionsId', setName: 'dhcpOptionsSet', prefix: 'dopt', malformed: 'InvalidDhcpOptionsId.Malformed', notFound: 'InvalidDhcpOptionID.NotFound', message: quoted('dhcpOption ID'), filters: { 'dhcp-options-id': 'dhcpOptionsId' }, pages: true },
  DescribeFlowLogs: { idParam: 'FlowLogId', idField: 'flowLogId', setName: 'flowLogSet', prefix: 'fl', malformed: 'InvalidFlowLogId.Malformed', filters: { 'resource-id': 'resourceId', 'traffic-type': 'trafficType' }, pages: true },
  DescribePlacementGroups: { idParam: 'GroupName', idField: 'groupName', setName: 'placementGroupSet', notFound: 'InvalidPlacementGroup.Unknown', message: (ids) => `The Placement Group '${ids[0]}' is unknown.`, filters: { strategy: 'strategy', state: 'state', 'group-name': 'groupName' }, pages: false },
  DescribeTransitGateways: { idParam: 'TransitGatewayIds', idField: 'transitGatewayId', setName: 'transitGatewaySet', prefix: 'tgw', malformed: 'InvalidTransitGatewayID.Malformed', notFound: 'InvalidTransitGatewayID.NotFound', message: (ids) => `Transit Gateway ${ids[0]} was deleted or does not exist.`, filters: { state: 'state', 'transit-gateway-id': 'transitGatewayId' }, pages: true },
  DescribeTransitGatewayVpcAttachments: { idParam: 'TransitGatewayAttachmentIds', idField: 'transitGatewayAttachmentId', setName: 'transitGatewayVpcAttachments', prefix: 'tgw-attach', malformed: 'InvalidTransitGatewayAttachmentID.Malformed', notFound: 'InvalidTransitGatewayAttachmentID.NotFound', message: (ids) => `Transit Gateway Attachment ${ids[0]} was deleted or does not exist.`, filters: { 'vpc-id': 'vpcId', state: 'state', 'transit-gateway-id': 'transitGatewayId' }, pages: true },
  DescribeCustomerGateways: { idParam: 'CustomerGatewayId', idField: 'customerGatewayId', setName: 'customerGatewaySet', prefix: 'cgw', malformed: 'InvalidCustomerGatewayId.Malformed', notFound: 'InvalidCustomerGatewayID.NotFound', message: quoted('customerGateway ID'), filters: { state: 'state', 'bgp-asn': 'bgpAsn' }, pages: false },
  DescribeVpnGateways: { idParam: 'VpnGatewayId', idField: 'vpnGatewayId', setName: 'vpnGatewaySet', prefix: 'vgw', malformed: 'InvalidVpnGatewayId.Malformed', notFound: 'InvalidVpnGatewayID.NotFound', message: quoted('vpnGateway ID'), filters: { 'attachment.vpc-id': 'attachments.*.vpcId', state: 'state' }, pages: false },
} satisfies Record<string, WireRule>;

export type WireAction = keyof typeof RULES;

/** The values at a dotted path (`attachments.*.vpcId`) as strings. */
function at(item: XmlValue, path: string[]): string[] {
  if (path.length === 0) return item === undefined || item === null || typeof item === 'object' ? [] : [String(item)];
  if (item === null || typeof item !== 'object') return [];
  const [head, ...rest] = path;
  if (Array.isArray(item)) return head === '*' ? item.flatMap((x) => at(x, rest)) : [];
  return at(item[head], rest);
}

function handler(action: WireAction, rule: WireRule) {
  return (params: Params, items: WireItem[], pageSize?: number): Record<string, XmlValue> => {
    const ids = listParam(params, rule.idParam);
    const byId = new Map(items.map((i) => [String(i[rule.idField]), i]));
    let found = items;
    if (ids.length) {
      const shape = rule.prefix ? new RegExp(`^${rule.prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`) : undefined;
      const bad = shape && ids.find((id) => !shape.test(id));
      if (bad) throw new Ec2Error(rule.malformed!, `Invalid id: "${bad}"`);
      const missing = ids.filter((id) => !byId.has(id));
      if (missing.length && rule.notFound) throw new Ec2Error(rule.notFound, rule.message!(missing));
      found = ids.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
    }
    const getters = Object.fromEntries(Object.entries(rule.filters).map(([name, path]) => [name, (i: WireItem) => at(i, path.split('.'))]));
    found = applyFilters(found, filters(params), getters, (i) => Object.fromEntries(at(i, ['tagSet', '*', 'key']).map((k, n) => [k, at(i, ['tagSet', '*', 'value'])[n] ?? ''])));
    if (!rule.pages) {
      if (params.MaxResults !== undefined || params.NextToken !== undefined) throw new Ec2Error('UnknownParameter', `The parameter ${params.MaxResults !== undefined ? 'MaxResults' : 'NextToken'} is not recognized`);
      return { [rule.setName]: found };
    }
    const p = page(found, params, { action, idParam: rule.idParam, maxResultsExcludesIds: true, combinationMessage: `The parameter ${rule.idParam} cannot be used with the parameter MaxResults` }, pageSize);
    return { [rule.setName]: p.items, nextToken: p.nextToken };
  };
}

export const WIRE_HANDLERS = Object.fromEntries(Object.entries(RULES).map(([action, rule]) => [action, handler(action as WireAction, rule)])) as Record<WireAction, ReturnType<typeof handler>>;
