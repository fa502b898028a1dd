// Declared resources as a one-shot scan (the CLI) keeps them once resolved: names, files and ranges, which the
// results, reports and ignore rules read, without each attribute's syntax tree, which only evaluation reads.
// Those trees were a third of a 10,000-resource scan's heap through fetch and compare (issue 15).
import type { DeclaredAttribute, DeclaredBody, DeclaredResource } from '../model';
import type { InstanceRoot } from './resolve';

/** Replaces every instance's resource with its lean copy, one copy per declared resource (count / for_each share it). */
export function leanResources(roots: readonly InstanceRoot[]): void {
  const lean = new Map<DeclaredResource, DeclaredResource>();
  for (const root of roots) {
    for (const inst of root.instances) {
      let r = lean.get(inst.resource);
      if (r === undefined) lean.set(inst.resource, (r = leanResource(inst.resource)));
      inst.resource = r;
    }
  }
}

export function leanResource(r: DeclaredResource): DeclaredResource {
  return { ...r, body: leanBody(r.body), ...(r.count ? { count: leanAttribute(r.count) } : {}), ...(r.forEach ? { forEach: leanAttribute(r.forEach) } : {}) };
}

function leanBody(body: DeclaredBody): DeclaredBody {
  // fromEntries defines each key (an attribute named `__proto__` stays an attribute).
  const attributes = Object.fromEntries(Object.entries(body.attributes).map(([name, a]) => [name, leanAttribute(a)]));
  return { attributes, blocks: body.blocks.map((b) => ({ ...b, body: leanBody(b.body) })) };
}

/** The expression's place stays (its value range); what it said is no longer needed. */
function leanAttribute(a: DeclaredAttribute): DeclaredAttribute {
  // Field by field: a parsed attribute's ranges are getters (parsedAttribute.ts), which a spread would drop.
  const valueRange = a.valueRange;
  return { name: a.name, expr: { kind: 'Invalid', range: valueRange }, nameRange: a.nameRange, valueRange, ...(a.file !== undefined ? { file: a.file } : {}) };
}
