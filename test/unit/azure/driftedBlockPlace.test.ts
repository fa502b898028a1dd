// A set of blocks compared whole (NSG security_rule) puts its drift on the block live no longer holds,
// not on the first block of the type: the widened rule is the one a reader must look at.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, nsgBody, resourceGroupBody } from '../../fakes/arm/examples';
import { scanTf } from './tfScan';

const rule = (name: string, priority: number, source: string) => `
  security_rule {
    name                       = "${name}"
    priority                   = ${priority}
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "${source}"
    destination_address_prefix = "*"
  }
`;

const tf = `resource "azurerm_network_security_group" "app" {
  name                = "nsg"
  location            = "westeurope"
  resource_group_name = "app"
${rule('first', 100, '10.1.0.0/16')}${rule('second', 110, '10.0.0.0/8')}}
`;

describe('drift of a set of blocks: on the block that changed', () => {
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('app'));
  });
  afterEach(() => fake.close());

  const lineOf = (needle: string) => tf.split('\n').findIndex((l) => l.includes(needle)) + 4; // the provider block (4 lines) comes first

  it('the second rule widened: the drift starts at the second security_rule block', async () => {
    fake.put(nsgBody('app', 'nsg', [
      { name: 'first', priority: 100, port: '443', source: '10.1.0.0/16' },
      { name: 'second', priority: 110, port: '443', source: '*' },
    ]));
    const r = await scanTf(fake, tf, [['azurerm_network_security_group.app', `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.Network/networkSecurityGroups/nsg`]]);
    const drifts = r.get('azurerm_network_security_group.app').drifts;
    assert.equal(drifts.length, 1);
    assert.equal(drifts[0].attribute, 'security_rule');
    assert.equal(drifts[0].location.range.start.line, lineOf('"second"') - 1);
  });

  it('the first rule changed: still the first block; only a rule added in the console: the block of the type, as before', async () => {
    fake.put(nsgBody('app', 'nsg', [
      { name: 'first', priority: 100, port: '443', source: '*' },
      { name: 'second', priority: 110, port: '443', source: '10.0.0.0/8' },
    ]));
    const id = `/subscriptions/${SUB}/resourceGroups/app/providers/Microsoft.Network/networkSecurityGroups/nsg`;
    let r = await scanTf(fake, tf, [['azurerm_network_security_group.app', id]]);
    assert.equal(r.get('azurerm_network_security_group.app').drifts[0].location.range.start.line, lineOf('"first"') - 1);
    fake.put(nsgBody('app', 'nsg', [
      { name: 'first', priority: 100, port: '443', source: '10.1.0.0/16' },
      { name: 'second', priority: 110, port: '443', source: '10.0.0.0/8' },
      { name: 'by-hand', priority: 120, port: '22', source: '*' },
    ]));
    r = await scanTf(fake, tf, [['azurerm_network_security_group.app', id]]);
    const d = r.get('azurerm_network_security_group.app').drifts;
    assert.equal(d.length, 1);
    assert.notEqual(d[0].location.range.start.line, lineOf('"second"') - 1, 'an extra live rule is no fault of the second block');
  });
});
