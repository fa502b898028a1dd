// The existence+tags depth: Cloud Control GetResource for one resource, its `Properties` JSON mapped
// through the table. ResourceNotFoundException is missing; a declared attribute outside the table is
// unverified "existence and tags only", never drift.
import type { Binding, LiveResult, Value } from '../../../../model';
import { isSystemTag } from '../../tags';
import { NOT_READ_HERE, serviceErrorCode, type ServiceCall, type ServiceType } from '../serviceType';
import { CLOUD_CONTROL_TABLE, cloudControlIdentifier, type CloudControlMapping } from './cloudControlTable';

function tagsOf(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const t of raw as { Key?: string; Value?: string }[]) if (t?.Key !== undefined) out[t.Key] = String(t.Value ?? '');
  } else if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) out[k] = String(v);
  }
  return Object.fromEntries(Object.entries(out).filter(([k]) => !isSystemTag(k)));
}

/** CloudFormation JSON → a Terraform value (numbers it returns as strings become numbers when Terraform holds numbers). */
function propValue(m: CloudControlMapping, prop: string, v: unknown): Value | undefined {
  if (v === undefined || v === null) return undefined;
  if (m.numeric?.includes(prop) && typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return v as Value;
}

function whyNoId(m: CloudControlMapping): string {
  if (m.idFrom) return `state records no ${m.idFrom}`;
  if (m.idParts) return `state records no ${m.idParts.join(' or no ')}`;
  return m.noId ?? 'the Terraform ID and state do not give it';
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (typeof v === 'object' && Object.keys(v).length === 0);

async function read(type: string, m: CloudControlMapping, b: Binding, call: ServiceCall): Promise<LiveResult> {
  const id = cloudControlIdentifier(m, b.liveId, b.stateAttributes);
  if (!id) return { status: 'error', kind: 'other', reason: `cannot tell the ${m.cfn} identifier: ${whyNoId(m)}` };
  let props: Record<string, unknown>;
  try {
    const out = await call('GetResource', { TypeName: m.cfn, Identifier: id });
    props = JSON.parse(String(out.ResourceDescription?.Properties ?? '{}')) as Record<string, unknown>;
  } catch (e) {
    if (serviceErrorCode(e) === 'ResourceNotFoundException') return { status: 'not-found', reason: `GetResource ${m.cfn} ${id}: ResourceNotFoundException` };
    throw e;
  }
  // A sub-resource read through its parent: the parent without it is the sub-resource gone.
  if (m.requires && isEmpty(props[m.requires])) return { status: 'not-found', reason: `GetResource ${m.cfn} ${id}: no ${m.requires}` };
  if (m.requiresItem) {
    const { list, key, value } = m.requiresItem;
    const want = value(b.liveId, b.stateAttributes ?? {});
    if (want === undefined) return { status: 'error', kind: 'other', reason: `cannot tell which ${list} element: the Terraform ID and state do not give its ${key ?? 'value'}` };
    const items = Array.isArray(props[list]) ? (props[list] as unknown[]) : [];
    const has = key ? items.some((x) => (x as Record<string, unknown> | null)?.[key] === want) : items.includes(want);
    if (!has) return { status: 'not-found', reason: `GetResource ${m.cfn} ${id}: no ${list} element ${key ? `with ${key} ` : ''}${want}` };
  }
  const attributes: Record<string, Value> = {};
  const unreadable: Record<string, string> = {};
  for (const name of b.declaredAttributes) {
    if (name === 'tags' && m.tags !== false) {
      attributes.tags = tagsOf(props[m.tags ?? 'Tags']);
      continue;
    }
    const prop = m.props?.[name];
    const v = prop ? propValue(m, prop, props[prop]) : undefined;
    if (prop && v !== undefined) attributes[name] = v;
    else unreadable[name] = prop ? `${m.cfn} answered no ${prop}` : `${NOT_READ_HERE} (${type} is read through Cloud Control ${m.cfn})`;
  }
  return Object.keys(unreadable).length ? { status: 'found', attributes, unreadable } : { status: 'found', attributes };
}

export const CLOUD_CONTROL_TYPES: readonly ServiceType[] = Object.entries(CLOUD_CONTROL_TABLE).map(([type, m]) => ({
  type,
  service: 'cloudcontrol' as const,
  depth: 'existence+tags' as const,
  reads: `cloudcontrol:GetResource ${m.cfn}`,
  permissions: ['cloudcontrol:GetResource', ...m.permissions],
  schema: () => ({ attributes: { tags: { tagMap: true } } }),
  read: (b: Binding, call: ServiceCall) => read(type, m, b, call),
}));
