// The comparison's TypeSchema for an AWS type, built from its mapper's normalizations: the
// engine asks the provider (`LiveStateProvider.schema`) and knows nothing about AWS itself.
// Security-group rules compare as sets of expanded (protocol, from, to, source, description) tuples.
import type { AttributeSchema, TypeSchema, Value } from '../../model';
import type { BlockShape } from './mapper';
import { awsNormalization } from './mappers';
import { expandRules, RULE_ATTRIBUTES } from './securityGroupRules';

/** A block's comparison schema from the sub-attributes its mapper reads. */
function blockSchema(shape: BlockShape): AttributeSchema {
  const attributes: Record<string, AttributeSchema> = {};
  for (const [name, read] of Object.entries(shape.reads)) attributes[name] = read === true ? {} : read === 'tags' ? { tagMap: true } : blockSchema(read);
  return { block: shape.set ? 'set' : 'list', attributes, ...(shape.key ? { key: shape.key } : {}), ...(shape.onlyDeclared ? { onlyDeclared: true } : {}) };
}

/** `liveId` lets a rule that names the group itself compare equal to `self = true`. */
export function awsTypeSchema(type: string, liveId?: string | null): TypeSchema | undefined {
  const n = awsNormalization(type);
  if (!n) return undefined;
  const attributes: Record<string, AttributeSchema> = {};
  for (const name of n.scalarSets) attributes[name] = { set: true };
  for (const name of n.singleBlocks) attributes[name] = { block: 'list' };
  for (const [name, shape] of Object.entries(n.blocks ?? {})) attributes[name] = blockSchema(shape);
  for (const name of n.tagMaps) attributes[name] = { tagMap: true };
  for (const name of n.ruleBlocks) {
    attributes[name] = {
      block: 'set',
      attributes: Object.fromEntries(RULE_ATTRIBUTES.map((a) => [a, {}])),
      normalize: (v: Value) => expandRules(v, liveId ? { selfId: liveId } : {}).map((t) => ({ ...t }) as unknown as Value),
    };
  }
  return { attributes };
}
