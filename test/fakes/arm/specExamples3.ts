// GET bodies from the azure-rest-api-specs examples for mappers that had only an empty-GET test
// (each function names its example file and api-version: the newest stable one the catalog lists),
// with the example's subscription replaced by the test's. Read-only fields are kept: the service sends them.
import type { ArmJson } from './server';
import { SUB } from './examples';

/** WorkspacesGet (operationalinsights/…/Microsoft.OperationalInsights/stable/2025-02-01/examples/WorkspacesGet.json): the ID in lower case, as the service returns it. */
export function workspaceSpecBody(rg: string, name: string): ArmJson {
  return {
    properties: {
      customerId: '5b02755b-5bf4-430c-9487-45502a2a7e62',
      provisioningState: 'Succeeded',
      sku: { name: 'PerGB2018' },
      retentionInDays: 30,
      publicNetworkAccessForQuery: 'Enabled',
      publicNetworkAccessForIngestion: 'Enabled',
    },
    id: `/subscriptions/${SUB}/resourcegroups/${rg}/providers/microsoft.operationalinsights/workspaces/${name}`,
    name,
    type: 'Microsoft.OperationalInsights/workspaces',
    location: 'eastus',
  };
}

/** ComponentsGet (applicationinsights/…/Microsoft.Insights/stable/2020-02-02/examples/ComponentsGet.json): `tags` is the empty string there. */
export function componentSpecBody(rg: string, name: string, workspaceId: string): ArmJson {
  return {
    id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Insights/components/${name}`,
    name,
    type: 'Microsoft.Insights/components',
    location: 'South Central US',
    tags: '',
    kind: 'web',
    properties: {
      ApplicationId: name,
      AppId: '887f4bfd-b5fd-40d7-9fc3-123456789abc',
      Application_Type: 'web',
      Flow_Type: 'Bluefield',
      Request_Source: 'rest',
      InstrumentationKey: 'bc095013-3cf2-45ac-ab47-123456789abc',
      CreationDate: '2017-01-24T01:05:38.5934061+00:00',
      TenantId: 'f438d567-7177-4fe1-a5e3-123456789abc',
      HockeyAppId: '',
      HockeyAppToken: '',
      provisioningState: 'Succeeded',
      SamplingPercentage: 100.0,
      WorkspaceResourceId: workspaceId,
      ConnectionString: 'InstrumentationKey=bc095013-3cf2-45ac-ab47-123456789abc',
      DisableIpMasking: false,
      publicNetworkAccessForQuery: 'Enabled',
      publicNetworkAccessForIngestion: 'Enabled',
      IngestionMode: 'LogAnalytics',
      LinkedStorages: { ServiceProfilerLinkedStorage: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/mystorageaccount` },
    },
  };
}

/** Servers_Get (sql/…/Microsoft.Sql/stable/2023-08-01/examples/ServerGet.json): no minimalTlsVersion in the body. */
export function sqlServerSpecBody(rg: string, name: string): ArmJson {
  const id = `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Sql/servers/${name}`;
  return {
    tags: { tagKey1: 'TagValue1' },
    id,
    name,
    type: 'Microsoft.Sql/servers',
    location: 'japaneast',
    kind: 'v12.0',
    properties: {
      fullyQualifiedDomainName: `${name}.database.windows.net`,
      administratorLogin: 'dummylogin',
      version: '12.0',
      state: 'Ready',
      workspaceFeature: 'Connected',
      publicNetworkAccess: 'Enabled',
      restrictOutboundNetworkAccess: 'Enabled',
      privateEndpointConnections: [
        {
          id: `${id}/privateEndpointConnections/private-endpoint-name-00000000-1111-2222-3333-444444444444`,
          properties: {
            provisioningState: 'Ready',
            privateEndpoint: { id: '/subscriptions/55555555-6666-7777-8888-999999999999/resourceGroups/Default-Network/providers/Microsoft.Network/privateEndpoints/private-endpoint-name' },
            privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto-approved', actionsRequired: 'None' },
          },
        },
      ],
    },
  };
}

