// Issue 11 item 6: a GET that leaves a property out is read the way the azurerm provider's read
// function reads it (azurerm 4.x), which is often the *open* value. Code that asks for the secure
// value must then show drift, at error severity — never "in sync" because "absent" was read as "off".
import { strict as assert } from 'node:assert';
import { FakeArm, type ArmJson } from '../../fakes/arm/server';
import { SUB, keyVaultBody, resourceGroupBody, servicePlanBody, storageBody, vmBody, webAppBodies } from '../../fakes/arm/examples';
import { driftsOf, scanTf } from './tfScan';

const without = (body: ArmJson, ...names: string[]): ArmJson => {
  const properties = { ...(body.properties as Record<string, unknown>) };
  for (const n of names) delete properties[n];
  return { ...body, properties };
};

describe('Azure: properties the API leaves out read as the azurerm read function sets them', () => {
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('app'));
  });
  afterEach(() => fake.close());

  it('storage account (resourceStorageAccountFlatten): absent public access, HTTPS-only, TLS, network access and rules are the open values', async () => {
    fake.put(without(storageBody('app', 'stold'), 'allowBlobPublicAccess', 'supportsHttpsTrafficOnly', 'minimumTlsVersion', 'publicNetworkAccess', 'networkAcls', 'allowSharedKeyAccess'));
    const r = await scanTf(
      fake,
      `resource "azurerm_storage_account" "old" {
  name                            = "stold"
  resource_group_name             = "app"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"
  public_network_access_enabled   = false
  shared_access_key_enabled       = true
  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }
}
`,
    );
    const sa = r.get('azurerm_storage_account.old');
    assert.equal(sa.status, 'drifted');
    assert.deepEqual(driftsOf(sa).sort(), [
      'allow_nested_items_to_be_public: false → true (error)',
      'https_traffic_only_enabled: true → false (error)',
      'min_tls_version: "TLS1_2" → "TLS1_0" (error)',
      'network_rules.default_action: "Deny" → "Allow" (error)',
      'public_network_access_enabled: false → true (error)',
    ]);
    assert.deepEqual(sa.unverifiedAttributes, [], 'every declared attribute was read');
  });

  it('storage account: the same code against an account that returns every property is in sync', async () => {
    const body = storageBody('app', 'stnew', { publicNetwork: 'Disabled' });
    (body.properties as Record<string, unknown>).networkAcls = { bypass: 'AzureServices', virtualNetworkRules: [], ipRules: [{ value: '203.0.113.0/24', action: 'Allow' }], defaultAction: 'Deny' };
    fake.put(body);
    const r = await scanTf(
      fake,
      `resource "azurerm_storage_account" "new" {
  name                            = "stnew"
  resource_group_name             = "app"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"
  public_network_access_enabled   = false
  network_rules {
    default_action = "Deny"
    ip_rules       = ["203.0.113.0/24"]
  }
}
`,
    );
    const sa = r.get('azurerm_storage_account.new');
    assert.deepEqual(driftsOf(sa), []);
    assert.equal(sa.status, 'in-sync');
  });

  it('azurerm_storage_account_network_rules (resourceStorageAccountNetworkRulesRead): read from the account; absent rules are the open default', async () => {
    const id = `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.Storage/storageAccounts/stfw`;
    fake.put(without(storageBody('app', 'stfw'), 'networkAcls'));
    const tf = `resource "azurerm_storage_account_network_rules" "fw" {
  storage_account_id = "${id}"
  default_action     = "Deny"
  bypass             = ["AzureServices", "Logging"]
  ip_rules           = ["203.0.113.0/24"]
}
`;
    const open = await scanTf(fake, tf, [['azurerm_storage_account_network_rules.fw', id]]);
    assert.deepEqual(driftsOf(open.get('azurerm_storage_account_network_rules.fw')), [
      'default_action: "Deny" → "Allow" (error)',
      'bypass: ["AzureServices","Logging"] → ["AzureServices"] (warning)',
      'ip_rules: ["203.0.113.0/24"] → [] (warning)',
    ]);
    fake.patch(id, (r) => {
      (r.properties as Record<string, unknown>).networkAcls = { bypass: 'Logging, AzureServices', defaultAction: 'Deny', ipRules: [{ value: '203.0.113.0/24', action: 'Allow' }], virtualNetworkRules: [] };
    });
    const closed = await scanTf(fake, tf, [['azurerm_storage_account_network_rules.fw', id]]);
    assert.equal(closed.get('azurerm_storage_account_network_rules.fw').status, 'in-sync', JSON.stringify(driftsOf(closed.get('azurerm_storage_account_network_rules.fw'))));
  });

  it('key vault (resourceKeyVaultFlatten): absent networkAcls is Allow, absent flags are false, absent retention is 90 days', async () => {
    fake.put(without(keyVaultBody('app', 'kvold'), 'networkAcls', 'publicNetworkAccess', 'enableRbacAuthorization', 'softDeleteRetentionInDays', 'enabledForDeployment'));
    const r = await scanTf(
      fake,
      `resource "azurerm_key_vault" "old" {
  name                          = "kvold"
  resource_group_name           = "app"
  location                      = "westeurope"
  tenant_id                     = "72f988bf-86f1-41af-91ab-2d7cd011db47"
  sku_name                      = "standard"
  soft_delete_retention_days    = 90
  purge_protection_enabled      = true
  public_network_access_enabled = false
  rbac_authorization_enabled    = false
  enabled_for_deployment        = false
  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}
`,
    );
    const kv = r.get('azurerm_key_vault.old');
    assert.deepEqual(driftsOf(kv).sort(), [
      'network_acls.default_action: "Deny" → "Allow" (error)',
      'public_network_access_enabled: false → true (error)',
      'purge_protection_enabled: true → false (error)',
    ]);
  });

  it('linux web app (LinuxWebAppResource Read): absent httpsOnly and enabled are false, absent publicNetworkAccess is enabled', async () => {
    const planId = `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.Web/serverfarms/plan`;
    fake.put(servicePlanBody('app', 'plan'));
    const [site, config] = webAppBodies('app', 'webold', planId);
    fake.put(without(site, 'httpsOnly', 'enabled', 'publicNetworkAccess'));
    fake.put(config);
    const r = await scanTf(
      fake,
      `resource "azurerm_linux_web_app" "old" {
  name                          = "webold"
  resource_group_name           = "app"
  location                      = "westeurope"
  service_plan_id               = "${planId}"
  https_only                    = true
  enabled                       = true
  public_network_access_enabled = false
  site_config {
    minimum_tls_version = "1.2"
  }
}
`,
    );
    assert.deepEqual(driftsOf(r.get('azurerm_linux_web_app.old')).sort(), [
      'enabled: true → false (warning)',
      'https_only: true → false (error)',
      'public_network_access_enabled: false → true (error)',
    ]);
  });

  it('virtual machines (resourceLinux/WindowsVirtualMachineRead): absent password-auth and update flags read false', async () => {
    const linux = vmBody('app', 'vmold');
    delete ((linux.properties as { osProfile: { linuxConfiguration: Record<string, unknown> } }).osProfile.linuxConfiguration).disablePasswordAuthentication;
    fake.put(linux);
    const windows = vmBody('app', 'winold');
    (windows.properties as { osProfile: Record<string, unknown> }).osProfile = { computerName: 'winold', adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: true } };
    fake.put(windows);
    const r = await scanTf(
      fake,
      `resource "azurerm_linux_virtual_machine" "old" {
  name                            = "vmold"
  resource_group_name             = "app"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  disable_password_authentication = true
}
resource "azurerm_windows_virtual_machine" "old" {
  name                      = "winold"
  resource_group_name       = "app"
  location                  = "westeurope"
  automatic_updates_enabled = true
}
`,
    );
    assert.deepEqual(driftsOf(r.get('azurerm_linux_virtual_machine.old')), ['disable_password_authentication: true → false (error)']);
    assert.deepEqual(driftsOf(r.get('azurerm_windows_virtual_machine.old')), ['automatic_updates_enabled: true → false (warning)']);
  });
});
