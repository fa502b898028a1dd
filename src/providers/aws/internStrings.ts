// The attributes mapped from thousands of API objects repeat the same strings ("default", "enabled", an AMI, a
// subnet or group ID, an availability zone), each its own copy from the XML parser. One fetch keeps one copy of
// each (issue 15: a tenth of the live results' heap at 10,000 instances).
import type { Value } from '../../model';

/** The first copy of each string seen during one fetch. */
export type StringTable = Map<string, string>;

/** `value` with each string replaced by the table's copy, arrays and objects changed in place. */
export function internStrings<T extends Value>(value: T, table: StringTable): T {
  if (typeof value === 'string') return intern(value, table) as T;
  if (value === null || typeof value !== 'object') return value;
  // Always written: two copies of a string compare equal, so which one a slot holds cannot be tested.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = internStrings(value[i], table);
  } else {
    for (const key of Object.keys(value)) value[key] = internStrings(value[key], table);
  }
  return value;
}

function intern(s: string, table: StringTable): string {
  const kept = table.get(s);
  if (kept !== undefined) return kept;
  table.set(s, s);
  return s;
}
