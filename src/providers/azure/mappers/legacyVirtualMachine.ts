// azurerm_virtual_machine (the legacy resource) ↔ Microsoft.Compute/virtualMachines. Read as
// resourceVirtualMachineRead (azurerm 4.x, legacy/virtual_machine_resource.go): network_interface_ids a
// TypeList, zones a list, nil strings "". The OS profile's secrets are write-only and not read.
import type { AzureMapper } from './types';
import { armIdListPolicy, armIdPolicy, at, deriveTracked, str, strings, trackedAttributes, trackedShape } from './common';

type Nic = { id?: string; properties?: { primary?: boolean } };

export const legacyVirtualMachine: AzureMapper = {
  type: 'azurerm_virtual_machine',
  armType: 'Microsoft.Compute/virtualMachines',
  attributes: {
    ...trackedAttributes,
    vm_size: { caseInsensitive: true },
    network_interface_ids: armIdListPolicy,
    primary_network_interface_id: armIdPolicy,
    availability_set_id: armIdPolicy,
    proximity_placement_group_id: armIdPolicy,
    license_type: {},
    zones: { set: true },
  },
  map(arm) {
    const p = arm.properties ?? {};
    const nics = ((at(p, 'networkProfile.networkInterfaces') as Nic[] | undefined) ?? []).filter((n) => typeof n.id === 'string');
    return {
      ...trackedShape(arm),
      vm_size: str(at(p, 'hardwareProfile.vmSize')) ?? '',
      network_interface_ids: nics.map((n) => n.id as string),
      primary_network_interface_id: nics.find((n) => n.properties?.primary)?.id ?? '',
      availability_set_id: str(at(p, 'availabilitySet.id')) ?? '',
      proximity_placement_group_id: str(at(p, 'proximityPlacementGroup.id')) ?? '',
      license_type: str(p.licenseType) ?? '',
      zones: strings(arm.zones),
    };
  },
  deriveId: deriveTracked('Microsoft.Compute/virtualMachines'),
};
