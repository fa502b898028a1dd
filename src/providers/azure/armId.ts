// Azure Resource Manager IDs: parsing, case-insensitive keys, and the collection a resource is
// listed in. ARM treats IDs case-insensitively, so every comparison goes through `armIdKey`.

export interface ArmId {
  /** The ID as given, without a trailing slash. */
  id: string;
  subscriptionId: string;
  resourceGroup?: string;
  /** `Microsoft.Network`; `Microsoft.Resources` for resource groups. */
  namespace: string;
  /** Type path inside the namespace: `virtualNetworks/subnets`, `resourceGroups`. */
  resourceType: string;
  /** Full type: `Microsoft.Network/virtualNetworks/subnets`. */
  fullType: string;
  /** The last name segment. */
  name: string;
}

/** Parses an ARM resource ID; undefined when it is not one (a subscription alone is not a resource). */
export function parseArmId(raw: string): ArmId | undefined {
  const id = raw.trim().replace(/\/+$/, '');
  const parts = id.split('/');
  if (parts[0] !== '' || parts.length < 3 || parts[1].toLowerCase() !== 'subscriptions' || !parts[2]) return undefined;
  const subscriptionId = parts[2];
  let i = 3;
  let resourceGroup: string | undefined;
  if (parts[i]?.toLowerCase() === 'resourcegroups') {
    resourceGroup = parts[i + 1];
    if (!resourceGroup) return undefined;
    i += 2;
    if (i === parts.length) {
      return { id, subscriptionId, resourceGroup, namespace: 'Microsoft.Resources', resourceType: 'resourceGroups', fullType: 'Microsoft.Resources/resourceGroups', name: resourceGroup };
    }
  }
  if (parts[i]?.toLowerCase() !== 'providers' || !parts[i + 1]) return undefined;
  const namespace = parts[i + 1];
  const rest = parts.slice(i + 2);
  // type/name pairs: `virtualNetworks/vnet1/subnets/a`.
  if (rest.length < 2 || rest.length % 2 !== 0 || rest.some((p) => p === '')) return undefined;
  const types: string[] = [];
  for (let k = 0; k < rest.length; k += 2) types.push(rest[k]);
  const resourceType = types.join('/');
  return { id, subscriptionId, resourceGroup, namespace, resourceType, fullType: `${namespace}/${resourceType}`, name: rest[rest.length - 1] };
}

/** The key two IDs of the same resource share, whatever their casing. */
export function armIdKey(id: string): string {
  return id.trim().replace(/\/+$/, '').toLowerCase();
}

export function sameArmId(a: string, b: string): boolean {
  return armIdKey(a) === armIdKey(b);
}

/** The collection the resource is listed in: its ID without the final name (`…/storageAccounts`). */
export function collectionPath(id: ArmId): string {
  return id.id.slice(0, id.id.length - id.name.length - 1);
}

/** The ID as a URL path, each segment percent-encoded (names may hold characters a URL reserves). */
export function armIdPath(id: string): string {
  return id
    .replace(/^\/+/, '')
    .split('/')
    .map((s) => encodeURIComponent(decodeSegment(s)))
    .join('/');
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

/** `/subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/NAME` (and children). */
export function resourceId(subscriptionId: string, resourceGroup: string, fullType: string, names: string[]): string {
  const [namespace, ...types] = fullType.split('/');
  const pairs = types.map((t, i) => `${t}/${names[i]}`).join('/');
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/${namespace}/${pairs}`;
}
