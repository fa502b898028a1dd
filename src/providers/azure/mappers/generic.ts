// Every other azurerm_* type: location and tags are on every tracked ARM resource, so they are
// verified for any type whose ID is known (from state); other attributes are not read. A type whose ID
// is not a Resource Manager path (readability.ts) is unreadable: a GET of it would answer 404 for an
// object that exists.
import type { AzureMapper } from './types';
import { trackedAttributes, trackedShape } from './common';
import { azureReadability } from '../readability';

export function genericMapper(type: string): AzureMapper {
  const { readable, why } = azureReadability(type);
  return {
    type,
    armType: '',
    attributes: { ...trackedAttributes },
    map: (arm) => trackedShape(arm),
    ...(readable ? {} : { armId: () => ({ unreadable: `${type} is not read: ${why}` }) }),
  };
}
