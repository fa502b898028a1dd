// The Drift view's nodes, built once per results change from the scans (pure: no vscode), so node
// objects and ids stay stable between getChildren calls and reveal() can find them.
// Grouped by root module, then module instance, then resource: one root module's findings never mix
// with another's, and the same module reached from two roots is two sets of nodes with distinct ids.
import type { Drift, ResourceResult, ResourceStatus, ScanError, UnmanagedResource, UnverifiedAttribute } from '../model';
import { fileLine } from '../editor/labels';
import { localAddress, moduleInstanceOf, rootLabel } from '../editor/rootLabels';

export interface ScanLike {
  readonly folder: string;
  readonly result: {
    readonly resources: readonly ResourceResult[];
    readonly unmanaged: readonly UnmanagedResource[];
    readonly root: string;
    readonly errors?: readonly ScanError[];
  };
}

export interface RootCounts {
  drifted: number;
  missing: number;
  unverified: number;
}

export interface RootNode {
  kind: 'root';
  id: string;
  /** Absolute path of the root module folder. */
  root: string;
  /** The workspace folder it was scanned from. */
  folder: string;
  /** `envs/dev`, or the folder's name for the folder itself. */
  label: string;
  counts: RootCounts;
  /**
   * Open at first only when it is the one root. With several, VS Code 1.100 does not load the children of
   * pre-expanded rows it has not shown, and revealing a finding below them fails; collapsed rows load on expand.
   */
  expanded: boolean;
  children: (ProblemNode | ModuleNode | ResourceNode)[];
}

/** One module instance below a root (`module.app`, `module.a["x"].module.b`). */
export interface ModuleNode {
  kind: 'module';
  id: string;
  parent: RootNode;
  /** The instance's address prefix. */
  prefix: string;
  children: ResourceNode[];
}

