// Bodies for ARM-template accuracy tests, shaped like the azure-rest-api-specs examples:
// WebApps_Get (Microsoft.Web/stable/2023-01-01/examples/GetWebApp.json) — but with `siteConfig`
// mostly null, as the live service answers a GET of the site —, WebApps_GetConfiguration
// (GetSiteConfig.json), BlobServices_GetServiceProperties (Microsoft.Storage/stable/2023-01-01/
// examples/BlobServicesGet.json).
import type { ArmJson } from './server';
import { SUB } from './examples';

const rgPath = (rg: string) => `/subscriptions/${SUB}/resourceGroups/${rg}`;

export interface SiteConfigInput {
  minTlsVersion?: string;
  ftpsState?: string;
  alwaysOn?: boolean;
}

/** The site and its `config/web` sub-resource. */
export function siteBodies(rg: string, name: string, o: SiteConfigInput & { httpsOnly?: boolean } = {}): [ArmJson, ArmJson] {
  const id = `${rgPath(rg)}/providers/Microsoft.Web/sites/${name}`;
  const site: ArmJson = {
    id,
    name,
    type: 'Microsoft.Web/sites',
    kind: 'app,linux',
    location: 'West Europe',
    tags: {},
    properties: {
      state: 'Running',
      hostNames: [`${name}.azurewebsites.net`],
      repositorySiteName: name,
      usageState: 'Normal',
      enabled: true,
      enabledHostNames: [`${name}.azurewebsites.net`, `${name}.scm.azurewebsites.net`],
      availabilityState: 'Normal',
      serverFarmId: `${rgPath(rg)}/providers/Microsoft.Web/serverfarms/${name}-plan`,
      reserved: true,
      isXenon: false,
      hyperV: false,
      lastModifiedTimeUtc: '2024-03-04T17:33:11.641Z',
      vnetRouteAllEnabled: false,
      // The site GET leaves siteConfig's settings null: WebApps_GetConfiguration serves them.
      siteConfig: {
        numberOfWorkers: 1,
        defaultDocuments: null,
        netFrameworkVersion: null,
        linuxFxVersion: 'NODE|20-lts',
        alwaysOn: false,
        http20Enabled: false,
        minTlsVersion: null,
        scmMinTlsVersion: null,
        ftpsState: null,
        appSettings: null,
        connectionStrings: null,
      },
      scmSiteAlsoStopped: false,
      clientAffinityEnabled: false,
      clientCertEnabled: false,
      clientCertMode: 'Required',
      hostNamesDisabled: false,
      outboundIpAddresses: '70.37.102.201,20.225.43.144',
      containerSize: 0,
      dailyMemoryTimeQuota: 0,
      resourceGroup: rg,
      defaultHostName: `${name}.azurewebsites.net`,
      httpsOnly: o.httpsOnly ?? true,
      redundancyMode: 'None',
      publicNetworkAccess: 'Enabled',
    },
  };
  const config: ArmJson = {
    id: `${id}/config/web`,
    name: 'web',
    type: 'Microsoft.Web/sites/config',
    kind: 'app,linux',
    location: 'West Europe',
    properties: {
      numberOfWorkers: 1,
      defaultDocuments: ['Default.htm', 'Default.html', 'index.html', 'hostingstart.html'],
      netFrameworkVersion: 'v4.0',
      phpVersion: '',
      pythonVersion: '',
      nodeVersion: '',
      linuxFxVersion: 'NODE|20-lts',
      requestTracingEnabled: false,
      remoteDebuggingEnabled: false,
      httpLoggingEnabled: false,
      logsDirectorySizeLimit: 35,
      detailedErrorLoggingEnabled: false,
      use32BitWorkerProcess: true,
      webSocketsEnabled: false,
      alwaysOn: o.alwaysOn ?? true,
      appCommandLine: '',
      managedPipelineMode: 'Integrated',
      virtualApplications: [{ virtualPath: '/', physicalPath: 'site\\wwwroot', preloadEnabled: false }],
      loadBalancing: 'LeastRequests',
      autoHealEnabled: false,
      vnetRouteAllEnabled: false,
      http20Enabled: false,
      minTlsVersion: o.minTlsVersion ?? '1.2',
      scmMinTlsVersion: '1.2',
      ftpsState: o.ftpsState ?? 'FtpsOnly',
      functionAppScaleLimit: 0,
      minimumElasticInstanceCount: 0,
      // As in GetSiteConfig.json: app settings are not in this answer (POST …/config/appsettings/list serves them).
      azureStorageAccounts: {},
    },
  };
  return [site, config];
}

/** `…/storageAccounts/{name}/blobServices/default`. */
export function blobServicesBody(rg: string, account: string, o: { deleteDays?: number; deleteEnabled?: boolean; versioning?: boolean } = {}): ArmJson {
  return {
    id: `${rgPath(rg)}/providers/Microsoft.Storage/storageAccounts/${account}/blobServices/default`,
    name: 'default',
    type: 'Microsoft.Storage/storageAccounts/blobServices',
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    properties: {
      cors: { corsRules: [] },
      deleteRetentionPolicy: { enabled: o.deleteEnabled ?? true, days: o.deleteDays ?? 7 },
      isVersioningEnabled: o.versioning ?? true,
      changeFeed: { enabled: false },
    },
  };
}
