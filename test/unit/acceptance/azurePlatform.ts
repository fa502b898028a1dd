// The live side of test/fixtures/acceptance/azure (an Azure Verified Modules style platform): bodies
// shaped like the azure-rest-api-specs GET examples, in sync with the code, and the console drift of
// issue 11's "Must show". The node resource group AKS made holds what AKS owns.
import { SUB, aksBody, nsgBody, publicIpBody, resourceGroupBody, securityRule, storageBody, subnetBody, vnetBody } from '../../fakes/arm/examples';
import { asgBody, diagnosticSettingBody, roleAssignmentBody } from '../../fakes/arm/moreExamples';
import { roleDefinitionBody } from '../../fakes/arm/roleDefinitions';
import type { ArmJson, FakeArm } from '../../fakes/arm/server';

const RG = 'rg-platform-prod';
export const NODE_RG = 'MC_rg-platform-prod_aks-platform-prod_westeurope';
const rg = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const net = `${rg}/providers/Microsoft.Network`;
const tags = { environment: 'prod', workload: 'platform' };

export const platformIds = {
  rg,
  vnet: `${net}/virtualNetworks/vnet-platform-prod`,
  aksSubnet: `${net}/virtualNetworks/vnet-platform-prod/subnets/snet-aks`,
  appSubnet: `${net}/virtualNetworks/vnet-platform-prod/subnets/snet-app`,
  asgWeb: `${net}/applicationSecurityGroups/asg-web-platform-prod`,
  asgDb: `${net}/applicationSecurityGroups/asg-db-platform-prod`,
  nsg: `${net}/networkSecurityGroups/nsg-app-platform-prod`,
  storage: `${rg}/providers/Microsoft.Storage/storageAccounts/stplatformassetsprod`,
  aks: `${rg}/providers/Microsoft.ContainerService/managedClusters/aks-platform-prod`,
  roleAssignment: `${rg}/providers/Microsoft.Authorization/roleAssignments/3f2b9c1e-6a7d-4e8f-9b0a-1c2d3e4f5a6b`,
};

/** AgentPools_Get (2024-09-01 example): the pool as its own child resource. */
function agentPoolBody(name: string, o: { mode: 'System' | 'User'; vmSize: string; count: number }): ArmJson {
  return {
    id: `${platformIds.aks}/agentPools/${name}`,
    name,
    type: 'Microsoft.ContainerService/managedClusters/agentPools',
    properties: poolProfile(o),
  };
}

function poolProfile(o: { mode: 'System' | 'User'; vmSize: string; count: number }): Record<string, unknown> {
  return {
    count: o.count,
    vmSize: o.vmSize,
    osDiskSizeGB: 128,
    osDiskType: 'Managed',
    kubeletDiskType: 'OS',
    vnetSubnetID: platformIds.aksSubnet,
    maxPods: 30,
    type: 'VirtualMachineScaleSets',
    availabilityZones: ['1', '2', '3'],
    enableAutoScaling: false,
    provisioningState: 'Succeeded',
    powerState: { code: 'Running' },
    orchestratorVersion: '1.30',
    currentOrchestratorVersion: '1.30.5',
    enableNodePublicIP: false,
    mode: o.mode,
    enableEncryptionAtHost: false,
    osType: 'Linux',
    osSKU: 'Ubuntu',
    nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202410.15.0',
    enableFIPS: false,
  };
}