/** Databases_Get (sql/…/Microsoft.Sql/stable/2023-08-01/examples/GetVCoreDatabase.json): sku.name "BC_Gen5", service objective "BC_Gen5_2". */
export function sqlDatabaseSpecBody(rg: string, server: string, name: string): ArmJson {
  return {
    sku: { name: 'BC_Gen5', tier: 'BusinessCritical', capacity: 2 },
    kind: 'v12.0,user,vcore',
    properties: {
      collation: 'SQL_Latin1_General_CP1_CI_AS',
      maxSizeBytes: 268435456000,
      status: 'Online',
      databaseId: '6c764297-577b-470f-9af4-96d3d41e2ba3',
      creationDate: '2017-06-07T04:41:33.937Z',
      currentServiceObjectiveName: 'BC_Gen5_2',
      requestedServiceObjectiveName: 'BC_Gen5_2',
      defaultSecondaryLocation: 'North Europe',
      catalogCollation: 'SQL_Latin1_General_CP1_CI_AS',
      licenseType: 'LicenseIncluded',
      maxLogSizeBytes: 104857600,
      isInfraEncryptionEnabled: false,
      zoneRedundant: false,
      readScale: 'Enabled',
      earliestRestoreDate: '2017-06-07T04:51:33.937Z',
      maintenanceConfigurationId: `/subscriptions/${SUB}/providers/Microsoft.Maintenance/publicMaintenanceConfigurations/SQL_SouthEastAsia_1`,
      currentSku: { name: 'BC_Gen5', tier: 'BusinessCritical', capacity: 2 },
      currentBackupStorageRedundancy: 'Geo',
      requestedBackupStorageRedundancy: 'Geo',
      isLedgerOn: false,
    },
    location: 'southeastasia',
    id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Sql/servers/${server}/databases/${name}`,
    name,
    type: 'Microsoft.Sql/servers/databases',
  };
}

/** Servers_Get (postgresql/…/Microsoft.DBforPostgreSQL/stable/2024-08-01/examples/ServerGet.json). */
export function postgresFlexSpecBody(rg: string, name: string): ArmJson {
  return {
    sku: { name: 'Standard_D4ds_v5', tier: 'GeneralPurpose' },
    systemData: { createdAt: '2024-08-01T18:30:22.123456Z' },
    properties: {
      replica: { role: 'Primary', capacity: 5 },
      storage: { type: '', iops: 500, tier: 'P10', storageSizeGB: 128, autoGrow: 'Disabled' },
      network: { publicNetworkAccess: 'Enabled' },
      privateEndpointConnections: [],
      dataEncryption: { type: 'SystemManaged' },
      authConfig: { activeDirectoryAuth: 'Disabled', passwordAuth: 'Enabled' },
      fullyQualifiedDomainName: `${name}.postgres.database.azure.com`,
      version: '16',
      minorVersion: '8',
      administratorLogin: 'administratorlogin',
      state: 'Ready',
      availabilityZone: '1',
      backup: { backupRetentionDays: 7, geoRedundantBackup: 'Enabled', earliestRestoreDate: '2024-08-01T18:35:22.123456Z' },
      highAvailability: { mode: 'Disabled', state: 'NotEnabled' },
      maintenanceWindow: { customWindow: 'Disabled', dayOfWeek: 0, startHour: 0, startMinute: 0 },
      replicationRole: 'Primary',
      replicaCapacity: 5,
    },
    location: 'westus',
    id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}`,
    name,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers',
  };
}

/** AzureFirewalls_Get (network/…/Microsoft.Network/stable/2024-05-01/examples/AzureFirewallGet.json); classic rule collections kept as served. */
export function firewallSpecBody(rg: string, name: string): ArmJson {
  const rgId = `/subscriptions/${SUB}/resourceGroups/${rg}`;
  const id = `${rgId}/providers/Microsoft.Network/azureFirewalls/${name}`;
  const etag = 'w/\\00000000-0000-0000-0000-000000000000\\';
  return {
    name,
    id,
    type: 'Microsoft.Network/azureFirewalls',
    etag,
    location: 'West US',
    zones: [],
    tags: { key1: 'value1' },
    properties: {
      provisioningState: 'Succeeded',
      sku: { name: 'AZFW_VNet', tier: 'Standard' },
      threatIntelMode: 'Alert',
      ipConfigurations: [
        {
          name: 'azureFirewallIpConfiguration',
          id: `${id}/ipConfigurations/azureFirewallIpConfiguration`,
          etag,
          properties: {
            provisioningState: 'Succeeded',
            privateIPAddress: '10.0.0.0',
            subnet: { id: `${rgId}/providers/Microsoft.Network/virtualNetworks/vnet2/subnets/AzureFirewallSubnet` },
            publicIPAddress: { id: `${rgId}/providers/Microsoft.Network/publicIPAddresses/pipName` },
          },
        },
      ],
      applicationRuleCollections: [
        {
          name: 'apprulecoll',
          id: `${id}/applicationRuleCollections/apprulecoll`,
          properties: {
            priority: 110,
            action: { type: 'Deny' },
            rules: [{ name: 'rule1', description: 'Deny inbound rule', protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['www.test.com'], sourceAddresses: ['216.58.216.164', '10.0.0.0/24'] }],
          },
        },
      ],
      natRuleCollections: [
        {
          name: 'natrulecoll',
          id: `${id}/natRuleCollections/natrulecoll`,
          properties: {
            priority: 112,
            action: { type: 'Dnat' },
            rules: [
              { name: 'DNAT-HTTPS-traffic', description: 'D-NAT all outbound web traffic for inspection', sourceAddresses: ['*'], destinationAddresses: ['1.2.3.4'], destinationPorts: ['443'], protocols: ['TCP'], translatedAddress: '1.2.3.5', translatedPort: '8443' },
              { name: 'DNAT-HTTP-traffic-With-FQDN', description: 'D-NAT all inbound web traffic for inspection', sourceAddresses: ['*'], destinationAddresses: ['1.2.3.4'], destinationPorts: ['80'], protocols: ['TCP'], translatedFqdn: 'internalhttpserver', translatedPort: '880' },
            ],
          },
        },
      ],
      networkRuleCollections: [
        {
          name: 'netrulecoll',
          id: `${id}/networkRuleCollections/netrulecoll`,
          properties: {
            priority: 112,
            action: { type: 'Deny' },
            rules: [
              { name: 'L4-traffic', description: 'Block traffic based on source IPs and ports', sourceAddresses: ['192.168.1.1-192.168.1.12', '10.1.4.12-10.1.4.255'], destinationPorts: ['443-444', '8443'], destinationAddresses: ['*'], protocols: ['TCP'] },
              { name: 'L4-traffic-with-FQDN', description: 'Block traffic based on source IPs and ports to amazon', sourceAddresses: ['10.2.4.12-10.2.4.255'], destinationPorts: ['443-444', '8443'], destinationFqdns: ['www.amazon.com'], protocols: ['TCP'] },
            ],
          },
        },
      ],
      ipGroups: [],
      additionalProperties: {},
      autoscaleConfiguration: { minCapacity: 10, maxCapacity: 15 },
    },
  };
}

