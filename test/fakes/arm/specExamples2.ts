// Bodies copied from the azure-rest-api-specs examples of the types issue 13 reads in depth (each
// function names its example file), with the example's subscription, group and names replaced by
// the test's. Read-only fields (provisioningState, etag, fqdn…) are kept: the service sends them.
import type { ArmJson } from './server';
import { SUB } from './examples';

export const rgPath = (rg: string) => `/subscriptions/${SUB}/resourceGroups/${rg}`;

/** ContainerApps_Get (app/resource-manager/Microsoft.App/stable/2024-03-01/examples/ContainerApps_Get.json). */
export function containerAppBody(rg: string, name: string, o: { external?: boolean; targetPort?: number; maxReplicas?: number; image?: string } = {}): ArmJson {
  const env = `${rgPath(rg)}/providers/Microsoft.App/managedEnvironments/demokube`;
  return {
    id: `${rgPath(rg)}/providers/Microsoft.App/containerApps/${name}`,
    name,
    type: 'Microsoft.App/containerApps',
    location: 'East US',
    properties: {
      provisioningState: 'Succeeded',
      managedEnvironmentId: env,
      workloadProfileName: 'My-GP-01',
      latestRevisionFqdn: `${name}-pjxhsye.demokube-t24clv0g.eastus.containerApps.k4apps.io`,
      latestReadyRevisionName: `${name}-pjxhsye`,
      configuration: {
        ingress: {
          fqdn: `${name}.demokube-t24clv0g.eastus.containerApps.k4apps.io`,
          external: o.external ?? true,
          targetPort: o.targetPort ?? 3000,
          transport: 'auto',
          customDomains: [
            { name: 'www.my-name.com', bindingType: 'SniEnabled', certificateId: `${env}/certificates/my-certificate-for-my-name-dot-com` },
            { name: 'www.my--other-name.com', bindingType: 'SniEnabled', certificateId: `${env}/certificates/my-certificate-for-my-other-name-dot-com` },
          ],
          traffic: [
            { weight: 80, revisionName: `${name}-ab1234` },
            { weight: 20, revisionName: `${name}-ab4321`, label: 'staging' },
          ],
          ipSecurityRestrictions: [
            { name: 'Allow work IP A subnet', description: "Allowing all IP's within the subnet below to access containerapp", ipAddressRange: '192.168.1.1/32', action: 'Allow' },
            { name: 'Allow work IP B subnet', description: "Allowing all IP's within the subnet below to access containerapp", ipAddressRange: '192.168.1.1/8', action: 'Allow' },
          ],
          stickySessions: { affinity: 'sticky' },
        },
        dapr: { enabled: true, appPort: 3000, appProtocol: 'http', httpReadBufferSize: 30, httpMaxRequestSize: 10, logLevel: 'debug', enableApiLogging: true },
        maxInactiveRevisions: 10,
        service: { type: 'redis' },
      },
      template: {
        containers: [{ image: o.image ?? `repo/${name}:v4`, name, resources: { cpu: 0.5, memory: '1Gi' } }],
        initContainers: [{ image: `repo/${name}:v4`, name: 'testinitcontainerApp0', resources: { cpu: 0.5, memory: '1Gi' } }],
        scale: { minReplicas: 1, maxReplicas: o.maxReplicas ?? 5, rules: [{ name: 'httpscalingrule', http: { metadata: { concurrentRequests: '50' } } }] },
        serviceBinds: [{ serviceId: `${rgPath(rg)}/providers/Microsoft.App/containerApps/service`, name: 'service' }],
      },
      eventStreamEndpoint: 'testEndpoint',
    },
  };
}

