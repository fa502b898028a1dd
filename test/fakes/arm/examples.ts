// Resource bodies shaped like the azure-rest-api-specs examples for each GET
// (ResourceGroups_Get, VirtualNetworks_Get, Subnets_Get, NetworkSecurityGroups_Get,
// SecurityRules_Get, PublicIPAddresses_Get, NetworkInterfaces_Get, StorageAccounts_GetProperties,
// VirtualMachines_Get, Vaults_Get, AppServicePlans_Get, WebApps_Get / GetConfiguration,
// ManagedClusters_Get), including the read-only fields the service adds.
import type { ArmJson } from './server';

export const SUB = '00000000-1111-2222-3333-444444444444';

const rgPath = (rg: string) => `/subscriptions/${SUB}/resourceGroups/${rg}`;
const etag = 'W/"00000000-0000-0000-0000-000000000000"';

export function resourceGroupBody(rg: string, location = 'westeurope', tags: Record<string, string> = {}): ArmJson {
  return { id: rgPath(rg), name: rg, type: 'Microsoft.Resources/resourceGroups', location, tags, properties: { provisioningState: 'Succeeded' } };
}

export function vnetBody(rg: string, name: string, o: { addressSpace?: string[]; dns?: string[]; tags?: Record<string, string>; subnets?: ArmJson[] } = {}): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.Network/virtualNetworks/${name}`,
    name,
    type: 'Microsoft.Network/virtualNetworks',
    etag,
    location: 'westeurope',
    tags: o.tags ?? {},
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: '8a0d0d8b-1a9e-4b8b-9f0e-1d2b3c4d5e6f',
      addressSpace: { addressPrefixes: o.addressSpace ?? ['10.0.0.0/16'] },
      dhcpOptions: { dnsServers: o.dns ?? [] },
      subnets: o.subnets ?? [],
      virtualNetworkPeerings: [],
      enableDdosProtection: false,
    },
  };
}

export function subnetBody(rg: string, vnet: string, name: string, prefix: string, serviceEndpoints: string[] = []): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${name}`,
    name,
    type: 'Microsoft.Network/virtualNetworks/subnets',
    etag,
    properties: {
      provisioningState: 'Succeeded',
      addressPrefix: prefix,
      serviceEndpoints: serviceEndpoints.map((service) => ({ provisioningState: 'Succeeded', service, locations: ['westeurope', 'northeurope'] })),
      privateEndpointNetworkPolicies: 'Disabled',
      privateLinkServiceNetworkPolicies: 'Enabled',
    },
  };
}

export interface RuleInput {
  name: string;
  priority: number;
  direction?: 'Inbound' | 'Outbound';
  access?: 'Allow' | 'Deny';
  protocol?: string;
  source?: string;
  port?: string;
}

export function securityRule(nsgId: string, r: RuleInput): ArmJson {
  return {
    id: `${nsgId}/securityRules/${r.name}`,
    name: r.name,
    type: 'Microsoft.Network/networkSecurityGroups/securityRules',
    etag,
    properties: {
      provisioningState: 'Succeeded',
      protocol: r.protocol ?? 'Tcp',
      sourcePortRange: '*',
      destinationPortRange: r.port ?? '443',
      sourceAddressPrefix: r.source ?? '10.0.0.0/8',
      destinationAddressPrefix: '*',
      access: r.access ?? 'Allow',
      priority: r.priority,
      direction: r.direction ?? 'Inbound',
      // As in NetworkSecurityGroupGet.json: the plural range lists are absent when unused.
    },
  };
}

export function nsgBody(rg: string, name: string, rules: RuleInput[], tags: Record<string, string> = {}): ArmJson {
  const id = `${rgPath(rg)}/providers/Microsoft.Network/networkSecurityGroups/${name}`;
  return {
    id,
    name,
    type: 'Microsoft.Network/networkSecurityGroups',
    etag,
    location: 'westeurope',
    tags,
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: '2bd3c6f4-1c38-4a3f-8f2b-0a1b2c3d4e5f',
      securityRules: rules.map((r) => securityRule(id, r)),
      defaultSecurityRules: [securityRule(id, { name: 'AllowVnetInBound', priority: 65000, source: 'VirtualNetwork', port: '*', protocol: '*' })],
    },
  };
}

