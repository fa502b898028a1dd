// ARM templates compared as Resource Manager compares (issue 11, item 7), through the real SDK
// against the HTTPS fake: case only where ARM ignores it, sets where the service keeps no order,
// properties read from the endpoint that serves them, write-only properties unverified.
import { strict as assert } from 'node:assert';
import { resolve } from 'node:path';
import { createAzureProvider } from '../../../src/providers/azure/provider';
import { scanArmTemplates } from '../../../src/engine/armTemplates/armTemplateScan';
import type { ResourceResult } from '../../../src/model';
import { FakeArm, type ArmJson } from '../../fakes/arm/server';
import { SUB, resourceGroupBody, storageBody, subnetBody, vmBody, vnetBody } from '../../fakes/arm/examples';
import { blobServicesBody, siteBodies } from '../../fakes/arm/specExamples';
import { context, staticCredential } from './helpers';

const dir = resolve(__dirname, '../../fixtures/azure/arm-accuracy');
const rg = `/subscriptions/${SUB}/resourceGroups/acc-rg`;
const ids = {
  vnet: `${rg}/providers/Microsoft.Network/virtualNetworks/acc-vnet`,
  subnet: `${rg}/providers/Microsoft.Network/virtualNetworks/acc-vnet/subnets/data`,
  storage: `${rg}/providers/Microsoft.Storage/storageAccounts/accstore01`,
  blob: `${rg}/providers/Microsoft.Storage/storageAccounts/accstore01/blobServices/default`,
  site: `${rg}/providers/Microsoft.Web/sites/acc-web`,
  vm: `${rg}/providers/Microsoft.Compute/virtualMachines/acc-vm`,
};
const props = (r: ArmJson) => r.properties as Record<string, unknown>;

function seed(fake: FakeArm): void {
  fake.put(resourceGroupBody('acc-rg'));
  // The service's own casing and order: lower-case region, tag key in another case, prefixes as stored.
  fake.put(vnetBody('acc-rg', 'acc-vnet', { addressSpace: ['10.30.0.0/16', '10.31.0.0/16'], dns: ['10.30.0.4', '10.30.0.5'], tags: { owner: 'Platform-Team' } }));
  // serviceEndpoints carry provisioningState and the region names the service answers with; the NSG ID comes back in its own casing.
  const subnet = subnetBody('acc-rg', 'acc-vnet', 'data', '10.30.1.0/24', ['Microsoft.Storage']);
  props(subnet).networkSecurityGroup = { id: `${rg.replace('/resourceGroups/', '/resourcegroups/')}/providers/Microsoft.Network/networkSecurityGroups/ACC-NSG` };
  fake.put(subnet);
  const storage = storageBody('acc-rg', 'accstore01');
  // ipRules in another order than the template's (StorageAccountGetProperties.json shape).
  props(storage).networkAcls = {
    bypass: 'AzureServices',
    virtualNetworkRules: [],
    ipRules: [
      { value: '198.51.100.0/24', action: 'Allow' },
      { value: '203.0.113.10', action: 'Allow' },
    ],
    defaultAction: 'Deny',
  };
  fake.put(storage);
  fake.put(blobServicesBody('acc-rg', 'accstore01'));
  for (const body of siteBodies('acc-rg', 'acc-web')) fake.put(body);
  fake.put(vmBody('acc-rg', 'acc-vm', { size: 'Standard_B2s' }));
}

