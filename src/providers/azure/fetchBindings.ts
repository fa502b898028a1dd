// Fetching bindings in few calls: bindings are grouped by the collection they are listed in
// (`…/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts`) and api-version; a group of
// several is answered by one paged list GET, and only what the list lacks is asked for by ID
// (so "not found" always comes from a GET of that very ID).
import type { Binding, FetchContext, LiveResult } from '../../model';
import { ApiVersionCache, UnknownTypeError } from './apiVersions';
import { armIdKey, collectionPath, parseArmId, parseTenantScopeId, type ArmId } from './armId';
import type { ArmClient } from './client';
import { classifyArmError } from './errors';
import { createLimiter } from '../limiter';
import { mapperFor } from './mappers/registry';
import type { ArmResource, AzureMapper } from './mappers/types';
import { withTemplateSubResources } from './templateSubResources';

export interface FetchTuning {
  concurrency: number;
  /** A collection holding at least this many bindings is listed in one call. */
  listThreshold: number;
}

interface Planned {
  binding: Binding;
  id: ArmId;
  /** Undefined for ARM-template bindings: their attributes are the raw resource. */
  mapper?: AzureMapper;
  /** The template's own api-version (ARM templates); otherwise discovered. */
  apiVersion?: string;
}

/** An ARM-template binding: its type is the ARM type and it carries the template's api-version. */
export function isArmTemplateBinding(b: Binding): boolean {
  return b.type.includes('/') && typeof b.providerConfig.settings.apiVersion === 'string';
}

