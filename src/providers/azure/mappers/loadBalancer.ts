// azurerm_lb ↔ Microsoft.Network/loadBalancers and its children read as their own ARM resources:
// azurerm_lb_backend_address_pool, azurerm_lb_probe, azurerm_lb_rule. Read as resourceArmLoadBalancerRead /
// flattenLoadBalancerFrontendIpConfiguration, resourceArmLoadBalancerBackendAddressPoolRead,
// resourceArmLoadBalancerProbeRead and resourceArmLoadBalancerRuleRead (azurerm 4.x, loadbalancer/lb_*.go):
// nil pointers read 0 / "" / false, frontend_ip_configuration_name is the last segment of its ID.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, armIdSetPolicy, at, bool, deriveTracked, num, str, strings, trackedAttributes, trackedShape } from './common';
import { childOf, parentId } from './parentIds';

type Frontend = { name?: string; zones?: string[]; properties?: Record<string, unknown> };

function frontends(v: unknown): Value[] {
  return ((Array.isArray(v) ? v : []) as Frontend[]).map((f) => {
    const p = f.properties ?? {};
    return {
      name: str(f.name) ?? '',
      public_ip_address_id: str(at(p, 'publicIPAddress.id')) ?? '',
      public_ip_prefix_id: str(at(p, 'publicIPPrefix.id')) ?? '',
      subnet_id: str(at(p, 'subnet.id')) ?? '',
      private_ip_address: str(p.privateIPAddress) ?? '',
      private_ip_address_allocation: str(p.privateIPAllocationMethod) ?? '',
      private_ip_address_version: str(p.privateIPAddressVersion) ?? '',
      gateway_load_balancer_frontend_ip_configuration_id: str(at(p, 'gatewayLoadBalancer.id')) ?? '',
      zones: strings(f.zones),
    };
  });
}

export const loadBalancer: AzureMapper = {
  type: 'azurerm_lb',
  armType: 'Microsoft.Network/loadBalancers',
  attributes: {
    ...trackedAttributes,
    sku: { caseInsensitive: true },
    sku_tier: { caseInsensitive: true },
    frontend_ip_configuration: {
      block: 'list',
      attributes: {
        name: {},
        public_ip_address_id: armIdPolicy,
        public_ip_prefix_id: armIdPolicy,
        subnet_id: armIdPolicy,
        private_ip_address: {},
        private_ip_address_allocation: { caseInsensitive: true },
        private_ip_address_version: { caseInsensitive: true },
        gateway_load_balancer_frontend_ip_configuration_id: armIdPolicy,
        zones: { set: true },
      },
    },
  },
  map(arm) {
    return {
      ...trackedShape(arm),
      sku: str(at(arm.sku, 'name')) ?? '',
      sku_tier: str(at(arm.sku, 'tier')) ?? '',
      frontend_ip_configuration: frontends(arm.properties?.frontendIPConfigurations),
    };
  },
  deriveId: deriveTracked('Microsoft.Network/loadBalancers'),
};

export const lbBackendAddressPool: AzureMapper = {
  type: 'azurerm_lb_backend_address_pool',
  armType: 'Microsoft.Network/loadBalancers/backendAddressPools',
  attributes: { name: { caseInsensitive: true }, loadbalancer_id: armIdPolicy, virtual_network_id: armIdPolicy },
  map(arm) {
    return { name: arm.name, loadbalancer_id: parentId(arm.id), virtual_network_id: str(at(arm.properties, 'virtualNetwork.id')) ?? '' };
  },
  deriveId: childOf('loadbalancer_id', 'backendAddressPools'),
};

export const lbProbe: AzureMapper = {
  type: 'azurerm_lb_probe',
  armType: 'Microsoft.Network/loadBalancers/probes',
  attributes: { name: { caseInsensitive: true }, loadbalancer_id: armIdPolicy, protocol: { caseInsensitive: true }, port: {}, request_path: {}, interval_in_seconds: {}, number_of_probes: {}, probe_threshold: {} },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      name: arm.name,
      loadbalancer_id: parentId(arm.id),
      protocol: str(p.protocol) ?? '',
      port: num(p.port) ?? 0,
      request_path: str(p.requestPath) ?? '',
      interval_in_seconds: num(p.intervalInSeconds) ?? 0,
      number_of_probes: num(p.numberOfProbes) ?? 0,
      probe_threshold: num(p.probeThreshold) ?? 0,
    };
  },
  deriveId: childOf('loadbalancer_id', 'probes'),
};

export const lbRule: AzureMapper = {
  type: 'azurerm_lb_rule',
  armType: 'Microsoft.Network/loadBalancers/loadBalancingRules',
  attributes: {
    name: { caseInsensitive: true },
    loadbalancer_id: armIdPolicy,
    protocol: { caseInsensitive: true },
    frontend_port: {},
    backend_port: {},
    frontend_ip_configuration_name: { caseInsensitive: true },
    backend_address_pool_ids: armIdSetPolicy,
    probe_id: armIdPolicy,
    floating_ip_enabled: {},
    enable_floating_ip: {},
    tcp_reset_enabled: {},
    enable_tcp_reset: {},
    disable_outbound_snat: {},
    idle_timeout_in_minutes: {},
    load_distribution: { caseInsensitive: true },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const frontendId = str(at(p, 'frontendIPConfiguration.id')) ?? '';
    const pools = [str(at(p, 'backendAddressPool.id')), ...((p.backendAddressPools as { id?: string }[] | undefined) ?? []).map((x) => str(x.id))].filter((x): x is string => !!x);
    const floating = bool(p.enableFloatingIP, false);
    const reset = bool(p.enableTcpReset, false);
    return {
      name: arm.name,
      loadbalancer_id: parentId(arm.id),
      protocol: str(p.protocol) ?? '',
      frontend_port: num(p.frontendPort) ?? 0,
      backend_port: num(p.backendPort) ?? 0,
      frontend_ip_configuration_name: frontendId.split('/').pop() ?? '',
      backend_address_pool_ids: [...new Set(pools)],
      probe_id: str(at(p, 'probe.id')) ?? '',
      floating_ip_enabled: floating,
      enable_floating_ip: floating,
      tcp_reset_enabled: reset,
      enable_tcp_reset: reset,
      disable_outbound_snat: bool(p.disableOutboundSnat, false),
      idle_timeout_in_minutes: num(p.idleTimeoutInMinutes) ?? 0,
      load_distribution: str(p.loadDistribution) ?? '',
    };
  },
  deriveId: childOf('loadbalancer_id', 'loadBalancingRules'),
};
