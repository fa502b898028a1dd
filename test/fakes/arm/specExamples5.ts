// GET bodies from the azure-rest-api-specs examples for the types scripts/bench/azureModuleCoverage.ts put next
// (each function names its example file and api-version; the example's subscription, resource group and
// names replaced by the test's, read-only fields kept as served).
import type { ArmJson } from './server';
import { SUB } from './examples';

const rgId = (rg: string) => `/subscriptions/${SUB}/resourceGroups/${rg}`;

/**
 * Deployments_CreateOrUpdate response (resources/…/Microsoft.Resources/stable/2024-03-01/examples/
 * PutDeploymentWithOnErrorDeploymentSpecificDeployment.json), a DeploymentExtended as GET answers it; the example
 * passes no parameters, so two are added in the shape the service returns them: a String with its value, a
 * SecureString without one (Resource Manager never returns it).
 */
export function deploymentSpecBody(rg: string, name: string): ArmJson {
  return {
    id: `/subscriptions/${SUB}/resourcegroups/${rg}/providers/Microsoft.Resources/deployments/${name}`,
    name,
    type: 'Microsoft.Resources/deployments',
    properties: {
      templateLink: { uri: 'https://example.com/exampleTemplate.json', contentVersion: '1.0.0.0' },
      parameters: { vnetName: { type: 'String', value: 'VNet1' }, adminPassword: { type: 'SecureString' } },
      mode: 'Complete',
      provisioningState: 'Succeeded',
      timestamp: '2019-03-01T00:00:00.0000000Z',
      duration: 'PT0.8204881S',
      correlationId: '00000000-0000-0000-0000-000000000000',
      providers: [{ namespace: 'Microsoft.Network', resourceTypes: [{ resourceType: 'virtualNetworks', locations: ['centralus'] }, { resourceType: 'virtualNetworks/subnets', locations: ['centralus'] }] }],
      dependencies: [],
      onErrorDeployment: { type: 'SpecificDeployment', deploymentName: 'name-of-deployment-to-use' },
    },
  };
}

/** FirewallPolicies_Get (network/…/Microsoft.Network/stable/2024-07-01/examples/FirewallPolicyGet.json). */
export function firewallPolicySpecBody(rg: string, name: string): ArmJson {
  const ws = (n: string) => `/subscriptions/${SUB}/resourcegroups/${rg}/providers/microsoft.operationalinsights/workspaces/${n}`;
  return {
    name,
    id: `${rgId(rg)}/providers/Microsoft.Network/firewallPolicies/${name}`,
    type: 'Microsoft.Network/firewallPolicies',
    etag: 'w/\\00000000-0000-0000-0000-000000000000\\',
    location: 'West US',
    tags: { key1: 'value1' },
    properties: {
      size: '0.5MB',
      provisioningState: 'Succeeded',
      threatIntelMode: 'Alert',
      threatIntelWhitelist: { ipAddresses: ['20.3.4.5'], fqdns: ['*.microsoft.com'] },
      ruleCollectionGroups: [{ id: `${rgId(rg)}/providers/Microsoft.Network/firewallPolicies/${name}/ruleCollectionGroups/ruleCollectionGroup1` }],
      insights: {
        isEnabled: true,
        retentionDays: 100,
        logAnalyticsResources: {
          workspaces: [
            { region: 'westus', workspaceId: { id: ws('workspace1') } },
            { region: 'eastus', workspaceId: { id: ws('workspace2') } },
          ],
          defaultWorkspaceId: { id: ws('defaultWorkspace') },
        },
      },
      firewalls: [],
      snat: { privateRanges: ['IANAPrivateRanges'] },
      sql: { allowSqlRedirect: true },
      dnsSettings: { servers: ['30.3.4.5'], enableProxy: true, requireProxyForNetworkRules: false },
      explicitProxy: { enableExplicitProxy: true, httpPort: 8087, httpsPort: 8087, enablePacFile: true, pacFilePort: 8087, pacFile: 'https://tinawstorage.file.core.windows.net/?sv=2020-02-10' },
      sku: { tier: 'Premium' },
      intrusionDetection: {
        mode: 'Alert',
        configuration: {
          signatureOverrides: [{ id: '2525004', mode: 'Deny' }],
          bypassTrafficSettings: [{ name: 'bypassRule1', description: 'Rule 1', protocol: 'TCP', sourceAddresses: ['1.2.3.4'], destinationAddresses: ['5.6.7.8'], destinationPorts: ['*'] }],
        },
      },
      transportSecurity: { certificateAuthority: { name: 'clientcert', keyVaultSecretId: 'https://kv/secret' } },
    },
  };
}

/** VirtualWANs_Get (network/…/stable/2024-05-01/examples/VirtualWANGet.json): the service spells the type "virtualWANs". */
export function virtualWanSpecBody(rg: string, name: string): ArmJson {
  return {
    id: `${rgId(rg)}/providers/Microsoft.Network/virtualWANs/${name}`,
    etag: 'w/\\00000000-0000-0000-0000-000000000000\\',
    location: 'West US',
    name,
    type: 'Microsoft.Network/virtualWANs',
    tags: { key1: 'value1' },
    properties: {
      provisioningState: 'Succeeded',
      disableVpnEncryption: false,
      virtualHubs: [{ id: `${rgId(rg)}/providers/Microsoft.Network/virtualHubs/hub1` }, { id: `${rgId(rg)}/providers/Microsoft.Network/virtualHubs/hub2` }],
      vpnSites: [{ id: `${rgId(rg)}/providers/Microsoft.Network/vpnSites/vpnSite1` }, { id: `${rgId(rg)}/providers/Microsoft.Network/vpnSites/vpnSite2` }],
      type: 'Basic',
    },
  };
}

