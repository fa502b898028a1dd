// Every other azurerm_* type: location and tags are on every tracked ARM resource, so they are
// verified for any type whose ID is known (from state); other attributes are not read.
import type { AzureMapper } from './types';
import { trackedAttributes, trackedShape } from './common';

export function genericMapper(type: string): AzureMapper {
  return {
    type,
    armType: '',
    attributes: { ...trackedAttributes },
    map: (arm) => trackedShape(arm),
  };
}
