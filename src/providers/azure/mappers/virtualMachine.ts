// azurerm_linux_virtual_machine and azurerm_windows_virtual_machine ↔ Microsoft.Compute/virtualMachines.
// Absent properties read as resourceLinuxVirtualMachineRead / resourceWindowsVirtualMachineRead (azurerm 4.x,
// compute/*_virtual_machine_resource.go): d.Set of a nil *bool is false, a VM without zones has zone "".
// network_interface_ids is a TypeList there: its order (the first is primary) matters.
import type { AzureMapper } from './types';
import { armIdListPolicy, at, bool, deriveTracked, exposedWhen, num, str, trackedAttributes, trackedShape } from './common';
import type { ArmResource } from './types';
import type { Value } from '../../../model';

function vmShape(arm: ArmResource): Record<string, Value> {
  const p = arm.properties ?? {};
  const osDisk = (at(p, 'storageProfile.osDisk') ?? {}) as Record<string, unknown>;
  const image = at(p, 'storageProfile.imageReference') as Record<string, unknown> | undefined;
  const nics = (at(p, 'networkProfile.networkInterfaces') as { id?: string }[] | undefined) ?? [];
  return {
    ...trackedShape(arm),
    size: str(at(p, 'hardwareProfile.vmSize')) ?? '',
    admin_username: str(at(p, 'osProfile.adminUsername')) ?? '',
    computer_name: str(at(p, 'osProfile.computerName')) ?? '',
    zone: str(arm.zones?.[0]) ?? '',
    network_interface_ids: nics.map((n) => str(n.id)).filter((x): x is string => !!x),
    os_disk: [
      {
        // flattenVirtualMachineOSDisk (compute/virtual_machine.go): absent strings "", absent size 0.
        name: str(osDisk.name) ?? '',
        caching: str(osDisk.caching) ?? '',
        storage_account_type: str(at(osDisk, 'managedDisk.storageAccountType')) ?? '',
        disk_size_gb: num(osDisk.diskSizeGB) ?? 0,
        write_accelerator_enabled: bool(osDisk.writeAcceleratorEnabled, false),
      },
    ],
    source_image_reference: image
      ? [{ publisher: str(image.publisher), offer: str(image.offer), sku: str(image.sku), version: str(image.version) }]
      : [],
  };
}

const vmAttributes = {
  ...trackedAttributes,
  size: { caseInsensitive: true },
  admin_username: {},
  computer_name: {},
  zone: {},
  network_interface_ids: armIdListPolicy,
  os_disk: { block: 'list' as const, attributes: { caching: { caseInsensitive: true }, storage_account_type: { caseInsensitive: true } } },
  source_image_reference: { block: 'list' as const },
};

export const linuxVirtualMachine: AzureMapper = {
  type: 'azurerm_linux_virtual_machine',
  armType: 'Microsoft.Compute/virtualMachines',
  attributes: { ...vmAttributes, disable_password_authentication: { severity: exposedWhen((a) => a === false) } },
  map(arm) {
    return { ...vmShape(arm), disable_password_authentication: bool(at(arm.properties, 'osProfile.linuxConfiguration.disablePasswordAuthentication'), false) };
  },
  deriveId: deriveTracked('Microsoft.Compute/virtualMachines'),
};

export const windowsVirtualMachine: AzureMapper = {
  type: 'azurerm_windows_virtual_machine',
  armType: 'Microsoft.Compute/virtualMachines',
  attributes: { ...vmAttributes, enable_automatic_updates: {}, automatic_updates_enabled: {} },
  map(arm) {
    const updates = bool(at(arm.properties, 'osProfile.windowsConfiguration.enableAutomaticUpdates'), false);
    return { ...vmShape(arm), enable_automatic_updates: updates, automatic_updates_enabled: updates };
  },
  deriveId: deriveTracked('Microsoft.Compute/virtualMachines'),
};
