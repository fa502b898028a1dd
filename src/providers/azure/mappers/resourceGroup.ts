// azurerm_resource_group ↔ Microsoft.Resources/resourceGroups.
import type { AzureMapper } from './types';
import { resourceGroupId } from '../armId';
import { str, trackedAttributes, trackedShape } from './common';

export const resourceGroup: AzureMapper = {
  type: 'azurerm_resource_group',
  armType: 'Microsoft.Resources/resourceGroups',
  attributes: { ...trackedAttributes, managed_by: { caseInsensitive: true } },
  map(arm) {
    const out = trackedShape(arm);
    delete out.resource_group_name;
    return { ...out, managed_by: str(arm.managedBy) ?? '' };
  },
  deriveId(attrs, subscriptionId) {
    return typeof attrs.name === 'string' && attrs.name ? resourceGroupId(subscriptionId, attrs.name) : undefined;
  },
};
