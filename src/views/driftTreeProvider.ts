// The Drift view: root modules → module instances → resources → attributes (`expected → actual`),
// problems under the root they concern, unmanaged resources in their own group; click to reveal the
// range, context values for the item menus.
import * as vscode from 'vscode';
import { itemContext } from '../editor/commands';
import type { ResultsStore } from '../editor/resultsStore';
import { toRange } from '../editor/vscodeRange';
import { blockAges, findingAge, formatChange } from '../editor/labels';
import { problemRow, shortReason } from '../editor/rootLabels';
import { commandId } from '../editor/commands';
import { attentionCount, buildTreeModel, rootDescription, UNMANAGED_LABEL, type DriftNode, type DriftTreeModel, type ResourceNode } from './driftTreeModel';

const STATUS_ICONS = { drifted: 'diff-modified', missing: 'error', unverified: 'question', 'in-sync': 'pass' } as const;

export class DriftTreeProvider implements vscode.TreeDataProvider<DriftNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<DriftNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private model: DriftTreeModel = { roots: [], resources: new Map() };
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ResultsStore) {
    this.subscription = store.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.model = buildTreeModel(this.store.all);
    this.emitter.fire(undefined);
  }

  get isEmpty(): boolean {
    return this.model.roots.length === 0;
  }

  get count(): number {
    return attentionCount(this.model);
  }

  resourceNode(root: string, address: string): ResourceNode | undefined {
    return this.model.resources.get(`${root}\u0000${address}`);
  }

  async getChildren(element?: DriftNode): Promise<DriftNode[]> {
    if (!element) return this.model.roots;
    if (element.kind === 'attribute' || element.kind === 'problem' || element.kind === 'unmanaged') return [];
    return element.children;
  }

  getParent(element: DriftNode): DriftNode | undefined {
    return element.kind === 'group' || element.kind === 'root' ? undefined : element.parent;
  }

  getTreeItem(node: DriftNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'root': {
        const item = new vscode.TreeItem(node.label, node.expanded ? C.Expanded : C.Collapsed);
        item.id = node.id;
        item.description = rootDescription(node.counts);
        item.tooltip = `Root module ${node.root}`;
        item.iconPath = new vscode.ThemeIcon('root-folder');
        item.contextValue = 'driftlens.root';
        return item;
      }
      case 'module': {
        const item = new vscode.TreeItem(node.prefix, C.Expanded);
        item.id = node.id;
        item.description = `${node.children.length} ${node.children.length === 1 ? 'resource' : 'resources'}`;
        item.iconPath = new vscode.ThemeIcon('package');
        item.contextValue = 'driftlens.module';
        return item;
      }
      case 'problem': {
        const e = node.error;
        const row = problemRow(e, node.parent.root);
        const item = new vscode.TreeItem(row.label, C.None);
        item.id = node.id;
        item.description = row.description;
        item.tooltip = e.message;
        item.iconPath = new vscode.ThemeIcon(e.severity === 'error' ? 'error' : 'warning');
        item.contextValue = 'driftlens.problem';
        if (e.file) item.command = e.range ? openAt(e.file, e.range) : { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(e.file)] };
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(UNMANAGED_LABEL, C.Collapsed);
        item.id = node.id;
        item.description = String(node.children.length);
        item.iconPath = new vscode.ThemeIcon('cloud');
        item.contextValue = 'driftlens.group.unmanaged';
        return item;
      }
      case 'resource': {
        const r = node.result;
        const item = new vscode.TreeItem(node.label, node.children.length > 0 ? C.Expanded : C.None);
        item.id = node.id;
        const status = r.status === 'missing' ? 'missing' : r.status === 'unverified' ? `not verified: ${shortReason(r.reason ?? 'unknown reason', r.resource.root)}` : '';
        item.description = status ? `${node.where} · ${status}` : node.where;
        const ages = blockAges([r], new Date());
        const since = [ages.missing && `Missing since ${ages.missing}`, ages.drifted && `Drifted since ${ages.drifted}`].filter(Boolean).join('\n\n');
        item.tooltip = new vscode.MarkdownString(`**${r.address}** (${r.liveId ?? 'no live ID'})\n\n${r.reason ?? `${r.drifts.length} drifted attributes`}${since ? `\n\n${since}` : ''}`);
        item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[r.status]);
        item.contextValue = r.status === 'missing' ? itemContext.resourceMissing
          : r.status === 'drifted' ? itemContext.resourceDrifted
            : r.live !== undefined ? itemContext.resourceWithLive : itemContext.resource;
        item.command = openAt(r.resource.file, r.resource.headerRange);
        return item;
      }
      case 'attribute': {
        if (node.drift) {
          const d = node.drift;
          const item = new vscode.TreeItem(d.attribute, C.None);
          item.id = node.id;
          item.description = formatChange(d);
          const age = findingAge(d.firstSeen, new Date());
          item.tooltip = age ? `${d.message}\n\nDrifted since ${age}` : d.message;
          item.iconPath = new vscode.ThemeIcon(d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info');
          item.contextValue = d.fixable && !d.sensitive && d.origin ? itemContext.driftFixable : itemContext.drift;
          item.command = openAt(d.location.file, d.location.range);
          return item;
        }
        const u = node.unverified!;
        const item = new vscode.TreeItem(u.attribute, C.None);
        item.id = node.id;
        item.description = `not verified: ${shortReason(u.reason, node.result.resource.root)}`;
        item.tooltip = u.reason;
        item.iconPath = new vscode.ThemeIcon('question');
        item.command = openAt(u.location.file, u.location.range);
        return item;
      }
      case 'unmanaged': {
        const u = node.resource;
        const item = new vscode.TreeItem(u.name ? `${u.type} ${u.name}` : u.type, C.None);
        item.id = node.id;
        item.description = [u.liveId, u.region].filter(Boolean).join(' · ');
        item.tooltip = 'Live resource that no Terraform code declares. Click to copy its ID.';
        item.iconPath = new vscode.ThemeIcon('cloud');
        item.contextValue = itemContext.unmanaged;
        item.command = { title: 'Copy ID', command: commandId('copyLiveId'), arguments: [node] };
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function openAt(file: string, range: Parameters<typeof toRange>[0]): vscode.Command {
  return { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(file), { selection: toRange(range) } satisfies vscode.TextDocumentShowOptions] };
}
