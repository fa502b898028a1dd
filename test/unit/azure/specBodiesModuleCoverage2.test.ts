// More module-coverage types against the REST specs' GET examples: a Log Analytics solution (`<solution>(<workspace>)`
// split as azurerm does, its plan), a linked service the service answers with a lower-cased ID, public and
// private DNS CNAME records (tags from `metadata`), an application security group and a network watcher.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { asgSpecBody, dnsCnameSpecBody, linkedServiceSpecBody, networkWatcherSpecBody, privateCnameSpecBody, solutionSpecBody } from '../../fakes/arm/specExamples7';
import { driftsOf, scanTf, assertAllInSync } from './tfScan';

const rg = rgPath('ops');
const wsId = `${rg}/providers/Microsoft.OperationalInsights/workspaces/ws1`;
const clusterId = `${rg}/providers/Microsoft.OperationalInsights/clusters/testcluster`;

const workspace = `
resource "azurerm_log_analytics_solution" "ci" {
  solution_name         = "ContainerInsights"
  workspace_name        = "ws1"
  workspace_resource_id = "${wsId}"
  resource_group_name   = "ops"
  location              = "eastus"
  plan {
    publisher      = "publisher1"
    product        = "product1"
    promotion_code = "promocode1"
  }
}
resource "azurerm_log_analytics_linked_service" "cluster" {
  resource_group_name = "ops"
  workspace_id        = "${wsId}"
  write_access_id     = "${clusterId}"
}
resource "azurerm_dns_cname_record" "www" {
  name                = "record1"
  zone_name           = "zone1"
  resource_group_name = "ops"
  ttl                 = 3600
  record              = "contoso.com"
  tags = { key1 = "value1" }
}
resource "azurerm_private_dns_cname_record" "app" {
  name                = "recordCNAME"
  zone_name           = "privatezone1.com"
  resource_group_name = "ops"
  ttl                 = 3600
  record              = "contoso.com"
  tags = { key1 = "value1" }
}
resource "azurerm_application_security_group" "asg" {
  name                = "test-asg"
  resource_group_name = "ops"
  location            = "westus"
}
resource "azurerm_network_watcher" "nw" {
  name                = "nw1"
  resource_group_name = "ops"
  location            = "eastus"
  tags                = {}
}
`;

describe('more module-coverage mappers against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('ops'));
    fake.put({ id: wsId, name: 'ws1', type: 'Microsoft.OperationalInsights/workspaces', location: 'eastus', properties: {} });
    fake.put(solutionSpecBody('ops', 'ContainerInsights(ws1)', wsId));
    fake.put(linkedServiceSpecBody('ops', 'ws1', clusterId));
    fake.put({ id: `${rg}/providers/Microsoft.Network/dnszones/zone1`, name: 'zone1', type: 'Microsoft.Network/dnszones', location: 'global', properties: {} });
    fake.put(dnsCnameSpecBody('ops', 'zone1', 'record1'));
    fake.put({ id: `${rg}/providers/Microsoft.Network/privateDnsZones/privatezone1.com`, name: 'privatezone1.com', type: 'Microsoft.Network/privateDnsZones', location: 'global', properties: {} });
    fake.put(privateCnameSpecBody('ops', 'privatezone1.com', 'recordCNAME'));
    fake.put(asgSpecBody('ops', 'test-asg'));
    fake.put(networkWatcherSpecBody('ops', 'nw1'));
  });
  afterEach(() => fake.close());

  it('reads each example in sync as the code writes it (IDs from names, no state)', async () => {
    const r = await scanTf(fake, workspace);
    assertAllInSync(r, 6);
  });

  it('finds each console change once; nothing else', async () => {
    fake.patch(`${rg}/providers/Microsoft.OperationsManagement/solutions/ContainerInsights(ws1)`, (s) => ((s.plan as { promotionCode: string }).promotionCode = 'other'));
    fake.patch(`${wsId}/linkedServices/Cluster`, (l) => ((l.properties as { writeAccessResourceId: string }).writeAccessResourceId = clusterId.replace('testcluster', 'other')));
    fake.patch(`${rg}/providers/Microsoft.Network/dnszones/zone1/CNAME/record1`, (c) => ((c.properties as { CNAMERecord: { cname: string } }).CNAMERecord.cname = 'evil.example'));
    fake.patch(`${rg}/providers/Microsoft.Network/privateDnsZones/privatezone1.com/CNAME/recordcname`, (c) => ((c.properties as { ttl: number }).ttl = 60));
    fake.patch(`${rg}/providers/Microsoft.Network/applicationSecurityGroups/test-asg`, (a) => (a.tags = { added: 'yes' }));
    const r = await scanTf(fake, workspace);
    const drifts = r.resources.flatMap((x) => driftsOf(x).map((d) => `${x.address} ${d}`));
    assert.deepEqual(drifts, [
      'azurerm_log_analytics_solution.ci plan.promotion_code: "promocode1" → "other" (warning)',
      `azurerm_log_analytics_linked_service.cluster write_access_id: "${clusterId}" → "${clusterId.replace('testcluster', 'other')}" (warning)`,
      'azurerm_dns_cname_record.www record: "contoso.com" → "evil.example" (warning)',
      'azurerm_private_dns_cname_record.app ttl: 3600 → 60 (warning)',
    ]);
  });
});
