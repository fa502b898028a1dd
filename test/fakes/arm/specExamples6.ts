// GET bodies from the azure-rest-api-specs examples for types read in depth before but not yet proven on the
// specs: scale sets and their extensions, VM extensions, load balancer pools and rules, public IP prefixes and
// NAT gateways (each function names its example file and api-version; the example's subscription, resource group
// and names replaced by the test's, other fields as served — the generated "MaximumSet" examples keep their
// placeholder values).
import type { ArmJson } from './server';
import { SUB } from './examples';

const rgId = (rg: string) => `/subscriptions/${SUB}/resourceGroups/${rg}`;

/** VirtualMachineScaleSets_Get (compute/…/ComputeRP/stable/2024-07-01/examples/virtualMachineScaleSetExamples/VirtualMachineScaleSet_Get_WithUserData.json). */
export function scaleSetSpecBody(rg: string, name: string): ArmJson {
  return {
    name,
    id: `${rgId(rg)}/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`,
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    location: 'westus',
    tags: { myTag1: 'tagValue1' },
    sku: { name: 'Standard_D2s_v3', tier: 'Standard', capacity: 4 },
    properties: {
      singlePlacementGroup: false,
      upgradePolicy: { mode: 'Automatic', automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: false } },
      virtualMachineProfile: {
        storageProfile: {
          osDisk: { createOption: 'FromImage', caching: 'ReadWrite', managedDisk: { storageAccountType: 'Premium_LRS' }, diskSizeGB: 30 },
          imageReference: { publisher: 'azuredatabricks', offer: 'databricks', sku: 'databricksworker', version: '3.15.2' },
          dataDisks: [],
        },
        userData: 'RXhhbXBsZSBVc2VyRGF0YQ==',
        osProfile: { computerNamePrefix: name, adminUsername: 'admin', linuxConfiguration: { disablePasswordAuthentication: false } },
        networkProfile: {
          networkInterfaceConfigurations: [
            {
              name: 'myNic',
              properties: {
                primary: true,
                ipConfigurations: [{ name: 'myIPConfig', properties: { primary: true, subnet: { id: `${rgId(rg)}/providers/Microsoft.Network/virtualNetworks/myVNet/subnets/mySubnet` } } }],
                networkSecurityGroup: { id: `${rgId(rg)}/providers/Microsoft.Network/networkSecurityGroups/myNetworkSecurityGroup` },
              },
            },
          ],
        },
      },
      provisioningState: 'succeeded',
      overprovision: false,
      doNotRunExtensionsOnOverprovisionedVMs: false,
      platformFaultDomainCount: 1,
      hostGroup: { id: `${rgId(rg)}/providers/Microsoft.Compute/hostGroups/myHostGroup` },
    },
  };
}

/** VirtualMachineScaleSetExtensions_Get (…/virtualMachineScaleSetExamples/VirtualMachineScaleSetExtension_Get_MaximumSet_Gen.json); protectedSettings comes back empty. */
export function scaleSetExtensionSpecBody(scaleSetId: string, name: string): ArmJson {
  return {
    name,
    properties: {
      autoUpgradeMinorVersion: true,
      publisher: '{extension-Publisher}',
      type: '{extension-Type}',
      typeHandlerVersion: '{handler-version}',
      settings: {},
      forceUpdateTag: 'aaaaaaaaa',
      enableAutomaticUpgrade: true,
      protectedSettings: {},
      provisioningState: 'aaa',
      provisionAfterExtensions: ['aa'],
      suppressFailures: true,
    },
    type: 'Microsoft.Compute/virtualMachineScaleSets/extensions',
    id: `${scaleSetId}/extensions/${name}`,
  };
}

/** VirtualMachineExtensions_Get (…/virtualMachineExamples/VirtualMachineExtension_Get_MaximumSet_Gen.json): instance view and tags as served. */
export function vmExtensionSpecBody(vmId: string, name: string): ArmJson {
  const status = { code: 'aaaaaaaaaaaaaaaaaaaaaaa', level: 'Info', displayStatus: 'aaaaaa', message: 'a', time: '2021-11-30T12:58:26.522Z' };
  return {
    name,
    type: 'Microsoft.Compute/virtualMachines/extensions',
    id: `${vmId}/extensions/${name}`,
    location: 'westus',
    properties: {
      autoUpgradeMinorVersion: true,
      provisioningState: 'Creating',
      publisher: 'extPublisher',
      type: 'extType',
      typeHandlerVersion: '1.2',
      suppressFailures: true,
      settings: {},
      forceUpdateTag: 'a',
      enableAutomaticUpgrade: true,
      protectedSettings: {},
      instanceView: { name: 'aaaaaaaaaaaaaaaaa', type: 'aaaaaaaaa', typeHandlerVersion: 'aaaaaaaaaaaaaaaaaaaaaaaaaa', substatuses: [status], statuses: [status] },
    },
    tags: { key9183: 'aa' },
  };
}

