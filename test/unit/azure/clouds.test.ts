// Clouds: Resource Manager endpoint, authority and token scope follow the cloud; a custom
// endpoint must be https (the bearer token travels to it).
import { strict as assert } from 'node:assert';
import { cloudByName, customCloud } from '../../../src/providers/azure/clouds';
import { createAzureProvider } from '../../../src/providers/azure/provider';

describe('Azure clouds', () => {
  it('maps the azurerm `environment` names to endpoints, authorities and scopes', () => {
    assert.deepEqual(cloudByName(undefined), { name: 'public', resourceManager: 'https://management.azure.com', authorityHost: 'https://login.microsoftonline.com', scope: 'https://management.azure.com/.default' });
    assert.equal(cloudByName('china')?.resourceManager, 'https://management.chinacloudapi.cn');
    assert.equal(cloudByName('AzureChinaCloud')?.authorityHost, 'https://login.chinacloudapi.cn');
    assert.equal(cloudByName('usgovernment')?.scope, 'https://management.usgovcloudapi.net/.default');
    assert.equal(cloudByName('germany'), undefined);
  });

  it('takes a custom endpoint with its own audience, and refuses plain http', () => {
    assert.deepEqual(customCloud({ endpoint: 'https://management.local.azurestack.external/' }).scope, 'https://management.local.azurestack.external/.default');
    assert.equal(customCloud({ endpoint: 'https://arm.example', audience: 'https://management.adfs.example/abc' }).scope, 'https://management.adfs.example/abc/.default');
    assert.throws(() => customCloud({ endpoint: 'http://127.0.0.1:8080' }), /must use https/);
    assert.throws(() => createAzureProvider({ endpoint: 'not a url' }), /not a URL/);
  });

  it('an unknown environment in the provider block is an error for its resources, not a guess', async () => {
    const p = createAzureProvider({ credential: { getToken: async () => null }, env: {} });
    const b = { address: 'a', type: 'azurerm_resource_group', liveId: '/subscriptions/s/resourceGroups/g', providerConfig: { provider: 'azurerm', settings: { environment: 'mars' } }, declaredAttributes: [] };
    const r = (await p.fetch([b], { signal: new AbortController().signal, logger: { debug() {}, info() {}, warn() {}, error() {} } })).get(b);
    assert.equal(r?.status, 'error');
    assert.match(r?.status === 'error' ? r.reason : '', /unknown Azure environment "mars"/);
  });
});
