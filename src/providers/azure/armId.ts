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
  /** For an extension resource (diagnostic setting, lock, role assignment on a resource): the ID it extends. */
  scope?: string;
}

/** Parses an ARM resource ID; undefined when it is not one (a subscription alone is not a resource). */
export function parseArmId(raw: string): ArmId | undefined {
  const id = raw.trim().replace(/\/+$/, '');
  const parts = id.split('/');
  // `a|b` is a composite azurerm state ID (association, diagnostic setting), never one ARM path.
  if (id.includes('|')) return undefined;
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
  // `providers/NS/type/name[/type/name…]`, possibly followed by an extension resource on it
  // (`…/providers/Microsoft.Insights/diagnosticSettings/x`, a lock or role assignment at any scope):
  // the resource is the one after the last `providers/NS`, its scope everything before.
  let last: { at: number; namespace: string; rest: string[] } | undefined;
  while (i < parts.length) {
    if (parts[i]?.toLowerCase() !== 'providers' || !parts[i + 1]) return undefined;
    let j = i + 2;
    const rest: string[] = [];
    while (j < parts.length && !(parts[j].toLowerCase() === 'providers' && (j - i) % 2 === 0)) rest.push(parts[j++]);
    // type/name pairs: `virtualNetworks/vnet1/subnets/a`.
    if (rest.length < 2 || rest.length % 2 !== 0 || rest.some((p) => p === '')) return undefined;
    last = { at: i, namespace: parts[i + 1], rest };
    i = j;
  }
  if (!last) return undefined;
  const types: string[] = [];
  for (let k = 0; k < last.rest.length; k += 2) types.push(last.rest[k]);
  const resourceType = types.join('/');
  const scope = parts.slice(0, last.at).join('/');
  const extension = last.at !== (resourceGroup ? 5 : 3);
  return {
    id,
    subscriptionId,
    resourceGroup,
    namespace: last.namespace,
    resourceType,
    fullType: `${last.namespace}/${resourceType}`,
    name: last.rest[last.rest.length - 1],
    ...(extension ? { scope } : {}),
  };
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

/**
 * An ID at tenant or management-group scope (`/providers/Microsoft.Management/managementGroups/mg`, an extension
 * resource on it): parsed like a subscription-level ID, with no subscription. Read only by mappers that pin their
 * api-version (there is no subscription whose providers list to discover one from).
 */
export function parseTenantScopeId(raw: string): ArmId | undefined {
  const id = raw.trim().replace(/\/+$/, '');
  if (!/^\/providers\//i.test(id)) return undefined;
  const prefix = '/subscriptions/_';
  const parsed = parseArmId(`${prefix}${id}`);
  if (!parsed) return undefined;
  const scope = parsed.scope?.slice(prefix.length);
  return { ...parsed, id, subscriptionId: '', ...(scope ? { scope } : {}) };
}
