// Resources in the resource groups the code manages that no code declares. Resources a service or
// another resource owns (a VM's OS disk: `managedBy`, AKS node groups, Network Watcher) are left out,
// or listed with their owner when asked (`includeServiceManaged`).
import type { FetchContext, UnmanagedResource } from '../../model';
import { armIdKey, parseArmId } from './armId';
import type { ApiVersionCache } from './apiVersions';
import type { ArmClient } from './client';
import { classifyArmError } from './errors';
import { createLimiter } from '../limiter';
import { azurermTypeOf } from './mappers/registry';
import { serviceOwner } from './serviceManaged';

export interface UnmanagedListing {
  unmanaged: UnmanagedResource[];
  /** One line per resource group that could not be listed (never turned into "unmanaged" or "missing"). */
  errors: string[];
}

/** The resource groups (as IDs) that hold these resources; resource groups themselves count as their own. */
export function managedResourceGroups(ids: Iterable<string>): string[] {
  const out = new Map<string, string>();
  for (const raw of ids) {
    const id = parseArmId(raw);
    if (!id?.resourceGroup) continue;
    const rg = `/subscriptions/${id.subscriptionId}/resourceGroups/${id.resourceGroup}`;
    out.set(armIdKey(rg), rg);
  }
  return [...out.values()];
}

export async function listUnmanaged(
  client: ArmClient,
  resourceGroupIds: string[],
  declaredIds: Iterable<string>,
  ctx: FetchContext,
  includeServiceManaged = false,
  versions?: ApiVersionCache,
): Promise<UnmanagedListing> {
  const declared = new Set([...declaredIds].map(armIdKey));
  const unmanaged: UnmanagedResource[] = [];
  const errors: string[] = [];
  const limit = createLimiter(4);
  await Promise.all(
    resourceGroupIds.map((rgId) =>
      limit(async () => {
        const rg = parseArmId(rgId);
        if (!rg?.resourceGroup) return;
        try {
          const items = await client.listByResourceGroup(rg.subscriptionId, rg.resourceGroup, ctx.signal);
          const groupOwner = versions ? await resourceGroupOwner(client, versions, rgId, ctx) : undefined;
          for (const r of items) {
            if (!r.id || declared.has(armIdKey(r.id))) continue;
            const owner = serviceOwner(r) ?? groupOwner;
            if (owner && !includeServiceManaged) continue;
            unmanaged.push({ type: azurermTypeOf(r.type) ?? r.type, liveId: r.id, region: r.location, name: r.name, ...(owner ? { managedBy: owner } : {}) });
          }
        } catch (err) {
          const f = classifyArmError(err, 'Microsoft.Resources/subscriptions/resourceGroups/resources', false);
          errors.push(`resource group ${rg.resourceGroup}: ${f.reason ?? 'could not be listed'}`);
        }
      }),
    ),
  );
  unmanaged.sort((a, b) => a.liveId.localeCompare(b.liveId));
  return { unmanaged, errors };
}

/**
 * A resource group another resource owns (`managedBy`: an AKS cluster's node resource group, whatever
 * its name; a managed application's group) owns everything in it. A failed GET only loses this hint.
 */
async function resourceGroupOwner(client: ArmClient, versions: ApiVersionCache, rgId: string, ctx: FetchContext): Promise<string | undefined> {
  const rg = parseArmId(rgId);
  if (!rg) return undefined;
  try {
    const version = await versions.versionFor(rg.subscriptionId, 'Microsoft.Resources', 'resourceGroups', ctx.signal);
    const body = await client.getById(rgId, version, ctx.signal);
    return typeof body?.managedBy === 'string' && body.managedBy ? `resource group ${rg.resourceGroup} is managed by ${body.managedBy}` : undefined;
  } catch (err) {
    ctx.logger.debug(`azure: owner of resource group ${rg.resourceGroup} not read (${classifyArmError(err, 'Microsoft.Resources/resourceGroups', false).reason})`);
    return undefined;
  }
}
