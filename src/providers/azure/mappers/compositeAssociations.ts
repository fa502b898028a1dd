// Associations whose state ID joins two IDs with "|" (commonids.ParseCompositeResourceID), read through the first
// resource as azurerm's reads do (azurerm 4.x network/): azurerm_private_endpoint_application_security_group_association
// (`<private endpoint id>|<asg id>`, resourcePrivateEndpointApplicationSecurityGroupAssociationRead: present while the
// endpoint lists the group) and azurerm_network_interface_backend_address_pool_association
// (`<nic id>/ipConfigurations/<name>|<pool id>`, resourceNetworkInterfaceBackendAddressPoolAssociationRead: present
// while that IP configuration lists the pool). When the parent answers without it, azurerm drops it from state: missing.
import type { Value } from '../../../model';
import type { ArmResource, AzureMapper } from './types';
import { armIdPolicy, str } from './common';

const sameId = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
const ids = (v: unknown): string[] => ((Array.isArray(v) ? v : []) as { id?: unknown }[]).map((x) => str(x.id)).filter((x): x is string => !!x);

function split(stateId: string, type: string, first: string): [string, string] | { unreadable: string } {
  const parts = stateId.split('|');
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : { unreadable: `${type} ID "${stateId}" is not "<${first}>|<second id>"` };
}

const PE_ASG = 'azurerm_private_endpoint_application_security_group_association';

export const privateEndpointAsgAssociation: AzureMapper = {
  type: PE_ASG,
  armType: 'Microsoft.Network/privateEndpoints',
  attributes: { private_endpoint_id: armIdPolicy, application_security_group_id: armIdPolicy },
  deriveId: ({ private_endpoint_id: pe, application_security_group_id: asg }) => (typeof pe === 'string' && typeof asg === 'string' && pe && asg ? `${pe}|${asg}` : undefined),
  armId(stateId) {
    const s = split(stateId, PE_ASG, 'private endpoint id');
    return Array.isArray(s) ? s[0] : s;
  },
  absentReason(arm, stateId) {
    const asg = stateId.split('|')[1] ?? '';
    return ids(arm.properties?.applicationSecurityGroups).some((g) => sameId(g, asg)) ? undefined : `private endpoint ${arm.name} has no application security group ${asg.split('/').pop()}`;
  },
  map(arm, _extras, _declared, stateId) {
    const asg = stateId?.split('|')[1] ?? '';
    return { private_endpoint_id: arm.id, application_security_group_id: ids(arm.properties?.applicationSecurityGroups).find((g) => sameId(g, asg)) ?? '' };
  },
};

const NIC_POOL = 'azurerm_network_interface_backend_address_pool_association';

/** The IP configuration the state ID names, and the pool. */
function configAndPool(arm: ArmResource, stateId: string | undefined): { config?: { name?: string; properties?: Record<string, unknown> }; pool: string } {
  const [configId = '', pool = ''] = (stateId ?? '').split('|');
  const name = configId.split('/').pop()?.toLowerCase() ?? '';
  const configs = (arm.properties?.ipConfigurations as { name?: string; properties?: Record<string, unknown> }[] | undefined) ?? [];
  return { config: configs.find((c) => (c.name ?? '').toLowerCase() === name), pool };
}

export const nicBackendPoolAssociation: AzureMapper = {
  type: NIC_POOL,
  armType: 'Microsoft.Network/networkInterfaces',
  attributes: { network_interface_id: armIdPolicy, ip_configuration_name: { caseInsensitive: true }, backend_address_pool_id: armIdPolicy },
  deriveId: ({ network_interface_id: nic, ip_configuration_name: cfg, backend_address_pool_id: pool }) =>
    typeof nic === 'string' && typeof cfg === 'string' && typeof pool === 'string' && nic && cfg && pool ? `${nic.replace(/\/+$/, '')}/ipConfigurations/${cfg}|${pool}` : undefined,
  armId(stateId) {
    const s = split(stateId, NIC_POOL, 'network interface id>/ipConfigurations/<name');
    if (!Array.isArray(s)) return s;
    const i = s[0].toLowerCase().lastIndexOf('/ipconfigurations/');
    return i > 0 ? s[0].slice(0, i) : { unreadable: `${NIC_POOL} ID "${stateId}" names no IP configuration` };
  },
  absentReason(arm, stateId) {
    const { config, pool } = configAndPool(arm, stateId);
    if (!config) return `network interface ${arm.name} has no such IP configuration`;
    return ids(config.properties?.loadBalancerBackendAddressPools).some((p) => sameId(p, pool)) ? undefined : `IP configuration ${config.name} is not in backend pool ${pool.split('/').pop()}`;
  },
  map(arm, _extras, _declared, stateId): Record<string, Value> {
    const { config, pool } = configAndPool(arm, stateId);
    return {
      network_interface_id: arm.id,
      ip_configuration_name: config?.name ?? '',
      backend_address_pool_id: ids(config?.properties?.loadBalancerBackendAddressPools).find((p) => sameId(p, pool)) ?? '',
    };
  },
};