/** LoadBalancerBackendAddressPools_Get (network/…/stable/2024-07-01/examples/LoadBalancerBackendAddressPoolGet.json): no virtualNetwork. */
export function lbPoolSpecBody(rg: string, lb: string, name: string): ArmJson {
  return {
    name,
    id: `${rgId(rg)}/providers/Microsoft.Network/loadBalancers/${lb}/backendAddressPools/${name}`,
    etag: 'W/"00000000-0000-0000-0000-000000000000"',
    type: 'Microsoft.Network/loadBalancers/backendAddressPools',
    properties: {
      provisioningState: 'Succeeded',
      backendIPConfigurations: [{ id: `${rgId(rg)}/providers/Microsoft.Network/networkInterfaces/nic/ipConfigurations/default-ip-config` }],
      loadBalancingRules: [{ id: `${rgId(rg)}/providers/Microsoft.Network/loadBalancers/${lb}/loadBalancingRules/rulelb` }],
    },
  };
}

/** LoadBalancerLoadBalancingRules_Get (network/…/stable/2024-07-01/examples/LoadBalancerLoadBalancingRuleGet.json). */
export function lbRuleSpecBody(rg: string, lb: string, name: string): ArmJson {
  const lbId = `${rgId(rg)}/providers/Microsoft.Network/loadBalancers/${lb}`;
  return {
    name,
    id: `${lbId}/loadBalancingRules/${name}`,
    etag: 'W/"00000000-0000-0000-0000-000000000000"',
    type: 'Microsoft.Network/loadBalancers/loadBalancingRules',
    properties: {
      provisioningState: 'Succeeded',
      frontendIPConfiguration: { id: `${lbId}/frontendIPConfigurations/lbfrontend` },
      frontendPort: 80,
      backendPort: 80,
      enableFloatingIP: false,
      idleTimeoutInMinutes: 15,
      protocol: 'Tcp',
      enableTcpReset: true,
      loadDistribution: 'Default',
      backendAddressPool: { id: `${lbId}/backendAddressPools/bepool1` },
      probe: { id: `${lbId}/probes/probe1` },
    },
  };
}

/** PublicIPPrefixes_Get (network/…/stable/2024-07-01/examples/PublicIpPrefixGet.json): sku without tier, no zones. */
export function publicIpPrefixSpecBody(rg: string, name: string): ArmJson {
  return {
    name,
    id: `${rgId(rg)}/providers/Microsoft.Network/publicIPPrefixes/${name}`,
    etag: 'W/"00000000-0000-0000-0000-00000000"',
    location: 'westus',
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: '00000000-0000-0000-0000-00000000',
      publicIPAddressVersion: 'IPv4',
      prefixLength: 30,
      ipPrefix: '192.168.254.2/30',
      ipTags: [],
      publicIPAddresses: [{ id: `${rgId(rg)}/providers/Microsoft.Network/publicIPAddresses/PublicIpAddress1` }],
    },
    sku: { name: 'Standard' },
    type: 'Microsoft.Network/publicIPPrefixes',
  };
}

/** NatGateways_Get (network/…/stable/2024-07-01/examples/NatGatewayGet.json). */
export function natGatewaySpecBody(rg: string, name: string): ArmJson {
  return {
    name,
    sku: { name: 'Standard' },
    id: `${rgId(rg)}/providers/Microsoft.Network/natGateways/${name}`,
    location: 'westus',
    properties: {
      idleTimeoutInMinutes: 5,
      provisioningState: 'Succeeded',
      publicIpAddresses: [{ id: `${rgId(rg)}/providers/Microsoft.Network/publicIPAddresses/PublicIpAddress1` }],
      publicIpPrefixes: [{ id: `${rgId(rg)}/providers/Microsoft.Network/publicIPPrefixes/PublicIpPrefix1` }],
      subnets: [{ id: `${rgId(rg)}/providers/Microsoft.Network/virtualNetworks/test-vnet/subnets/subnet1` }],
    },
    type: 'Microsoft.Network/natGateways',
  };
}
