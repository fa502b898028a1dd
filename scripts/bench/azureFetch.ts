// `npm run bench -- azureFetch [resources]`: calls and time to fetch hundreds of azurerm resources
// from the loopback HTTPS fake, batched (one list GET per collection) vs one GET per resource.
import { createAzureProvider } from '../../src/providers/azure/provider';
import type { Binding, FetchContext } from '../../src/model';
import { FakeArm } from '../../test/fakes/arm/server';
import { nsgBody, publicIpBody, resourceGroupBody, storageBody, subnetBody, vmBody, vnetBody } from '../../test/fakes/arm/examples';

const total = Number(process.argv[2] ?? 300);
const groups = ['rg-a', 'rg-b', 'rg-c', 'rg-d', 'rg-e'];
const kinds = [
  { type: 'azurerm_storage_account', body: (rg: string, n: string) => storageBody(rg, n) },
  { type: 'azurerm_network_security_group', body: (rg: string, n: string) => nsgBody(rg, n, [{ name: 'https', priority: 100 }]) },
  { type: 'azurerm_public_ip', body: (rg: string, n: string) => publicIpBody(rg, n) },
  { type: 'azurerm_linux_virtual_machine', body: (rg: string, n: string) => vmBody(rg, n) },
  { type: 'azurerm_virtual_network', body: (rg: string, n: string) => vnetBody(rg, n) },
  { type: 'azurerm_subnet', body: (rg: string, n: string) => subnetBody(rg, 'shared', n, '10.0.1.0/24') },
];

async function run(label: string, listThreshold: number): Promise<void> {
  const fake = await FakeArm.start({ pageSize: 100 });
  const bindings: Binding[] = [];
  for (const rg of groups) {
    fake.put(resourceGroupBody(rg));
    fake.put(vnetBody(rg, 'shared'));
  }
  for (let i = 0; i < total; i++) {
    const rg = groups[i % groups.length];
    const kind = kinds[i % kinds.length];
    const body = kind.body(rg, `r${i}`);
    fake.put(body);
    bindings.push({ address: `${kind.type}.r${i}`, type: kind.type, liveId: body.id, providerConfig: { provider: 'azurerm', settings: {} }, declaredAttributes: ['location', 'tags'] });
  }
  const provider = createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3600_000 }) }, listThreshold, env: {} });
  const ctx: FetchContext = { signal: new AbortController().signal, logger: { debug() {}, info() {}, warn() {}, error() {} } };
  const started = process.hrtime.bigint();
  const results = await provider.fetch(bindings, ctx);
  const fetchMs = Number(process.hrtime.bigint() - started) / 1e6;
  const found = [...results.values()].filter((r) => r.status === 'found').length;
  const unmanagedStart = fake.requests.length;
  await provider.listUnmanaged(bindings.map((b) => b.liveId), ctx);
  const c = provider.calls;
  console.log(
    `${label.padEnd(28)} ${total} resources (${kinds.length} types × ${groups.length} resource groups): found ${found}, ` +
      `calls providers.get=${c.providers} list=${c.listCollection} getById=${c.getById} → ${c.providers + c.listCollection + c.getById} for the fetch ` +
      `(${unmanagedStart} HTTP requests), ${fetchMs.toFixed(0)} ms; unmanaged listing ${c.listByResourceGroup} calls`,
  );
  await fake.close();
}

async function main(): Promise<void> {
  await run('batched (list per collection)', 2);
  await run('one GET per resource', Number.POSITIVE_INFINITY);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
