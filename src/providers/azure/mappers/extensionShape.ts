// The attributes a VM extension and a scale-set extension share, and how both reads set them
// (resourceVirtualMachineExtensionsRead, resourceVirtualMachineScaleSetExtensionRead, azurerm 4.x compute/):
// nil strings "", nil bools false, provision_after_extensions a list, `settings` the JSON of the object
// (protected_settings are write-only: never returned, never read).
import type { Value } from '../../../model';
import type { AttributePolicy } from './types';
import { bool, str, strings } from './common';
import { jsonStringPolicy } from './parentIds';

export const extensionAttributes: Record<string, AttributePolicy> = {
  name: { caseInsensitive: true },
  publisher: { caseInsensitive: true },
  type: { caseInsensitive: true },
  type_handler_version: {},
  auto_upgrade_minor_version: {},
  automatic_upgrade_enabled: {},
  failure_suppression_enabled: {},
  provision_after_extensions: {},
  // A JSON string in the schema; the GET answers the object.
  settings: jsonStringPolicy,
};

/** The shared attributes from an extension's `properties`. */
export function extensionFields(name: string, p: Record<string, unknown>): Record<string, Value> {
  const settings = p.settings;
  return {
    name,
    publisher: str(p.publisher) ?? '',
    type: str(p.type) ?? '',
    type_handler_version: str(p.typeHandlerVersion) ?? '',
    auto_upgrade_minor_version: bool(p.autoUpgradeMinorVersion, false),
    automatic_upgrade_enabled: bool(p.enableAutomaticUpgrade, false),
    failure_suppression_enabled: bool(p.suppressFailures, false),
    provision_after_extensions: strings(p.provisionAfterExtensions),
    settings: settings && typeof settings === 'object' ? JSON.stringify(settings) : '',
  };
}
