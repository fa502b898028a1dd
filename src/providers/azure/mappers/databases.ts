// Databases: azurerm_mssql_server ↔ Microsoft.Sql/servers (resourceMsSqlServerRead: minimum_tls_version
// "Disabled" when the API has none, public access true only when "Enabled"), azurerm_mssql_database ↔
// …/databases (resourceMsSqlDatabaseRead: max_size_gb from bytes, storage_account_type from
// requestedBackupStorageRedundancy), azurerm_postgresql_flexible_server ↔ Microsoft.DBforPostgreSQL/flexibleServers
// (resourcePostgresqlFlexibleServerRead: sku_name "<B|GP|MO>_<name>", storage_mb = GB × 1024) and
// azurerm_cosmosdb_account ↔ Microsoft.DocumentDB/databaseAccounts (resourceCosmosDbAccountRead). azurerm 4.x.
// Public access on, TLS lowered, local (key) authentication on: errors.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, at, bool, deriveTracked, exposedWhen, num, str, tlsBelow12, trackedAttributes, trackedShape } from './common';
import { childOf, dropEmptyFields, parentId } from './parentIds';

const isTrue = (v: Value) => v === true;
const tlsWeak = (v: Value) => tlsBelow12(v) || (typeof v === 'string' && v.toLowerCase() === 'disabled');
const isEnabled = (v: unknown) => typeof v === 'string' && v.toLowerCase() === 'enabled';

export const mssqlServer: AzureMapper = {
  type: 'azurerm_mssql_server',
  armType: 'Microsoft.Sql/servers',
  attributes: {
    ...trackedAttributes,
    version: {},
    administrator_login: {},
    minimum_tls_version: { caseInsensitive: true, severity: exposedWhen(tlsWeak) },
    public_network_access_enabled: { severity: exposedWhen(isTrue) },
    outbound_network_restriction_enabled: { severity: exposedWhen((v) => v === false) },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const tls = str(p.minimalTlsVersion);
    return {
      ...trackedShape(arm),
      version: str(p.version) ?? '',
      administrator_login: str(p.administratorLogin) ?? '',
      minimum_tls_version: !tls || tls.toLowerCase() === 'none' ? 'Disabled' : tls,
      public_network_access_enabled: isEnabled(p.publicNetworkAccess),
      outbound_network_restriction_enabled: isEnabled(p.restrictOutboundNetworkAccess),
    };
  },
  deriveId: deriveTracked('Microsoft.Sql/servers'),
};

const GIB = 1024 ** 3;

export const mssqlDatabase: AzureMapper = {
  type: 'azurerm_mssql_database',
  armType: 'Microsoft.Sql/servers/databases',
  attributes: {
    name: { caseInsensitive: true },
    server_id: armIdPolicy,
    sku_name: { caseInsensitive: true },
    max_size_gb: {},
    collation: {},
    zone_redundant: {},
    read_scale: {},
    license_type: { caseInsensitive: true },
    storage_account_type: { caseInsensitive: true },
    min_capacity: {},
    auto_pause_delay_in_minutes: {},
    tags: { severity: 'info' },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const bytes = num(p.maxSizeBytes);
    return {
      name: arm.name,
      server_id: parentId(arm.id),
      // resourceMsSqlDatabaseRead: sku_name is the service objective ("BC_Gen5_2", "S0"), not sku.name ("BC_Gen5", "Standard").
      sku_name: str(p.currentServiceObjectiveName) ?? '',
      max_size_gb: bytes === null ? 0 : bytes / GIB,
      collation: str(p.collation) ?? '',
      zone_redundant: bool(p.zoneRedundant, false),
      read_scale: isEnabled(p.readScale),
      license_type: str(p.licenseType) ?? '',
      storage_account_type: str(p.requestedBackupStorageRedundancy) ?? '',
      min_capacity: num(p.minCapacity) ?? 0,
      auto_pause_delay_in_minutes: num(p.autoPauseDelay) ?? 0,
      tags: { ...(arm.tags ?? {}) },
    };
  },
  // resourceMsSqlDatabaseRead: without licenseType in the answer it keeps license_type from state ("try to set from state").
  unreadAttributes(arm): Record<string, string> {
    return str(arm.properties?.licenseType) === null ? { license_type: 'the service does not return licenseType for this database (azurerm keeps the value from state)' } : {};
  },
  deriveId: childOf('server_id', 'databases'),
};

const TIERS: Record<string, string> = { burstable: 'B', generalpurpose: 'GP', memoryoptimized: 'MO' };

