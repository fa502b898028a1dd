// The fake Resource Manager is as strict as the real one, so the client is tested against the
// protocol and not against our own leniency.
import { strict as assert } from 'node:assert';
import { request } from 'node:https';
import { createAzureProvider } from '../../../src/providers/azure/provider';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, resourceGroupBody, storageBody } from '../../fakes/arm/examples';
import { binding, context, staticCredential } from './helpers';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { error?: { code: string; message: string }; [k: string]: unknown };
}

function call(fake: FakeArm, path: string, options: { method?: string; token?: string | null } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, fake.url);
    const headers: Record<string, string> = options.token === null ? {} : { authorization: `Bearer ${options.token ?? 't'}` };
    const req = request(url, { method: options.method ?? 'GET', ca: fake.ca, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('fake Resource Manager strictness', () => {
  let fake: FakeArm;
  const storage = `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.Storage/storageAccounts/st1`;
  before(async () => {
    fake = await FakeArm.start({ token: 'good' });
    fake.put(resourceGroupBody('app'));
    fake.put(storageBody('app', 'st1'));
  });
  after(() => fake.close());

  it('requires a bearer token, and the right one', async () => {
    const none = await call(fake, `${storage}?api-version=2023-05-01`, { token: null });
    assert.equal(none.status, 401);
    assert.equal(none.body.error?.code, 'AuthenticationFailed');
    assert.match(String(none.headers['www-authenticate']), /^Bearer /);
    const wrong = await call(fake, `${storage}?api-version=2023-05-01`, { token: 'bad' });
    assert.equal(wrong.body.error?.code, 'InvalidAuthenticationToken');
    assert.equal((await call(fake, `${storage}?api-version=2023-05-01`, { token: 'good' })).status, 200);
  });

  it('requires an api-version the resource type offers', async () => {
    const missing = await call(fake, storage, { token: 'good' });
    assert.deepEqual([missing.status, missing.body.error?.code], [400, 'MissingApiVersionParameter']);
    const unknown = await call(fake, `${storage}?api-version=2099-01-01`, { token: 'good' });
    assert.deepEqual([unknown.status, unknown.body.error?.code], [400, 'NoRegisteredProviderFound']);
    assert.match(unknown.body.error?.message ?? '', /supported api-versions are '2025-01-01, 2024-01-01/);
    const malformed = await call(fake, `${storage}?api-version=latest`, { token: 'good' });
    assert.equal(malformed.body.error?.code, 'InvalidApiVersionParameter');
    const namespace = await call(fake, `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.Nope/things/x?api-version=2024-01-01`, { token: 'good' });
    assert.equal(namespace.body.error?.code, 'InvalidResourceNamespace');
  });

  it('serves GET only and logs every method it receives', async () => {
    const put = await call(fake, `${storage}?api-version=2023-05-01`, { method: 'PUT', token: 'good' });
    assert.equal(put.status, 405);
    assert.ok(fake.requests.some((r) => r.method === 'PUT'));
  });

  it('answers Providers_Get with resource types and api-versions', async () => {
    const p = await call(fake, `/subscriptions/${SUB}/providers/microsoft.storage?api-version=2025-04-01`, { token: 'good' });
    assert.equal(p.body.namespace, 'Microsoft.Storage');
    assert.deepEqual((p.body.resourceTypes as { resourceType: string }[]).map((t) => t.resourceType), ['storageAccounts', 'storageAccounts/blobServices', 'storageAccounts/blobServices/containers', 'storageAccounts/encryptionScopes']);
  });

  it('TLS verification stays on: a client that does not trust the certificate gets a network error, not "missing"', async () => {
    const p = createAzureProvider({ endpoint: fake.url, credential: staticCredential('good'), retry: { maxRetries: 0 }, env: {} });
    const b = binding('azurerm_storage_account', storage);
    const r = (await p.fetch([b], context())).get(b);
    assert.equal(r?.status, 'error');
    assert.equal(r?.status === 'error' && r.kind, 'network');
  });
});