export interface ResourceNode {
  kind: 'resource';
  id: string;
  parent: RootNode | ModuleNode;
  result: ResourceResult;
  /** The address inside its module (`aws_instance.this`). */
  label: string;
  /** `main.tf:12`, relative to the workspace folder (`modules/app/main.tf:12` for a shared module). */
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

/** A problem that kept something in this root from being read (state, terraform CLI, credentials, syntax). */
export interface ProblemNode {
  kind: 'problem';
  id: string;
  parent: RootNode;
  error: ScanError;
}

export interface GroupNode {
  kind: 'group';
  id: string;
  status: 'unmanaged';
  children: UnmanagedNode[];
}

export interface UnmanagedNode {
  kind: 'unmanaged';
  id: string;
  parent: GroupNode;
  resource: UnmanagedResource;
  /** The workspace folder whose scan listed it. */
  folder: string;
}

export type DriftNode = RootNode | ModuleNode | ResourceNode | AttributeNode | ProblemNode | GroupNode | UnmanagedNode;

export const UNMANAGED_LABEL = 'Unmanaged';

export interface DriftTreeModel {
  roots: (RootNode | GroupNode)[];
  /** Resource nodes by `<root module>\0<address>`. */
  resources: Map<string, ResourceNode>;
}

const STATUS_RANK: Record<ResourceStatus, number> = { drifted: 0, missing: 1, unverified: 2, 'in-sync': 3 };

export function buildTreeModel(scans: readonly ScanLike[]): DriftTreeModel {
  const roots = new Map<string, RootNode>();
  const resources = new Map<string, ResourceNode>();
  const unmanaged: GroupNode = { kind: 'group', id: 'group:unmanaged', status: 'unmanaged', children: [] };
  const rootNode = (root: string, folder: string): RootNode => {
    let node = roots.get(root);
    if (!node) {
      node = { kind: 'root', id: `root:${root}`, root, folder, label: rootLabel(root, folder), counts: { drifted: 0, missing: 0, unverified: 0 }, expanded: false, children: [] };
      roots.set(root, node);
    }
    return node;
  };
  for (const scan of scans) {
    const modules = new Map<string, ModuleNode>();
    const scanRoots = new Set(scan.result.resources.map((r) => r.resource.root));
    for (const result of scan.result.resources) {
      if (result.status === 'in-sync') continue;
      const root = rootNode(result.resource.root, scan.folder);
      const prefix = moduleInstanceOf(result.address);
      let parent: RootNode | ModuleNode = root;
      if (prefix) {
        const key = `${root.root}\u0000${prefix}`;
        let mod = modules.get(key);
        if (!mod) {
          mod = { kind: 'module', id: `module:${key}`, parent: root, prefix, children: [] };
          modules.set(key, mod);
          root.children.push(mod);
        }
        parent = mod;
      }
      root.counts[result.status]++;
      const id = `resource:${result.resource.root}\u0000${result.address}`;
      const node: ResourceNode = {
        kind: 'resource', id, parent, result, children: [], label: localAddress(result.address),
        where: fileLine(result.resource.file, scan.folder, result.resource.headerRange.start.line),
      };
      node.children = [
        ...result.drifts.map((drift): AttributeNode => ({ kind: 'attribute', id: `${id}\u0000drift:${drift.attribute}`, parent: node, result, drift })),
        ...result.unverifiedAttributes.map((u): AttributeNode => ({ kind: 'attribute', id: `${id}\u0000unverified:${u.attribute}`, parent: node, result, unverified: u })),
      ];
      (parent.children as ResourceNode[]).push(node);
      resources.set(`${result.resource.root}\u0000${result.address}`, node);
    }
    for (const [i, error] of (scan.result.errors ?? []).entries()) {
      const root = rootNode(rootOfError(error, scanRoots, scan.folder), scan.folder);
      root.children.push({ kind: 'problem', id: `problem:${scan.folder}\u0000${i}\u0000${error.message}`, parent: root, error });
    }
    for (const u of scan.result.unmanaged) {
      unmanaged.children.push({ kind: 'unmanaged', id: `unmanaged:${scan.folder}\u0000${u.type}\u0000${u.liveId}`, parent: unmanaged, resource: u, folder: scan.folder });
    }
  }
  for (const root of roots.values()) {
    root.children.sort(compareRootChildren);
    for (const c of root.children) if (c.kind === 'module') c.children.sort(compareResources);
  }
  unmanaged.children.sort((a, b) => `${a.resource.type}\u0000${a.resource.liveId}`.localeCompare(`${b.resource.type}\u0000${b.resource.liveId}`));
  const ordered: (RootNode | GroupNode)[] = [...roots.values()].filter((r) => r.children.length > 0).sort((a, b) => a.label.localeCompare(b.label));
  if (ordered.length === 1) (ordered[0] as RootNode).expanded = true;
  if (unmanaged.children.length) ordered.push(unmanaged);
  return { roots: ordered, resources };
}

/** What the badge and status bar count: drifted and missing resources. */
export function attentionCount(model: DriftTreeModel): number {
  let n = 0;
  for (const r of model.roots) if (r.kind === 'root') n += r.counts.drifted + r.counts.missing;
  return n;
}

/** "2 drifted · 1 missing · 3 not verified" for a root node. */
export function rootDescription(counts: RootCounts): string {
  const parts: string[] = [];
  if (counts.drifted) parts.push(`${counts.drifted} drifted`);
  if (counts.missing) parts.push(`${counts.missing} missing`);
  if (counts.unverified) parts.push(`${counts.unverified} not verified`);
  return parts.join(' · ');
}

/**
 * The root module an error is about: the deepest root folder holding its file, else the deepest one its
 * message names (state errors say "no terraform.tfstate in <root>"), else the scanned folder.
 */
function rootOfError(error: ScanError, roots: ReadonlySet<string>, folder: string): string {
  const file = error.file?.replace(/\\/g, '/');
  const message = error.message.replace(/\\/g, '/');
  const deepest = (holds: (root: string) => boolean) => [...roots].filter(holds).sort((a, b) => b.length - a.length)[0];
  const norm = (r: string) => r.replace(/\\/g, '/');
  const named = (r: string) => new RegExp(`${norm(r).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[/\\s):,;])`).test(message);
  return (file && deepest((r) => file === norm(r) || file.startsWith(`${norm(r)}/`))) || deepest(named) || (roots.size === 1 ? [...roots][0] : folder);
}

/** Problems first, then the root's own resources by status and place, then module instances by address. */
function compareRootChildren(a: ProblemNode | ModuleNode | ResourceNode, b: ProblemNode | ModuleNode | ResourceNode): number {
  const rank = { problem: 0, resource: 1, module: 2 } as const;
  if (a.kind !== b.kind) return rank[a.kind] - rank[b.kind];
  if (a.kind === 'resource' && b.kind === 'resource') return compareResources(a, b);
  if (a.kind === 'module' && b.kind === 'module') return a.prefix.localeCompare(b.prefix);
  return 0;
}

/** Drifted, missing, then unverified; each in file order (then line, then address). */
function compareResources(a: ResourceNode, b: ResourceNode): number {
  return STATUS_RANK[a.result.status] - STATUS_RANK[b.result.status] ||
    a.result.resource.file.localeCompare(b.result.resource.file) ||
    a.result.resource.headerRange.start.line - b.result.resource.headerRange.start.line ||
    a.result.address.localeCompare(b.result.address);
}