describe('ARM templates compared as Resource Manager does', () => {
  let fake: FakeArm;
  const provider = () => createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: staticCredential(), retry: { maxRetries: 0, retryDelayInMs: 5 }, env: {} });
  const scan = () => scanArmTemplates({ dir, provider: provider() }, context());
  const byType = (resources: ResourceResult[], type: string) => resources.find((r) => r.type === type)!;
  const drifts = (resources: ResourceResult[]) => resources.flatMap((r) => r.drifts.map((d) => [r.type, d.attribute, d.expected, d.actual, d.severity]));
  beforeEach(async () => {
    fake = await FakeArm.start();
    seed(fake);
  });
  afterEach(() => fake.close());

  it('is in sync when only case, region spelling, set order and string booleans differ; siteConfig comes from config/web', async () => {
    const { resources } = await scan();
    assert.deepEqual(drifts(resources), []);
    assert.deepEqual(
      resources.map((r) => [r.type, r.status]),
      [
        ['Microsoft.Network/virtualNetworks', 'in-sync'],
        ['Microsoft.Network/virtualNetworks/subnets', 'in-sync'],
        ['Microsoft.Storage/storageAccounts', 'in-sync'],
        ['Microsoft.Storage/storageAccounts/blobServices', 'in-sync'],
        ['Microsoft.Web/sites', 'in-sync'],
        ['Microsoft.Web/sites/config', 'unverified'],
        ['Microsoft.Compute/virtualMachines', 'in-sync'],
      ],
    );
    // The site GET holds minTlsVersion: null; the template's "1.2" was compared with config/web, at the template's api-version.
    const config = fake.requestsTo(`${ids.site}/config/web`);
    assert.equal(config.length, 1);
    assert.equal(config[0].query['api-version'], '2023-01-01');
    assert.equal(fake.requestsTo(ids.blob)[0].query['api-version'], '2023-01-01');
    assert.ok(fake.requests.every((r) => r.method === 'GET'));
  });

  it('write-only properties (a password from a plain parameter, customData, app settings) are unverified, never drift', async () => {
    const { resources } = await scan();
    const vm = byType(resources, 'Microsoft.Compute/virtualMachines');
    assert.deepEqual(
      vm.unverifiedAttributes.map((u) => [u.attribute, u.reason]),
      [
        ['properties.osProfile.adminPassword', 'write-only: Resource Manager never returns it'],
        ['properties.osProfile.customData', 'write-only: Resource Manager never returns it'],
      ],
    );
    const site = byType(resources, 'Microsoft.Web/sites');
    assert.deepEqual(site.unverifiedAttributes.map((u) => u.attribute), ['properties.siteConfig.appSettings']);
    assert.match(site.unverifiedAttributes[0].reason, /config\/appsettings\/list/);
    assert.ok(!JSON.stringify(resources).includes('Not-a-real-password-1!'), 'no secret in the results');
    // A config child that only POST …/list serves is never fetched, so never "missing".
    const appSettings = byType(resources, 'Microsoft.Web/sites/config');
    assert.equal(appSettings.status, 'unverified');
    assert.match(appSettings.reason ?? '', /served by POST …\/config\/appsettings\/list/);
    assert.equal(fake.requestsTo(`${ids.site}/config/appsettings`).length, 0);
  });

  it('dnsServers keep their order (a reorder is drift); addressPrefixes and ipRules are sets', async () => {
    fake.patch(ids.vnet, (r) => {
      const p = props(r) as { addressSpace: { addressPrefixes: string[] }; dhcpOptions: { dnsServers: string[] } };
      p.addressSpace.addressPrefixes.reverse();
      p.dhcpOptions.dnsServers.reverse();
    });
    const { resources } = await scan();
    assert.deepEqual(drifts(resources), [['Microsoft.Network/virtualNetworks', 'properties.dhcpOptions.dnsServers', ['10.30.0.4', '10.30.0.5'], ['10.30.0.5', '10.30.0.4'], 'warning']]);
  });

  it('an unnamed object whose live form lacks a declared value is drift (a region dropped from a service endpoint)', async () => {
    fake.patch(ids.subnet, (r) => {
      (props(r).serviceEndpoints as { locations: string[] }[])[0].locations = ['westeurope'];
    });
    const { resources } = await scan();
    assert.deepEqual(
      drifts(resources).map((d) => d.slice(0, 2)),
      [['Microsoft.Network/virtualNetworks/subnets', 'properties.serviceEndpoints']],
    );
  });

  it('a changed or added element of an unnamed array is drift, whatever the order', async () => {
    fake.patch(ids.storage, (r) => {
      const acls = props(r).networkAcls as { ipRules: { value: string; action: string }[] };
      acls.ipRules.push({ value: '0.0.0.0/0', action: 'Allow' });
    });
    const { resources } = await scan();
    const d = byType(resources, 'Microsoft.Storage/storageAccounts').drifts;
    assert.deepEqual(d.map((x) => x.attribute), ['properties.networkAcls.ipRules']);
    assert.equal((d[0].actual as unknown[]).length, 3);
    assert.equal(d[0].fixable, false, 'live objects carry read-only fields: no quick-fix writes them into the template');
  });

  it('case-insensitive compare never hides a real change: tag values, a different SKU, a different enum value', async () => {
    fake.patch(ids.vnet, (r) => {
      r.tags = { Owner: 'platform-team' };
    });
    fake.patch(ids.storage, (r) => {
      r.sku = { name: 'Standard_GRS', tier: 'Standard' };
      (props(r).networkAcls as Record<string, unknown>).defaultAction = 'Allow';
    });
    const { resources } = await scan();
    assert.deepEqual(drifts(resources), [
      ['Microsoft.Network/virtualNetworks', 'tags.Owner', 'Platform-Team', 'platform-team', 'info'],
      ['Microsoft.Storage/storageAccounts', 'properties.networkAcls.defaultAction', 'Deny', 'Allow', 'error'],
      ['Microsoft.Storage/storageAccounts', 'sku.name', 'standard_lrs', 'Standard_GRS', 'warning'],
    ]);
  });

  it('siteConfig.minTlsVersion lowered in config/web is drift with error severity', async () => {
    fake.patch(`${ids.site}/config/web`, (r) => {
      props(r).minTlsVersion = '1.0';
    });
    const { resources } = await scan();
    assert.deepEqual(drifts(resources), [['Microsoft.Web/sites', 'properties.siteConfig.minTlsVersion', '1.2', '1.0', 'error']]);
  });

  it('config/web refused (403): siteConfig is unverified naming the endpoint, the rest of the site is still compared', async () => {
    fake.fault(`${ids.site}/config/web`, { status: 403 });
    fake.patch(ids.site, (r) => {
      props(r).httpsOnly = false;
    });
    const { resources } = await scan();
    const site = byType(resources, 'Microsoft.Web/sites');
    assert.equal(site.status, 'drifted');
    assert.deepEqual(site.drifts.map((d) => [d.attribute, d.severity]), [['properties.httpsOnly', 'error']]);
    const unverified = site.unverifiedAttributes.find((u) => u.attribute === 'properties.siteConfig');
    assert.match(unverified?.reason ?? '', /served by …\/config\/web: no permission: Microsoft\.Web\/sites\/config\/read/);
  });

  it('blob service settings are read from blobServices/default: a shorter soft-delete retention is drift', async () => {
    fake.patch(ids.blob, (r) => {
      (props(r).deleteRetentionPolicy as Record<string, unknown>).days = 1;
    });
    const { resources } = await scan();
    assert.deepEqual(drifts(resources), [['Microsoft.Storage/storageAccounts/blobServices', 'properties.deleteRetentionPolicy.days', 7, 1, 'warning']]);
  });
});
