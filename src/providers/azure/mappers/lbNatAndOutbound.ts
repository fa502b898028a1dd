// Load balancer NAT and outbound rules: azurerm_lb_nat_rule ↔ loadBalancers/inboundNatRules
// (resourceArmLoadBalancerNatRuleRead), azurerm_lb_outbound_rule ↔ loadBalancers/outboundRules
// (resourceArmLoadBalancerOutboundRuleRead) — both GET as child resources — and azurerm_lb_nat_pool, an entry of
// the load balancer's inboundNatPools (no GET of its own: read through the load balancer by name, as
// resourceArmLoadBalancerNatPoolRead does, and gone when the load balancer no longer has it). azurerm 4.x
// loadbalancer/: nil numbers 0, nil bools false, the frontend named by the last segment of its ID.
import type { Value } from '../../../model';
import type { ArmResource, AzureMapper } from './types';
import { armIdPolicy, at, bool, num, str } from './common';
import { childOf, parentId } from './parentIds';

const lastSegment = (id: unknown): string => (str(id) ?? '').split('/').pop() ?? '';

/** Attributes a NAT rule and a NAT pool share, from the entry's properties. */
function natShape(p: Record<string, unknown>): Record<string, Value> {
  const frontendId = str(at(p, 'frontendIPConfiguration.id')) ?? '';
  const floating = bool(p.enableFloatingIP, false);
  const reset = bool(p.enableTcpReset, false);
  return {
    protocol: str(p.protocol) ?? '',
    backend_port: num(p.backendPort) ?? 0,
    frontend_ip_configuration_name: lastSegment(frontendId),
    frontend_ip_configuration_id: frontendId,
    floating_ip_enabled: floating,
    enable_floating_ip: floating,
    tcp_reset_enabled: reset,
    enable_tcp_reset: reset,
    idle_timeout_in_minutes: num(p.idleTimeoutInMinutes) ?? 0,
  };
}

const natAttributes = {
  name: { caseInsensitive: true },
  resource_group_name: { caseInsensitive: true },
  loadbalancer_id: armIdPolicy,
  protocol: { caseInsensitive: true },
  backend_port: {},
  frontend_ip_configuration_name: { caseInsensitive: true },
  frontend_ip_configuration_id: armIdPolicy,
  floating_ip_enabled: {},
  enable_floating_ip: {},
  tcp_reset_enabled: {},
  enable_tcp_reset: {},
  idle_timeout_in_minutes: {},
};

const rgOf = (id: string) => /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? null;

export const lbNatRule: AzureMapper = {
  type: 'azurerm_lb_nat_rule',
  armType: 'Microsoft.Network/loadBalancers/inboundNatRules',
  attributes: { ...natAttributes, frontend_port: {}, frontend_port_start: {}, frontend_port_end: {}, backend_address_pool_id: armIdPolicy },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      name: arm.name,
      resource_group_name: rgOf(arm.id),
      loadbalancer_id: parentId(arm.id),
      ...natShape(p),
      frontend_port: num(p.frontendPort) ?? 0,
      frontend_port_start: num(p.frontendPortRangeStart) ?? 0,
      frontend_port_end: num(p.frontendPortRangeEnd) ?? 0,
      backend_address_pool_id: str(at(p, 'backendAddressPool.id')) ?? '',
    };
  },
  deriveId: childOf('loadbalancer_id', 'inboundNatRules'),
};

export const lbOutboundRule: AzureMapper = {
  type: 'azurerm_lb_outbound_rule',
  armType: 'Microsoft.Network/loadBalancers/outboundRules',
  attributes: {
    name: { caseInsensitive: true },
    loadbalancer_id: armIdPolicy,
    protocol: { caseInsensitive: true },
    backend_address_pool_id: armIdPolicy,
    allocated_outbound_ports: {},
    idle_timeout_in_minutes: {},
    tcp_reset_enabled: {},
    enable_tcp_reset: {},
    // TypeList of { name } blocks (id computed): the frontends by name.
    frontend_ip_configuration: { block: 'list', attributes: { name: { caseInsensitive: true } } },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const reset = bool(p.enableTcpReset, false);
    const frontends = ((p.frontendIPConfigurations as { id?: string }[] | undefined) ?? []).filter((f) => f.id).map((f) => ({ name: lastSegment(f.id), id: f.id as string }));
    return {
      name: arm.name,
      loadbalancer_id: parentId(arm.id),
      protocol: str(p.protocol) ?? '',
      backend_address_pool_id: str(at(p, 'backendAddressPool.id')) ?? '',
      allocated_outbound_ports: num(p.allocatedOutboundPorts) ?? 0,
      idle_timeout_in_minutes: num(p.idleTimeoutInMinutes) ?? 0,
      tcp_reset_enabled: reset,
      enable_tcp_reset: reset,
      frontend_ip_configuration: frontends,
    };
  },
  deriveId: childOf('loadbalancer_id', 'outboundRules'),
};

type NatPool = { name?: string; properties?: Record<string, unknown> };

function poolOf(arm: ArmResource, stateId: string | undefined): NatPool | undefined {
  const name = /\/inboundNatPools\/([^/]+)\/?$/i.exec(stateId ?? '')?.[1]?.toLowerCase();
  const pools = (arm.properties?.inboundNatPools as NatPool[] | undefined) ?? [];
  return name ? pools.find((x) => (x.name ?? '').toLowerCase() === name) : undefined;
}

export const lbNatPool: AzureMapper = {
  type: 'azurerm_lb_nat_pool',
  armType: 'Microsoft.Network/loadBalancers',
  coverageNote: 'read through its load balancer: the inboundNatPools entry of its name',
  attributes: { ...natAttributes, frontend_port_start: {}, frontend_port_end: {} },
  armId(stateId) {
    const i = stateId.toLowerCase().lastIndexOf('/inboundnatpools/');
    return i > 0 ? stateId.slice(0, i) : { unreadable: `"${stateId}" is not "<load balancer id>/inboundNatPools/<name>"` };
  },
  absentReason: (arm, stateId) => (poolOf(arm, stateId) ? undefined : `load balancer ${arm.name} has no such inbound NAT pool`),
  map(arm, _extras, _declared, stateId) {
    const pool = poolOf(arm, stateId);
    const p = pool?.properties ?? {};
    return {
      name: pool?.name ?? '',
      resource_group_name: rgOf(arm.id),
      loadbalancer_id: arm.id,
      ...natShape(p),
      frontend_port_start: num(p.frontendPortRangeStart) ?? 0,
      frontend_port_end: num(p.frontendPortRangeEnd) ?? 0,
    };
  },
  deriveId: childOf('loadbalancer_id', 'inboundNatPools'),
};
