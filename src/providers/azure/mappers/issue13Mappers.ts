// The azurerm types issue 13 reads in depth, in the order of their use in public modules; registry.ts
// adds them after the first ones (an ARM type's first mapper names unmanaged resources of that type).
import type { AzureMapper } from './types';
import { keyVaultKey, keyVaultSecret } from './keyVaultObjects';
import { keyVaultAccessPolicy } from './keyVaultAccessPolicy';
import { privateEndpoint } from './privateEndpoint';
import { privateDnsZone, privateDnsZoneLink } from './privateDns';
import { legacyVirtualMachine } from './legacyVirtualMachine';
import { managedDisk, userAssignedIdentity, virtualMachineExtension } from './computeExtras';
import { netappAccount, netappPool, netappVolume } from './netApp';
import { applicationInsights, logAnalyticsWorkspace } from './monitoring';
import { route, routeTable } from './routeTable';
import { lbBackendAddressPool, lbProbe, lbRule, loadBalancer } from './loadBalancer';
import { linuxScaleSet, windowsScaleSet } from './scaleSet';
import { storageContainer } from './storageContainer';
import { virtualNetworkPeering } from './virtualNetworkPeering';
import { cosmosdbAccount, mssqlDatabase, mssqlServer, postgresqlFlexibleServer } from './databases';
import { bastionHost, firewall, natGateway, publicIpPrefix } from './networkEdge';
import { containerRegistry } from './containerRegistry';
import { aksNodePool } from './aksNodePool';
import { diskEncryptionSet } from './diskEncryptionSet';
import { applicationGateway } from './applicationGateway';
import { availabilitySet, dataDiskAttachment, scaleSetExtension } from './computeAttachments';
import { dnsARecord, dnsZone, privateDnsARecord } from './dnsRecords';
import { linuxFunctionApp, windowsFunctionApp, windowsWebApp } from './webAppSiblings';
import { managementGroupPolicyAssignment, resourceGroupPolicyAssignment, resourcePolicyAssignment, subscriptionPolicyAssignment } from './policyAssignment';

export const issue13Mappers: readonly AzureMapper[] = [
  keyVaultSecret,
  privateEndpoint,
  legacyVirtualMachine,
  userAssignedIdentity,
  keyVaultAccessPolicy,
  privateDnsZone,
  privateDnsZoneLink,
  virtualMachineExtension,
  netappAccount,
  netappPool,
  netappVolume,
  logAnalyticsWorkspace,
  routeTable,
  keyVaultKey,
  loadBalancer,
  lbBackendAddressPool,
  lbProbe,
  lbRule,
  windowsScaleSet,
  linuxScaleSet,
  storageContainer,
  virtualNetworkPeering,
  mssqlServer,
  route,
  publicIpPrefix,
  firewall,
  applicationGateway,
  applicationInsights,
  containerRegistry,
  aksNodePool,
  managedDisk,
  windowsWebApp,
  linuxFunctionApp,
  windowsFunctionApp,
  mssqlDatabase,
  postgresqlFlexibleServer,
  cosmosdbAccount,
  natGateway,
  bastionHost,
  resourceGroupPolicyAssignment,
  subscriptionPolicyAssignment,
  resourcePolicyAssignment,
  managementGroupPolicyAssignment,
  // Next most used in public modules (measured on the modules named in the report).
  scaleSetExtension,
  dataDiskAttachment,
  privateDnsARecord,
  availabilitySet,
  dnsZone,
  dnsARecord,
  // Most used non-deep type of the public-module sample (issue 13, round two).
  diskEncryptionSet,
];
