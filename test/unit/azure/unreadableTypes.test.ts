// Types whose state ID is not a Resource Manager path (a load balancer pool address, a data-plane blob, a
// subscription alias): a GET of that ID answers 404 for an object that exists, so they are unverified with
// the reason, never missing, and nothing is asked of Resource Manager for them.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import { azureReadability } from '../../../src/providers/azure/readability';
import { scanTf } from './tfScan';

const rg = rgPath('net');

describe('azurerm types DriftLens cannot read by ID', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('net'));
    fake.put({ id: `${rg}/providers/Microsoft.Network/loadBalancers/lb`, name: 'lb', type: 'Microsoft.Network/loadBalancers', location: 'westus', properties: {} });
  });
  afterEach(() => fake.close());

  it('a pool address, a composite association and a subscription alias are unverified with the reason, never missing', async () => {
    const addressId = `${rg}/providers/Microsoft.Network/loadBalancers/lb/backendAddressPools/pool/addresses/addr1`;
    const assocId = `${rg}/providers/Microsoft.DesktopVirtualization/workspaces/ws|${rg}/providers/Microsoft.DesktopVirtualization/applicationGroups/ag`;
    const tf = `
resource "azurerm_lb_backend_address_pool_address" "a" {
  name                    = "addr1"
  backend_address_pool_id = "${rg}/providers/Microsoft.Network/loadBalancers/lb/backendAddressPools/pool"
  virtual_network_id      = "${rg}/providers/Microsoft.Network/virtualNetworks/vnet"
  ip_address              = "10.0.0.4"
}
resource "azurerm_virtual_desktop_workspace_application_group_association" "r" {
  workspace_id         = "${rg}/providers/Microsoft.DesktopVirtualization/workspaces/ws"
  application_group_id = "${rg}/providers/Microsoft.DesktopVirtualization/applicationGroups/ag"
}
resource "azurerm_subscription" "sub" {
  subscription_name = "platform"
  alias             = "platform"
}
`;
    const r = await scanTf(fake, tf, [
      ['azurerm_lb_backend_address_pool_address.a', addressId],
      ['azurerm_virtual_desktop_workspace_application_group_association.r', assocId],
      ['azurerm_subscription.sub', '/providers/Microsoft.Subscription/aliases/platform'],
    ]);
    for (const res of r.resources) {
      assert.equal(res.status, 'unverified', res.address);
      assert.match(res.reason ?? '', /is not read: /, res.address);
    }
    assert.match(r.get('azurerm_lb_backend_address_pool_address.a').reason ?? '', /does not serve by GET/);
    assert.deepEqual(fake.requestsTo(addressId), []);
  });

  it('every type the table names is azurerm or azapi, and ordinary types stay readable', () => {
    assert.equal(azureReadability('azurerm_lb_backend_address_pool_address').readable, false);
    assert.equal(azureReadability('azapi_resource_action').readable, false);
    assert.equal(azureReadability('azurerm_redis_cache').readable, true);
    assert.equal(azureReadability('azapi_resource').readable, true);
    assert.equal(azureReadability('aws_instance').readable, false);
  });
});