/** PrivateEndpoints_Get (network/…/stable/2024-05-01/examples/PrivateEndpointGet.json). */
export function privateEndpointBody(rg: string, name: string, subnetId: string, targetId: string): ArmJson {
  return {
    name,
    id: `${rgPath(rg)}/providers/Microsoft.Network/privateEndpoints/${name}`,
    type: 'Microsoft.Network/privateEndpoints',
    location: 'eastus',
    properties: {
      provisioningState: 'Succeeded',
      privateLinkServiceConnections: [
        {
          id: `${rgPath(rg)}/providers/Microsoft.Network/privateEndpoints/${name}/privateLinkServiceConnections/plsconnection1`,
          name: 'plsconnection1',
          properties: {
            privateLinkServiceId: targetId,
            groupIds: ['groupIdFromResource'],
            requestMessage: 'Please approve my connection.',
            privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto-approved', actionsRequired: 'None' },
          },
        },
      ],
      manualPrivateLinkServiceConnections: [],
      subnet: { id: subnetId },
      networkInterfaces: [{ id: `${rgPath(rg)}/provders/Microsoft.Network/networkInterfaces/${name}.nic.abcd1234` }],
      customDnsConfigs: [
        { fqdn: 'abc.cosmos.com', ipAddresses: ['192.168.0.4'] },
        { fqdn: 'abc2.cosmos.com', ipAddresses: ['192.168.0.5'] },
      ],
      applicationSecurityGroups: [],
      ipConfigurations: [
        { name: 'pestaticconfig', properties: { groupId: 'file', memberName: 'file', privateIPAddress: '192.168.0.6' } },
        { name: 'pestaticconfig2', properties: { groupId: 'file', memberName: 'file2', privateIPAddress: '192.168.0.7' } },
      ],
      customNetworkInterfaceName: `${name}Nic`,
    },
  };
}

/** RouteTables_Get (network/…/stable/2024-05-01/examples/RouteTableGet.json). */
export function routeTableSpecBody(rg: string, name: string): ArmJson {
  const id = `${rgPath(rg)}/providers/Microsoft.Network/routeTables/${name}`;
  return {
    name,
    id,
    type: 'Microsoft.Network/routeTables',
    location: 'westus',
    properties: {
      provisioningState: 'Succeeded',
      disableBgpRoutePropagation: false,
      routes: [{ name: 'route1', id: `${id}/routes/route1`, properties: { provisioningState: 'Succeeded', addressPrefix: '10.0.3.0/24', nextHopType: 'VirtualNetworkGateway' } }],
    },
  };
}

/** LoadBalancerProbes_Get (network/…/stable/2024-05-01/examples/LoadBalancerProbeGet.json). */
export function lbProbeBody(rg: string, lb: string, name: string): ArmJson {
  const lbId = `${rgPath(rg)}/providers/Microsoft.Network/loadBalancers/${lb}`;
  return {
    name,
    id: `${lbId}/probes/${name}`,
    etag: 'W/"00000000-0000-0000-0000-000000000000"',
    type: 'Microsoft.Network/loadBalancers/probes',
    properties: {
      provisioningState: 'Succeeded',
      protocol: 'Http',
      port: 80,
      requestPath: 'healthcheck.aspx',
      intervalInSeconds: 15,
      numberOfProbes: 2,
      probeThreshold: 1,
      loadBalancingRules: [{ id: `${lbId}/loadBalancingRules/rulelb` }],
    },
  };
}

/** A load balancer holding the probe (the parent the fake needs; shaped like LoadBalancerGet.json, trimmed). */
export function lbBody(rg: string, name: string): ArmJson {
  return { name, id: `${rgPath(rg)}/providers/Microsoft.Network/loadBalancers/${name}`, type: 'Microsoft.Network/loadBalancers', location: 'eastus', sku: { name: 'Standard', tier: 'Regional' }, properties: { provisioningState: 'Succeeded', frontendIPConfigurations: [] } };
}

