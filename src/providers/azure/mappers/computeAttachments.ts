// More compute types: azurerm_virtual_machine_scale_set_extension ↔ …/virtualMachineScaleSets/extensions
// (resourceVirtualMachineScaleSetExtensionRead), azurerm_virtual_machine_data_disk_attachment — an entry of the
// VM's storageProfile.dataDisks, ID `<vm id>/dataDisks/<disk name>`, read through the VM and dropped from state
// when the VM no longer holds it (resourceVirtualMachineDataDiskAttachmentRead) — and azurerm_availability_set
// ↔ Microsoft.Compute/availabilitySets (resourceAvailabilitySetRead: managed when sku is "Aligned").
// azurerm 4.x compute/*_resource.go; nil pointers read "" / 0 / false.
import type { ArmResource, AzureMapper } from './types';
import { armIdPolicy, at, bool, deriveTracked, num, str, trackedAttributes, trackedShape } from './common';
import { extensionAttributes, extensionFields } from './extensionShape';
import { childOf, parentId } from './parentIds';

export const scaleSetExtension: AzureMapper = {
  type: 'azurerm_virtual_machine_scale_set_extension',
  armType: 'Microsoft.Compute/virtualMachineScaleSets/extensions',
  attributes: { ...extensionAttributes, virtual_machine_scale_set_id: armIdPolicy, force_update_tag: {} },
  map(arm) {
    const p = arm.properties ?? {};
    return { ...extensionFields(arm.name, p), virtual_machine_scale_set_id: parentId(arm.id), force_update_tag: str(p.forceUpdateTag) ?? '' };
  },
  deriveId: childOf('virtual_machine_scale_set_id', 'extensions'),
};

type DataDisk = { name?: string; lun?: number; caching?: string; createOption?: string; writeAcceleratorEnabled?: boolean; managedDisk?: { id?: string } };

function diskOf(arm: ArmResource, stateId: string | undefined): DataDisk | undefined {
  const name = /\/dataDisks\/([^/]+)\/?$/i.exec(stateId ?? '')?.[1]?.toLowerCase();
  const disks = (at(arm.properties, 'storageProfile.dataDisks') as DataDisk[] | undefined) ?? [];
  return name ? disks.find((d) => (d.name ?? '').toLowerCase() === name) : undefined;
}

export const dataDiskAttachment: AzureMapper = {
  type: 'azurerm_virtual_machine_data_disk_attachment',
  armType: 'Microsoft.Compute/virtualMachines',
  coverageNote: 'read through its virtual machine: the storageProfile.dataDisks entry of its disk',
  attributes: { virtual_machine_id: armIdPolicy, managed_disk_id: armIdPolicy, lun: {}, caching: { caseInsensitive: true }, create_option: { caseInsensitive: true }, write_accelerator_enabled: {} },
  armId(stateId) {
    const i = stateId.toLowerCase().lastIndexOf('/datadisks/');
    return i > 0 ? stateId.slice(0, i) : { unreadable: `"${stateId}" is not "<virtual machine id>/dataDisks/<disk name>"` };
  },
  absentReason: (arm, stateId) => (diskOf(arm, stateId) ? undefined : `virtual machine ${arm.name} has no such data disk attached`),
  map(arm, _extras, _declared, stateId) {
    const d = diskOf(arm, stateId);
    return {
      virtual_machine_id: arm.id,
      managed_disk_id: str(d?.managedDisk?.id) ?? '',
      lun: num(d?.lun) ?? 0,
      caching: str(d?.caching) ?? '',
      create_option: str(d?.createOption) ?? '',
      write_accelerator_enabled: bool(d?.writeAcceleratorEnabled, false),
    };
  },
  deriveId(attrs) {
    const { virtual_machine_id: vm, managed_disk_id: disk } = attrs;
    return typeof vm === 'string' && vm && typeof disk === 'string' && disk ? `${vm.replace(/\/+$/, '')}/dataDisks/${disk.split('/').pop()}` : undefined;
  },
};

export const availabilitySet: AzureMapper = {
  type: 'azurerm_availability_set',
  armType: 'Microsoft.Compute/availabilitySets',
  attributes: { ...trackedAttributes, platform_update_domain_count: {}, platform_fault_domain_count: {}, managed: {}, proximity_placement_group_id: armIdPolicy },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      ...trackedShape(arm),
      platform_update_domain_count: num(p.platformUpdateDomainCount) ?? 0,
      platform_fault_domain_count: num(p.platformFaultDomainCount) ?? 0,
      managed: (str(at(arm.sku, 'name')) ?? '').toLowerCase() === 'aligned',
      proximity_placement_group_id: str(at(p, 'proximityPlacementGroup.id')) ?? '',
    };
  },
  deriveId: deriveTracked('Microsoft.Compute/availabilitySets'),
};
