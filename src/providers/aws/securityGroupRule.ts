// aws_security_group_rule: its ID (`sgrule-…`) is a hash, not an EC2 ID, so it is read as the
// provider's resourceSecurityGroupRuleRead does: describe the group (security_group_id), find the rule
// whose protocol and ports match and that holds every declared source (findRuleMatch). None: the
// read drops it from state (missing). Found: what it matched, with the live description.
import type { IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';
import type { Binding, Value } from '../../model';
import { declaredOf, identityOf } from './bindingValues';
import { UNKNOWN_ELEMENT, type AwsMapper, type OwnedElement } from './mapper';
import { expandRule, permissionsToRules, ruleKey, type RuleTuple } from './securityGroupRules';
import { securityGroupMapper } from './securityGroup';
import { token } from './wireValues';

const IDENTITY = ['protocol', 'from_port', 'to_port', 'cidr_blocks', 'ipv6_cidr_blocks', 'prefix_list_ids', 'self', 'source_security_group_id'] as const;

/** The declared rule as the group's rule tuples (source_security_group_id is one more source). */
function declaredTuples(b: Binding, groupId: string | undefined): RuleTuple[] | undefined {
  const rule: Record<string, Value> = {};
  for (const name of IDENTITY) {
    const v = declaredOf(b, name);
    if (v !== undefined) rule[name] = v;
  }
  if (rule.protocol === undefined) return undefined;
  const source = rule.source_security_group_id;
  if (typeof source === 'string') rule.security_groups = [source];
  const tuples = expandRule(rule, { selfId: groupId });
  return tuples.length > 0 ? tuples : undefined;
}

const direction = (b: Binding): 'ingress' | 'egress' => (identityOf(b, 'type') === 'egress' ? 'egress' : 'ingress');

function liveTuples(g: SecurityGroup, b: Binding): RuleTuple[] {
  const perms: IpPermission[] | undefined = direction(b) === 'egress' ? g.IpPermissionsEgress : g.IpPermissions;
  const ctx = { selfId: token(g.GroupId) ?? undefined, ownerId: token(g.OwnerId) ?? undefined };
  return permissionsToRules(perms, ctx).flatMap((r) => expandRule(r, ctx));
}

/** Each declared tuple's live match, or undefined when any is missing (the provider's findRuleMatch). */
function match(g: SecurityGroup, b: Binding): RuleTuple[] | undefined {
  const declared = declaredTuples(b, token(g.GroupId) ?? undefined);
  if (!declared) return undefined;
  const live = new Map(liveTuples(g, b).map((t) => [ruleKey(t), t]));
  const found = declared.map((t) => live.get(ruleKey(t)));
  return found.every((t) => t !== undefined) ? (found as RuleTuple[]) : undefined;
}

function toAttributes(g: SecurityGroup, _extra: undefined, unreadable: Record<string, string>, b?: Binding): Record<string, Value> {
  const found = b ? match(g, b) : undefined;
  const out: Record<string, Value> = { security_group_id: token(g.GroupId), type: b ? direction(b) : null };
  // What matched equals what the code says (that is how it was found), as the provider's read sets it.
  for (const name of IDENTITY) {
    const v = b ? declaredOf(b, name) : undefined;
    if (v !== undefined) out[name] = v;
  }
  if (found) out.description = found[0].description === '' ? null : found[0].description;
  else unreadable.description = 'the rule was not matched';
  return out;
}

function owns(b: Binding, live: Record<string, Value> | undefined): OwnedElement[] {
  const parentId = identityOf(b, 'security_group_id');
  if (!parentId) return [];
  const tuples = declaredTuples(b, parentId);
  void live;
  return [{ parentId, attribute: direction(b), keys: tuples ? tuples.map((t) => ruleKey(t)) : [UNKNOWN_ELEMENT] }];
}

export const securityGroupRuleMapper: AwsMapper<SecurityGroup> = {
  type: 'aws_security_group_rule',
  describe: securityGroupMapper.describe,
  normalization: { type: 'aws_security_group_rule', scalarSets: ['cidr_blocks', 'ipv6_cidr_blocks', 'prefix_list_ids'], singleBlocks: [], ruleBlocks: [], tagMaps: [], onDemand: {} },
  describeIdOf: (b) => identityOf(b, 'security_group_id'),
  goneFrom: (g, b) => (declaredTuples(b, token(g.GroupId) ?? undefined) === undefined ? undefined : match(g, b) ? undefined : `no ${direction(b)} rule in ${g.GroupId} matches it (removed or changed outside Terraform)`),
  owns,
  toAttributes,
};
