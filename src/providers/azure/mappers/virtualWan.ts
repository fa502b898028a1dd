// Virtual WAN: azurerm_virtual_wan ↔ Microsoft.Network/virtualWans (resourceVirtualWanRead), azurerm_virtual_hub
// ↔ virtualHubs (resourceVirtualHubRead), azurerm_vpn_gateway ↔ vpnGateways (resourceVPNGatewayRead) and
// azurerm_express_route_gateway ↔ expressRouteGateways (resourceExpressRouteGatewayRead), azurerm 4.x
// network/*_resource.go at network 2025-01-01. Defaults as those reads set them: nil bools false (pointer.From),
// vpn scale_unit 0, routing_preference "Microsoft Network" unless isRoutingPreferenceInternet, ExpressRoute
// scale_units the autoscale minimum (0 when absent); hub connections (resourceVirtualHubConnectionRead) by their
// remote network. Turning VPN encryption off is an error.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, at, bool, deriveTracked, exposedWhen, num, str, trackedAttributes, trackedShape } from './common';
import { childOf, parentId } from './parentIds';

export const virtualWan: AzureMapper = {
  type: 'azurerm_virtual_wan',
  armType: 'Microsoft.Network/virtualWans',
  attributes: {
    ...trackedAttributes,
    disable_vpn_encryption: { severity: exposedWhen((a: Value) => a === true) },
    allow_branch_to_branch_traffic: {},
    office365_local_breakout_category: { caseInsensitive: true },
    type: { caseInsensitive: true },
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      disable_vpn_encryption: bool(p.disableVpnEncryption, false),
      allow_branch_to_branch_traffic: bool(p.allowBranchToBranchTraffic, false),
      office365_local_breakout_category: str(p.office365LocalBreakoutCategory) ?? '',
      type: str(p.type) ?? '',
    };
  },
  deriveId: deriveTracked('Microsoft.Network/virtualWans'),
};

export const virtualHub: AzureMapper = {
  type: 'azurerm_virtual_hub',
  armType: 'Microsoft.Network/virtualHubs',
  attributes: {
    ...trackedAttributes,
    address_prefix: {},
    branch_to_branch_traffic_enabled: {},
    sku: { caseInsensitive: true },
    hub_routing_preference: { caseInsensitive: true },
    virtual_wan_id: armIdPolicy,
    virtual_router_auto_scale_min_capacity: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      address_prefix: str(p.addressPrefix) ?? '',
      branch_to_branch_traffic_enabled: bool(p.allowBranchToBranchTraffic, false),
      sku: str(p.sku) ?? '',
      hub_routing_preference: str(p.hubRoutingPreference) ?? '',
      virtual_wan_id: str(at(p, 'virtualWan.id')) ?? '',
      virtual_router_auto_scale_min_capacity: num(at(p, 'virtualRouterAutoScaleConfiguration.minCapacity')) ?? 0,
    };
  },
  deriveId: deriveTracked('Microsoft.Network/virtualHubs'),
};

export const vpnGateway: AzureMapper = {
  type: 'azurerm_vpn_gateway',
  armType: 'Microsoft.Network/vpnGateways',
  attributes: {
    ...trackedAttributes,
    virtual_hub_id: armIdPolicy,
    scale_unit: {},
    routing_preference: { caseInsensitive: true },
    bgp_route_translation_for_nat_enabled: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      virtual_hub_id: str(at(p, 'virtualHub.id')) ?? '',
      scale_unit: num(p.vpnGatewayScaleUnit) ?? 0,
      routing_preference: bool(p.isRoutingPreferenceInternet, false) ? 'Internet' : 'Microsoft Network',
      bgp_route_translation_for_nat_enabled: bool(p.enableBgpRouteTranslationForNat, false),
    };
  },
  deriveId: deriveTracked('Microsoft.Network/vpnGateways'),
};

export const expressRouteGateway: AzureMapper = {
  type: 'azurerm_express_route_gateway',
  armType: 'Microsoft.Network/expressRouteGateways',
  attributes: { ...trackedAttributes, virtual_hub_id: armIdPolicy, allow_non_virtual_wan_traffic: {}, scale_units: {} },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      virtual_hub_id: str(at(p, 'virtualHub.id')) ?? '',
      allow_non_virtual_wan_traffic: bool(p.allowNonVirtualWanTraffic, false),
      scale_units: num(at(p, 'autoScaleConfiguration.bounds.min')) ?? 0,
    };
  },
  deriveId: deriveTracked('Microsoft.Network/expressRouteGateways'),
};


/** azurerm_virtual_hub_connection ↔ virtualHubs/hubVirtualNetworkConnections (resourceVirtualHubConnectionRead): hub from the ID. */
export const virtualHubConnection: AzureMapper = {
  type: 'azurerm_virtual_hub_connection',
  armType: 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections',
  attributes: { name: { caseInsensitive: true }, virtual_hub_id: armIdPolicy, remote_virtual_network_id: armIdPolicy, internet_security_enabled: {} },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      name: arm.name,
      virtual_hub_id: parentId(arm.id),
      remote_virtual_network_id: str(at(p, 'remoteVirtualNetwork.id')) ?? '',
      internet_security_enabled: bool(p.enableInternetSecurity, false),
    };
  },
  deriveId: childOf('virtual_hub_id', 'hubVirtualNetworkConnections'),
};
