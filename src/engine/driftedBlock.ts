// Where a set of blocks compared whole gets its squiggle: on the first declared block that live no
// longer holds (the NSG rule someone widened), not on the first block of the type, which may be fine.
import type { AttributeSchema, SourceLocation, Value } from '../model';
import type { DesiredBody } from './desired';
import { setDifference } from './valueEquality';

/**
 * `blocks[i]` evaluates to `values[i]`. Each is normalized on its own (one block may stand for several
 * elements, as a rule with two CIDRs does); the first with an element live lacks is the place.
 * Undefined when every declared block is live (only extras differ) or a block cannot be normalized.
 */
export function firstDriftedBlock(blocks: DesiredBody[], values: Value[], live: Value | undefined, schema: AttributeSchema, file: string): SourceLocation | undefined {
  const normalize = schema.normalize ?? ((v: Value) => v);
  try {
    const liveEls = normalize(live ?? null);
    const actual = Array.isArray(liveEls) ? liveEls : [];
    for (let i = 0; i < blocks.length && i < values.length; i++) {
      const own = normalize([values[i]]);
      if (Array.isArray(own) && setDifference(own, actual).length > 0) return { file, range: blocks[i].range };
    }
  } catch {
    // The whole comparison reports a value it cannot normalize; the place falls back to the first block.
  }
  return undefined;
}
