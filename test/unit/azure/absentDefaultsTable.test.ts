// Issue 11 item 6, every mapper: a GET body that leaves every optional property out maps to what the
// azurerm 4.x read function sets (the function is named in each mapper's header). Booleans the read
// takes from a nil pointer are false, strings "", numbers 0 — except where the read defaults to the
// open value (storage public access and network rules, key vault ACLs, public network access), to
// the service default (TLS 1.0, 90 days of soft delete, AKS RBAC on, subnet default outbound access).
import { strict as assert } from 'node:assert';
import type { Value } from '../../../src/model';
import { mapperFor } from '../../../src/providers/azure/mappers/registry';
import type { ArmResource } from '../../../src/providers/azure/mappers/types';
import { SUB } from '../../fakes/arm/examples';

const rg = `/subscriptions/${SUB}/resourceGroups/app`;
const bare = (type: string, name: string, extra: Partial<ArmResource> = {}): ArmResource => ({ id: `${rg}/providers/${type}/${name}`, name, type, location: 'westeurope', properties: {}, ...extra });
const child = (path: string, type: string, name: string): ArmResource => ({ id: `${rg}/providers/${path}/${name}`, name, type, properties: {} });

const cases: [string, ArmResource, Record<string, Value>][] = [
  ['azurerm_storage_account', bare('Microsoft.Storage/storageAccounts', 'st', { sku: { name: 'Standard_LRS', tier: 'Standard' } }), {"name": "st", "tags": {}, "resource_group_name": "app", "location": "westeurope", "account_tier": "Standard", "account_replication_type": "LRS", "account_kind": "", "access_tier": "", "min_tls_version": "TLS1_0", "https_traffic_only_enabled": false, "enable_https_traffic_only": false, "allow_nested_items_to_be_public": true, "allow_blob_public_access": true, "public_network_access_enabled": true, "shared_access_key_enabled": true, "is_hns_enabled": false, "network_rules": [{"default_action": "Allow", "bypass": ["AzureServices"], "ip_rules": [], "virtual_network_subnet_ids": []}]}],
  ['azurerm_key_vault', bare('Microsoft.KeyVault/vaults', 'kv'), {"name": "kv", "tags": {}, "resource_group_name": "app", "location": "westeurope", "tenant_id": "", "sku_name": "", "soft_delete_retention_days": 90, "purge_protection_enabled": false, "public_network_access_enabled": true, "enable_rbac_authorization": false, "rbac_authorization_enabled": false, "enabled_for_deployment": false, "enabled_for_disk_encryption": false, "enabled_for_template_deployment": false, "network_acls": [{"bypass": "AzureServices", "default_action": "Allow", "ip_rules": [], "virtual_network_subnet_ids": []}]}],
  ['azurerm_linux_web_app', bare('Microsoft.Web/sites', 'web'), {"name": "web", "tags": {}, "resource_group_name": "app", "location": "westeurope", "service_plan_id": "", "https_only": false, "enabled": false, "client_affinity_enabled": false, "public_network_access_enabled": true, "site_config": [{"always_on": false, "minimum_tls_version": "", "ftps_state": "", "http2_enabled": false}]}],
  ['azurerm_service_plan', bare('Microsoft.Web/serverfarms', 'plan'), {"name": "plan", "tags": {}, "resource_group_name": "app", "location": "westeurope", "os_type": "Windows", "sku_name": "", "worker_count": 0, "zone_balancing_enabled": false, "per_site_scaling_enabled": false}],
  ['azurerm_linux_virtual_machine', bare('Microsoft.Compute/virtualMachines', 'vm'), {"name": "vm", "tags": {}, "resource_group_name": "app", "location": "westeurope", "size": "", "admin_username": "", "computer_name": "", "zone": "", "network_interface_ids": [], "os_disk": [{"name": "", "caching": "", "storage_account_type": "", "disk_size_gb": 0, "write_accelerator_enabled": false}], "source_image_reference": [], "disable_password_authentication": false}],
  ['azurerm_windows_virtual_machine', bare('Microsoft.Compute/virtualMachines', 'win'), {"name": "win", "tags": {}, "resource_group_name": "app", "location": "westeurope", "size": "", "admin_username": "", "computer_name": "", "zone": "", "network_interface_ids": [], "os_disk": [{"name": "", "caching": "", "storage_account_type": "", "disk_size_gb": 0, "write_accelerator_enabled": false}], "source_image_reference": [], "enable_automatic_updates": false, "automatic_updates_enabled": false}],
  ['azurerm_virtual_network', bare('Microsoft.Network/virtualNetworks', 'vnet'), {"name": "vnet", "tags": {}, "resource_group_name": "app", "location": "westeurope", "address_space": [], "dns_servers": [], "flow_timeout_in_minutes": 0, "bgp_community": ""}],
  ['azurerm_subnet', child('Microsoft.Network/virtualNetworks/vnet/subnets', 'Microsoft.Network/virtualNetworks/subnets', 'web'), {"name": "web", "resource_group_name": "app", "virtual_network_name": "vnet", "address_prefixes": [], "service_endpoints": [], "private_endpoint_network_policies": "", "default_outbound_access_enabled": true}],
  ['azurerm_public_ip', bare('Microsoft.Network/publicIPAddresses', 'pip'), {"name": "pip", "tags": {}, "resource_group_name": "app", "location": "westeurope", "allocation_method": "", "sku": "Basic", "sku_tier": "Regional", "zones": [], "ip_version": "", "idle_timeout_in_minutes": 0, "domain_name_label": ""}],
  ['azurerm_network_interface', bare('Microsoft.Network/networkInterfaces', 'nic', { properties: { ipConfigurations: [{ name: 'ip', properties: {} }] } }), {"name": "nic", "tags": {}, "resource_group_name": "app", "location": "westeurope", "ip_configuration": [{"name": "ip", "subnet_id": "", "private_ip_address_allocation": "", "private_ip_address": "", "private_ip_address_version": "", "public_ip_address_id": "", "primary": false}], "dns_servers": [], "accelerated_networking_enabled": false, "enable_accelerated_networking": false, "ip_forwarding_enabled": false, "enable_ip_forwarding": false}],
  ['azurerm_network_security_rule', child('Microsoft.Network/networkSecurityGroups/nsg/securityRules', 'Microsoft.Network/networkSecurityGroups/securityRules', 'r'), {"name": "r", "description": "", "priority": 0, "direction": "", "access": "", "protocol": "", "source_port_range": "", "source_port_ranges": [], "destination_port_range": "", "destination_port_ranges": [], "source_address_prefix": "", "source_address_prefixes": [], "destination_address_prefix": "", "destination_address_prefixes": [], "source_application_security_group_ids": [], "destination_application_security_group_ids": [], "resource_group_name": "app", "network_security_group_name": "nsg"}],
  ['azurerm_kubernetes_cluster', bare('Microsoft.ContainerService/managedClusters', 'aks', { properties: { agentPoolProfiles: [{ name: 'system', mode: 'System' }] } }), {"name": "aks", "tags": {}, "resource_group_name": "app", "location": "westeurope", "kubernetes_version": "", "dns_prefix": "", "sku_tier": "Free", "private_cluster_enabled": false, "role_based_access_control_enabled": true, "identity": [], "default_node_pool": [{"name": "system", "vm_size": "", "node_count": 0, "auto_scaling_enabled": false, "enable_auto_scaling": false, "min_count": 0, "max_count": 0, "os_disk_size_gb": 0, "vnet_subnet_id": "", "zones": [], "temporary_name_for_rotation": ""}]}],
];

describe('Azure mappers: a GET body without optional properties reads as the azurerm read function sets them', () => {
  for (const [type, body, expected] of cases) {
    it(type, () => {
      assert.deepEqual(mapperFor(type)!.map(body, {}, undefined), expected);
    });
  }

  it('public network access: storage and web app read open unless "Disabled"; key vault only "Enabled" is open', () => {
    const pna = (type: string, armType: string, value: string) => mapperFor(type)!.map(bare(armType, 'x', { properties: { publicNetworkAccess: value } }), {}, undefined).public_network_access_enabled;
    assert.deepEqual(
      ['SecuredByPerimeter', 'Disabled'].map((v) => [pna('azurerm_storage_account', 'Microsoft.Storage/storageAccounts', v), pna('azurerm_linux_web_app', 'Microsoft.Web/sites', v), pna('azurerm_key_vault', 'Microsoft.KeyVault/vaults', v)]),
      [
        [true, true, false],
        [false, false, false],
      ],
    );
  });
});
