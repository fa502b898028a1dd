// What a command receives when a tree node, a CodeLens or a quick-fix names a resource (and maybe one
// of its attributes), turned into the (root, address, attribute) the results store understands.

/** A tree node, a CodeLens argument or a quick-fix argument: anything naming a resource (and maybe an attribute). */
export type Target = { root: string; address: string; attribute?: string } | { result: { resource: { root: string }; address: string }; drift?: { attribute: string } };

/** Names one drifted attribute of one resource instance (command argument, tree node payload). */
export interface DriftRef {
  root: string;
  address: string;
  attribute: string;
}

export function rootAndAddress(t: Target): [string, string] {
  return 'result' in t ? [t.result.resource.root, t.result.address] : [t.root, t.address];
}

export function driftRefOf(t: Target | undefined): DriftRef | undefined {
  if (!t) return undefined;
  const [root, address] = rootAndAddress(t);
  const attribute = 'result' in t ? t.drift?.attribute : t.attribute;
  return attribute ? { root, address, attribute } : undefined;
}
