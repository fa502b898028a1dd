// Rules written three ways (issue 12, item 2): a group's inline ingress/egress, a table's route {} and
// a NACL's ingress/egress own the whole set only when no standalone resource in the code targets that
// object; a standalone rule owns just itself. The parent then compares its set without the owned
// elements, and (written inline or not) reports what nobody owns — a console-added rule — once, on itself.
import type { Binding, LiveResult } from '../../model';
import { awsMapperFor } from './mappers';
export { UNKNOWN_ELEMENT } from './mapper';

/** Parent ID → attribute → owned element keys, from one fetch. */
export type Ownership = Map<string, Map<string, Set<string>>>;

export function ownershipOf(results: Map<Binding, LiveResult>): Ownership {
  const out: Ownership = new Map();
  for (const [b, r] of results) {
    const owns = awsMapperFor(b.type)?.owns;
    if (!owns) continue;
    // A rule we could not see still owns what its code says: an API error is never a console-added rule.
    for (const el of owns(b, r.status === 'found' ? r.attributes : undefined)) {
      const byAttr = out.get(el.parentId) ?? out.set(el.parentId, new Map()).get(el.parentId)!;
      const keys = byAttr.get(el.attribute) ?? byAttr.set(el.attribute, new Set()).get(el.attribute)!;
      el.keys.forEach((k) => keys.add(k));
    }
  }
  return out;
}

/** The keys standalone resources own in `attribute` of `parentId` (empty: the parent's inline blocks own the set). */
export const ownedIn = (o: Ownership | undefined, parentId: string | null | undefined, attribute: string): ReadonlySet<string> =>
  (parentId ? o?.get(parentId)?.get(attribute) : undefined) ?? new Set<string>();
