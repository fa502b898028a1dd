// How the editor wires the Azure provider: the watch that notices "no credentials" answers (for
// Terraform and ARM templates), the VS Code session tried before DefaultAzureCredential, and the
// cloud setting used only where the provider block says nothing — against the HTTPS fake ARM.
import { strict as assert } from 'node:assert';
import { join, resolve } from 'node:path';
import type { Binding, FetchContext, LiveResult, LiveStateProvider } from '../../../src/model';
import { armTemplateSource } from '../../../src/engine/armTemplates/armTemplateSource';
import { SessionCredential, watchCredentials } from '../../../src/editor/azureSession';
import { createAzureProvider } from '../../../src/providers/azure';
import { SUB, resourceGroupBody, storageBody } from '../../fakes/arm/examples';
import { FakeArm } from '../../fakes/arm/server';
import { binding, context } from '../azure/helpers';

const REPO = resolve(__dirname, '..', '..', '..');
const storageId = `/subscriptions/${SUB}/resourceGroups/tf-rg/providers/Microsoft.Storage/storageAccounts/tflogs01`;

/** Answers each fetch call with the next list of answers (Terraform bindings first, then the ARM template's). */
function fakeProvider(...calls: LiveResult[][]): LiveStateProvider & { readonly fetches: number } {
  let fetches = 0;
  return {
    name: 'azurerm',
    get fetches() {
      return fetches;
    },
    supports: () => true,
    async fetch(bindings: Binding[]) {
      const answers = calls[fetches++] ?? [];
      return new Map(bindings.map((b, i) => [b, answers[i] ?? { status: 'not-found' as const }]));
    },
    armTemplates: { target: {}, severity: () => 'warning' },
  };
}

describe('editor Azure sign-in: provider wiring', () => {
  it('watchCredentials reports every "credentials" answer, from fetch and from ARM templates, and changes nothing else', async () => {
    const answers: LiveResult[] = [
      { status: 'error', kind: 'credentials', reason: 'no Azure credentials: nobody signed in' },
      { status: 'error', kind: 'access-denied', reason: 'no permission', action: 'Microsoft.KeyVault/vaults/read' },
      { status: 'found', attributes: { location: 'westeurope' } },
    ];
    const inner = fakeProvider(answers, [{ status: 'error', kind: 'credentials', reason: 'template: Azure rejected the credentials (401)' }]);
    const failures: string[] = [];
    const watched = watchCredentials(inner, (r) => failures.push(r));
    const bindings = answers.map((_, i) => binding('azurerm_storage_account', `${storageId}${i}`));
    const got = await watched.fetch(bindings, context());
    assert.deepEqual([...got.values()], answers, 'answers pass through unchanged');
    // The engine reads ARM templates through the same (watched) fetch.
    await armTemplateSource(watched)!.scan(join(REPO, 'test', 'fixtures', 'azure', 'arm'), context() as FetchContext, new Map());
    assert.deepEqual(failures, ['no Azure credentials: nobody signed in', 'template: Azure rejected the credentials (401)']);
    assert.equal(watched.name, 'azurerm');
    assert.equal(watched.supports('azurerm_subnet'), true);
    assert.equal(watched.fetches, 2, 'getters stay live: the wrapper is not a copy');
  });

  describe('against the fake Resource Manager', function () {
    this.timeout(30000);
    let fake: FakeArm;
    const saved = { ...process.env };

    before(async () => {
      fake = await FakeArm.start({ token: 'fake-cli-token' });
      fake.put(resourceGroupBody('tf-rg'));
      fake.put(storageBody('tf-rg', 'tflogs01'));
    });
    after(() => fake.close());
    afterEach(() => {
      for (const k of ['PATH', 'AZURE_TOKEN_CREDENTIALS', 'FAKE_AZ_TOKEN']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    });

    it('a VS Code session is used first; without one, DefaultAzureCredential (here the Azure CLI) serves the same scan', async () => {
      const asked: string[][] = [];
      const signedIn = new SessionCredential(async (_id, scopes) => {
        asked.push(scopes);
        return { accessToken: 'fake-cli-token' };
      });
      const viaSession = createAzureProvider({ preferredCredential: signedIn, endpoint: fake.url, ca: fake.ca });
      const [first] = (await viaSession.fetch([binding('azurerm_storage_account', storageId, ['location'])], context())).values();
      assert.equal(first.status, 'found', JSON.stringify(first));
      assert.deepEqual(asked[0], [`${fake.url}/.default`], 'the token is asked for the endpoint\'s audience');

      process.env.AZURE_TOKEN_CREDENTIALS = 'AzureCliCredential';
      process.env.PATH = `${join(REPO, 'test', 'fakes', 'arm', 'bin')}:${saved.PATH ?? ''}`;
      const nobody = new SessionCredential(async () => undefined);
      const viaCli = createAzureProvider({ preferredCredential: nobody, endpoint: fake.url, ca: fake.ca });
      const [second] = (await viaCli.fetch([binding('azurerm_storage_account', storageId, ['location'])], context())).values();
      assert.equal(second.status, 'found', JSON.stringify(second));
      assert.deepEqual(nobody.signInRequests(), [{ providerId: 'microsoft', scopes: [`${fake.url}/.default`], renew: false }]);
    });

    it('nothing works: every binding is unverified with kind "credentials" and no request is sent', async () => {
      process.env.AZURE_TOKEN_CREDENTIALS = 'AzureCliCredential';
      process.env.PATH = '/nonexistent';
      const before = fake.requests.length;
      const provider = createAzureProvider({ preferredCredential: new SessionCredential(async () => undefined), endpoint: fake.url, ca: fake.ca });
      const [r] = (await provider.fetch([binding('azurerm_storage_account', storageId)], context())).values();
      assert.equal(r.status === 'error' && r.kind, 'credentials');
      assert.equal(fake.requests.length, before);
    });
  });

  it('the cloud setting applies where the provider block names no environment, never over it', async () => {
    const scopes: string[] = [];
    // Records the audience, then refuses: nothing is sent to a real cloud.
    const refusing = { getToken: async (s: string | string[]) => (scopes.push(String(s)), Promise.reject(Object.assign(new Error('stop'), { name: 'CredentialUnavailableError' }))) };
    const provider = createAzureProvider({ credential: refusing, defaultCloud: 'china', env: {} });
    await provider.fetch([binding('azurerm_storage_account', storageId)], context());
    await provider.fetch([binding('azurerm_storage_account', storageId, [], { environment: 'usgovernment' })], context());
    assert.deepEqual(scopes, ['https://management.chinacloudapi.cn/.default', 'https://management.usgovcloudapi.net/.default']);
  });
});
