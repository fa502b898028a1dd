// Network edge resources: azurerm_public_ip_prefix (resourcePublicIpPrefixRead), azurerm_nat_gateway
// (resourceNatGatewayRead), azurerm_bastion_host (resourceBastionHostRead) and azurerm_firewall
// (resourceFirewallRead), azurerm 4.x network/*_resource.go and firewall/firewall_resource.go. Absent
// strings read "", nil numbers 0 and nil bools false, except Bastion's copy_paste_enabled (true unless
// disableCopyPaste) — as those read functions set them. Zones are sets.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, at, bool, deriveTracked, exposedWhen, num, str, strings, trackedAttributes, trackedShape } from './common';

const zones = { set: true };
const isTrue = (v: Value) => v === true;

export const publicIpPrefix: AzureMapper = {
  type: 'azurerm_public_ip_prefix',
  armType: 'Microsoft.Network/publicIPPrefixes',
  attributes: { ...trackedAttributes, sku: { caseInsensitive: true }, sku_tier: { caseInsensitive: true }, prefix_length: {}, ip_version: { caseInsensitive: true }, zones },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      sku: str(at(arm.sku, 'name')) ?? '',
      sku_tier: str(at(arm.sku, 'tier')) ?? '',
      prefix_length: num(p.prefixLength) ?? 0,
      ip_version: str(p.publicIPAddressVersion) ?? '',
      zones: strings(arm.zones),
    };
  },
  deriveId: deriveTracked('Microsoft.Network/publicIPPrefixes'),
};

export const natGateway: AzureMapper = {
  type: 'azurerm_nat_gateway',
  armType: 'Microsoft.Network/natGateways',
  attributes: { ...trackedAttributes, sku_name: { caseInsensitive: true }, idle_timeout_in_minutes: {}, zones },
  map(arm) {
    const p = arm.properties ?? {};
    return { ...trackedShape(arm), sku_name: str(at(arm.sku, 'name')) ?? '', idle_timeout_in_minutes: num(p.idleTimeoutInMinutes) ?? 0, zones: strings(arm.zones) };
  },
  deriveId: deriveTracked('Microsoft.Network/natGateways'),
};

type IpConfig = { name?: string; properties?: { subnet?: { id?: string }; publicIPAddress?: { id?: string } } };
const ipConfigurations = (v: unknown): Value[] =>
  ((Array.isArray(v) ? v : []) as IpConfig[]).map((c) => ({ name: str(c.name) ?? '', subnet_id: str(c.properties?.subnet?.id) ?? '', public_ip_address_id: str(c.properties?.publicIPAddress?.id) ?? '' }));
const ipConfigurationPolicy = { block: 'list' as const, attributes: { name: {}, subnet_id: armIdPolicy, public_ip_address_id: armIdPolicy } };

export const bastionHost: AzureMapper = {
  type: 'azurerm_bastion_host',
  armType: 'Microsoft.Network/bastionHosts',
  attributes: {
    ...trackedAttributes,
    sku: { caseInsensitive: true },
    scale_units: {},
    copy_paste_enabled: {},
    file_copy_enabled: {},
    ip_connect_enabled: {},
    kerberos_enabled: {},
    // A link anyone holding it can use to reach VMs: turning it on widens access.
    shareable_link_enabled: { severity: exposedWhen(isTrue) },
    tunneling_enabled: {},
    session_recording_enabled: {},
    private_only_enabled: {},
    zones,
    ip_configuration: ipConfigurationPolicy,
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      sku: str(at(arm.sku, 'name')) ?? '',
      scale_units: num(p.scaleUnits) ?? 0,
      copy_paste_enabled: !bool(p.disableCopyPaste, false),
      file_copy_enabled: bool(p.enableFileCopy, false),
      ip_connect_enabled: bool(p.enableIpConnect, false),
      kerberos_enabled: bool(p.enableKerberos, false),
      shareable_link_enabled: bool(p.enableShareableLink, false),
      tunneling_enabled: bool(p.enableTunneling, false),
      session_recording_enabled: bool(p.enableSessionRecording, false),
      private_only_enabled: bool(p.enablePrivateOnlyBastion, false),
      zones: strings(arm.zones),
      ip_configuration: ipConfigurations(p.ipConfigurations),
    };
  },
  deriveId: deriveTracked('Microsoft.Network/bastionHosts'),
};

export const firewall: AzureMapper = {
  type: 'azurerm_firewall',
  armType: 'Microsoft.Network/azureFirewalls',
  attributes: {
    ...trackedAttributes,
    sku_name: { caseInsensitive: true },
    sku_tier: { caseInsensitive: true },
    // Turning threat intelligence off (from Alert or Deny) lowers protection.
    threat_intel_mode: { caseInsensitive: true, severity: exposedWhen((a) => typeof a === 'string' && a.toLowerCase() === 'off') },
    firewall_policy_id: armIdPolicy,
    zones,
    ip_configuration: ipConfigurationPolicy,
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      sku_name: str(at(p, 'sku.name')) ?? '',
      sku_tier: str(at(p, 'sku.tier')) ?? '',
      threat_intel_mode: str(p.threatIntelMode) ?? '',
      firewall_policy_id: str(at(p, 'firewallPolicy.id')) ?? '',
      zones: strings(arm.zones),
      ip_configuration: ipConfigurations(p.ipConfigurations),
    };
  },
  deriveId: deriveTracked('Microsoft.Network/azureFirewalls'),
};
