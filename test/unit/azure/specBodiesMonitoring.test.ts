// Log Analytics workspace and Application Insights against the REST specs' own GET examples: in sync as
// a user writes them, each console change found once with its severity, and what azurerm reads from
// another API (Application Insights' daily cap: the billing features call) left unverified, never drift.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { componentSpecBody, workspaceSpecBody } from '../../fakes/arm/specExamples3';
import { driftsOf, scanTf } from './tfScan';

const rg = rgPath('mon');
const workspaceId = `${rg}/providers/Microsoft.OperationalInsights/workspaces/oiautorest6685`;
const componentId = `${rg}/providers/Microsoft.Insights/components/my-component`;

const workspace = `
resource "azurerm_log_analytics_workspace" "law" {
  name                       = "oiautorest6685"
  resource_group_name        = "mon"
  location                   = "eastus"
  sku                        = "PerGB2018"
  retention_in_days          = 30
  internet_ingestion_enabled = true
  internet_query_enabled     = true
}
resource "azurerm_application_insights" "ai" {
  name                       = "my-component"
  resource_group_name        = "mon"
  location                   = "South Central US"
  application_type           = "web"
  workspace_id               = "${workspaceId.toLowerCase()}"
  sampling_percentage        = 100
  disable_ip_masking         = false
  internet_ingestion_enabled = true
  internet_query_enabled     = true
  daily_data_cap_in_gb       = 100
}
`;

describe('monitoring mappers against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('mon'));
    fake.put(workspaceSpecBody('mon', 'oiautorest6685'));
    fake.put(componentSpecBody('mon', 'my-component', workspaceId.toLowerCase()));
  });
  afterEach(() => fake.close());

  it('reads both examples in sync; the daily cap (billing features API) is unverified, not drift', async () => {
    const r = await scanTf(fake, workspace);
    for (const res of r.resources) assert.equal(res.status, 'in-sync', `${res.address}: ${res.reason ?? ''} ${JSON.stringify(res.drifts)}`);
    assert.deepEqual(r.get('azurerm_log_analytics_workspace.law').unverifiedAttributes, []);
    assert.deepEqual(r.get('azurerm_application_insights.ai').unverifiedAttributes.map((u) => u.attribute), ['daily_data_cap_in_gb']);
    assert.deepEqual(fake.requestsTo(componentId).map((q) => q.query['api-version']), ['2020-02-02']);
    assert.deepEqual(fake.requestsTo(workspaceId).map((q) => q.query['api-version']), ['2025-02-01']);
  });

  it('finds each console change once, nothing else', async () => {
    fake.patch(workspaceId, (w) => ((w.properties as { retentionInDays: number }).retentionInDays = 90));
    fake.patch(componentId, (c) => ((c.properties as { publicNetworkAccessForQuery: string }).publicNetworkAccessForQuery = 'Disabled'));
    const r = await scanTf(fake, workspace);
    assert.deepEqual(driftsOf(r.get('azurerm_log_analytics_workspace.law')), ['retention_in_days: 30 → 90 (warning)']);
    assert.deepEqual(driftsOf(r.get('azurerm_application_insights.ai')), ['internet_query_enabled: true → false (warning)']);
  });

  it('ingestion opened to the Internet in the console is an error', async () => {
    const closed = workspace.replace('internet_ingestion_enabled = true\n  internet_query_enabled     = true\n}\nresource "azurerm_application_insights"', 'internet_ingestion_enabled = false\n  internet_query_enabled     = true\n}\nresource "azurerm_application_insights"');
    fake.patch(workspaceId, (w) => ((w.properties as { publicNetworkAccessForIngestion: string }).publicNetworkAccessForIngestion = 'Disabled'));
    assert.equal((await scanTf(fake, closed)).get('azurerm_log_analytics_workspace.law').status, 'in-sync');
    fake.patch(workspaceId, (w) => ((w.properties as { publicNetworkAccessForIngestion: string }).publicNetworkAccessForIngestion = 'Enabled'));
    const r = await scanTf(fake, closed);
    assert.deepEqual(driftsOf(r.get('azurerm_log_analytics_workspace.law')), ['internet_ingestion_enabled: false → true (error)']);
  });
});
