// The Drift view's nodes, built once per results change from the scans (pure: no vscode), so node
// objects and ids stay stable between getChildren calls and reveal() can find them.
import type { Drift, ResourceResult, UnmanagedResource, UnverifiedAttribute } from '../model';
import { fileLine } from '../editor/labels';

export type GroupStatus = 'drifted' | 'missing' | 'unverified' | 'unmanaged';

export interface ScanLike {
  readonly folder: string;
  readonly result: { readonly resources: readonly ResourceResult[]; readonly unmanaged: readonly UnmanagedResource[]; readonly root: string };
}

export interface GroupNode {
  kind: 'group';
  id: string;
  status: GroupStatus;
  children: (ResourceNode | UnmanagedNode)[];
}

export interface ResourceNode {
  kind: 'resource';
  id: string;
  parent: GroupNode;
  result: ResourceResult;
  /** `main.tf:12`, relative to the scanned folder. */
  where: string;
  children: AttributeNode[];
}

export interface AttributeNode {
  kind: 'attribute';
  id: string;
  parent: ResourceNode;
  /** The instance it belongs to (same as parent.result; lets commands take any node). */
  result: ResourceResult;
  drift?: Drift;
  unverified?: UnverifiedAttribute;
}

export interface UnmanagedNode {
  kind: 'unmanaged';
  id: string;
  parent: GroupNode;
  resource: UnmanagedResource;
}

export type DriftNode = GroupNode | ResourceNode | AttributeNode | UnmanagedNode;

export const GROUP_LABELS: Record<GroupStatus, string> = {
  drifted: 'Drifted',
  missing: 'Missing',
  unverified: 'Unverified',
  unmanaged: 'Unmanaged',
};

const ORDER: GroupStatus[] = ['drifted', 'missing', 'unverified', 'unmanaged'];

export interface DriftTreeModel {
  roots: GroupNode[];
  /** Resource nodes by `<root module>\0<address>`. */
  resources: Map<string, ResourceNode>;
}

export function buildTreeModel(scans: readonly ScanLike[]): DriftTreeModel {
  const groups = new Map<GroupStatus, GroupNode>(ORDER.map((s) => [s, { kind: 'group', id: `group:${s}`, status: s, children: [] }]));
  const resources = new Map<string, ResourceNode>();
  for (const scan of scans) {
    for (const result of scan.result.resources) {
      if (result.status === 'in-sync') continue;
      const parent = groups.get(result.status)!;
      const id = `resource:${result.resource.root}\u0000${result.address}`;
      const node: ResourceNode = {
        kind: 'resource', id, parent, result, children: [],
        where: fileLine(result.resource.file, scan.result.root, result.resource.headerRange.start.line),
      };
      node.children = [
        ...result.drifts.map((drift): AttributeNode => ({ kind: 'attribute', id: `${id}\u0000drift:${drift.attribute}`, parent: node, result, drift })),
        ...result.unverifiedAttributes.map((u): AttributeNode => ({ kind: 'attribute', id: `${id}\u0000unverified:${u.attribute}`, parent: node, result, unverified: u })),
      ];
      parent.children.push(node);
      resources.set(`${result.resource.root}\u0000${result.address}`, node);
    }
    for (const u of scan.result.unmanaged) {
      const parent = groups.get('unmanaged')!;
      parent.children.push({ kind: 'unmanaged', id: `unmanaged:${scan.folder}\u0000${u.type}\u0000${u.liveId}`, parent, resource: u });
    }
  }
  for (const g of groups.values()) g.children.sort(compareNodes);
  return { roots: ORDER.map((s) => groups.get(s)!).filter((g) => g.children.length > 0), resources };
}

/** What the badge and status bar count: drifted and missing resources. */
export function attentionCount(model: DriftTreeModel): number {
  return model.roots.filter((g) => g.status === 'drifted' || g.status === 'missing').reduce((n, g) => n + g.children.length, 0);
}

/** Resources in file order (then line, then address); unmanaged by type and ID. */
function compareNodes(a: ResourceNode | UnmanagedNode, b: ResourceNode | UnmanagedNode): number {
  if (a.kind === 'resource' && b.kind === 'resource') {
    return a.result.resource.file.localeCompare(b.result.resource.file) ||
      a.result.resource.headerRange.start.line - b.result.resource.headerRange.start.line ||
      a.result.address.localeCompare(b.result.address);
  }
  const key = (n: ResourceNode | UnmanagedNode) => (n.kind === 'resource' ? n.result.address : `${n.resource.type}\u0000${n.resource.liveId}`);
  return key(a).localeCompare(key(b));
}