export function publicIpBody(rg: string, name: string, o: { allocation?: string; sku?: string; zones?: string[] } = {}): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.Network/publicIPAddresses/${name}`,
    name,
    type: 'Microsoft.Network/publicIPAddresses',
    etag,
    location: 'westeurope',
    tags: {},
    zones: o.zones ?? ['1', '2', '3'],
    sku: { name: o.sku ?? 'Standard', tier: 'Regional' },
    properties: { provisioningState: 'Succeeded', ipAddress: '20.50.60.70', publicIPAddressVersion: 'IPv4', publicIPAllocationMethod: o.allocation ?? 'Static', idleTimeoutInMinutes: 4, ipTags: [] },
  };
}

export function nicBody(rg: string, name: string, subnetId: string, publicIpId?: string): ArmJson {
  const id = `${rgPath(rg)}/providers/Microsoft.Network/networkInterfaces/${name}`;
  return {
    id,
    name,
    type: 'Microsoft.Network/networkInterfaces',
    etag,
    location: 'westeurope',
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      ipConfigurations: [
        {
          id: `${id}/ipConfigurations/internal`,
          name: 'internal',
          etag,
          type: 'Microsoft.Network/networkInterfaces/ipConfigurations',
          properties: {
            provisioningState: 'Succeeded',
            privateIPAddress: '10.0.1.4',
            privateIPAllocationMethod: 'Dynamic',
            // The service returns IDs in its own casing.
            subnet: { id: subnetId.replace('/resourceGroups/', '/resourcegroups/') },
            ...(publicIpId ? { publicIPAddress: { id: publicIpId } } : {}),
            primary: true,
            privateIPAddressVersion: 'IPv4',
          },
        },
      ],
      dnsSettings: { dnsServers: [], appliedDnsServers: [] },
      enableAcceleratedNetworking: false,
      enableIPForwarding: false,
      primary: true,
    },
  };
}

export function storageBody(rg: string, name: string, o: { sku?: string; tls?: string; https?: boolean; blobPublic?: boolean; publicNetwork?: string; tags?: Record<string, string> } = {}): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.Storage/storageAccounts/${name}`,
    name,
    type: 'Microsoft.Storage/storageAccounts',
    kind: 'StorageV2',
    location: 'westeurope',
    tags: o.tags ?? {},
    sku: { name: o.sku ?? 'Standard_LRS', tier: (o.sku ?? 'Standard_LRS').split('_')[0] },
    properties: {
      keyCreationTime: { key1: '2024-01-10T10:00:00.0000000Z', key2: '2024-01-10T10:00:00.0000000Z' },
      creationTime: '2024-01-10T10:00:00.0000000Z',
      encryption: { keySource: 'Microsoft.Storage', services: { blob: { enabled: true, keyType: 'Account' }, file: { enabled: true, keyType: 'Account' } } },
      isHnsEnabled: false,
      primaryEndpoints: { blob: `https://${name}.blob.core.windows.net/`, dfs: `https://${name}.dfs.core.windows.net/`, file: `https://${name}.file.core.windows.net/` },
      primaryLocation: 'westeurope',
      provisioningState: 'Succeeded',
      statusOfPrimary: 'available',
      supportsHttpsTrafficOnly: o.https ?? true,
      minimumTlsVersion: o.tls ?? 'TLS1_2',
      allowBlobPublicAccess: o.blobPublic ?? false,
      ...(o.publicNetwork ? { publicNetworkAccess: o.publicNetwork } : {}),
      allowSharedKeyAccess: true,
      accessTier: 'Hot',
      networkAcls: { bypass: 'AzureServices', virtualNetworkRules: [], ipRules: [], defaultAction: 'Allow' },
    },
  };
}

export function vmBody(rg: string, name: string, o: { size?: string; nicId?: string; tags?: Record<string, string> } = {}): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.Compute/virtualMachines/${name}`,
    name,
    type: 'Microsoft.Compute/virtualMachines',
    location: 'westeurope',
    tags: o.tags ?? {},
    properties: {
      vmId: '0f47b100-583c-48e3-a4c0-aefc2c9bbcc1',
      hardwareProfile: { vmSize: o.size ?? 'Standard_B2s' },
      storageProfile: {
        imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest', exactVersion: '22.04.202401100' },
        osDisk: { osType: 'Linux', name: `${name}_OsDisk_1`, createOption: 'FromImage', caching: 'ReadWrite', managedDisk: { storageAccountType: 'Premium_LRS', id: `${rgPath(rg).toUpperCase()}/providers/Microsoft.Compute/disks/${name}_OsDisk_1` }, deleteOption: 'Delete', diskSizeGB: 30 },
        dataDisks: [],
      },
      osProfile: { computerName: name, adminUsername: 'azureuser', linuxConfiguration: { disablePasswordAuthentication: true, provisionVMAgent: true }, secrets: [], allowExtensionOperations: true },
      networkProfile: { networkInterfaces: o.nicId ? [{ id: o.nicId }] : [] },
      provisioningState: 'Succeeded',
    },
  };
}

export function osDiskBody(rg: string, vmName: string): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.Compute/disks/${vmName}_OsDisk_1`,
    name: `${vmName}_OsDisk_1`,
    type: 'Microsoft.Compute/disks',
    location: 'westeurope',
    managedBy: `${rgPath(rg)}/providers/Microsoft.Compute/virtualMachines/${vmName}`,
    sku: { name: 'Premium_LRS', tier: 'Premium' },
    properties: { osType: 'Linux', diskSizeGB: 30, provisioningState: 'Succeeded' },
  };
}

