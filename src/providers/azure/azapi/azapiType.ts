// The `type` argument of azapi resources, `<namespace>/<type>[/<child>…]@<api-version>`, and the ARM ID
// azapi builds from it with `parent_id` + `name` (azapi internal/services/parse/resource.go,
// NewResourceID: a child of the parent's own type is `<parent>/<child>/<name>`, anything else
// `<parent>/providers/<type>/<name>`; resource groups hang on a subscription as `resourceGroups/<name>`).
import type { Value } from '../../../model';

export interface AzapiType {
  /** `Microsoft.App/containerApps`. */
  armType: string;
  apiVersion: string;
}

export function parseAzapiType(v: Value | undefined): AzapiType | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^([A-Za-z0-9.]+\/[A-Za-z0-9./]+)@(\d{4}-\d{2}-\d{2}(?:-[A-Za-z]+)?)$/.exec(v.trim());
  return m ? { armType: m[1], apiVersion: m[2] } : undefined;
}

/** The ARM type an ID names: `Microsoft.Network/virtualNetworks/subnets` for a subnet; undefined for scopes. */
function typeOfId(id: string): string | undefined {
  const segs = id.split('/').filter(Boolean);
  const i = segs.map((s) => s.toLowerCase()).lastIndexOf('providers');
  if (i < 0 || segs.length < i + 4) return undefined;
  const rest = segs.slice(i + 2);
  return [segs[i + 1], ...rest.filter((_, k) => k % 2 === 0)].join('/');
}

export function azapiResourceId(parentId: string, name: string, armType: string): string {
  const parent = parentId.replace(/\/+$/, '');
  if (armType.toLowerCase() === 'microsoft.resources/resourcegroups') return `${parent}/resourceGroups/${name}`;
  const cut = armType.lastIndexOf('/');
  const parentType = typeOfId(parent);
  // Child of the parent resource's own type (subnets of a virtual network, containers of a blob service).
  if (parentType && parentType.toLowerCase() === armType.slice(0, cut).toLowerCase()) return `${parent}/${armType.slice(cut + 1)}/${name}`;
  return `${parent}/providers/${armType}/${name}`;
}
