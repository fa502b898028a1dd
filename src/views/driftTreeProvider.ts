// The Drift view: groups → resources → attributes (`expected → actual`), click to reveal the range,
// context values for the item menus, a badge with the count.
import * as vscode from 'vscode';
import { itemContext } from '../editor/commands';
import type { ResultsStore } from '../editor/resultsStore';
import { toRange } from '../editor/vscodeRange';
import { formatChange } from '../editor/labels';
import { attentionCount, buildTreeModel, GROUP_LABELS, type DriftNode, type DriftTreeModel, type ResourceNode } from './driftTreeModel';

const GROUP_ICONS = { drifted: 'diff-modified', missing: 'error', unverified: 'question', unmanaged: 'cloud' } as const;

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
    if (element.kind === 'group' || element.kind === 'resource') return element.children;
    return [];
  }

  getParent(element: DriftNode): DriftNode | undefined {
    return element.kind === 'group' ? undefined : element.parent;
  }

  getTreeItem(node: DriftNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(GROUP_LABELS[node.status], node.status === 'unmanaged' ? C.Collapsed : C.Expanded);
        item.id = node.id;
        item.description = String(node.children.length);
        item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.status]);
        item.contextValue = `driftlens.group.${node.status}`;
        return item;
      }
      case 'resource': {
        const r = node.result;
        const item = new vscode.TreeItem(r.address, node.children.length > 0 ? C.Expanded : C.None);
        item.id = node.id;
        item.description = node.where;
        item.tooltip = new vscode.MarkdownString(`**${r.address}** (${r.liveId ?? 'no live ID'})\n\n${r.reason ?? `${r.drifts.length} drifted attributes`}`);
        item.iconPath = new vscode.ThemeIcon('symbol-class');
        item.contextValue = r.live !== undefined ? itemContext.resourceWithLive : itemContext.resource;
        item.command = openAt(r.resource.file, r.resource.headerRange);
        return item;
      }
      case 'attribute': {
        if (node.drift) {
          const d = node.drift;
          const item = new vscode.TreeItem(d.attribute, C.None);
          item.id = node.id;
          item.description = formatChange(d);
          item.tooltip = d.message;
          item.iconPath = new vscode.ThemeIcon(d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info');
          item.contextValue = d.fixable && !d.sensitive && d.origin ? itemContext.driftFixable : itemContext.drift;
          item.command = openAt(d.location.file, d.location.range);
          return item;
        }
        const u = node.unverified!;
        const item = new vscode.TreeItem(u.attribute, C.None);
        item.id = node.id;
        item.description = `not verified: ${u.reason}`;
        item.iconPath = new vscode.ThemeIcon('question');
        item.command = openAt(u.location.file, u.location.range);
        return item;
      }
      case 'unmanaged': {
        const u = node.resource;
        const item = new vscode.TreeItem(u.name ? `${u.type} ${u.name}` : u.type, C.None);
        item.id = node.id;
        item.description = [u.liveId, u.region].filter(Boolean).join(' · ');
        item.tooltip = 'Live resource that no Terraform code declares';
        item.iconPath = new vscode.ThemeIcon('cloud');
        item.contextValue = 'driftlens.unmanaged';
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
