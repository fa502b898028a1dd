// Each Azure mapper: ARM JSON (shaped like the REST API's examples) → azurerm attributes, and the
// comparison policy it declares (normalizations, sets, severities), in sync and drifted.
import { strict as assert } from 'node:assert';
import type { Value } from '../../../src/model';
import { mapperFor } from '../../../src/providers/azure/mappers/registry';
import type { ArmResource, AttributePolicy } from '../../../src/providers/azure/mappers/types';
import { policyAt, policySeverity } from '../../../src/providers/azure/severity';
import { SUB, aksBody, keyVaultBody, nicBody, nsgBody, publicIpBody, resourceGroupBody, securityRule, servicePlanBody, storageBody, subnetBody, vmBody, vnetBody, webAppBodies } from '../../fakes/arm/examples';

const map = (type: string, body: unknown, extras: Record<string, ArmResource | undefined> = {}) => mapperFor(type)!.map(body as ArmResource, extras);
const policy = (type: string, path: string): AttributePolicy => {
  const p = policyAt(mapperFor(type)!.attributes, path);
  assert.ok(p, `${type} has a policy for ${path}`);
  return p;
};
const normalized = (type: string, path: string, v: Value) => (policy(type, path).normalize ?? ((x: Value) => x))(v);
const severity = (type: string, path: string, expected: Value, actual: Value, extra?: Value[]) => policySeverity(policy(type, path), expected, actual, extra);

