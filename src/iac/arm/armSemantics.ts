// How Resource Manager itself compares template values with what a GET returns: which strings are
// case-insensitive (locations, resource IDs, SKU names, enum values), which arrays are ordered, and
// which properties a GET never returns (write-only). Everything not listed here compares exactly,
// so a case-insensitive rule can never hide a real change of a case-sensitive value (a name, a tag
// value, a secret, a hostname).

/** `properties.securityRules[web].properties.access` → `properties.securityRules.properties.access`, lower-cased. */
export function normalizedPath(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '').toLowerCase();
}

function leafOf(path: string): string {
  const p = normalizedPath(path);
  return p.slice(p.lastIndexOf('.') + 1);
}

/**
 * Enum properties of the resource types templates commonly declare (names as in the REST specs'
 * enum definitions, e.g. SecurityRuleAccess, MinimumTlsVersion, FtpsState). Services accept them in
 * any case and answer in their own; the SDK azurerm reads through parses them case-insensitively
 * (hashicorp/go-azure-sdk `resource-manager/…/constants.go`: `parse<Enum>` lower-cases the input).
 */
const ENUM_PROPERTIES = new Set(
  [
    // Microsoft.Network
    'access',
    'direction',
    'protocol',
    'publicIPAllocationMethod',
    'privateIPAllocationMethod',
    'publicIPAddressVersion',
    'privateIPAddressVersion',
    'privateEndpointNetworkPolicies',
    'privateLinkServiceNetworkPolicies',
    'defaultOutboundAccess',
    'nextHopType',
    // Microsoft.Storage, Microsoft.KeyVault (networkAcls)
    'minimumTlsVersion',
    'publicNetworkAccess',
    'defaultAction',
    'bypass',
    'action',
    'accessTier',
    'keySource',
    'keyType',
    'allowedCopyScope',
    'dnsEndpointType',
    'largeFileSharesState',
    'routingChoice',
    // Microsoft.Compute
    'vmSize',
    'storageAccountType',
    'caching',
    'createOption',
    'deleteOption',
    'osType',
    'priority',
    'evictionPolicy',
    'patchMode',
    'assessmentMode',
    // Microsoft.Web (SiteConfig)
    'minTlsVersion',
    'scmMinTlsVersion',
    'ftpsState',
    'managedPipelineMode',
    'loadBalancing',
    'clientCertMode',
    'redundancyMode',
    // Microsoft.ContainerService
    'networkPlugin',
    'networkPolicy',
    'outboundType',
    'loadBalancerSku',
    'mode',
    'osSKU',
    'osDiskType',
  ].map((s) => s.toLowerCase()),
);

export type CaseRule = 'exact' | 'insensitive' | 'location';

