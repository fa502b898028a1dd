// The comparison's TypeSchema for an AWS type, built from its mapper's normalizations: the
// engine asks the provider (`LiveStateProvider.schema`) and knows nothing about AWS itself.
// Security-group rules compare as sets of expanded (protocol, from, to, source, description) tuples.
import type { AttributeSchema, TypeSchema, Value } from '../../model';
import { UNKNOWN_ELEMENT, type BlockShape } from './mapper';
import { awsNormalization } from './mappers';
import { expandRules, ruleKey, RULE_ATTRIBUTES } from './securityGroupRules';
import { ownedIn, type Ownership } from './ownership';

/** A set standalone resources take part in: compared without their elements, and implied empty when the code writes none inline. */
const impliedBy = (owned: ReadonlySet<string>) => (owned.size > 0 && !owned.has(UNKNOWN_ELEMENT) ? { implied: [] as Value } : {});

/** A block's comparison schema from the sub-attributes its mapper reads. */
function blockSchema(shape: BlockShape): AttributeSchema {
  const attributes: Record<string, AttributeSchema> = {};
  for (const [name, read] of Object.entries(shape.reads)) {
    const severity = shape.severity?.[name];
    attributes[name] = { ...(read === true ? {} : read === 'tags' ? { tagMap: true } : read === 'set' ? { set: true } : blockSchema(read)), ...(severity ? { severity } : {}) };
  }
  return { block: shape.set ? 'set' : 'list', attributes, ...(shape.key ? { key: shape.key } : {}), ...(shape.onlyDeclared ? { onlyDeclared: true } : {}) };
}

/** `liveId` lets a rule that names the group itself compare equal to `self = true`. */
export function awsTypeSchema(type: string, liveId?: string | null, ownership?: Ownership): TypeSchema | undefined {
  const n = awsNormalization(type);
  if (!n) return undefined;
  const attributes: Record<string, AttributeSchema> = {};
  for (const name of n.scalarSets) attributes[name] = { set: true };
  for (const name of n.singleBlocks) attributes[name] = { block: 'list' };
  for (const [name, shape] of Object.entries(n.blocks ?? {})) attributes[name] = blockSchema(shape);
  for (const name of n.tagMaps) attributes[name] = { tagMap: true };
  for (const name of n.ruleBlocks) {
    const owned = ownedIn(ownership, liveId, name);
    attributes[name] = {
      block: 'set',
      attributes: Object.fromEntries(RULE_ATTRIBUTES.map((a) => [a, {}])),
      normalize: (v: Value) =>
        expandRules(v, liveId ? { selfId: liveId } : {})
          .filter((t) => !owned.has(ruleKey(t)))
          .map((t) => ({ ...t }) as unknown as Value),
      ...impliedBy(owned),
    };
  }
  for (const [name, nz] of Object.entries(n.normalizers ?? {})) {
    const owned = ownedIn(ownership, liveId, name);
    attributes[name] = {
      ...(nz.reads ? { block: 'set' as const, attributes: Object.fromEntries(nz.reads.map((a) => [a, {}])) } : {}),
      normalize: (v: Value) => nz.normalize(v, owned),
      ...(nz.severity ? { severity: nz.severity } : {}),
      ...(nz.reads ? impliedBy(owned) : {}),
    };
  }
  return { attributes };
}
