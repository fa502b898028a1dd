// The Azure provider end to end: the real @azure/arm-resources SDK against the HTTPS fake.
import { strict as assert } from 'node:assert';
import { createAzureProvider } from '../../../src/providers/azure/provider';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, nsgBody, resourceGroupBody, storageBody, subnetBody, vnetBody, webAppBodies, servicePlanBody } from '../../fakes/arm/examples';
import { binding, context, staticCredential } from './helpers';

const rg = (name: string) => `/subscriptions/${SUB}/resourceGroups/${name}`;
const storageId = (group: string, name: string) => `${rg(group)}/providers/Microsoft.Storage/storageAccounts/${name}`;

describe('Azure provider against the fake Resource Manager', () => {
  let fake: FakeArm;
  const provider = (extra: Parameters<typeof createAzureProvider>[0] = {}) =>
    createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: staticCredential(), retry: { maxRetries: 2, retryDelayInMs: 5, maxRetryDelayInMs: 10 }, env: {}, ...extra });

  beforeEach(async () => {
    fake = await FakeArm.start({ pageSize: 2 });
    fake.put(resourceGroupBody('app'));
    fake.put(resourceGroupBody('faults'));
    for (const n of ['sta', 'stb', 'stc']) fake.put(storageBody('app', n));
    fake.put(nsgBody('app', 'web-nsg', [{ name: 'https', priority: 100, port: '443' }]));
    fake.put(vnetBody('app', 'vnet'));
    fake.put(subnetBody('app', 'vnet', 'web', '10.0.1.0/24', ['Microsoft.Storage']));
  });
  afterEach(() => fake.close());

  it('maps found resources, at the newest stable api-version of each type, with GET only', async () => {
    const p = provider();
    const b = binding('azurerm_network_security_group', `${rg('app')}/providers/Microsoft.Network/networkSecurityGroups/web-nsg`);
    const s = binding('azurerm_subnet', `${rg('app')}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/web`);
    const results = await p.fetch([b, s], context());
    const nsg = results.get(b);
    assert.equal(nsg?.status, 'found');
    assert.deepEqual(nsg.status === 'found' && nsg.attributes.security_rule, [
      {
        name: 'https', description: '', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
        source_port_range: '*', source_port_ranges: [], destination_port_range: '443', destination_port_ranges: [],
        source_address_prefix: '10.0.0.0/8', source_address_prefixes: [], destination_address_prefix: '*', destination_address_prefixes: [],
        source_application_security_group_ids: [], destination_application_security_group_ids: [],
      },
    ]);
    const subnet = results.get(s);
    assert.deepEqual(subnet?.status === 'found' && subnet.attributes.service_endpoints, ['Microsoft.Storage']);
    const nsgGet = fake.requestsTo(b.liveId);
    assert.equal(nsgGet.length, 1);
    // 2024-10-01-preview is newer, but a preview is never picked when a stable version exists.
    assert.equal(nsgGet[0].query['api-version'], '2024-05-01');
    assert.equal(fake.requestsTo(`/subscriptions/${SUB}/providers/Microsoft.Network`).length, 1, 'one discovery per namespace');
    assert.deepEqual([...new Set(fake.requests.map((r) => r.method))], ['GET']);
  });

  it('lists a collection once (following nextLink) instead of one GET per resource, and matches IDs case-insensitively', async () => {
    const p = provider();
    const bs = ['sta', 'stb', 'stc'].map((n) => binding('azurerm_storage_account', storageId('app', n).replace('/resourceGroups/app/', '/resourcegroups/APP/')));
    const results = await p.fetch(bs, context());
    for (const b of bs) assert.equal(results.get(b)?.status, 'found');
    const collection = fake.requestsTo(`${rg('app')}/providers/Microsoft.Storage/storageAccounts`);
    assert.equal(collection.length, 2, 'two pages of two');
    assert.equal(collection[1].query.$skiptoken, '2');
    assert.equal(fake.requests.filter((r) => /storageAccounts\/st/.test(r.path)).length, 0, 'no per-ID GET');
    assert.deepEqual(p.calls, { providers: 1, getById: 0, listCollection: 2, listByResourceGroup: 0 });
  });

  it('confirms a resource absent from the list with a GET of its own ID before calling it not found', async () => {
    const p = provider();
    const gone = binding('azurerm_storage_account', storageId('app', 'stgone'));
    const results = await p.fetch([binding('azurerm_storage_account', storageId('app', 'sta')), gone], context());
    assert.equal(results.get(gone)?.status, 'not-found');
    assert.equal(fake.requestsTo(gone.liveId).length, 1);
  });

  it('404 → not-found; 403 → access-denied naming the permission, never not-found; 401 → credentials; 500 → error', async () => {
    const ids = { missing: storageId('faults', 'nope'), denied: storageId('faults', 'denied'), unauth: `${rg('faults')}/providers/Microsoft.Network/virtualNetworks/v401`, broken: `${rg('faults')}/providers/Microsoft.Network/networkSecurityGroups/n500` };
    fake.put(storageBody('faults', 'denied'));
    fake.fault(ids.denied, { status: 403 });
    fake.fault(ids.unauth, { status: 401 });
    fake.fault(ids.broken, { status: 500 });
    const p = provider({ listThreshold: 99 });
    const b = {
      missing: binding('azurerm_storage_account', ids.missing),
      denied: binding('azurerm_storage_account', ids.denied),
      unauth: binding('azurerm_virtual_network', ids.unauth),
      broken: binding('azurerm_network_security_group', ids.broken),
    };
    const results = await p.fetch(Object.values(b), context());
    assert.deepEqual(results.get(b.missing)?.status, 'not-found');
    const denied = results.get(b.denied);
    assert.equal(denied?.status, 'error');
    assert.equal(denied.status === 'error' && denied.kind, 'access-denied');
    assert.equal(denied.status === 'error' && denied.action, 'Microsoft.Storage/storageAccounts/read');
    const unauth = results.get(b.unauth);
    assert.equal(unauth?.status === 'error' && unauth.kind, 'credentials');
    const broken = results.get(b.broken);
    assert.equal(broken?.status === 'error' && broken.kind, 'other');
    assert.match(broken?.status === 'error' ? broken.reason : '', /500 InternalServerError/);
    assert.equal(fake.requestsTo(ids.broken).length, 3, 'the SDK retried the 500 twice');
  });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    const id = storageId('app', 'sta');
    fake.fault(id, { status: 429, times: 1, retryAfter: 1 });
    const results = await provider({ listThreshold: 99 }).fetch([binding('azurerm_storage_account', id)], context());
    assert.equal(results.get([...results.keys()][0])?.status, 'found');
    assert.deepEqual(fake.requestsTo(id).map((r) => r.status), [429, 200]);
  });

  it('a 429 that never ends is throttled (unverified), not missing', async () => {
    const id = storageId('app', 'stb');
    fake.fault(id, { status: 429, retryAfter: 0 });
    const results = await provider({ listThreshold: 99 }).fetch([binding('azurerm_storage_account', id)], context());
    const r = [...results.values()][0];
    assert.equal(r.status === 'error' && r.kind, 'throttled');
  });

  it('reads site_config from the config/web sub-resource only when the code declares it', async () => {
    const plan = servicePlanBody('app', 'plan');
    fake.put(plan);
    for (const body of webAppBodies('app', 'web', plan.id, { alwaysOn: false })) fake.put(body);
    const id = `${rg('app')}/providers/Microsoft.Web/sites/web`;
    const p = provider();
    const without = await p.fetch([binding('azurerm_linux_web_app', id, ['https_only'])], context());
    assert.equal(fake.requestsTo(`${id}/config/web`).length, 0);
    assert.equal([...without.values()][0].status, 'found');
    const withCfg = await p.fetch([binding('azurerm_linux_web_app', id, ['site_config'])], context());
    const r = [...withCfg.values()][0];
    assert.deepEqual(r.status === 'found' && r.attributes.site_config, [{ always_on: false, minimum_tls_version: '1.2', ftps_state: 'FtpsOnly', http2_enabled: true }]);
    assert.equal(fake.requestsTo(`/subscriptions/${SUB}/providers/Microsoft.Web`).length, 1, 'api-versions discovered once for the provider instance');
  });

  it('an ARM-template binding is fetched at the template api-version and returned raw', async () => {
    const id = storageId('app', 'sta');
    const b = { ...binding('Microsoft.Storage/storageAccounts', id, [], { apiVersion: '2023-01-01' }) };
    const results = await provider().fetch([b], context());
    const r = results.get(b);
    assert.equal(r?.status === 'found' && (r.attributes.properties as Record<string, unknown>).minimumTlsVersion, 'TLS1_2');
    assert.equal(fake.requestsTo(id)[0].query['api-version'], '2023-01-01');
    assert.equal(fake.requestsTo(`/subscriptions/${SUB}/providers/Microsoft.Storage`).length, 0);
  });

  it('an api-version the type does not offer gets the service error, reported unverified', async () => {
    const id = storageId('app', 'sta');
    const b = binding('Microsoft.Storage/storageAccounts', id, [], { apiVersion: '2099-01-01' });
    const r = (await provider().fetch([b], context())).get(b);
    assert.equal(r?.status, 'error');
    assert.match(r?.status === 'error' ? r.reason : '', /NoRegisteredProviderFound/);
  });

  it('with credentials not allowed, answers every binding "credentials" and sends nothing', async () => {
    const cred = staticCredential();
    const p = createAzureProvider({ endpoint: fake.url, credential: cred, credentialsAllowed: false });
    const b = binding('azurerm_storage_account', storageId('app', 'sta'));
    const r = (await p.fetch([b], context())).get(b);
    assert.equal(r?.status === 'error' && r.kind, 'credentials');
    assert.equal(fake.requests.length, 0);
    assert.equal(cred.calls.length, 0);
  });

  it('asks for a token whose audience follows the endpoint', async () => {
    const cred = staticCredential();
    await createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: cred, env: {} }).fetch([binding('azurerm_storage_account', storageId('app', 'sta'))], context());
    assert.deepEqual(cred.calls[0], [`${fake.url}/.default`]);
  });

  it('a credential that fails makes every binding "credentials", once', async () => {
    let calls = 0;
    const failing = { getToken: async () => { calls++; throw Object.assign(new Error('no sign-in'), { name: 'CredentialUnavailableError' }); } };
    const bs = [binding('azurerm_storage_account', storageId('app', 'sta')), binding('azurerm_storage_account', storageId('app', 'stb'))];
    const results = await createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: failing, env: {} }).fetch(bs, context());
    for (const b of bs) assert.equal(results.get(b)?.status === 'error' && results.get(b)?.status === 'error' && (results.get(b) as { kind: string }).kind, 'credentials');
    assert.equal(calls, 1);
    assert.equal(fake.requests.length, 0);
  });

  it('lists unmanaged resources of the managed resource groups, paging, leaving out what another resource manages', async () => {
    const p = provider();
    const declared = [storageId('app', 'sta'), storageId('app', 'stb'), `${rg('app')}/providers/Microsoft.Network/networkSecurityGroups/web-nsg`, `${rg('app')}/providers/Microsoft.Network/virtualNetworks/VNET`];
    fake.put({ ...storageBody('app', 'disk-owner'), id: `${rg('app')}/providers/Microsoft.Compute/disks/osdisk`, name: 'osdisk', type: 'Microsoft.Compute/disks', managedBy: `${rg('app')}/providers/Microsoft.Compute/virtualMachines/vm` });
    const listing = await p.listUnmanaged(declared, context(), [rg('app'), rg('missing-rg')]);
    assert.deepEqual(listing.unmanaged, [{ type: 'azurerm_storage_account', liveId: storageId('app', 'stc'), region: 'westeurope', name: 'stc' }]);
    assert.equal(listing.errors.length, 1);
    assert.match(listing.errors[0], /missing-rg.*ResourceGroupNotFound/);
    assert.ok(fake.requestsTo(`${rg('app')}/resources`).length >= 2, 'followed nextLink');
  });

  it('asks by ID for resources whose collection list leaves out properties', async () => {
    await fake.close();
    fake = await FakeArm.start({ thinListTypes: ['Microsoft.Storage/storageAccounts'] });
    for (const n of ['sta', 'stb']) fake.put(storageBody('app', n, { tls: 'TLS1_1' }));
    fake.put(resourceGroupBody('app'));
    const bs = ['sta', 'stb'].map((n) => binding('azurerm_storage_account', storageId('app', n)));
    const results = await provider().fetch(bs, context());
    for (const b of bs) {
      const r = results.get(b);
      assert.equal(r?.status === 'found' && r.attributes.min_tls_version, 'TLS1_1', 'read from the full GET, not defaulted from a thin list');
      assert.equal(fake.requestsTo(b.liveId).length, 1);
    }
  });

  it('a cancelled scan answers "cancelled", never not-found', async () => {
    const controller = new AbortController();
    controller.abort();
    const bs = [binding('azurerm_storage_account', storageId('app', 'sta')), binding('azurerm_storage_account', storageId('app', 'gone'))];
    const results = await provider().fetch(bs, context(controller.signal));
    for (const b of bs) {
      const r = results.get(b);
      assert.equal(r?.status === 'error' && r.kind, 'cancelled');
    }
  });

  it('derives IDs from names for code without state', () => {
    const p = createAzureProvider({ env: { ARM_SUBSCRIPTION_ID: 'env-sub' } });
    assert.equal(p.deriveId('azurerm_subnet', { name: 'web', resource_group_name: 'app', virtual_network_name: 'vnet' }), '/subscriptions/env-sub/resourceGroups/app/providers/Microsoft.Network/virtualNetworks/vnet/subnets/web');
    assert.equal(
      p.deriveId('azurerm_storage_account', { name: 'sta', resource_group_name: 'app' }, { provider: 'azurerm', settings: { subscription_id: 'block-sub' } }),
      '/subscriptions/block-sub/resourceGroups/app/providers/Microsoft.Storage/storageAccounts/sta',
    );
    assert.equal(p.deriveId('azurerm_storage_account', { name: undefined, resource_group_name: 'app' }), undefined);
    assert.equal(createAzureProvider({ env: {} }).deriveId('azurerm_resource_group', { name: 'app' }), undefined, 'no subscription known');
  });
});
