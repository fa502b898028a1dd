// azurerm_linux_virtual_machine_scale_set and azurerm_windows_virtual_machine_scale_set ↔
// Microsoft.Compute/virtualMachineScaleSets. Read as resourceLinuxVirtualMachineScaleSetRead /
// resourceWindowsVirtualMachineScaleSetRead (azurerm 4.x, compute/*_virtual_machine_scale_set_resource.go):
// sku and instances from `sku`, nil bools false, priority "Regular" when the API leaves it out (not Spot),
// upgrade_mode from upgradePolicy.mode.
import type { AzureMapper } from './types';
import { at, bool, deriveTracked, num, str, strings, trackedAttributes, trackedShape } from './common';

function scaleSet(type: string): AzureMapper {
  return {
    type,
    armType: 'Microsoft.Compute/virtualMachineScaleSets',
    attributes: {
      ...trackedAttributes,
      sku: { caseInsensitive: true },
      instances: {},
      upgrade_mode: { caseInsensitive: true },
      overprovision: {},
      single_placement_group: {},
      platform_fault_domain_count: {},
      zone_balance: {},
      zones: { set: true },
      admin_username: {},
      computer_name_prefix: {},
      priority: { caseInsensitive: true },
      encryption_at_host_enabled: {},
    },
    map(arm) {
      const p = arm.properties ?? {};
      const vm = (p.virtualMachineProfile ?? {}) as Record<string, unknown>;
      return {
        ...trackedShape(arm),
        sku: str(at(arm.sku, 'name')) ?? '',
        instances: num(at(arm.sku, 'capacity')) ?? 0,
        upgrade_mode: str(at(p, 'upgradePolicy.mode')) ?? '',
        overprovision: bool(p.overprovision, false),
        single_placement_group: bool(p.singlePlacementGroup, false),
        platform_fault_domain_count: num(p.platformFaultDomainCount) ?? 0,
        zone_balance: bool(p.zoneBalance, false),
        zones: strings(arm.zones),
        admin_username: str(at(vm, 'osProfile.adminUsername')) ?? '',
        computer_name_prefix: str(at(vm, 'osProfile.computerNamePrefix')) ?? '',
        priority: str(vm.priority) || 'Regular',
        encryption_at_host_enabled: bool(at(vm, 'securityProfile.encryptionAtHost'), false),
      };
    },
    deriveId: deriveTracked('Microsoft.Compute/virtualMachineScaleSets'),
  };
}

export const linuxScaleSet = scaleSet('azurerm_linux_virtual_machine_scale_set');
export const windowsScaleSet = scaleSet('azurerm_windows_virtual_machine_scale_set');
