// Who changed it (issue 14, item 5), Azure: the Activity Log on the fake Resource Manager (HTTPS, bearer token,
// the REST spec's filter and EventData), through the provider's real client. The newest succeeded write or delete
// names the caller; the portal and the CLI are told apart by the token's app ID; no permission is a quiet note.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { attributeChanges } from '../../../src/engine/attribution';
import { jsonReport } from '../../../src/engine/report/json';
import { scanWorkspace } from '../../../src/engine/scan';
import { createAzureProvider } from '../../../src/providers/azure/provider';
import { serveActivityLog, type ActivityEvent } from '../../fakes/arm/activityLog';
import { applyAzurermConsoleDrift, azurermIds, seedAzurermWorkspace } from '../../fakes/arm/azurermScenario';
import { FakeArm } from '../../fakes/arm/server';
import { quietLogger, staticCredential } from '../azure/helpers';

const FIXTURES = resolve(__dirname, '../../fixtures/azure');
const PORTAL = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c';
const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const now = new Date();
const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

const EVENTS: ActivityEvent[] = [
  { resourceId: azurermIds.vm, operation: 'Microsoft.Compute/virtualMachines/write', at: ago(48), caller: 'deploy-sp', appId: '11111111-2222-3333-4444-555555555555' },
  { resourceId: azurermIds.vm, operation: 'Microsoft.Compute/virtualMachines/write', at: ago(5), caller: 'alice@contoso.com', appId: PORTAL, status: 'Started' },
  { resourceId: azurermIds.vm, operation: 'Microsoft.Compute/virtualMachines/write', at: ago(4.9), caller: 'alice@contoso.com', appId: PORTAL },
  { resourceId: azurermIds.vm, operation: 'Microsoft.Compute/virtualMachines/read', at: ago(1), caller: 'auditor@contoso.com', appId: CLI },
  // Resource IDs compare case-insensitively, as Resource Manager does.
  { resourceId: azurermIds.pip.replace('/providers/Microsoft.Network/publicIPAddresses/tf-pip', '/providers/Microsoft.Network/publicIpAddresses/TF-PIP'), operation: 'Microsoft.Network/publicIPAddresses/delete', at: ago(2), caller: 'bob@contoso.com', appId: CLI },
  // Older than the log's 90 days: never asked for.
  { resourceId: azurermIds.storage, operation: 'Microsoft.Storage/storageAccounts/write', at: ago(24 * 100), caller: 'old@contoso.com', appId: PORTAL },
];

describe('workflow: who changed it (Azure Activity Log)', function () {
  this.timeout(60000);
  let fake: FakeArm;
  let dir: string;
  beforeEach(async () => {
    fake = await FakeArm.start();
    dir = mkdtempSync(join(tmpdir(), 'driftlens-azattr-'));
    cpSync(join(FIXTURES, 'azurerm'), dir, { recursive: true });
    seedAzurermWorkspace(fake);
    applyAzurermConsoleDrift(fake);
  });
  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const scan = async () => {
    const provider = createAzureProvider({ endpoint: fake.url, ca: fake.ca, credential: staticCredential(), env: {} });
    const outcome = await scanWorkspace({ dir, providers: [provider], logger: quietLogger });
    await attributeChanges(outcome, { signal: new AbortController().signal, logger: quietLogger });
    return outcome.result;
  };

  it('names the newest succeeded change of drifted and missing resources, with the portal or the CLI', async () => {
    serveActivityLog(fake, EVENTS, { pageSize: 2 });
    const result = await scan();
    const by = (id: string) => result.resources.find((r) => r.liveId?.toLowerCase() === id.toLowerCase())!;
    assert.equal(by(azurermIds.vm).status, 'drifted');
    assert.deepEqual(by(azurermIds.vm).changedBy, { principal: 'alice@contoso.com', via: 'console', at: new Date(ago(4.9)).toISOString(), action: 'Microsoft.Compute/virtualMachines/write' });
    assert.equal(by(azurermIds.pip).status, 'missing');
    assert.deepEqual(by(azurermIds.pip).changedBy?.via, 'cli');
    assert.equal(by(azurermIds.pip).changedBy?.principal, 'bob@contoso.com');
    assert.match(by(azurermIds.storage).attributionNote!, /no change event/);
    // One filtered GET per resource, always bounded in time and by resource URI.
    const asked = fake.requests.filter((r) => /eventtypes\/management\/values/i.test(r.path));
    assert.ok(asked.length >= 3);
    assert.ok(asked.every((r) => r.query['api-version'] === '2015-04-01' && /^eventTimestamp ge '.+' and eventTimestamp le '.+' and resourceUri eq '\/subscriptions\//.test(r.query.$filter)));
    assert.deepEqual(jsonReport(result).resources.find((r) => r.liveId === azurermIds.vm)!.changedBy, { principal: 'alice@contoso.com', via: 'console', at: new Date(ago(4.9)).toISOString() });
  });

  it('without Microsoft.Insights read permission: a quiet note, never a scan error', async () => {
    serveActivityLog(fake, EVENTS, { denied: true });
    const result = await scan();
    const vm = result.resources.find((r) => r.liveId === azurermIds.vm)!;
    assert.equal(vm.changedBy, undefined);
    assert.equal(vm.attributionNote, 'no permission: Microsoft.Insights/eventtypes/values/read is not allowed');
    assert.ok(result.errors.every((e) => !/insights/i.test(e.message)));
  });
});
