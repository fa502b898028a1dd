// Severity hooks for AWS attributes whose live value can expose a resource. The engine's policy rates
// other configuration a warning; these make the exposed value an error, as the Azure mappers do.
import type { Severity, Value } from '../../model';

/** An error when live is the exposed value and the code asked for something else; a warning otherwise. */
export function exposedWhen(isExposed: (v: Value) => boolean): (expected: Value, actual: Value) => Severity {
  return (expected, actual) => (isExposed(actual) && !isExposed(expected) ? 'error' : 'warning');
}