/** How a string at `path` compares with the live one. */
export function caseRuleFor(path: string, expected: string): CaseRule {
  const p = normalizedPath(path);
  // Tag keys are case-insensitive (matched when the tag map is read); tag values are not.
  if (p === 'tags' || p.startsWith('tags.')) return 'exact';
  const leaf = leafOf(path);
  // "West Europe" (display name) and "westeurope" (name) are one region; azurerm's location.Normalize does the same.
  if (leaf === 'location' || leaf === 'locations') return 'location';
  // Resource IDs are case-insensitive in Resource Manager (azure-resource-manager-rpc common-api-details.md,
  // "Case Insensitivity for Requests"), and services echo them in their own casing (Azure/azure-cli#8283).
  if (leaf === 'id' || /^\/(subscriptions|providers)\//i.test(expected.trim())) return 'insensitive';
  if (p === 'kind' || p.startsWith('sku.') || p.endsWith('.sku.name') || p.endsWith('.sku.tier') || p.endsWith('.sku.family')) return 'insensitive';
  if (ENUM_PROPERTIES.has(leaf)) return 'insensitive';
  // Key Vault access-policy permissions ("Get" / "get"): enums (KeyPermissions, SecretPermissions…).
  if (/\.permissions\.(keys|secrets|certificates|storage)$/.test(p)) return 'insensitive';
  return 'exact';
}

/** The form of a string under a rule: what two strings must share to be equal. */
export function canonical(rule: CaseRule, s: string): string {
  if (rule === 'location') return s.replace(/\s+/g, '').toLowerCase();
  if (rule === 'insensitive') return s.toLowerCase();
  return s;
}

/**
 * Arrays of plain values or unnamed objects whose order the service keeps and that means something.
 * Every other array is a set: Resource Manager returns `addressPrefixes`, `ipRules`,
 * `virtualNetworkRules`, `zones`, `serviceEndpoints` in no promised order (azurerm: `address_space`
 * is a TypeSet in v4 — resourceVirtualNetworkRead — while `dns_servers` is a TypeList).
 */
const ORDERED_LEAVES = new Set(['dnsservers', 'defaultdocuments', 'virtualapplications', 'ipconfigurations', 'datadisks']);

export function isOrderedArray(path: string): boolean {
  return ORDERED_LEAVES.has(leafOf(path));
}

/**
 * Properties a GET never returns (the specs mark most `x-ms-secret`; VirtualMachines_Get's example
 * has no `adminPassword` or `customData`), or returns only from a call DriftLens does not make.
 * By `type|path` (type `*` for any), paths normalized.
 */
const WRITE_ONLY: Record<string, string> = {
  '*|properties.osprofile.adminpassword': 'write-only: Resource Manager never returns it',
  '*|properties.osprofile.customdata': 'write-only: Resource Manager never returns it',
  '*|properties.osprofile.windowsconfiguration.additionalunattendcontent': 'write-only: Resource Manager never returns it',
  '*|properties.virtualmachineprofile.osprofile.adminpassword': 'write-only: Resource Manager never returns it',
  '*|properties.virtualmachineprofile.osprofile.customdata': 'write-only: Resource Manager never returns it',
  '*|properties.protectedsettings': 'write-only: Resource Manager never returns it',
  '*|properties.protectedsettingsfromkeyvault': 'write-only: Resource Manager never returns it',
  '*|properties.administratorloginpassword': 'write-only: Resource Manager never returns it',
  '*|properties.serviceprincipalprofile.secret': 'write-only: Resource Manager never returns it',
  '*|properties.windowsprofile.adminpassword': 'write-only: Resource Manager never returns it',
  'microsoft.keyvault/vaults/secrets|properties.value': 'write-only: the secret value is read from the vault, not from Resource Manager',
  'microsoft.compute/virtualmachines|properties.userdata': 'returned only with $expand=userData: not read',
  'microsoft.web/sites|properties.siteconfig.appsettings': 'served by POST …/config/appsettings/list: DriftLens makes read (GET) calls only',
  'microsoft.web/sites|properties.siteconfig.connectionstrings': 'served by POST …/config/connectionstrings/list: DriftLens makes read (GET) calls only',
  'microsoft.web/sites/slots|properties.siteconfig.appsettings': 'served by POST …/config/appsettings/list: DriftLens makes read (GET) calls only',
  'microsoft.web/sites/slots|properties.siteconfig.connectionstrings': 'served by POST …/config/connectionstrings/list: DriftLens makes read (GET) calls only',
};

/** Why the property at `path` cannot be verified from a GET, or undefined. */
export function writeOnlyReason(type: string, path: string): string | undefined {
  const p = normalizedPath(path);
  return WRITE_ONLY[`${type.toLowerCase()}|${p}`] ?? WRITE_ONLY[`*|${p}`];
}

/**
 * `Microsoft.Web/sites/config` children a GET does not serve: App Service answers them only through
 * POST …/config/{name}/list (WebApps_ListApplicationSettings, _ListConnectionStrings,
 * _GetAuthSettings, _ListMetadata, _ListSitePushSettings, _ListAzureStorageAccounts, _ListPublishingCredentials), and DriftLens
 * makes GET calls only. `web`, `logs`, `authsettingsV2` have a GET and are compared.
 */
const POST_ONLY_SITE_CONFIG = new Set(['appsettings', 'connectionstrings', 'authsettings', 'metadata', 'pushsettings', 'azurestorageaccounts', 'publishingcredentials']);

/** Why a whole template resource cannot be read with a GET, or undefined. */
export function notReadableByGet(type: string, name: string): string | undefined {
  const t = type.toLowerCase();
  if (t !== 'microsoft.web/sites/config' && t !== 'microsoft.web/sites/slots/config') return undefined;
  const leaf = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  return POST_ONLY_SITE_CONFIG.has(leaf) ? `served by POST …/config/${leaf}/list: DriftLens makes read (GET) calls only` : undefined;
}
