// The types scripts/bench/azureModuleCoverage.ts put next (template deployments, firewall policy, virtual WAN,
// hub, VPN and ExpressRoute gateways, DDoS plan, automation account), against the REST specs' own GET examples:
// in sync as a user writes them, the defaults azurerm's reads set for what the example leaves out, a secure
// template parameter unverified (never drift), and each console change found once with its severity.
import { strict as assert } from 'node:assert';
import { FakeArm } from '../../fakes/arm/server';
import { SUB, resourceGroupBody } from '../../fakes/arm/examples';
import { rgPath } from '../../fakes/arm/specExamples2';
import {
  automationAccountSpecBody,
  ddosPlanSpecBody,
  deploymentSpecBody,
  expressRouteGatewaySpecBody,
  firewallPolicySpecBody,
  virtualHubSpecBody,
  virtualWanSpecBody,
  vpnGatewaySpecBody,
} from '../../fakes/arm/specExamples5';
import { formatJson } from '../../../src/engine/report/json';
import { driftsOf, scanTf } from './tfScan';

const rg = rgPath('hub');
const wanId = `${rg}/providers/Microsoft.Network/virtualWans/wan1`;
const hubId = `${rg}/providers/Microsoft.Network/virtualHubs/virtualHub1`;
const policyId = `${rg}/providers/Microsoft.Network/firewallPolicies/firewallPolicy`;

const workspace = `
resource "azurerm_resource_group_template_deployment" "net" {
  name                = "my-deployment"
  resource_group_name = "hub"
  deployment_mode     = "Complete"
  template_spec_version_id = ""
  parameters_content = jsonencode({
    vnetName      = { value = "VNet1" }
    adminPassword = { value = "not-in-any-output" }
  })
}
resource "azurerm_subscription_template_deployment" "sub" {
  name             = "sub-deployment"
  location         = "West Europe"
  debug_level      = "requestContent"
}
resource "azurerm_firewall_policy" "fw" {
  name                     = "firewallPolicy"
  resource_group_name      = "hub"
  location                 = "westus"
  sku                      = "Premium"
  threat_intelligence_mode = "Alert"
  private_ip_ranges        = ["IANAPrivateRanges"]
  sql_redirect_allowed     = true
  threat_intelligence_allowlist {
    fqdns        = ["*.microsoft.com"]
    ip_addresses = ["20.3.4.5"]
  }
  dns {
    servers       = ["30.3.4.5"]
    proxy_enabled = true
  }
  intrusion_detection {
    mode = "Alert"
  }
  tags = { key1 = "value1" }
}
resource "azurerm_virtual_wan" "wan" {
  name                           = "wan1"
  resource_group_name            = "hub"
  location                       = "West US"
  type                           = "Basic"
  disable_vpn_encryption         = false
  allow_branch_to_branch_traffic = false
  tags = { key1 = "value1" }
}
resource "azurerm_virtual_hub" "hub" {
  name                   = "virtualHub1"
  resource_group_name    = "hub"
  location               = "westus"
  virtual_wan_id         = "${wanId}"
  address_prefix         = "10.10.1.0/24"
  sku                    = "Basic"
  hub_routing_preference = "ExpressRoute"
  branch_to_branch_traffic_enabled       = false
  virtual_router_auto_scale_min_capacity = 2
}
resource "azurerm_vpn_gateway" "vpn" {
  name                = "gateway1"
  resource_group_name = "hub"
  location            = "westus"
  virtual_hub_id      = "${hubId}"
  routing_preference  = "Microsoft Network"
  bgp_route_translation_for_nat_enabled = false
}
resource "azurerm_express_route_gateway" "er" {
  name                = "expressRouteGatewayName"
  resource_group_name = "hub"
  location            = "westus"
  virtual_hub_id      = "${hubId}"
  scale_units         = 0
  allow_non_virtual_wan_traffic = false
}
resource "azurerm_network_ddos_protection_plan" "ddos" {
  name                = "test-plan"
  resource_group_name = "hub"
  location            = "westus"
}
resource "azurerm_automation_account" "aa" {
  name                          = "myAutomationAccount9"
  resource_group_name           = "hub"
  location                      = "eastus2"
  sku_name                      = "Free"
  public_network_access_enabled = true
  local_authentication_enabled  = true
}
`;