describe('Azure mappers', () => {
  it('every tracked type reads location (normalized) and tags; other azurerm types get the generic mapper', () => {
    assert.equal(normalized('azurerm_resource_group', 'location', 'West Europe'), normalized('azurerm_resource_group', 'location', 'westeurope'));
    assert.deepEqual(map('azurerm_resource_group', resourceGroupBody('app', 'westeurope', { env: 'prod' })), { name: 'app', location: 'westeurope', tags: { env: 'prod' }, managed_by: '' });
    const generic = mapperFor('azurerm_redis_cache')!;
    assert.deepEqual(Object.keys(generic.attributes).sort(), ['location', 'name', 'resource_group_name', 'tags']);
    assert.deepEqual(generic.map({ ...storageBody('app', 'acr1'), type: 'Microsoft.Cache/redis' } as ArmResource, {}), { name: 'acr1', resource_group_name: 'app', location: 'westeurope', tags: {} });
    assert.equal(mapperFor('aws_instance'), undefined);
  });

  it('virtual network: address_space as a set, dns_servers in order', () => {
    const a = map('azurerm_virtual_network', vnetBody('app', 'vnet', { addressSpace: ['10.0.0.0/16', '10.1.0.0/16'], dns: ['10.0.0.4', '10.0.0.5'] }));
    assert.deepEqual([a.address_space, a.dns_servers], [['10.0.0.0/16', '10.1.0.0/16'], ['10.0.0.4', '10.0.0.5']]);
    assert.equal(policy('azurerm_virtual_network', 'address_space').set, true);
    assert.notEqual(policy('azurerm_virtual_network', 'dns_servers').set, true);
  });

  it('subnet: one addressPrefix or several, service endpoints, parent name from the ID', () => {
    const one = map('azurerm_subnet', subnetBody('app', 'vnet', 'web', '10.0.1.0/24', ['Microsoft.Storage', 'Microsoft.KeyVault']));
    assert.deepEqual([one.address_prefixes, one.service_endpoints, one.virtual_network_name], [['10.0.1.0/24'], ['Microsoft.Storage', 'Microsoft.KeyVault'], 'vnet']);
    const body = subnetBody('app', 'vnet', 'multi', '');
    (body.properties as Record<string, unknown>).addressPrefixes = ['10.0.2.0/24', '10.0.3.0/24'];
    assert.deepEqual(map('azurerm_subnet', body).address_prefixes, ['10.0.2.0/24', '10.0.3.0/24']);
  });

  it('NSG security_rule: a declared rule written as azurerm does matches the live rule; opening it to the Internet is an error', () => {
    const live = map('azurerm_network_security_group', nsgBody('app', 'nsg', [{ name: 'https', priority: 100, port: '443', source: '10.0.0.0/8' }])).security_rule as Value[];
    const declared: Value[] = [{ name: 'https', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'tcp', source_port_range: '*', destination_port_range: '443', source_address_prefix: '10.0.0.0/8', destination_address_prefix: '*' }];
    assert.deepEqual(normalized('azurerm_network_security_group', 'security_rule', declared), normalized('azurerm_network_security_group', 'security_rule', live));
    const opened = map('azurerm_network_security_group', nsgBody('app', 'nsg', [{ name: 'https', priority: 100, port: '443', source: 'Internet' }])).security_rule as Value[];
    assert.notDeepEqual(normalized('azurerm_network_security_group', 'security_rule', declared), normalized('azurerm_network_security_group', 'security_rule', opened));
    assert.equal(severity('azurerm_network_security_group', 'security_rule', declared, opened, opened), 'error');
    const tightened = map('azurerm_network_security_group', nsgBody('app', 'nsg', [{ name: 'https', priority: 110, port: '443', source: '10.0.0.0/8' }])).security_rule as Value[];
    assert.equal(severity('azurerm_network_security_group', 'security_rule', declared, tightened, tightened), 'warning');
  });

  it('standalone security rule: source opened to * is an error, a port change a warning', () => {
    const nsgId = `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.Network/networkSecurityGroups/nsg`;
    const a = map('azurerm_network_security_rule', securityRule(nsgId, { name: 'ssh', priority: 200, port: '22' }));
    assert.deepEqual([a.network_security_group_name, a.destination_port_range, a.protocol], ['nsg', '22', 'Tcp']);
    assert.equal(severity('azurerm_network_security_rule', 'source_address_prefix', '10.0.0.0/8', '*'), 'error');
    assert.equal(policySeverity(policyAt(mapperFor('azurerm_network_security_rule')!.attributes, 'destination_port_range'), '22', '2222'), undefined);
  });

  it('public IP and network interface', () => {
    const ip = map('azurerm_public_ip', publicIpBody('app', 'pip', { allocation: 'Static', sku: 'Standard', zones: ['1', '2'] }));
    assert.deepEqual([ip.allocation_method, ip.sku, ip.zones], ['Static', 'Standard', ['1', '2']]);
    assert.equal(policy('azurerm_public_ip', 'zones').set, true);
    const subnetId = `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.Network/virtualNetworks/vnet/subnets/web`;
    const nic = map('azurerm_network_interface', nicBody('app', 'nic', subnetId));
    const cfg = (nic.ip_configuration as Record<string, Value>[])[0];
    assert.deepEqual([cfg.name, cfg.private_ip_address_allocation, cfg.primary], ['internal', 'Dynamic', true]);
    assert.notEqual(cfg.subnet_id, subnetId, 'the service returned another casing');
    assert.equal(policy('azurerm_network_interface', 'ip_configuration.subnet_id').caseInsensitive, true);
  });

  it('storage account: sku.name split into tier and replication; exposure is an error, hardening a warning', () => {
    const a = map('azurerm_storage_account', storageBody('app', 'st', { sku: 'Standard_GRS', tls: 'TLS1_2' }));
    assert.deepEqual([a.account_tier, a.account_replication_type, a.account_kind, a.access_tier, a.min_tls_version], ['Standard', 'GRS', 'StorageV2', 'Hot', 'TLS1_2']);
    assert.deepEqual([a.https_traffic_only_enabled, a.enable_https_traffic_only, a.allow_nested_items_to_be_public, a.public_network_access_enabled], [true, true, false, true]);
    const body = storageBody('app', 'old');
    delete (body.properties as Record<string, unknown>).minimumTlsVersion;
    assert.equal(map('azurerm_storage_account', body).min_tls_version, 'TLS1_0', 'absent means the service default');
    assert.equal(severity('azurerm_storage_account', 'min_tls_version', 'TLS1_2', 'TLS1_0'), 'error');
    assert.equal(severity('azurerm_storage_account', 'min_tls_version', 'TLS1_0', 'TLS1_2'), 'warning');
    assert.equal(severity('azurerm_storage_account', 'https_traffic_only_enabled', true, false), 'error');
    assert.equal(severity('azurerm_storage_account', 'public_network_access_enabled', false, true), 'error');
    assert.equal(severity('azurerm_storage_account', 'allow_nested_items_to_be_public', false, true), 'error');
  });

  it('virtual machines (Linux and Windows): size, admin_username, os_disk', () => {
    const a = map('azurerm_linux_virtual_machine', vmBody('app', 'vm', { size: 'Standard_D2s_v5' }));
    assert.deepEqual([a.size, a.admin_username, a.disable_password_authentication], ['Standard_D2s_v5', 'azureuser', true]);
    assert.deepEqual(a.os_disk, [{ name: 'vm_OsDisk_1', caching: 'ReadWrite', storage_account_type: 'Premium_LRS', disk_size_gb: 30, write_accelerator_enabled: false }]);
    assert.equal(mapperFor('azurerm_windows_virtual_machine')!.map(vmBody('app', 'win') as ArmResource, {}).size, 'Standard_B2s');
    assert.equal(policy('azurerm_linux_virtual_machine', 'os_disk').block, 'list');
  });

  it('key vault: defaults the service applies, network_acls with /32 normalization, an opened firewall is an error', () => {
    const a = map('azurerm_key_vault', keyVaultBody('app', 'kv', { ipRules: ['1.2.3.4/32'] }));
    assert.deepEqual([a.sku_name, a.soft_delete_retention_days, a.purge_protection_enabled], ['standard', 90, false]);
    const acls = (a.network_acls as Record<string, Value>[])[0];
    assert.deepEqual(normalized('azurerm_key_vault', 'network_acls.ip_rules', ['1.2.3.4']), normalized('azurerm_key_vault', 'network_acls.ip_rules', acls.ip_rules));
    assert.equal(severity('azurerm_key_vault', 'network_acls.default_action', 'Deny', 'Allow'), 'error');
    assert.equal(severity('azurerm_key_vault', 'purge_protection_enabled', true, false), 'error');
  });

  it('service plan, Linux web app (site_config from config/web), Kubernetes cluster', () => {
    const plan = servicePlanBody('app', 'plan', 'P1v3');
    assert.deepEqual(Object.entries(map('azurerm_service_plan', plan)).filter(([k]) => ['os_type', 'sku_name', 'worker_count'].includes(k)), [['os_type', 'Linux'], ['sku_name', 'P1v3'], ['worker_count', 1]]);
    const [site, web] = webAppBodies('app', 'web', plan.id, { httpsOnly: false, alwaysOn: true, minTls: '1.0' });
    const app = map('azurerm_linux_web_app', site, { 'config/web': web as ArmResource });
    assert.equal(app.https_only, false);
    assert.deepEqual(app.site_config, [{ always_on: true, minimum_tls_version: '1.0', ftps_state: 'FtpsOnly', http2_enabled: true }]);
    assert.equal(severity('azurerm_linux_web_app', 'https_only', true, false), 'error');
    assert.equal(severity('azurerm_linux_web_app', 'site_config.minimum_tls_version', '1.2', '1.0'), 'error');
    const aks = map('azurerm_kubernetes_cluster', aksBody('app', 'aks', { version: '1.29', vmSize: 'Standard_D4s_v5', count: 3, tier: 'Paid' }));
    assert.deepEqual([aks.kubernetes_version, aks.sku_tier], ['1.29', 'Standard']);
    assert.deepEqual((aks.default_node_pool as Record<string, Value>[]).map((p) => [p.name, p.vm_size, p.node_count]), [['system', 'Standard_D4s_v5', 3]]);
  });

  it('derives IDs from names for each mapped type', () => {
    const id = (type: string, attrs: Record<string, Value>) => mapperFor(type)!.deriveId!(attrs, SUB);
    assert.equal(id('azurerm_network_security_rule', { name: 'ssh', resource_group_name: 'app', network_security_group_name: 'nsg' }), `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.Network/networkSecurityGroups/nsg/securityRules/ssh`);
    assert.equal(id('azurerm_service_plan', { name: 'plan', resource_group_name: 'app' }), `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.Web/serverfarms/plan`);
    assert.equal(id('azurerm_subnet', { name: 'web', resource_group_name: 'app' }), undefined, 'virtual_network_name missing');
    assert.equal(mapperFor('azurerm_redis_cache')!.deriveId, undefined, 'the generic mapper needs state');
  });
});