/** VirtualHubs_Get (network/…/stable/2024-07-01/examples/VirtualHubGet.json). */
export function virtualHubSpecBody(rg: string, name: string, wanId: string): ArmJson {
  return {
    id: `${rgId(rg)}/providers/Microsoft.Network/virtualHubs/${name}`,
    etag: 'w/\\00000000-0000-0000-0000-000000000000\\',
    location: 'West US',
    name,
    type: 'Microsoft.Network/virtualHubs',
    properties: {
      provisioningState: 'Succeeded',
      virtualWan: { id: wanId },
      virtualHubRouteTableV2s: [],
      addressPrefix: '10.10.1.0/24',
      sku: 'Basic',
      routingState: 'Provisioned',
      virtualRouterAsn: 65515,
      virtualRouterIps: ['10.10.1.12', '10.10.1.13'],
      allowBranchToBranchTraffic: false,
      preferredRoutingGateway: 'ExpressRoute',
      hubRoutingPreference: 'ExpressRoute',
      virtualRouterAutoScaleConfiguration: { minCapacity: 2 },
    },
  };
}

/**
 * VpnGateways_Get (network/…/stable/2024-07-01/examples/VpnGatewayGet.json), its top-level properties as served;
 * the example's `connections` and `natRules` (child resources azurerm reads elsewhere) are left out.
 */
export function vpnGatewaySpecBody(rg: string, name: string, hubId: string): ArmJson {
  return {
    name,
    id: `${rgId(rg)}/providers/Microsoft.Network/vpnGateways/${name}`,
    etag: 'w/\\00000000-0000-0000-0000-000000000000\\',
    location: 'West US',
    type: 'Microsoft.Network/vpnGateways',
    properties: {
      provisioningState: 'Succeeded',
      virtualHub: { id: hubId },
      bgpSettings: {
        asn: 65514,
        bgpPeeringAddress: '10.0.1.30',
        peerWeight: 0,
        bgpPeeringAddresses: [
          { ipconfigurationId: 'Instance0', defaultBgpIpAddresses: ['10.30.0.4'], customBgpIpAddresses: ['169.254.21.5'], tunnelIpAddresses: ['104.208.48.178'] },
          { ipconfigurationId: 'Instance1', defaultBgpIpAddresses: ['10.30.0.5'], customBgpIpAddresses: ['169.254.21.10'], tunnelIpAddresses: ['104.208.48.179'] },
        ],
      },
      isRoutingPreferenceInternet: false,
      enableBgpRouteTranslationForNat: false,
    },
  };
}

/** ExpressRouteGateways_Get (network/…/stable/2024-05-01/examples/ExpressRouteGatewayGet.json): no autoScaleConfiguration. */
export function expressRouteGatewaySpecBody(rg: string, name: string, hubId: string): ArmJson {
  return {
    name,
    id: `${rgId(rg)}/providers/Microsoft.Network/expressRouteGateways/${name}`,
    etag: 'w/\\00000000-0000-0000-0000-000000000000\\',
    location: 'westus',
    type: 'Microsoft.Network/expressRouteGateways',
    properties: { provisioningState: 'Succeeded', virtualHub: { id: hubId }, allowNonVirtualWanTraffic: false },
  };
}

/** DdosProtectionPlans_Get (network/…/stable/2024-05-01/examples/DdosProtectionPlanGet.json): no tags. */
export function ddosPlanSpecBody(rg: string, name: string): ArmJson {
  return {
    name,
    id: `${rgId(rg)}/providers/Microsoft.Network/ddosProtectionPlans/${name}`,
    type: 'Microsoft.Network/ddosProtectionPlans',
    location: 'westus',
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: '00000000-0000-0000-0000-000000000000',
      publicIPAddresses: [{ id: `${rgId(rg)}/providers/Microsoft.Network/publicIPAddresses/test-pip` }],
      virtualNetworks: [{ id: `${rgId(rg)}/providers/Microsoft.Network/virtualNetworks/test-vnet` }],
    },
  };
}

/** AutomationAccount_Get (automation/…/Microsoft.Automation/stable/2023-11-01/examples/getAutomationAccount.json): sku under properties, no publicNetworkAccess. */
export function automationAccountSpecBody(rg: string, name: string): ArmJson {
  return {
    name,
    id: `${rgId(rg)}/providers/Microsoft.Automation/automationAccounts/${name}`,
    type: 'Microsoft.Automation/AutomationAccounts',
    location: 'East US 2',
    tags: {},
    etag: null,
    properties: {
      sku: { name: 'Free', family: null, capacity: null },
      state: 'Ok',
      creationTime: '2017-03-26T01:13:43.267+00:00',
      lastModifiedBy: 'myEmailId@microsoft.com',
      lastModifiedTime: '2017-03-26T01:13:43.267+00:00',
    },
  };
}