export function keyVaultBody(rg: string, name: string, o: { defaultAction?: string; ipRules?: string[]; retention?: number; purge?: boolean } = {}): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.KeyVault/vaults/${name}`,
    name,
    type: 'Microsoft.KeyVault/vaults',
    location: 'westeurope',
    tags: {},
    properties: {
      sku: { family: 'A', name: 'standard' },
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      accessPolicies: [],
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      enableSoftDelete: true,
      softDeleteRetentionInDays: o.retention ?? 90,
      ...(o.purge ? { enablePurgeProtection: true } : {}),
      enableRbacAuthorization: true,
      vaultUri: `https://${name}.vault.azure.net/`,
      provisioningState: 'Succeeded',
      publicNetworkAccess: 'Enabled',
      networkAcls: { bypass: 'AzureServices', defaultAction: o.defaultAction ?? 'Deny', ipRules: (o.ipRules ?? []).map((value) => ({ value })), virtualNetworkRules: [] },
    },
  };
}

export function servicePlanBody(rg: string, name: string, sku = 'P1v3'): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.Web/serverfarms/${name}`,
    name,
    type: 'Microsoft.Web/serverfarms',
    kind: 'linux',
    location: 'West Europe',
    tags: {},
    sku: { name: sku, tier: 'PremiumV3', size: sku, family: 'Pv3', capacity: 1 },
    properties: { serverFarmId: 1, name, workerSize: 'Default', numberOfWorkers: 1, status: 'Ready', reserved: true, hyperV: false, perSiteScaling: false, zoneRedundant: false, provisioningState: 'Succeeded' },
  };
}

export function webAppBodies(rg: string, name: string, planId: string, o: { httpsOnly?: boolean; alwaysOn?: boolean; minTls?: string } = {}): ArmJson[] {
  const id = `${rgPath(rg)}/providers/Microsoft.Web/sites/${name}`;
  return [
    {
      id,
      name,
      type: 'Microsoft.Web/sites',
      kind: 'app,linux',
      location: 'West Europe',
      tags: {},
      properties: {
        state: 'Running',
        hostNames: [`${name}.azurewebsites.net`],
        enabled: true,
        serverFarmId: planId,
        reserved: true,
        // GET of the site leaves most of siteConfig unset: the config/web sub-resource holds it.
        siteConfig: { numberOfWorkers: 1, linuxFxVersion: 'NODE|20-lts', alwaysOn: null, minTlsVersion: null },
        httpsOnly: o.httpsOnly ?? true,
        clientAffinityEnabled: false,
        publicNetworkAccess: 'Enabled',
      },
    },
    {
      id: `${id}/config/web`,
      name: 'web',
      type: 'Microsoft.Web/sites/config',
      location: 'West Europe',
      properties: { numberOfWorkers: 1, linuxFxVersion: 'NODE|20-lts', alwaysOn: o.alwaysOn ?? true, http20Enabled: true, minTlsVersion: o.minTls ?? '1.2', ftpsState: 'FtpsOnly' },
    },
  ];
}

export function aksBody(rg: string, name: string, o: { version?: string; vmSize?: string; count?: number; tier?: string } = {}): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.ContainerService/managedClusters/${name}`,
    name,
    type: 'Microsoft.ContainerService/managedClusters',
    location: 'westeurope',
    tags: {},
    sku: { name: 'Base', tier: o.tier ?? 'Free' },
    properties: {
      provisioningState: 'Succeeded',
      kubernetesVersion: o.version ?? '1.30',
      currentKubernetesVersion: `${o.version ?? '1.30'}.5`,
      dnsPrefix: `${name}-dns`,
      fqdn: `${name}-dns-abc123.hcp.westeurope.azmk8s.io`,
      agentPoolProfiles: [{ name: 'system', count: o.count ?? 2, vmSize: o.vmSize ?? 'Standard_D2s_v5', osDiskSizeGB: 128, type: 'VirtualMachineScaleSets', mode: 'System', orchestratorVersion: '1.30.5', osType: 'Linux', enableAutoScaling: false }],
      enableRBAC: true,
      nodeResourceGroup: `MC_${rg}_${name}_westeurope`,
    },
  };
}
