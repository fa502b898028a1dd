// Issue 11 item 5: state IDs that are not plain resource paths are resolved as the azurerm provider
// parses them (diagnostic settings `<target>|<name>`, role assignments and locks at any scope, subnet and
// NIC associations read through their parent), or reported unverified with the reason — never missing.
import { strict as assert } from 'node:assert';
import { parseArmId } from '../../../src/providers/azure/armId';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, nicBody, nsgBody, resourceGroupBody, storageBody, subnetBody, vnetBody } from '../../fakes/arm/examples';
import { diagnosticSettingBody, lockBody, roleAssignmentBody, routeTableBody } from '../../fakes/arm/moreExamples';
import { driftsOf, scanTf } from './tfScan';

const rg = `/subscriptions/${SUB}/resourceGroups/app`;
const storageId = `${rg}/providers/Microsoft.Storage/storageAccounts/stlogs`;
const subnetId = `${rg}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/web`;
const nsgId = `${rg}/providers/Microsoft.Network/networkSecurityGroups/web-nsg`;
const nicId = `${rg}/providers/Microsoft.Network/networkInterfaces/nic`;
const workspaceId = `${rg}/providers/Microsoft.OperationalInsights/workspaces/logs`;
const asgId = (n: string) => `${rg}/providers/Microsoft.Network/applicationSecurityGroups/${n}`;
const guid = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

