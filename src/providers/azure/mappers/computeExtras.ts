// Compute resources around virtual machines: azurerm_virtual_machine_extension (resourceVirtualMachineExtensionsRead),
// azurerm_managed_disk (resourceManagedDiskRead) and azurerm_user_assigned_identity (Microsoft.ManagedIdentity,
// tracked attributes only: its other attributes are computed), azurerm 4.x compute/*_resource.go and
// managedidentity/user_assigned_identity_resource.go. Nil pointers read "" / 0 / false as those reads set them.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { armIdPolicy, at, deriveTracked, enabled, exposedWhen, num, str, strings, trackedAttributes, trackedShape } from './common';
import { extensionAttributes, extensionFields } from './extensionShape';
import { childOf, parentId } from './parentIds';

export const userAssignedIdentity: AzureMapper = {
  type: 'azurerm_user_assigned_identity',
  armType: 'Microsoft.ManagedIdentity/userAssignedIdentities',
  attributes: { ...trackedAttributes },
  map: (arm) => trackedShape(arm),
  deriveId: deriveTracked('Microsoft.ManagedIdentity/userAssignedIdentities'),
};

export const virtualMachineExtension: AzureMapper = {
  type: 'azurerm_virtual_machine_extension',
  armType: 'Microsoft.Compute/virtualMachines/extensions',
  attributes: { ...extensionAttributes, virtual_machine_id: armIdPolicy, tags: { severity: 'info' } },
  map(arm) {
    return { ...extensionFields(arm.name, arm.properties ?? {}), virtual_machine_id: parentId(arm.id), tags: { ...(arm.tags ?? {}) } };
  },
  deriveId: childOf('virtual_machine_id', 'extensions'),
};

const isAllowAll = (v: Value) => typeof v === 'string' && v.toLowerCase() === 'allowall';

export const managedDisk: AzureMapper = {
  type: 'azurerm_managed_disk',
  armType: 'Microsoft.Compute/disks',
  attributes: {
    ...trackedAttributes,
    storage_account_type: { caseInsensitive: true },
    create_option: { caseInsensitive: true },
    image_reference_id: armIdPolicy,
    gallery_image_reference_id: armIdPolicy,
    disk_size_gb: {},
    disk_iops_read_write: {},
    disk_mbps_read_write: {},
    os_type: { caseInsensitive: true },
    tier: {},
    max_shares: {},
    zone: {},
    hyper_v_generation: { caseInsensitive: true },
    network_access_policy: { caseInsensitive: true, severity: exposedWhen(isAllowAll) },
    public_network_access_enabled: { severity: exposedWhen((v) => v === true) },
    disk_encryption_set_id: armIdPolicy,
  },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      storage_account_type: str(at(arm.sku, 'name')) ?? '',
      create_option: str(at(p, 'creationData.createOption')) ?? '',
      // resourceManagedDiskRead: imageReference is returned with galleryImageReference too; the gallery one wins.
      gallery_image_reference_id: str(at(p, 'creationData.galleryImageReference.id')) ?? '',
      image_reference_id: at(p, 'creationData.galleryImageReference.id') ? '' : (str(at(p, 'creationData.imageReference.id')) ?? ''),
      disk_size_gb: num(p.diskSizeGB) ?? 0,
      disk_iops_read_write: num(p.diskIOPSReadWrite) ?? 0,
      disk_mbps_read_write: num(p.diskMBpsReadWrite) ?? 0,
      os_type: str(p.osType) ?? '',
      tier: str(p.tier) ?? '',
      max_shares: num(p.maxShares) ?? 0,
      zone: strings(arm.zones)[0] ?? '',
      hyper_v_generation: str(p.hyperVGeneration) ?? '',
      network_access_policy: str(p.networkAccessPolicy) ?? '',
      // The read dereferences publicNetworkAccess; the service always answers it (Enabled by default).
      public_network_access_enabled: enabled(p.publicNetworkAccess),
      disk_encryption_set_id: str(at(p, 'encryption.diskEncryptionSetId')) ?? '',
    };
  },
  deriveId: deriveTracked('Microsoft.Compute/disks'),
};
