// aws_ssm_parameter, read as resourceParameterRead (internal/service/ssm/parameter.go) sets it, but
// never decrypted: GetParameters in batches of 10 names WITHOUT decryption (a SecureString's value is
// neither fetched in clear nor shown), DescribeParameters for tier, description, allowed pattern and
// data type (defaults "Standard", "", "", "text"), ListTagsForResource only when tags are declared.
// A SecureString's value is judged by its version: the one state records against the live one.
import type { Binding, LiveResult, Value } from '../../../../model';
import { isSystemTag } from '../../tags';
import type { Output, ServiceCall, ServiceType } from '../serviceType';

const BATCH = 10;

interface Parameter {
  Name?: string;
  Type?: string;
  Value?: string;
  Version?: number;
  DataType?: string;
}
interface Metadata {
  Name?: string;
  Description?: string;
  Tier?: string;
  AllowedPattern?: string;
  DataType?: string;
  KeyId?: string;
}

/** A SecureString whose version moved since state: its value changed outside Terraform (shown as "(sensitive)"). */
export const SECURE_VALUE_CHANGED = 'changed outside Terraform';

async function describeAll(names: string[], call: ServiceCall): Promise<Map<string, Metadata>> {
  const out = new Map<string, Metadata>();
  let token: string | undefined;
  do {
    const page: Output = await call('DescribeParameters', { ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: names }], MaxResults: 50, ...(token ? { NextToken: token } : {}) });
    for (const m of (page.Parameters ?? []) as Metadata[]) if (m.Name) out.set(m.Name, m);
    token = page.NextToken;
  } while (token);
  return out;
}

function secureValue(b: Binding, live: Parameter): { value?: Value; unreadable?: string } {
  const recorded = Number(b.stateAttributes?.version);
  if (!Number.isFinite(recorded) || recorded <= 0 || live.Version === undefined) return { unreadable: 'a SecureString value is never read decrypted, and state records no version to compare' };
  if (recorded !== live.Version) return { value: SECURE_VALUE_CHANGED };
  const declared = b.declared?.value;
  return declared === undefined ? { unreadable: `unchanged since state (version ${live.Version}), but the code's value is not known` } : { value: declared };
}

export const ssmParameterType: ServiceType = {
  type: 'aws_ssm_parameter',
  service: 'ssm',
  depth: 'deep',
  reads: 'ssm:GetParameters',
  permissions: ['ssm:GetParameters', 'ssm:DescribeParameters', 'ssm:ListTagsForResource'],
  note: 'SecureString values are never decrypted: compared by the version state records',
  schema: () => ({ attributes: { tags: { tagMap: true }, value: { sensitive: true } } }),
  async readMany(bindings, call) {
    const results = new Map<Binding, LiveResult>();
    const names = [...new Set(bindings.map((b) => b.liveId))];
    const params = new Map<string, Parameter>();
    const invalid = new Set<string>();
    for (let i = 0; i < names.length; i += BATCH) {
      const out = await call('GetParameters', { Names: names.slice(i, i + BATCH), WithDecryption: false });
      for (const p of (out.Parameters ?? []) as Parameter[]) if (p.Name) params.set(p.Name, p);
      for (const n of (out.InvalidParameters ?? []) as string[]) invalid.add(n);
    }
    const present = names.filter((n) => params.has(n));
    const meta = new Map<string, Metadata>();
    for (let i = 0; i < present.length; i += 50) for (const [k, v] of await describeAll(present.slice(i, i + 50), call)) meta.set(k, v);
    for (const b of bindings) {
      const p = params.get(b.liveId);
      if (!p) {
        results.set(b, invalid.has(b.liveId) ? { status: 'not-found', reason: `GetParameters: ${b.liveId} is an invalid (absent) parameter` } : { status: 'error', kind: 'other', reason: `GetParameters gave no answer for ${b.liveId}` });
        continue;
      }
      const m = meta.get(b.liveId) ?? {};
      const attributes: Record<string, Value> = {
        name: b.liveId,
        type: p.Type ?? '',
        tier: m.Tier ?? 'Standard',
        description: m.Description ?? '',
        data_type: p.DataType ?? m.DataType ?? 'text',
        allowed_pattern: m.AllowedPattern ?? '',
      };
      const unreadable: Record<string, string> = {};
      if (p.Type === 'SecureString') {
        if (m.KeyId) attributes.key_id = m.KeyId;
        const v = secureValue(b, p);
        if (v.value !== undefined) attributes.value = v.value;
        else unreadable.value = v.unreadable!;
        unreadable.insecure_value = 'a SecureString has no insecure_value';
      } else {
        attributes.value = p.Value ?? '';
        attributes.insecure_value = p.Value ?? '';
      }
      if (b.declaredAttributes.includes('tags')) {
        const t = await call('ListTagsForResource', { ResourceType: 'Parameter', ResourceId: b.liveId });
        attributes.tags = Object.fromEntries(((t.TagList ?? []) as { Key?: string; Value?: string }[]).filter((x) => x.Key && !isSystemTag(x.Key)).map((x) => [x.Key!, x.Value ?? '']));
      }
      results.set(b, Object.keys(unreadable).length ? { status: 'found', attributes, unreadable } : { status: 'found', attributes });
    }
    return results;
  },
};