/** VirtualNetworkPeerings_Get (network/…/stable/2024-05-01/examples/VirtualNetworkPeeringGet.json); the example leaves out `type`, which the service sends. */
export function peeringBody(rg: string, vnet: string, name: string, remoteId: string): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.Network/virtualNetworks/${vnet}/virtualNetworkPeerings/${name}`,
    name,
    type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    properties: {
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: false,
      remoteVirtualNetwork: { id: remoteId },
      remoteAddressSpace: { addressPrefixes: ['12.0.0.0/8'] },
      remoteVirtualNetworkAddressSpace: { addressPrefixes: ['12.0.0.0/8'] },
      remoteBgpCommunities: { virtualNetworkCommunity: '12076:20002', regionalCommunity: '12076:50004' },
      peeringState: 'Initiated',
      peeringSyncLevel: 'FullyInSync',
      provisioningState: 'Succeeded',
    },
  };
}

/** BastionHosts_Get (network/…/stable/2024-05-01/examples/BastionHostGet.json). */
export function bastionBody(rg: string, name: string, subnetId: string, pipId: string): ArmJson {
  const id = `${rgPath(rg)}/providers/Microsoft.Network/bastionHosts/${name}`;
  return {
    name,
    id,
    type: 'Microsoft.Network/bastionHosts',
    etag: 'w/\\00000000-0000-0000-0000-000000000000\\',
    location: 'West US',
    tags: { key1: 'value1' },
    sku: { name: 'Standard' },
    zones: [],
    properties: {
      provisioningState: 'Succeeded',
      dnsName: 'bst-9d89d361-100e-4c01-b92d-466548c476dc.bastion.azure.com',
      scaleUnits: 2,
      disableCopyPaste: false,
      enableTunneling: false,
      enableIpConnect: false,
      enableShareableLink: false,
      enableKerberos: false,
      enableSessionRecording: false,
      enablePrivateOnlyBastion: false,
      ipConfigurations: [
        {
          name: 'bastionHostIpConfiguration',
          id: `${id}/bastionHostIpConfigurations/bastionHostIpConfiguration`,
          type: 'Microsoft.Network/bastionHosts/bastionHostIpConfigurations',
          properties: { provisioningState: 'Succeeded', privateIPAllocationMethod: 'Dynamic', subnet: { id: subnetId }, publicIPAddress: { id: pipId } },
        },
      ],
    },
  };
}

/** Secrets_Get (keyvault/…/Microsoft.KeyVault/stable/2023-07-01/examples/getSecret.json): no value, ever. */
export function secretBody(vaultId: string, name: string, o: { exp?: number; contentType?: string; tags?: Record<string, string> } = {}): ArmJson {
  const vault = vaultId.split('/').pop();
  return {
    id: `${vaultId}/secrets/${name}`,
    name,
    type: 'Microsoft.KeyVault/vaults/secrets',
    location: 'westus',
    ...(o.tags ? { tags: o.tags } : {}),
    properties: {
      attributes: { enabled: true, created: 1514940950, updated: 1514940950, ...(o.exp ? { exp: o.exp } : {}) },
      ...(o.contentType ? { contentType: o.contentType } : {}),
      secretUri: `https://${vault}.vault.azure.net/secrets/${name}`,
      secretUriWithVersion: `https://${vault}.vault.azure.net/secrets/${name}/77445834f7de41bab81d0723bf996860`,
    },
  };
}