/** PrivateZones_Get (privatedns/…/Microsoft.Network/stable/2024-06-01/examples/PrivateZoneGet.json). */
export function privateZoneSpecBody(rg: string, name: string): ArmJson {
  return {
    id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Network/privateDnsZones/${name}`,
    name,
    type: 'Microsoft.Network/privateDnsZones',
    location: 'global',
    etag: '00000000-0000-0000-0000-000000000000',
    properties: {
      maxNumberOfRecordSets: 5000,
      numberOfRecordSets: 1,
      maxNumberOfVirtualNetworkLinks: 100,
      numberOfVirtualNetworkLinks: 0,
      maxNumberOfVirtualNetworkLinksWithRegistration: 50,
      numberOfVirtualNetworkLinksWithRegistration: 0,
      provisioningState: 'Succeeded',
    },
    tags: { key1: 'value1' },
  };
}

/** VirtualNetworkLinks_Get (privatedns/…/stable/2024-06-01/examples/VirtualNetworkLinkGet.json): the network in another subscription. */
export function privateZoneLinkSpecBody(rg: string, zone: string, name: string): ArmJson {
  return {
    id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Network/privateDnsZones/${zone}/virtualNetworkLinks/${name}`,
    name,
    type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
    location: 'global',
    etag: '00000000-0000-0000-0000-000000000000',
    properties: {
      virtualNetwork: { id: '/subscriptions/virtualNetworkSubscriptionId/resourceGroups/virtualNetworkResourceGroup/providers/Microsoft.Network/virtualNetworks/virtualNetworkName' },
      registrationEnabled: false,
      virtualNetworkLinkState: 'Completed',
      provisioningState: 'Succeeded',
    },
    tags: { key1: 'value1' },
  };
}

/** Disks_Get (compute/…/Microsoft.Compute/DiskRP/stable/2024-03-02/examples/diskExamples/Disk_Get.json). */
export function diskSpecBody(rg: string, name: string): ArmJson {
  const vault = `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/myVMVault`;
  return {
    managedBy: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/TestVM414689371c88843d65ec`,
    sku: { name: 'Standard_LRS' },
    properties: {
      osType: 'Windows',
      hyperVGeneration: 'V1',
      purchasePlan: { name: 'test_sku', publisher: 'test_test_pmc2pc1', product: 'marketplace_vm_test' },
      supportedCapabilities: { acceleratedNetwork: true },
      supportsHibernation: true,
      securityProfile: { securityType: 'TrustedLaunch' },
      creationData: { createOption: 'FromImage', imageReference: { id: diskImageId } },
      diskSizeGB: 10,
      encryptionSettingsCollection: {
        enabled: true,
        encryptionSettings: [
          {
            diskEncryptionKey: { sourceVault: { id: vault }, secretUrl: 'https://myvmvault.vault-int.azure-int.net/secrets/{secret}' },
            keyEncryptionKey: { sourceVault: { id: vault }, keyUrl: 'https://myvmvault.vault-int.azure-int.net/keys/{key}' },
          },
        ],
      },
      encryption: { type: 'EncryptionAtRestWithPlatformKey' },
      LastOwnershipUpdateTime: '2016-12-28T04:41:35.079872+00:00',
      timeCreated: '2016-12-28T04:41:35.079872+00:00',
      provisioningState: 'Succeeded',
    },
    type: 'Microsoft.Compute/disks',
    location: 'westus',
    tags: { department: 'Development', project: 'ManagedDisks' },
    id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/disks/${name}`,
    name,
  };
}

export const diskImageId = `/Subscriptions/${SUB}/Providers/Microsoft.Compute/Locations/westus/Publishers/test_test_pmc2pc1/ArtifactTypes/VMImage/Offers/marketplace_vm_test/Skus/test_sku/Versions/1.0.0`;