export const postgresqlFlexibleServer: AzureMapper = {
  type: 'azurerm_postgresql_flexible_server',
  armType: 'Microsoft.DBforPostgreSQL/flexibleServers',
  attributes: {
    ...trackedAttributes,
    version: {},
    sku_name: { caseInsensitive: true },
    storage_mb: {},
    storage_tier: { caseInsensitive: true },
    auto_grow_enabled: {},
    backup_retention_days: {},
    geo_redundant_backup_enabled: {},
    zone: {},
    administrator_login: {},
    public_network_access_enabled: { severity: exposedWhen(isTrue) },
    delegated_subnet_id: armIdPolicy,
    private_dns_zone_id: armIdPolicy,
  },
  map(arm) {
    const p = arm.properties ?? {};
    const tier = TIERS[(str(at(arm.sku, 'tier')) ?? '').toLowerCase()];
    const gb = num(at(p, 'storage.storageSizeGB'));
    return {
      ...trackedShape(arm),
      version: str(p.version) ?? '',
      sku_name: tier ? `${tier}_${str(at(arm.sku, 'name')) ?? ''}` : '',
      storage_mb: gb === null ? 0 : gb * 1024,
      storage_tier: str(at(p, 'storage.tier')) ?? '',
      auto_grow_enabled: isEnabled(at(p, 'storage.autoGrow')),
      backup_retention_days: num(at(p, 'backup.backupRetentionDays')) ?? 0,
      geo_redundant_backup_enabled: isEnabled(at(p, 'backup.geoRedundantBackup')),
      zone: str(p.availabilityZone) ?? '',
      administrator_login: str(p.administratorLogin) ?? '',
      public_network_access_enabled: isEnabled(at(p, 'network.publicNetworkAccess')),
      delegated_subnet_id: str(at(p, 'network.delegatedSubnetResourceId')) ?? '',
      private_dns_zone_id: str(at(p, 'network.privateDnsZoneArmResourceId')) ?? '',
    };
  },
  deriveId: deriveTracked('Microsoft.DBforPostgreSQL/flexibleServers'),
};

// Set elements compare whole: zone_redundant false is the schema default, so a block that leaves it out
// must equal a live location that is not zone redundant.
const geoLocations = (v: Value): Value => {
  const out = dropEmptyFields(['location'])(v);
  return Array.isArray(out)
    ? out.map((x) => (x && typeof x === 'object' && !Array.isArray(x) && x.zone_redundant === false ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'zone_redundant')) : x))
    : out;
};

type Location = { locationName?: string; failoverPriority?: number; isZoneRedundant?: boolean };

export const cosmosdbAccount: AzureMapper = {
  type: 'azurerm_cosmosdb_account',
  armType: 'Microsoft.DocumentDB/databaseAccounts',
  attributes: {
    ...trackedAttributes,
    offer_type: { caseInsensitive: true },
    kind: { caseInsensitive: true },
    public_network_access_enabled: { severity: exposedWhen(isTrue) },
    is_virtual_network_filter_enabled: {},
    // A TypeSet of strings built from ipRules (CosmosDBIpRulesToIpRangeFilter). A live range the code lacks,
    // or no rule left at all (no IP filter: every address may connect), widens access.
    ip_range_filter: { set: true, severity: (e, a, extraLive) => (extraLive?.length || (Array.isArray(a) && a.length === 0 && Array.isArray(e) && e.length > 0) ? 'error' : 'warning') },
    // Cosmos DB spells TLS 1.0 "Tls" (then "Tls11", "Tls12"): no digits, so tlsBelow12 alone would miss it.
    minimal_tls_version: { caseInsensitive: true, severity: exposedWhen((v) => tlsBelow12(v) || (typeof v === 'string' && v.toLowerCase() === 'tls')) },
    local_authentication_enabled: { severity: exposedWhen(isTrue) },
    local_authentication_disabled: { severity: exposedWhen((v) => v === false) },
    automatic_failover_enabled: {},
    multiple_write_locations_enabled: {},
    free_tier_enabled: {},
    access_key_metadata_writes_enabled: {},
    consistency_policy: { block: 'list', attributes: { consistency_level: { caseInsensitive: true }, max_interval_in_seconds: {}, max_staleness_prefix: {} } },
    geo_location: { block: 'set', normalize: geoLocations },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const localDisabled = bool(p.disableLocalAuth, false) as boolean;
    return {
      ...trackedShape(arm),
      offer_type: str(p.databaseAccountOfferType) ?? '',
      kind: str(arm.kind) ?? '',
      public_network_access_enabled: isEnabled(p.publicNetworkAccess),
      is_virtual_network_filter_enabled: bool(p.isVirtualNetworkFilterEnabled, false),
      ip_range_filter: ((p.ipRules as { ipAddressOrRange?: string }[] | undefined) ?? []).map((r) => str(r.ipAddressOrRange)).filter((x): x is string => !!x),
      minimal_tls_version: str(p.minimalTlsVersion) ?? '',
      local_authentication_enabled: !localDisabled,
      local_authentication_disabled: localDisabled,
      automatic_failover_enabled: bool(p.enableAutomaticFailover, false),
      multiple_write_locations_enabled: bool(p.enableMultipleWriteLocations, false),
      free_tier_enabled: bool(p.enableFreeTier, false),
      access_key_metadata_writes_enabled: !bool(p.disableKeyBasedMetadataWriteAccess, false),
      consistency_policy: [
        {
          consistency_level: str(at(p, 'consistencyPolicy.defaultConsistencyLevel')) ?? '',
          max_interval_in_seconds: num(at(p, 'consistencyPolicy.maxIntervalInSeconds')) ?? 0,
          max_staleness_prefix: num(at(p, 'consistencyPolicy.maxStalenessPrefix')) ?? 0,
        },
      ],
      geo_location: ((p.locations as Location[] | undefined) ?? []).map((l) => ({
        location: (str(l.locationName) ?? '').replace(/\s+/g, '').toLowerCase(),
        failover_priority: num(l.failoverPriority) ?? 0,
        zone_redundant: bool(l.isZoneRedundant, false),
      })),
    };
  },
  deriveId: deriveTracked('Microsoft.DocumentDB/databaseAccounts'),
};