/** Registries_Get (containerregistry/…/stable/2023-07-01/examples/RegistryGet.json). */
export function registryBody(rg: string, name: string, o: { admin?: boolean; publicNetwork?: string } = {}): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.ContainerRegistry/registries/${name}`,
    name,
    type: 'Microsoft.ContainerRegistry/registries',
    location: 'westus',
    tags: { key: 'value' },
    sku: { name: 'Standard', tier: 'Standard' },
    properties: {
      loginServer: `${name}.azurecr-test.io`,
      creationDate: '2021-06-15T21:38:26.1537861Z',
      provisioningState: 'Succeeded',
      adminUserEnabled: o.admin ?? false,
      networkRuleSet: { defaultAction: 'Allow', ipRules: [] },
      policies: {
        quarantinePolicy: { status: 'disabled' },
        trustPolicy: { type: 'Notary', status: 'disabled' },
        retentionPolicy: { days: 7, lastUpdatedTime: '2021-06-15T21:40:12.8506835+00:00', status: 'disabled' },
        exportPolicy: { status: 'enabled' },
      },
      encryption: { status: 'disabled' },
      status: null,
      dataEndpointEnabled: false,
      dataEndpointHostNames: [],
      privateEndpointConnections: [],
      publicNetworkAccess: o.publicNetwork ?? 'Enabled',
      networkRuleBypassOptions: 'AzureServices',
      zoneRedundancy: 'Disabled',
    },
  };
}

/** UserAssignedIdentities_Get (msi/…/stable/2023-01-31/examples/IdentityGet.json): the service lower-cases `resourcegroups`. */
export function identityBody(rg: string, name: string): ArmJson {
  return {
    id: `/subscriptions/${SUB}/resourcegroups/${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`,
    location: 'eastus',
    name,
    properties: { clientId: '4024ab25-56a8-4370-aea6-6389221caf29', principalId: '25cc773c-7f05-40fc-a104-32d2300754ad', tenantId: 'b6c948ef-f6b5-4384-8354-da3a15eca969' },
    tags: { key1: 'value1', key2: 'value2' },
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
  };
}

/** PolicyAssignments_Get (resources/…/Microsoft.Authorization/stable/2022-06-01/examples/getPolicyAssignment.json). */
export function policyAssignmentBody(scope: string, name: string, o: { enforcementMode?: string; suffix?: string } = {}): ArmJson {
  return {
    properties: {
      displayName: 'Enforce resource naming rules',
      description: 'Force resource names to begin with given DeptA and end with -LC',
      metadata: { assignedBy: 'Special Someone' },
      policyDefinitionId: `${scope}/providers/Microsoft.Authorization/policyDefinitions/ResourceNaming`,
      notScopes: [],
      parameters: { prefix: { value: 'DeptA' }, suffix: { value: o.suffix ?? '-LC' } },
      enforcementMode: o.enforcementMode ?? 'Default',
      scope,
    },
    id: `${scope}/providers/Microsoft.Authorization/policyAssignments/${name}`,
    type: 'Microsoft.Authorization/policyAssignments',
    name,
  };
}

/**
 * ApplicationGateways_Get, trimmed to the gateway-wide settings DriftLens reads (the spec's
 * ApplicationGatewaySku, ApplicationGatewaySslPolicy and ApplicationGatewayWebApplicationFirewallConfiguration
 * shapes; the listener, pool and rule collections are left empty).
 */
export function applicationGatewayBody(rg: string, name: string, o: { minTls?: string; wafMode?: string } = {}): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.Network/applicationGateways/${name}`,
    name,
    type: 'Microsoft.Network/applicationGateways',
    location: 'eastus',
    zones: ['1', '2', '3'],
    properties: {
      provisioningState: 'Succeeded',
      operationalState: 'Running',
      sku: { name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 },
      sslPolicy: { policyType: 'Custom', minProtocolVersion: o.minTls ?? 'TLSv1_2', cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'] },
      enableHttp2: true,
      webApplicationFirewallConfiguration: { enabled: true, firewallMode: o.wafMode ?? 'Prevention', ruleSetType: 'OWASP', ruleSetVersion: '3.2', disabledRuleGroups: [], requestBodyCheck: true, maxRequestBodySizeInKb: 128, fileUploadLimitInMb: 100 },
      gatewayIPConfigurations: [],
      frontendIPConfigurations: [],
      frontendPorts: [],
      backendAddressPools: [],
      backendHttpSettingsCollection: [],
      httpListeners: [],
      requestRoutingRules: [],
    },
  };
}
