// The azurerm types read in depth next, in the order of their use in public Azure modules as
// scripts/bench/azureModuleCoverage.ts counts them (the 11 Azure-maintained module repositories and
// aztfmod's CAF); registry.ts adds them after issue13Mappers.
import type { AzureMapper } from './types';
import { resourceGroupTemplateDeployment, subscriptionTemplateDeployment } from './templateDeployments';
import { firewallPolicy } from './firewallPolicy';
import { logAnalyticsLinkedService, logAnalyticsSolution } from './logAnalyticsChildren';
import { automationAccount } from './automationAccount';
import { applicationSecurityGroup, ddosProtectionPlan, networkWatcher } from './trackedOnly';
import { expressRouteGateway, virtualHub, virtualHubConnection, virtualWan, vpnGateway } from './virtualWan';
import { dnsAaaaRecord, dnsCnameRecord, privateDnsAaaaRecord, privateDnsCnameRecord } from './dnsRecords';
import { lbNatPool, lbNatRule, lbOutboundRule } from './lbNatAndOutbound';
import { containerRegistryScopeMap, containerRegistryToken } from './containerRegistryTokens';
import { storageEncryptionScope } from './storageEncryptionScope';
import { cosmosSqlRoleAssignment } from './cosmosSqlRoleAssignment';
import { dataCollectionRuleAssociation } from './dataCollectionRuleAssociation';
import { nicBackendPoolAssociation, privateEndpointAsgAssociation } from './compositeAssociations';
import { roleDefinition } from './roleDefinition';
import { virtualNetworkDnsServers } from './virtualNetworkDnsServers';
import { managementGroup, managementGroupSubscriptionAssociation } from './managementGroups';

export const moduleCoverageMappers: readonly AzureMapper[] = [
  resourceGroupTemplateDeployment,
  subscriptionTemplateDeployment,
  firewallPolicy,
  logAnalyticsSolution,
  automationAccount,
  ddosProtectionPlan,
  logAnalyticsLinkedService,
  virtualWan,
  virtualHub,
  vpnGateway,
  expressRouteGateway,
  dnsCnameRecord,
  privateDnsCnameRecord,
  applicationSecurityGroup,
  networkWatcher,
  cosmosSqlRoleAssignment,
  dnsAaaaRecord,
  privateDnsAaaaRecord,
  lbNatRule,
  lbOutboundRule,
  lbNatPool,
  storageEncryptionScope,
  virtualHubConnection,
  containerRegistryScopeMap,
  containerRegistryToken,
  dataCollectionRuleAssociation,
  privateEndpointAsgAssociation,
  nicBackendPoolAssociation,
  roleDefinition,
  virtualNetworkDnsServers,
  managementGroup,
  managementGroupSubscriptionAssociation,
];
