// One resource instance's verdict from its desired attributes and what the provider saw:
// in-sync / drifted (compare) / missing (only a per-ID not-found) / unverified (anything we could not see).
import type { LiveResult, ResourceResult, ScanSummary, TypeSchema, UnmanagedResource, Value } from '../model';
import type { ResolvedInstance } from './resolve';
import type { DesiredBody } from './desired';
import { compareResource, SENSITIVE } from './compare';
import { withLiveAtIgnoredPaths } from './ignoreChanges';
import { isSensitive } from '../iac/terraform/evalValue';
import { maskedValue, maskLike, maskSensitiveValue } from '../iac/sensitive';

export function unverifiedResult(inst: ResolvedInstance, reason: string): ResourceResult {
  return base(inst, 'unverified', reason);
}

export function resultFor(inst: ResolvedInstance, live: LiveResult, schema: TypeSchema | undefined): ResourceResult {
  if (live.status === 'not-found') return base(inst, 'missing', live.reason ?? 'not found');
  if (live.status === 'error') return base(inst, 'unverified', live.reason);
  // Paths below the top that `ignore_changes` lists take the live value, as Terraform plans them with the prior one.
  const desired = withLiveAtIgnoredPaths(inst.desired, live.attributes, schema?.attributes, inst.ignoreChanges);
  const compared = compareResource(inst.resource.type, desired, live.attributes, schema, live.unreadable, { file: inst.resource.file, range: inst.resource.headerRange });
  // What Terraform itself ignores (ignore_tags, ignore_changes keys) is not drift either.
  const ignored = (attribute: string) => inst.ignored?.(attribute) ?? false;
  const drifts = compared.drifts.filter((d) => !ignored(d.attribute));
  const unverified = compared.unverified.filter((u) => !ignored(u.attribute));
  return {
    ...base(inst, drifts.length > 0 ? 'drifted' : 'in-sync'),
    drifts,
    unverifiedAttributes: unverified,
    desired: desiredMap(inst.resource.type, '', desired, schema),
    live: liveMap(inst.resource.type, desired, live.attributes, schema),
  };
}

function base(inst: ResolvedInstance, status: ResourceResult['status'], reason?: string): ResourceResult {
  return {
    address: inst.address,
    type: inst.resource.type,
    provider: inst.providerConfig.alias ? `${inst.providerConfig.provider}.${inst.providerConfig.alias}` : inst.providerConfig.provider,
    resource: inst.resource,
    liveId: inst.liveId,
    status,
    ...(reason ? { reason } : {}),
    drifts: [],
    unverifiedAttributes: [],
  };
}

/**
 * The desired attributes as plain values for the diff view; unknown ones are left out. Masked: what the
 * mapper's schema marks, a sensitive value, and what the provider schemas' list / the name heuristic name.
 */
function desiredMap(type: string, at: string, desired: DesiredBody, schema: TypeSchema | undefined): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [name, entry] of desired.entries) {
    const path = at ? `${at}.${name}` : name;
    if (entry.kind === 'attribute') {
      const v = maskedValue(entry.value);
      if (v === undefined) continue;
      out[name] = schema?.attributes[name]?.sensitive ? SENSITIVE : maskSensitiveValue(type, path, v);
    } else if (entry.kind === 'blocks') {
      out[name] = entry.blocks.map((b) => desiredMap(type, path, b, undefined));
    }
  }
  return out;
}

/** The live attributes the code declares (the rest is "don't care"); masked as their desired side is, and by name. */
function liveMap(type: string, desired: DesiredBody, live: Record<string, Value>, schema: TypeSchema | undefined): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [name, entry] of desired.entries) {
    if (!(name in live)) continue;
    const secret = schema?.attributes[name]?.sensitive || (entry.kind === 'blocks' && entry.blocks.some(bodySensitive));
    out[name] = secret ? SENSITIVE : maskSensitiveValue(type, name, entry.kind === 'attribute' ? maskLike(entry.value, live[name]) : live[name]);
  }
  return out;
}

/** A block whose code uses a sensitive value: its live counterpart is masked whole. */
function bodySensitive(body: DesiredBody): boolean {
  return [...body.entries.values()].some((e) => (e.kind === 'attribute' ? isSensitive(e.value) : e.kind === 'blocks' && e.blocks.some(bodySensitive)));
}

export function summarize(resources: ResourceResult[], unmanaged: UnmanagedResource[]): ScanSummary {
  const s: ScanSummary = { resources: resources.length, inSync: 0, drifted: 0, missing: 0, unverified: 0, unmanaged: unmanaged.length, verified: 0 };
  for (const r of resources) {
    if (r.status === 'in-sync') s.inSync++;
    else if (r.status === 'drifted') s.drifted++;
    else if (r.status === 'missing') s.missing++;
    else s.unverified++;
  }
  // Missing counts as verified: the right account and region answered "not found" for that very ID.
  s.verified = s.inSync + s.drifted + s.missing;
  return s;
}