describe('module-coverage mappers against the specs\' example bodies', function () {
  this.timeout(30000);
  let fake: FakeArm;
  beforeEach(async () => {
    fake = await FakeArm.start();
    fake.put(resourceGroupBody('hub'));
    fake.put(deploymentSpecBody('hub', 'my-deployment'));
    const sub = deploymentSpecBody('hub', 'sub-deployment');
    fake.put({
      ...sub,
      id: `/subscriptions/${SUB}/providers/Microsoft.Resources/deployments/sub-deployment`,
      location: 'westeurope',
      properties: { ...(sub.properties as object), mode: 'Incremental', debugSetting: { detailLevel: 'RequestContent' } },
    });
    fake.put(firewallPolicySpecBody('hub', 'firewallPolicy'));
    fake.put(virtualWanSpecBody('hub', 'wan1'));
    fake.put(virtualHubSpecBody('hub', 'virtualHub1', wanId));
    fake.put(vpnGatewaySpecBody('hub', 'gateway1', hubId));
    fake.put(expressRouteGatewaySpecBody('hub', 'expressRouteGatewayName', hubId));
    fake.put(ddosPlanSpecBody('hub', 'test-plan'));
    fake.put(automationAccountSpecBody('hub', 'myAutomationAccount9'));
  });
  afterEach(() => fake.close());

  it('reads each example in sync as the code writes it; the secure parameter is unverified, never shown', async () => {
    const r = await scanTf(fake, workspace);
    for (const res of r.resources) {
      assert.equal(res.status, 'in-sync', `${res.address}: ${res.reason ?? ''} ${JSON.stringify(res.drifts)}`);
      const unverified = res.unverifiedAttributes.map((u) => u.attribute);
      if (res.address === 'azurerm_resource_group_template_deployment.net') assert.deepEqual(unverified, ['parameters_content.adminPassword.value']);
      else assert.deepEqual(unverified, [], res.address);
    }
    assert.equal(r.resources.length, 9);
    assert.doesNotMatch(formatJson(r), /not-in-any-output/);
  });

  it('finds each console change once, exposure as an error; nothing else', async () => {
    fake.patch(`${rg}/providers/Microsoft.Resources/deployments/my-deployment`, (d) => {
      const p = d.properties as { parameters: { vnetName: { value: string } } };
      p.parameters.vnetName.value = 'VNet2';
    });
    fake.patch(policyId, (f) => {
      const p = f.properties as { threatIntelMode: string; intrusionDetection: { mode: string }; dnsSettings: { enableProxy: boolean } };
      p.threatIntelMode = 'Off';
      p.intrusionDetection.mode = 'Off';
      p.dnsSettings.enableProxy = false;
    });
    fake.patch(`${rg}/providers/Microsoft.Network/virtualWANs/wan1`, (w) => ((w.properties as { disableVpnEncryption: boolean }).disableVpnEncryption = true));
    fake.patch(hubId, (h) => ((h.properties as { allowBranchToBranchTraffic: boolean }).allowBranchToBranchTraffic = true));
    fake.patch(`${rg}/providers/Microsoft.Network/vpnGateways/gateway1`, (g) => ((g.properties as { isRoutingPreferenceInternet: boolean }).isRoutingPreferenceInternet = true));
    fake.patch(`${rg}/providers/Microsoft.Network/expressRouteGateways/expressRouteGatewayName`, (g) => ((g.properties as Record<string, unknown>).autoScaleConfiguration = { bounds: { min: 2 } }));
    fake.patch(`${rg}/providers/Microsoft.Automation/automationAccounts/myAutomationAccount9`, (a) => ((a.properties as Record<string, unknown>).disableLocalAuth = true));
    fake.patch(`${rg}/providers/Microsoft.Network/ddosProtectionPlans/test-plan`, (d) => (d.tags = { owner: 'someone' }));
    const r = await scanTf(fake, workspace);
    const drifts = r.resources.flatMap((x) => driftsOf(x).map((d) => `${x.address} ${d}`));
    assert.deepEqual(drifts, [
      'azurerm_resource_group_template_deployment.net parameters_content.vnetName.value: "VNet1" → "VNet2" (warning)',
      'azurerm_firewall_policy.fw threat_intelligence_mode: "Alert" → "Off" (error)',
      'azurerm_firewall_policy.fw dns.proxy_enabled: true → false (warning)',
      'azurerm_firewall_policy.fw intrusion_detection.mode: "Alert" → "Off" (error)',
      'azurerm_virtual_wan.wan disable_vpn_encryption: false → true (error)',
      'azurerm_virtual_hub.hub branch_to_branch_traffic_enabled: false → true (warning)',
      'azurerm_vpn_gateway.vpn routing_preference: "Microsoft Network" → "Internet" (warning)',
      'azurerm_express_route_gateway.er scale_units: 0 → 2 (warning)',
      'azurerm_automation_account.aa local_authentication_enabled: true → false (warning)',
    ]);
    assert.equal(r.resources.filter((x) => x.status === 'missing').length, 0);
  });
});
