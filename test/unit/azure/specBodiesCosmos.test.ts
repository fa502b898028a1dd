// Cosmos DB account against the REST spec's own GET example (resourceCosmosDbAccountRead): in sync as a user
// writes it; TLS lowered to "Tls" (1.0, spelled without digits) and the IP filter widened or emptied in the
// console are errors; a consistency change a warning; nothing else.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { cosmosAccountSpecBody } from '../../fakes/arm/specExamples4';
import { driftsOf, scanTf } from './tfScan';

const accountId = `${rgPath('cosmos')}/providers/Microsoft.DocumentDB/databaseAccounts/ddb1`;

const workspace = (extra = 'minimal_tls_version = "Tls"') => `
resource "azurerm_cosmosdb_account" "db" {
  name                               = "ddb1"
  resource_group_name                = "cosmos"
  location                           = "West US"
  offer_type                         = "Standard"
  kind                               = "GlobalDocumentDB"
  free_tier_enabled                  = false
  is_virtual_network_filter_enabled  = false
  access_key_metadata_writes_enabled = true
  ${extra}
  consistency_policy {
    consistency_level       = "Session"
    max_interval_in_seconds = 5
    max_staleness_prefix    = 100
  }
  geo_location {
    location          = "eastus"
    failover_priority = 0
  }
}
`;

type Props = { minimalTlsVersion: string; ipRules: { ipAddressOrRange: string }[]; consistencyPolicy: { defaultConsistencyLevel: string } };
const props = (a: Record<string, unknown>) => a.properties as Props;

describe('Cosmos DB mapper against the spec\'s example body', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('cosmos'));
    fake.put(cosmosAccountSpecBody('cosmos', 'ddb1'));
  });
  afterEach(() => fake.close());

  it('reads the example in sync as the code writes it', async () => {
    const db = (await scanTf(fake, workspace())).get('azurerm_cosmosdb_account.db');
    assert.equal(db.status, 'in-sync', `${db.reason ?? ''} ${JSON.stringify(db.drifts)}`);
    assert.deepEqual(db.unverifiedAttributes, []);
    assert.deepEqual(fake.requestsTo(accountId).map((q) => q.query['api-version']), ['2024-11-15']);
  });

  it('a consistency change is a warning; nothing else', async () => {
    fake.patch(accountId, (a) => (props(a).consistencyPolicy.defaultConsistencyLevel = 'Eventual'));
    const drifts = driftsOf((await scanTf(fake, workspace())).get('azurerm_cosmosdb_account.db'));
    assert.equal(drifts.length, 1, drifts.join('\n'));
    assert.match(drifts[0], /^consistency_policy.*eventual.*\(warning\)$/i);
  });

  it('TLS lowered to "Tls" (1.0) is an error', async () => {
    const tls12 = workspace('minimal_tls_version = "Tls12"');
    fake.patch(accountId, (a) => (props(a).minimalTlsVersion = 'Tls12'));
    assert.equal((await scanTf(fake, tls12)).get('azurerm_cosmosdb_account.db').status, 'in-sync');
    fake.patch(accountId, (a) => (props(a).minimalTlsVersion = 'Tls'));
    assert.deepEqual(driftsOf((await scanTf(fake, tls12)).get('azurerm_cosmosdb_account.db')), ['minimal_tls_version: "Tls12" → "Tls" (error)']);
  });

  it('the IP filter widened or emptied (every address allowed) is an error; narrowed a warning', async () => {
    const filtered = workspace('minimal_tls_version = "Tls"\n  ip_range_filter = ["10.0.0.0/24", "13.91.6.132"]');
    fake.patch(accountId, (a) => (props(a).ipRules = [{ ipAddressOrRange: '13.91.6.132' }, { ipAddressOrRange: '10.0.0.0/24' }]));
    assert.equal((await scanTf(fake, filtered)).get('azurerm_cosmosdb_account.db').status, 'in-sync');
    const severityAfter = async (rules: string[]) => {
      fake.patch(accountId, (a) => (props(a).ipRules = rules.map((ipAddressOrRange) => ({ ipAddressOrRange }))));
      return (await scanTf(fake, filtered)).get('azurerm_cosmosdb_account.db').drifts.map((d) => `${d.attribute} ${d.severity}`);
    };
    assert.deepEqual(await severityAfter(['10.0.0.0/24', '13.91.6.132', '0.0.0.0/0']), ['ip_range_filter error']);
    assert.deepEqual(await severityAfter([]), ['ip_range_filter error']);
    assert.deepEqual(await severityAfter(['10.0.0.0/24']), ['ip_range_filter warning']);
  });
});
