// Azure NetApp Files: azurerm_netapp_account ↔ Microsoft.NetApp/netAppAccounts (tracked attributes),
// azurerm_netapp_pool ↔ …/capacityPools (resourceNetAppPoolRead: size_in_tb from bytes, qos_type "Auto"
// when absent) and azurerm_netapp_volume ↔ …/volumes (resourceNetAppVolumeRead: storage_quota_in_gb from
// usageThreshold bytes, protocols a set, volume_path the creation token). azurerm 4.x netapp/*_resource.go.
import type { AzureMapper } from './types';
import { armIdPolicy, bool, deriveTracked, num, str, strings, trackedAttributes, trackedShape } from './common';
import { nameAfter } from './parentIds';

const TIB = 1024 ** 4;
const GIB = 1024 ** 3;

export const netappAccount: AzureMapper = {
  type: 'azurerm_netapp_account',
  armType: 'Microsoft.NetApp/netAppAccounts',
  attributes: { ...trackedAttributes },
  map: (arm) => trackedShape(arm),
  deriveId: deriveTracked('Microsoft.NetApp/netAppAccounts'),
};

export const netappPool: AzureMapper = {
  type: 'azurerm_netapp_pool',
  armType: 'Microsoft.NetApp/netAppAccounts/capacityPools',
  attributes: {
    ...trackedAttributes,
    account_name: { caseInsensitive: true },
    service_level: { caseInsensitive: true },
    size_in_tb: {},
    qos_type: { caseInsensitive: true },
    encryption_type: { caseInsensitive: true },
    cool_access_enabled: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    const size = num(p.size);
    return {
      ...trackedShape(arm),
      name: arm.name.split('/').pop() ?? arm.name,
      account_name: nameAfter(arm.id, 'netAppAccounts'),
      service_level: str(p.serviceLevel) ?? '',
      size_in_tb: size === null ? 0 : Math.floor(size / TIB),
      qos_type: str(p.qosType) || 'Auto',
      encryption_type: str(p.encryptionType) ?? '',
      cool_access_enabled: bool(p.coolAccess, false),
    };
  },
  deriveId: deriveTracked('Microsoft.NetApp/netAppAccounts/capacityPools', ['account_name']),
};

export const netappVolume: AzureMapper = {
  type: 'azurerm_netapp_volume',
  armType: 'Microsoft.NetApp/netAppAccounts/capacityPools/volumes',
  attributes: {
    ...trackedAttributes,
    account_name: { caseInsensitive: true },
    pool_name: { caseInsensitive: true },
    volume_path: {},
    service_level: { caseInsensitive: true },
    subnet_id: armIdPolicy,
    protocols: { set: true },
    storage_quota_in_gb: {},
    network_features: { caseInsensitive: true },
    security_style: { caseInsensitive: true },
    snapshot_directory_visible: {},
    throughput_in_mibps: {},
    zone: {},
  },
  map(arm) {
    const p = arm.properties ?? {};
    const quota = num(p.usageThreshold);
    return {
      ...trackedShape(arm),
      name: arm.name.split('/').pop() ?? arm.name,
      account_name: nameAfter(arm.id, 'netAppAccounts'),
      pool_name: nameAfter(arm.id, 'capacityPools'),
      volume_path: str(p.creationToken) ?? '',
      service_level: str(p.serviceLevel) ?? '',
      subnet_id: str(p.subnetId) ?? '',
      protocols: strings(p.protocolTypes),
      storage_quota_in_gb: quota === null ? 0 : Math.floor(quota / GIB),
      network_features: str(p.networkFeatures) ?? '',
      security_style: str(p.securityStyle) ?? '',
      snapshot_directory_visible: bool(p.snapshotDirectoryVisible, false),
      throughput_in_mibps: num(p.throughputMibps) ?? 0,
      zone: strings(arm.zones)[0] ?? '',
    };
  },
  deriveId: deriveTracked('Microsoft.NetApp/netAppAccounts/capacityPools/volumes', ['account_name', 'pool_name']),
};
