// Which managed policies the code attaches to each role with aws_iam_role_policy_attachment: the role
// then compares its live attachments without them, and one attached in the console shows up once, on
// the role (as security-group rules written three ways do, ownership.ts). The attachment's ID is a
// generated unique ID (id.PrefixedUniqueId); its role and policy_arn come from state or the code.
import type { Binding, Value } from '../../../../model';
import { ADMIN_POLICY } from '../policyDocument';
import { POLICY_ATTACHMENT, policyArnOf, policyAttachmentKey } from './policyAttachment';

export function attachmentOf(b: Binding): { role: string; policyArn: string } | undefined {
  const s = b.stateAttributes ?? {};
  const d = b.declared ?? {};
  const str = (v: Value | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);
  const fromId = /^([^/]+)\/(arn:.+)$/.exec(b.liveId);
  const role = str(s.role) ?? str(d.role) ?? fromId?.[1];
  const policyArn = str(s.policy_arn) ?? str(d.policy_arn) ?? fromId?.[2];
  return role && policyArn ? { role, policyArn } : undefined;
}

/**
 * Role name → policy ARNs attached by standalone attachments among `bindings`; also, under
 * policyAttachmentKey(name), the policy ARN of each aws_iam_policy_attachment (its severity needs it).
 */
export function roleAttachmentsOf(bindings: readonly Binding[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const b of bindings) {
    const exclusive = b.type === POLICY_ATTACHMENT ? policyArnOf(b) : undefined;
    if (exclusive) out.set(policyAttachmentKey(b.liveId), new Set([exclusive]));
    if (b.type !== 'aws_iam_role_policy_attachment') continue;
    const a = attachmentOf(b);
    if (a) (out.get(a.role) ?? out.set(a.role, new Set()).get(a.role)!).add(a.policyArn);
  }
  return out;
}

/**
 * The role's `managed_policy_arns` comparison: the ARNs its standalone attachments own are left out of
 * both sides, and when some exist the code means "no other policy" (implied []). An admin policy among
 * the rest is an error.
 */
export function managedPolicyArnsSchema(owned: ReadonlySet<string>) {
  return {
    set: true,
    normalize: (v: Value) => (Array.isArray(v) ? v.filter((x) => !(typeof x === 'string' && owned.has(x))) : v),
    ...(owned.size > 0 ? { implied: [] as Value } : {}),
    severity: (_e: Value, a: Value) => (Array.isArray(a) && a.some((x) => typeof x === 'string' && ADMIN_POLICY.test(x)) ? ('error' as const) : ('warning' as const)),
  };
}
