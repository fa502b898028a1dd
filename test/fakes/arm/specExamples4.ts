// More GET bodies from the azure-rest-api-specs examples (as specExamples3.ts: each function names its example
// file and api-version, the example's subscription replaced by the test's, read-only fields kept).
import type { ArmJson } from './server';
import { SUB } from './examples';

/** BlobContainers_Get (storage/…/Microsoft.Storage/stable/2025-01-01/examples/BlobContainersGet.json): immutability and legal hold as served. */
export function blobContainerSpecBody(rg: string, account: string, name: string): ArmJson {
  const who = { objectIdentifier: 'ce7cd28a-fc25-4bf1-8fb9-e1b9833ffd4b', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
  return {
    name,
    type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
    etag: '"0x8D592D74CC20EBA"',
    id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${account}/blobServices/default/containers/${name}`,
    properties: {
      hasImmutabilityPolicy: true,
      hasLegalHold: true,
      immutabilityPolicy: {
        etag: '"8d592d74cb3011a"',
        properties: { immutabilityPeriodSinceCreationInDays: 100, state: 'Locked' },
        updateHistory: [
          { immutabilityPeriodSinceCreationInDays: 3, ...who, timestamp: '2018-03-26T05:06:11.431403Z', update: 'put' },
          { immutabilityPeriodSinceCreationInDays: 3, ...who, timestamp: '2018-03-26T05:06:13.0907641Z', update: 'lock' },
          { immutabilityPeriodSinceCreationInDays: 100, ...who, timestamp: '2018-03-26T05:06:14.7097716Z', update: 'extend' },
        ],
      },
      lastModifiedTime: '2018-03-26T05:06:14Z',
      leaseState: 'Available',
      leaseStatus: 'Unlocked',
      legalHold: {
        hasLegalHold: true,
        tags: ['tag1', 'tag2', 'tag3'].map((tag) => ({ ...who, tag, timestamp: '2018-03-26T05:06:09.6964643Z' })),
      },
      publicAccess: 'None',
    },
  };
}

/** AgentPools_Get (containerservice/…/aks/stable/2025-01-01/examples/AgentPoolsGet.json): the ID in the service's "resourcegroups" casing. */
export function agentPoolSpecBody(rg: string, cluster: string, name: string): ArmJson {
  return {
    id: `/subscriptions/${SUB}/resourcegroups/${rg}/providers/Microsoft.ContainerService/managedClusters/${cluster}/agentPools/${name}`,
    name,
    type: 'Microsoft.ContainerService/managedClusters/agentPools',
    properties: {
      provisioningState: 'Succeeded',
      count: 3,
      vmSize: 'Standard_DS1_v2',
      maxPods: 110,
      osType: 'Linux',
      eTag: 'ebwiyfneowv',
      orchestratorVersion: '1.9.6',
      currentOrchestratorVersion: '1.9.6',
      nodeImageVersion: 'AKSUbuntu:1604:2020.03.11',
      upgradeSettings: { maxSurge: '33%' },
    },
  };
}

/** DatabaseAccounts_Get (cosmos-db/…/Microsoft.DocumentDB/stable/2024-11-15/examples/CosmosDBDatabaseAccountGet.json); identities and private endpoint as served. */
export function cosmosAccountSpecBody(rg: string, name: string): ArmJson {
  const loc = { id: `${name}-eastus`, locationName: 'East US', documentEndpoint: `https://${name}-eastus.documents.azure.com:443/`, provisioningState: 'Succeeded', failoverPriority: 0 };
  const generated = { generationTime: '2022-02-25T20:30:11Z' };
  return {
    id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.DocumentDB/databaseAccounts/${name}`,
    name,
    location: 'West US',
    type: 'Microsoft.DocumentDB/databaseAccounts',
    kind: 'GlobalDocumentDB',
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      documentEndpoint: `https://${name}.documents.azure.com:443/`,
      ipRules: [],
      isVirtualNetworkFilterEnabled: false,
      virtualNetworkRules: [],
      databaseAccountOfferType: 'Standard',
      disableKeyBasedMetadataWriteAccess: false,
      defaultIdentity: 'FirstPartyIdentity',
      consistencyPolicy: { defaultConsistencyLevel: 'Session', maxIntervalInSeconds: 5, maxStalenessPrefix: 100 },
      writeLocations: [loc],
      readLocations: [loc],
      locations: [loc],
      failoverPolicies: [{ id: loc.id, locationName: 'East US', failoverPriority: 0 }],
      privateEndpointConnections: [
        {
          id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.DocumentDB/databaseAccounts/account1/privateEndpointConnections/pe1`,
          properties: { privateEndpoint: { id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe1` }, privateLinkServiceConnectionState: { status: 'Approved', actionsRequired: 'None' } },
        },
      ],
      cors: [],
      enableFreeTier: false,
      apiProperties: {},
      enableAnalyticalStorage: true,
      enableBurstCapacity: true,
      enablePerRegionPerPartitionAutoscale: true,
      analyticalStorageConfiguration: { schemaType: 'WellDefined' },
      instanceId: 'd9b26648-2f53-4541-b3d8-3044f4f9810d',
      createMode: 'Default',
      backupPolicy: {
        type: 'Periodic',
        periodicModeProperties: { backupIntervalInMinutes: 240, backupRetentionIntervalInHours: 8, backupStorageRedundancy: 'Geo' },
        migrationState: { status: 'InProgress', targetType: 'Continuous', startTime: '2021-06-09T21:07:16Z' },
      },
      networkAclBypass: 'None',
      networkAclBypassResourceIds: [],
      keysMetadata: { primaryMasterKey: generated, secondaryMasterKey: generated, primaryReadonlyMasterKey: generated, secondaryReadonlyMasterKey: generated },
      enablePartitionMerge: true,
      minimalTlsVersion: 'Tls',
    },
    identity: {
      type: 'SystemAssigned,UserAssigned',
      principalId: '52f4fef3-3c3f-4ff3-b52e-b5c9eeb68656',
      tenantId: '33e01921-4d64-4f8c-a055-5bdaffd5e33d',
      userAssignedIdentities: {
        [`/subscriptions/${SUB}/resourceGroups/eu2cgroup/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1`]: { clientId: 'fbe75b66-01c5-4f87-a220-233af3270436', principalId: '33e01921-4d64-4f8c-a055-5bdaffd5e33d' },
      },
    },
  };
}

