// The AWS resource types DriftLens verifies. Adding a type = one mapper file + this line.
import { ec2InstanceMapper } from './ec2Instance';
import type { AwsMapper, TypeNormalization } from './mapper';
import { securityGroupMapper } from './securityGroup';
import { subnetMapper } from './subnet';
import { vpcMapper } from './vpc';
import { securityGroupRuleMapper } from './securityGroupRule';
import { vpcSecurityGroupEgressRuleMapper, vpcSecurityGroupIngressRuleMapper } from './vpcSecurityGroupRule';
import { routeTableMapper } from './routeTable';
import { routeMapper } from './route';
import { routeTableAssociationMapper } from './routeTableAssociation';
import { internetGatewayMapper } from './internetGateway';
import { egressOnlyInternetGatewayMapper } from './egressOnlyInternetGateway';
import { natGatewayMapper } from './natGateway';
import { eipMapper } from './eip';
import { eipAssociationMapper } from './eipAssociation';
import { networkAclMapper } from './networkAcl';
import { networkAclRuleMapper } from './networkAclRule';
import { ebsVolumeMapper } from './ebsVolume';
import { volumeAttachmentMapper } from './volumeAttachment';
import { keyPairMapper } from './keyPair';
import { launchTemplateMapper } from './launchTemplate';
import { adopted } from './defaults';
import { networkInterfaceMapper } from './networkInterface';
import { networkInterfaceAttachmentMapper } from './networkInterfaceAttachment';
import { vpcEndpointMapper } from './vpcEndpoint';
import { vpcPeeringConnectionMapper } from './vpcPeeringConnection';
import { dhcpOptionsAssociationMapper, dhcpOptionsMapper } from './dhcpOptions';
import { vpcCidrAssociationMapper } from './vpcCidrAssociation';
import { flowLogMapper } from './flowLog';
import { placementGroupMapper } from './placementGroup';
import { transitGatewayMapper, transitGatewayVpcAttachmentMapper } from './transitGateway';
import { customerGatewayMapper, vpnGatewayMapper } from './vpnGateways';
import { mainRouteTableAssociationMapper } from './mainRouteTableAssociation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAwsMapper = AwsMapper<any, any>;

export const AWS_MAPPERS: readonly AnyAwsMapper[] = [
  ec2InstanceMapper, securityGroupMapper, vpcMapper, subnetMapper,
  // The EC2/VPC family (issue 12).
  securityGroupRuleMapper, vpcSecurityGroupIngressRuleMapper, vpcSecurityGroupEgressRuleMapper,
  routeTableMapper, routeMapper, routeTableAssociationMapper, internetGatewayMapper, egressOnlyInternetGatewayMapper, natGatewayMapper,
  eipMapper, eipAssociationMapper, networkAclMapper, networkAclRuleMapper, ebsVolumeMapper, volumeAttachmentMapper, keyPairMapper, launchTemplateMapper,
  adopted(securityGroupMapper, 'aws_default_security_group'), adopted(routeTableMapper, 'aws_default_route_table'), adopted(networkAclMapper, 'aws_default_network_acl'), adopted(vpcMapper, 'aws_default_vpc'),
  mainRouteTableAssociationMapper, networkInterfaceMapper, networkInterfaceAttachmentMapper, vpcEndpointMapper, vpcPeeringConnectionMapper, dhcpOptionsMapper, dhcpOptionsAssociationMapper,
  vpcCidrAssociationMapper, flowLogMapper, placementGroupMapper, transitGatewayMapper, transitGatewayVpcAttachmentMapper, customerGatewayMapper, vpnGatewayMapper,
];

export function awsMapperFor(type: string): AnyAwsMapper | undefined {
  return AWS_MAPPERS.find((m) => m.type === type);
}

/** The normalizations the comparison applies for `type`, or undefined for unsupported types. */
export function awsNormalization(type: string): TypeNormalization | undefined {
  return awsMapperFor(type)?.normalization;
}
