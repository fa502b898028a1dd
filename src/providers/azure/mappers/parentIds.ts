// IDs of child and extension resources: the parent's ID an azurerm child keeps in an attribute
// (`virtual_machine_id`, `loadbalancer_id`, `server_id`), and the name of one segment of an ID.
import type { Value } from '../../../model';
import type { AttributePolicy } from './types';

/** `<parent>/<segment>/<name>` from the parent-ID attribute and `name`, for code without state. */
export function childOf(parentAttr: string, segment: string) {
  return (attrs: Record<string, Value | undefined>): string | undefined => {
    const parent = attrs[parentAttr];
    const name = attrs.name;
    return typeof parent === 'string' && parent && typeof name === 'string' && name ? `${parent.replace(/\/+$/, '')}/${segment}/${name}` : undefined;
  };
}

/** The ID without its last `levels` type/name pairs: a child's parent. */
export function parentId(id: string, levels = 1): string {
  return id.replace(/\/+$/, '').split('/').slice(0, -2 * levels).join('/');
}

/** The name after `segment` (case-insensitive) in an ID: `virtualNetworks` → the network's name. */
export function nameAfter(id: string, segment: string): string | null {
  const parts = id.split('/');
  const i = parts.findIndex((p) => p.toLowerCase() === segment.toLowerCase());
  return i >= 0 && i + 1 < parts.length ? parts[i + 1] : null;
}

/** Unix seconds (Key Vault attributes) as azurerm writes dates: RFC 3339 without fractions; absent "". */
export function rfc3339(seconds: unknown): string {
  return typeof seconds === 'number' ? new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : '';
}

/** A JSON string attribute (`settings = jsonencode({...})`): compared as the JSON it holds, not its spacing or key order. */
export const jsonStringPolicy: AttributePolicy = { normalize: (v) => canonicalJson(v), ordered: true };

function canonicalJson(v: Value): Value {
  if (typeof v !== 'string' || v.trim() === '') return v === null ? '' : v;
  try {
    return JSON.stringify(sortKeys(JSON.parse(v) as Value));
  } catch {
    return v;
  }
}

function sortKeys(v: Value): Value {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

/** Block elements (TypeSet of blocks) with "" / null fields dropped: an unwritten optional field is not a difference. */
export function dropEmptyFields(lowerKeys: string[] = []) {
  return (v: Value): Value =>
    Array.isArray(v)
      ? v.map((x) =>
          x && typeof x === 'object' && !Array.isArray(x)
            ? Object.fromEntries(Object.entries(x).filter(([, y]) => y !== '' && y !== null).map(([k, y]) => [k, lowerKeys.includes(k) && typeof y === 'string' ? y.toLowerCase() : y]))
            : x,
        )
      : v;
}