export async function fetchBindings(client: ArmClient, versions: ApiVersionCache, bindings: Binding[], ctx: FetchContext, tuning: FetchTuning): Promise<Map<Binding, LiveResult>> {
  const results = new Map<Binding, LiveResult>();
  const groups = new Map<string, Planned[]>();
  for (const binding of bindings) {
    const template = isArmTemplateBinding(binding);
    const mapper = template ? undefined : mapperFor(binding.type);
    if (!template && !mapper) {
      results.set(binding, { status: 'error', kind: 'unsupported', reason: `no Azure mapper for ${binding.type}` });
      continue;
    }
    // The ID azurerm keeps in state is not always the ARM path to GET (`<target>|<name>`, `<nic>|<nsg>`).
    const target = mapper?.armId ? mapper.armId(binding.liveId, binding.declared) : binding.liveId;
    if (typeof target !== 'string') {
      results.set(binding, { status: 'error', kind: 'unsupported', reason: target.unreadable });
      continue;
    }
    // azapi names its api-version per resource (`type = "…@2024-03-01"`); some azurerm types pin azurerm's own.
    const pinned = mapper?.apiVersionOf?.(binding.declared) ?? mapper?.apiVersion;
    // Management-group scope only with a pinned api-version: there is no subscription to discover one in.
    const id = parseArmId(target) ?? (pinned && mapper ? parseTenantScopeId(target) : undefined);
    if (!id) {
      results.set(binding, { status: 'error', kind: 'unsupported', reason: unparsedReason(binding.liveId) });
      continue;
    }
    const planned: Planned = template
      ? { binding, id, apiVersion: binding.providerConfig.settings.apiVersion as string }
      : { binding, id, mapper, ...(pinned ? { apiVersion: pinned } : {}) };
    const key = `${armIdKey(collectionPath(id))}|${planned.apiVersion ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), planned]);
  }

  const limit = createLimiter(tuning.concurrency);
  const total = bindings.length;
  const answer = (b: Binding, r: LiveResult) => {
    results.set(b, r);
    ctx.progress?.({ done: results.size, total });
  };

  await Promise.all(
    [...groups.values()].map(async (group) => {
      const first = group[0].id;
      let apiVersion = group[0].apiVersion;
      if (!apiVersion) {
        try {
          apiVersion = await limit(() => versions.versionFor(first.subscriptionId, first.namespace, first.resourceType, ctx.signal));
        } catch (err) {
          const failure: LiveResult =
            err instanceof UnknownTypeError ? { status: 'error', kind: 'unsupported', reason: err.message } : discoveryFailure(err, first.namespace);
          for (const p of group) answer(p.binding, failure);
          return;
        }
      }
      const version = apiVersion;
      let listed: Map<string, ArmResource> | undefined;
      if (group.length >= tuning.listThreshold) {
        try {
          const items = await limit(() => client.listCollection(collectionPath(first), version, ctx.signal));
          // An item without `properties` is a thinner list shape than GET returns: ask for it by ID instead.
          listed = new Map(items.filter((r) => typeof r?.id === 'string' && isObject(r.properties)).map((r) => [armIdKey(r.id), r]));
        } catch (err) {
          ctx.logger.debug(`azure: listing ${first.fullType} failed (${classifyArmError(err, first.fullType, false).reason}); asking by ID`);
        }
      }
      await Promise.all(
        group.map(async (p) => {
          if (ctx.signal.aborted) return answer(p.binding, { status: 'error', kind: 'cancelled', reason: 'cancelled' });
          answer(p.binding, await fetchOne(client, p, version, listed?.get(armIdKey(p.id.id)), ctx, limit));
        }),
      );
    }),
  );
  return results;
}

async function fetchOne(
  client: ArmClient,
  p: Planned,
  apiVersion: string,
  fromList: ArmResource | undefined,
  ctx: FetchContext,
  limit: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<LiveResult> {
  try {
    const arm = fromList ?? (await limit(() => client.getById(p.id.id, apiVersion, ctx.signal)));
    // ARM templates: the raw resource, with properties another endpoint serves read there.
    if (!p.mapper) return await withTemplateSubResources(arm, p.binding, (path) => limit(() => client.getById(`${p.id.id}/${path}`, apiVersion, ctx.signal)));
    // The parent answered, and says the association (or other child property) is gone: azurerm's read drops it too.
    const absent = p.mapper.absentReason?.(arm, p.binding.liveId);
    if (absent) return { status: 'not-found', reason: absent };
    const extras: Record<string, ArmResource | undefined> = {};
    for (const extra of p.mapper.extras ?? []) {
      if (!extra.when.some((a) => p.binding.declaredAttributes.includes(a))) continue;
      extras[extra.path] = await limit(() => client.getById(`${p.id.id}/${extra.path}`, apiVersion, ctx.signal));
    }
    const unreadable = { ...(p.mapper.unreadAttributes?.(arm) ?? {}), ...(await fetchRelated(client, p, arm, extras, ctx, limit)) };
    const attributes = p.mapper.map(arm, extras, p.binding.declared, p.binding.liveId);
    return Object.keys(unreadable).length ? { status: 'found', attributes, unreadable } : { status: 'found', attributes };
  } catch (err) {
    return classifyArmError(err, p.id.fullType);
  }
}

/** The mapper's `related` GETs for declared attributes into `extras`; a failure makes only those attributes unreadable. */
async function fetchRelated(
  client: ArmClient,
  p: Planned,
  arm: ArmResource,
  extras: Record<string, ArmResource | undefined>,
  ctx: FetchContext,
  limit: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<Record<string, string>> {
  const unreadable: Record<string, string> = {};
  for (const r of p.mapper?.related ?? []) {
    const wanted = r.when.filter((a) => p.binding.declaredAttributes.includes(a));
    if (wanted.length === 0) continue;
    const id = r.id(arm);
    let why: string | undefined;
    if (!id) why = `the resource names no ${r.key}`;
    else {
      try {
        extras[r.key] = await limit(() => client.getById(id, r.apiVersion, ctx.signal));
      } catch (err) {
        const c = classifyArmError(err, r.permission.replace(/\/read$/, ''));
        // A cancelled scan stays cancelled; anything else spoils only the attributes that needed this read.
        if (c.status === 'error' && c.kind === 'cancelled') throw err;
        why = c.status === 'error' && c.kind === 'access-denied' ? `cannot read ${id}: ${r.permission} is missing` : `reading ${id}: ${c.reason ?? 'not found'}`;
      }
    }
    if (why) for (const a of wanted) unreadable[a] = why;
  }
  return unreadable;
}

/** Why an ID cannot be read: a scope above any subscription, or not an ARM ID at all. Never "missing". */
function unparsedReason(liveId: string): string {
  if (/^\/providers\/Microsoft\./i.test(liveId)) {
    return `"${liveId}" is at management-group or tenant scope, which DriftLens reads only for the management-group types it knows`;
  }
  if (liveId.includes('|')) return `"${liveId}" is a composite state ID that DriftLens does not resolve for this type`;
  return `"${liveId}" is not an Azure Resource Manager ID DriftLens can read`;
}

function discoveryFailure(err: unknown, namespace: string): LiveResult {
  const r = classifyArmError(err, `Microsoft.Resources/subscriptions/providers`, false);
  if (r.status === 'not-found') return { status: 'error', kind: 'other', reason: `resource provider ${namespace}: ${r.reason ?? 'not found'}` };
  return r.status === 'error' && r.kind === 'access-denied'
    ? { ...r, reason: `cannot read resource provider ${namespace}: ${r.action} is missing` }
    : r;
}

function isObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