/** ManagedClusters_Get: the user pool listed first, so only the name finds the default pool. */
function clusterBody(systemCount: number): ArmJson {
  const body = aksBody(RG, 'aks-platform-prod', { version: '1.30', tier: 'Standard' });
  const p = body.properties as Record<string, unknown>;
  p.dnsPrefix = 'aks-platform-prod';
  p.nodeResourceGroup = NODE_RG;
  p.agentPoolProfiles = [
    { name: 'user', ...poolProfile({ mode: 'User', vmSize: 'Standard_D8s_v5', count: 2 }) },
    { name: 'system', ...poolProfile({ mode: 'System', vmSize: 'Standard_D4s_v5', count: systemCount }) },
  ];
  p.networkProfile = { networkPlugin: 'azure', networkPolicy: 'azure', loadBalancerSku: 'standard', serviceCidr: '10.0.0.0/16', dnsServiceIP: '10.0.0.10', outboundType: 'loadBalancer' };
  return { ...body, tags, identity: { type: 'SystemAssigned', principalId: '7d3e1a2b-5c4d-4e6f-8a9b-0c1d2e3f4a5b', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' } };
}

/** What AKS puts in its node resource group, tagged as AKS tags it. */
function aksOwned(type: string, name: string): ArmJson {
  const ns = type.split('/')[0];
  return {
    id: `/subscriptions/${SUB}/resourceGroups/${NODE_RG}/providers/${type}/${name}`,
    name,
    type,
    location: 'westeurope',
    tags: { 'aks-managed-cluster-name': 'aks-platform-prod', 'aks-managed-cluster-rg': RG },
    ...(ns === 'Microsoft.Network' ? { properties: { provisioningState: 'Succeeded' } } : {}),
  };
}

export function seedPlatform(fake: FakeArm): void {
  fake.put(resourceGroupBody(RG, 'westeurope', tags));
  fake.put({ ...resourceGroupBody(NODE_RG, 'westeurope', { 'aks-managed-cluster-name': 'aks-platform-prod', 'aks-managed-cluster-rg': RG }), managedBy: platformIds.aks });

  const aksSubnet = subnetBody(RG, 'vnet-platform-prod', 'snet-aks', '10.10.0.0/22');
  // Created with two prefixes: Subnets_Get answers addressPrefixes and no addressPrefix.
  const appSubnet = subnetBody(RG, 'vnet-platform-prod', 'snet-app', '');
  const app = appSubnet.properties as Record<string, unknown>;
  delete app.addressPrefix;
  app.addressPrefixes = ['10.10.4.0/24', '10.10.5.0/24'];
  fake.put(vnetBody(RG, 'vnet-platform-prod', { addressSpace: ['10.10.0.0/16'], tags, subnets: [aksSubnet, appSubnet] }));
  fake.put(aksSubnet);
  fake.put(appSubnet);

  for (const name of ['asg-web-platform-prod', 'asg-db-platform-prod']) fake.put({ ...asgBody(RG, name), tags });

  // NetworkSecurityGroups_Get with a rule between application security groups (IDs in the service's casing).
  const nsg = nsgBody(RG, 'nsg-app-platform-prod', [], tags);
  const webToDb = securityRule(platformIds.nsg, { name: 'allow-web-to-db', priority: 100, port: '5432' });
  const w = webToDb.properties as Record<string, unknown>;
  delete w.sourceAddressPrefix;
  delete w.destinationAddressPrefix;
  w.sourceApplicationSecurityGroups = [{ id: platformIds.asgWeb.replace('/resourceGroups/', '/resourcegroups/') }];
  w.destinationApplicationSecurityGroups = [{ id: platformIds.asgDb.replace('/resourceGroups/', '/resourcegroups/') }];
  (nsg.properties as Record<string, unknown>).securityRules = [webToDb, securityRule(platformIds.nsg, { name: 'allow-https-from-corp', priority: 110, port: '443', source: '10.0.0.0/8' })];
  fake.put(nsg);

  // StorageAccounts_GetProperties of an account older than allowBlobPublicAccess, with no firewall
  // ever set: both properties absent, so azurerm reads the open defaults (true, Allow).
  const st = storageBody(RG, 'stplatformassetsprod', { sku: 'Standard_ZRS', publicNetwork: 'Disabled', tags });
  const sp = st.properties as Record<string, unknown>;
  delete sp.allowBlobPublicAccess;
  delete sp.networkAcls;
  fake.put(st);

  fake.put(clusterBody(3));
  fake.put(agentPoolBody('system', { mode: 'System', vmSize: 'Standard_D4s_v5', count: 3 }));
  fake.put(agentPoolBody('user', { mode: 'User', vmSize: 'Standard_D8s_v5', count: 2 }));

  fake.put(publicIpBody(NODE_RG, 'pip-ingress-platform-prod'));
  for (const [type, name] of [
    ['Microsoft.Network/loadBalancers', 'kubernetes'],
    ['Microsoft.Network/networkSecurityGroups', 'aks-agentpool-28716415-nsg'],
    ['Microsoft.Network/publicIPAddresses', '4f1f5b5a-6c9e-4d1e-9d3b-2f7c6a1e0b9d'],
    ['Microsoft.Compute/virtualMachineScaleSets', 'aks-system-28716415-vmss'],
    ['Microsoft.Compute/virtualMachineScaleSets', 'aks-user-28716415-vmss'],
    ['Microsoft.ManagedIdentity/userAssignedIdentities', 'aks-platform-prod-agentpool'],
  ]) {
    fake.put(aksOwned(type, name));
  }

  const diag = diagnosticSettingBody(platformIds.aks, 'diag-aks', { logs: [{ category: 'kube-audit-admin', enabled: true }, { category: 'kube-apiserver', enabled: false }] });
  (diag.properties as Record<string, unknown>).storageAccountId = platformIds.storage;
  fake.put(diag);

  fake.put(roleAssignmentBody(rg, '3f2b9c1e-6a7d-4e8f-9b0a-1c2d3e4f5a6b', { principalId: 'ce2ce14e-85d7-4629-bdbc-454d0519d987' }));
  // The built-in role it names (Reader), read for role_definition_name.
  fake.put(roleDefinitionBody('Reader'));
}

/** Console drift: public network access on, an NSG rule widened, a tag changed, the system pool scaled, the role assignment deleted. */
export function applyPlatformConsoleDrift(fake: FakeArm): void {
  const id = platformIds;
  fake.patch(id.storage, (r) => {
    (r.properties as Record<string, unknown>).publicNetworkAccess = 'Enabled';
  });
  fake.patch(id.nsg, (r) => {
    const rule = (r.properties as { securityRules: ArmJson[] }).securityRules.find((x) => x.name === 'allow-https-from-corp')!;
    (rule.properties as Record<string, unknown>).sourceAddressPrefix = '*';
  });
  fake.patch(id.vnet, (r) => {
    r.tags = { ...(r.tags as Record<string, string>), workload: 'legacy' };
  });
  // Scaling in the portal changes the cluster's profile and the pool resource alike.
  fake.patch(id.aks, (r) => {
    const pool = ((r.properties as { agentPoolProfiles: Record<string, unknown>[] }).agentPoolProfiles).find((x) => x.name === 'system')!;
    pool.count = 5;
  });
  fake.patch(`${id.aks}/agentPools/system`, (r) => {
    (r.properties as Record<string, unknown>).count = 5;
  });
  fake.delete(id.roleAssignment);
}