describe('Azure IDs that are not plain resource paths', () => {
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('app'));
    fake.put(storageBody('app', 'stlogs'));
    fake.put(vnetBody('app', 'vnet'));
    fake.put(nsgBody('app', 'web-nsg', []));
    fake.put(routeTableBody('app', 'rt'));
  });
  afterEach(() => fake.close());

  it('parses extension resources at any scope: the type after the last providers segment', () => {
    const ra = parseArmId(`${storageId}/providers/Microsoft.Authorization/roleAssignments/${guid(1)}`);
    assert.deepEqual([ra?.fullType, ra?.name, ra?.scope, ra?.resourceGroup], ['Microsoft.Authorization/roleAssignments', guid(1), storageId, 'app']);
    const sub = parseArmId(`/subscriptions/${SUB}/providers/Microsoft.Authorization/locks/no-delete`);
    assert.deepEqual([sub?.fullType, sub?.name, sub?.resourceGroup], ['Microsoft.Authorization/locks', 'no-delete', undefined]);
    assert.equal(parseArmId(`${subnetId}`)?.fullType, 'Microsoft.Network/virtualNetworks/subnets');
    assert.equal(parseArmId(`${storageId}/providers/Microsoft.Insights`), undefined);
  });

  it('diagnostic setting: `<target>|<name>` is read at the target, at azurerm\'s api-version; its drift is real drift', async () => {
    fake.put(diagnosticSettingBody(storageId, 'to-logs', { workspaceId: workspaceId.replace('/resourceGroups/', '/resourcegroups/') }));
    const tf = `resource "azurerm_monitor_diagnostic_setting" "logs" {
  name                       = "to-logs"
  target_resource_id         = "${storageId}"
  log_analytics_workspace_id = "${workspaceId}"
  enabled_log {
    category_group = "allLogs"
  }
}
`;
    const r = await scanTf(fake, tf, [['azurerm_monitor_diagnostic_setting.logs', `${storageId}|to-logs`]]);
    const ds = r.get('azurerm_monitor_diagnostic_setting.logs');
    assert.equal(ds.status, 'in-sync', ds.reason);
    const get = fake.requestsTo(`${storageId}/providers/Microsoft.Insights/diagnosticSettings/to-logs`);
    assert.deepEqual(get.map((x) => [x.query['api-version'], x.status]), [['2021-05-01-preview', 200]]);

    // Without state, the ID is derived the way azurerm writes it; the setting deleted in the console is missing.
    fake.delete(`${storageId}/providers/microsoft.insights/diagnosticSettings/to-logs`);
    const again = await scanTf(fake, tf);
    assert.equal(again.get('azurerm_monitor_diagnostic_setting.logs').status, 'missing');
  });

  it('diagnostic setting: a workspace changed in the console is drift', async () => {
    fake.put(diagnosticSettingBody(storageId, 'to-logs', { workspaceId: `${rg}/providers/Microsoft.OperationalInsights/workspaces/other` }));
    const r = await scanTf(
      fake,
      `resource "azurerm_monitor_diagnostic_setting" "logs" {
  name                       = "to-logs"
  target_resource_id         = "${storageId}"
  log_analytics_workspace_id = "${workspaceId}"
}
`,
      [['azurerm_monitor_diagnostic_setting.logs', `${storageId}|to-logs`]],
    );
    assert.deepEqual(driftsOf(r.get('azurerm_monitor_diagnostic_setting.logs')), [`log_analytics_workspace_id: "${workspaceId}" → "${rg}/providers/Microsoft.OperationalInsights/workspaces/other" (warning)`]);
  });

  it('role assignments and locks at subscription, resource group and resource scope', async () => {
    const scopes = [`/subscriptions/${SUB}`, rg, storageId];
    scopes.forEach((scope, i) => {
      fake.put(roleAssignmentBody(scope, guid(i + 1)));
      fake.put(lockBody(scope, `lock${i}`));
    });
    const tf = scopes
      .map(
        (scope, i) => `resource "azurerm_role_assignment" "a${i}" {
  scope                = "${scope}"
  role_definition_id   = "/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7"
  principal_id         = "ce2ce14e-85d7-4629-bdbc-454d0519d987"
}
resource "azurerm_management_lock" "l${i}" {
  name       = "lock${i}"
  scope      = "${scope}"
  lock_level = "${i === 2 ? 'ReadOnly' : 'CanNotDelete'}"
}
`,
      )
      .join('');
    const state = scopes.flatMap((scope, i): [string, string][] => [
      [`azurerm_role_assignment.a${i}`, `${scope}/providers/Microsoft.Authorization/roleAssignments/${guid(i + 1)}`],
      [`azurerm_management_lock.l${i}`, `${scope}/providers/Microsoft.Authorization/locks/lock${i}`],
    ]);
    const r = await scanTf(fake, tf, state);
    for (let i = 0; i < 3; i++) assert.equal(r.get(`azurerm_role_assignment.a${i}`).status, 'in-sync', r.get(`azurerm_role_assignment.a${i}`).reason);
    assert.equal(r.get('azurerm_management_lock.l0').status, 'in-sync');
    assert.equal(r.get('azurerm_management_lock.l1').status, 'in-sync');
    assert.deepEqual(driftsOf(r.get('azurerm_management_lock.l2')), ['lock_level: "ReadOnly" → "CanNotDelete" (warning)']);
  });

  it('a role assignment removed in the console is missing; one at management-group scope is unverified with the reason', async () => {
    const mg = `/providers/Microsoft.Management/managementGroups/platform/providers/Microsoft.Authorization/roleAssignments/${guid(9)}`;
    const r = await scanTf(
      fake,
      `resource "azurerm_role_assignment" "gone" {
  scope        = "${rg}"
  principal_id = "ce2ce14e-85d7-4629-bdbc-454d0519d987"
}
resource "azurerm_role_assignment" "mg" {
  scope        = "/providers/Microsoft.Management/managementGroups/platform"
  principal_id = "ce2ce14e-85d7-4629-bdbc-454d0519d987"
}
`,
      [
        ['azurerm_role_assignment.gone', `${rg}/providers/Microsoft.Authorization/roleAssignments/${guid(7)}`],
        ['azurerm_role_assignment.mg', mg],
      ],
    );
    assert.equal(r.get('azurerm_role_assignment.gone').status, 'missing');
    const m = r.get('azurerm_role_assignment.mg');
    assert.equal(m.status, 'unverified');
    assert.match(m.reason ?? '', /management-group or tenant scope/);
  });

  it('subnet and NIC associations: read through the parent; gone from the parent is missing, another group is drift', async () => {
    const subnet = subnetBody('app', 'vnet', 'web', '10.0.1.0/24');
    (subnet.properties as Record<string, unknown>).networkSecurityGroup = { id: nsgId.replace('/resourceGroups/', '/resourcegroups/') };
    fake.put(subnet);
    fake.put(subnetBody('app', 'vnet', 'bare', '10.0.2.0/24'));
    const nic = nicBody('app', 'nic', subnetId);
    (nic.properties as Record<string, unknown>).networkSecurityGroup = { id: `${rg}/providers/Microsoft.Network/networkSecurityGroups/other-nsg` };
    fake.put(nic);
    const bareId = `${rg}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/bare`;
    const r = await scanTf(
      fake,
      `resource "azurerm_subnet_network_security_group_association" "web" {
  subnet_id                 = "${subnetId}"
  network_security_group_id = "${nsgId}"
}
resource "azurerm_subnet_route_table_association" "bare" {
  subnet_id      = "${bareId}"
  route_table_id = "${rg}/providers/Microsoft.Network/routeTables/rt"
}
resource "azurerm_network_interface_security_group_association" "nic" {
  network_interface_id      = "${nicId}"
  network_security_group_id = "${nsgId}"
}
`,
      [
        ['azurerm_subnet_network_security_group_association.web', subnetId],
        ['azurerm_subnet_route_table_association.bare', bareId],
        ['azurerm_network_interface_security_group_association.nic', `${nicId}|${nsgId}`],
      ],
    );
    assert.equal(r.get('azurerm_subnet_network_security_group_association.web').status, 'in-sync', 'IDs compare case-insensitively');
    const bare = r.get('azurerm_subnet_route_table_association.bare');
    assert.deepEqual([bare.status, bare.reason], ['missing', 'subnet bare has no route table associated']);
    assert.deepEqual(driftsOf(r.get('azurerm_network_interface_security_group_association.nic')), [
      `network_security_group_id: "${nsgId}" → "${rg}/providers/Microsoft.Network/networkSecurityGroups/other-nsg" (warning)`,
    ]);
  });

  it('NIC application security group association: present when an IP configuration carries the group, else missing', async () => {
    const nic = nicBody('app', 'nic', subnetId);
    const cfg = (nic.properties as { ipConfigurations: { properties: Record<string, unknown> }[] }).ipConfigurations[0];
    cfg.properties.applicationSecurityGroups = [{ id: asgId('web').toLowerCase() }];
    fake.put(nic);
    const tf = (name: string, group: string) => `resource "azurerm_network_interface_application_security_group_association" "${name}" {
  network_interface_id          = "${nicId}"
  application_security_group_id = "${asgId(group)}"
}
`;
    const r = await scanTf(fake, tf('web', 'web') + tf('db', 'db'), [
      ['azurerm_network_interface_application_security_group_association.web', `${nicId}|${asgId('web')}`],
      ['azurerm_network_interface_application_security_group_association.db', `${nicId}|${asgId('db')}`],
    ]);
    assert.equal(r.get('azurerm_network_interface_application_security_group_association.web').status, 'in-sync');
    const db = r.get('azurerm_network_interface_application_security_group_association.db');
    assert.deepEqual([db.status, db.reason], ['missing', 'network interface nic has no application security group db']);
  });

  it('an unknown composite ID is unverified with the reason, never missing', async () => {
    // (The backend pool association has a reader now: the NAT rule association is still one DriftLens does not resolve.)
    const configId = `${nicId}/ipConfigurations/internal`;
    const ruleId = `${rg}/providers/Microsoft.Network/loadBalancers/lb/inboundNatRules/rdp`;
    fake.put(nicBody('app', 'nic', subnetId));
    const r = await scanTf(
      fake,
      `resource "azurerm_network_interface_nat_rule_association" "x" {
  network_interface_id  = "${nicId}"
  ip_configuration_name = "internal"
  nat_rule_id           = "${ruleId}"
}
`,
      [['azurerm_network_interface_nat_rule_association.x', `${configId}|${ruleId}`]],
    );
    const x = r.get('azurerm_network_interface_nat_rule_association.x');
    assert.equal(x.status, 'unverified');
    assert.match(x.reason ?? '', /composite state ID/);
  });
});