const netapp = (rg: string, account: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.NetApp/netAppAccounts/${account}`;

/** Accounts_Get (netapp/…/Microsoft.NetApp/stable/2025-01-01/examples/Accounts_Get.json): no tags in the body. */
export function netappAccountSpecBody(rg: string, name: string): ArmJson {
  return {
    id: netapp(rg, name),
    name,
    type: 'Microsoft.NetApp/netAppAccounts',
    location: 'eastus',
    properties: {
      provisioningState: 'Succeeded',
      activeDirectories: [
        { site: 'SiteName', activeDirectoryId: '02da3711-6c58-2d64-098a-e3af7afaf936', username: 'ad_user_name', domain: '10.10.10.3', dns: '10.10.10.3', status: 'InUse', smbServerName: 'SMBServer', organizationalUnit: 'OU=Engineering', statusDetails: 'Status Details', aesEncryption: true, ldapSigning: true },
      ],
    },
  };
}

/** Pools_Get (…/2025-01-01/examples/Pools_Get.json): the name "account/pool", size 4 TiB in bytes. */
export function netappPoolSpecBody(rg: string, account: string, name: string): ArmJson {
  return {
    id: `${netapp(rg, account)}/capacityPools/${name}`,
    name: `${account}/${name}`,
    type: 'Microsoft.NetApp/netAppAccounts/capacityPools',
    location: 'eastus',
    properties: { provisioningState: 'Succeeded', poolId: '9760acf5-4638-11e7-9bdb-020073ca7778', serviceLevel: 'Premium', size: 4398046511104, qosType: 'Manual', totalThroughputMibps: 281.474, utilizedThroughputMibps: 100.47 },
  };
}

/** Volumes_Get (…/2025-01-01/examples/Volumes_Get.json): the name "account/pool/volume", quota 100 GiB in bytes. */
export function netappVolumeSpecBody(rg: string, account: string, pool: string, name: string, subnetId: string): ArmJson {
  return {
    id: `${netapp(rg, account)}/capacityPools/${pool}/volumes/${name}`,
    name: `${account}/${pool}/${name}`,
    type: 'Microsoft.NetApp/netAppAccounts/capacityPools/volumes',
    location: 'eastus',
    properties: {
      fileSystemId: '9760acf5-4638-11e7-9bdb-020073ca7778',
      creationToken: 'some-amazing-filepath',
      usageThreshold: 107374182400,
      serviceLevel: 'Premium',
      provisioningState: 'Succeeded',
      throughputMibps: 128,
      subnetId,
      networkFeatures: 'Standard',
      networkSiblingSetId: '0f434a03-ce0b-4935-81af-d98652ffb1c4',
      storageToNetworkProximity: 'T2',
    },
  };
}

/** DiskEncryptionSets_Get (compute/…/DiskRP/stable/2024-03-02/examples/diskEncryptionSetExamples/DiskEncryptionSet_Get.json); the example's "{key}" placeholder named. */
export function diskEncryptionSetSpecBody(rg: string, name: string, keyUrl: string): ArmJson {
  return {
    identity: { type: 'SystemAssigned' },
    properties: {
      activeKey: { sourceVault: { id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/myVMVault` }, keyUrl },
      encryptionType: 'EncryptionAtRestWithCustomerKey',
      previousKeys: [],
      provisioningState: 'Succeeded',
    },
    type: 'Microsoft.Compute/diskEncryptionSets',
    location: 'westus',
    tags: { department: 'Development', project: 'Encryption' },
    id: `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/diskEncryptionSets/${name}`,
    name,
  };
}
