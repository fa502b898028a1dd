// Association resources: azurerm types with no ARM resource of their own. Their state ID is the
// parent's (a subnet's ID, or `<nic id>|<nsg id>` as commonids.ParseCompositeResourceID reads it), and
// their read GETs the parent and checks the association property: when it is gone, azurerm drops the
// resource from state (d.SetId("")), so the parent's answer without it is a "not found" of the association.
// Read functions: resourceSubnetNetworkSecurityGroupAssociationRead, resourceSubnetRouteTableAssociationRead,
// resourceSubnetNatGatewayAssociationRead, resourceNetworkInterfaceSecurityGroupAssociationRead,
// resourceNetworkInterfaceApplicationSecurityGroupAssociationRead (azurerm 4.x,
// internal/services/network/*_association_resource.go).
import type { Value } from '../../../model';
import type { ArmResource, AzureMapper } from './types';
import { armIdPolicy, at, str } from './common';

/** A subnet association: `subnet_id` plus the ID held in `properties.<property>.id`. */
function subnetAssociation(type: string, attribute: string, property: string, what: string): AzureMapper {
  return {
    type,
    armType: 'Microsoft.Network/virtualNetworks/subnets',
    attributes: { subnet_id: armIdPolicy, [attribute]: armIdPolicy },
    absentReason: (arm) => (str(at(arm.properties, `${property}.id`)) ? undefined : `subnet ${arm.name} has no ${what} associated`),
    deriveId: (attrs) => (typeof attrs.subnet_id === 'string' && attrs.subnet_id ? attrs.subnet_id : undefined),
    map: (arm: ArmResource): Record<string, Value> => ({ subnet_id: arm.id, [attribute]: str(at(arm.properties, `${property}.id`)) ?? '' }),
  };
}

export const subnetNsgAssociation = subnetAssociation('azurerm_subnet_network_security_group_association', 'network_security_group_id', 'networkSecurityGroup', 'network security group');
export const subnetRouteTableAssociation = subnetAssociation('azurerm_subnet_route_table_association', 'route_table_id', 'routeTable', 'route table');
export const subnetNatGatewayAssociation = subnetAssociation('azurerm_subnet_nat_gateway_association', 'nat_gateway_id', 'natGateway', 'NAT gateway');

/** `<nic id>|<nsg id>` → the NIC's ID (the ARM resource to GET). */
function compositeFirst(stateId: string, type: string): string | { unreadable: string } {
  const parts = stateId.split('|');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { unreadable: `${type} ID "${stateId}" is not "<network interface id>|<second id>"` };
  return parts[0];
}

export const nicNsgAssociation: AzureMapper = {
  type: 'azurerm_network_interface_security_group_association',
  armType: 'Microsoft.Network/networkInterfaces',
  attributes: { network_interface_id: armIdPolicy, network_security_group_id: armIdPolicy },
  deriveId: ({ network_interface_id: nic, network_security_group_id: nsg }) => (typeof nic === 'string' && typeof nsg === 'string' && nic && nsg ? `${nic}|${nsg}` : undefined),
  armId: (stateId) => compositeFirst(stateId, 'azurerm_network_interface_security_group_association'),
  absentReason: (arm) => (str(at(arm.properties, 'networkSecurityGroup.id')) ? undefined : `network interface ${arm.name} has no network security group associated`),
  // azurerm sets network_security_group_id from the state ID; the NIC's own NSG is what is live, so a
  // swapped group reads as drift here instead of silently in sync.
  map: (arm) => ({ network_interface_id: arm.id, network_security_group_id: str(at(arm.properties, 'networkSecurityGroup.id')) ?? '' }),
};

/** The application security groups on any IP configuration of a NIC. */
function nicGroups(arm: ArmResource): string[] {
  const configs = (arm.properties?.ipConfigurations as { properties?: Record<string, unknown> }[] | undefined) ?? [];
  return configs.flatMap((c) => ((c.properties?.applicationSecurityGroups as { id?: unknown }[] | undefined) ?? []).map((g) => str(g.id)).filter((x): x is string => !!x));
}

const sameId = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

export const nicAsgAssociation: AzureMapper = {
  type: 'azurerm_network_interface_application_security_group_association',
  armType: 'Microsoft.Network/networkInterfaces',
  attributes: { network_interface_id: armIdPolicy, application_security_group_id: armIdPolicy },
  deriveId: ({ network_interface_id: nic, application_security_group_id: asg }) => (typeof nic === 'string' && typeof asg === 'string' && nic && asg ? `${nic}|${asg}` : undefined),
  armId: (stateId) => compositeFirst(stateId, 'azurerm_network_interface_application_security_group_association'),
  // Present when any IP configuration carries the group named in the state ID, as the read checks.
  absentReason(arm, stateId) {
    const asg = stateId.split('|')[1] ?? '';
    return nicGroups(arm).some((g) => sameId(g, asg)) ? undefined : `network interface ${arm.name} has no application security group ${asg.split('/').pop()}`;
  },
  map(arm, _extras, declared) {
    const groups = nicGroups(arm);
    const wanted = typeof declared?.application_security_group_id === 'string' ? declared.application_security_group_id : '';
    return { network_interface_id: arm.id, application_security_group_id: groups.find((g) => sameId(g, wanted)) ?? groups[0] ?? '' };
  },
};
