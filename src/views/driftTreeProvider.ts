// The Drift view: root modules → module instances → resources → attributes (`expected → actual`),
// problems under the root they concern, unmanaged resources in their own group; click to reveal the
// range, context values for the item menus.
import * as vscode from 'vscode';
import { itemContext } from '../editor/commands';
import type { ResultsStore } from '../editor/resultsStore';
import { toRange } from '../editor/vscodeRange';
import { commandId } from '../editor/commands';
import type { Attribution } from '../editor/scanReads';
import { WHO_CHANGED_COMMAND } from '../editor/markdown';
import type { ResourceResult } from '../model';
import { attentionCount, buildTreeModel, type DriftNode, type DriftTreeModel, type ResourceNode } from './driftTreeModel';
import { rowText } from './driftTreeText';

const STATUS_ICONS = { drifted: 'diff-modified', missing: 'error', unverified: 'question', 'in-sync': 'pass' } as const;

/** What the tree needs of the "Who changed it?" lookups (src/editor/attributionLookups.ts). */
export interface TreeAttribution {
  answer(result: ResourceResult): Attribution | undefined;
  readonly onDidChange: vscode.Event<void>;
  readonly trusted: () => boolean;
}

export class DriftTreeProvider implements vscode.TreeDataProvider<DriftNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<DriftNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private model: DriftTreeModel = { roots: [], resources: new Map() };
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: ResultsStore,
    private readonly attribution?: TreeAttribution,
  ) {
    const subs = [store.onDidChange(() => this.refresh())];
    // A "Who changed it?" answer changes one tooltip: the rows are redrawn, the model stays.
    if (attribution) subs.push(attribution.onDidChange(() => this.emitter.fire(undefined)));
    this.subscription = vscode.Disposable.from(...subs);
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
    const text = rowText(node, { now: new Date(), attribution: (n) => this.attribution?.answer(n.result), canLookUp: this.attribution?.trusted() ?? false });
    const collapsible = node.kind === 'root' ? (node.expanded ? C.Expanded : C.Collapsed)
      : node.kind === 'module' ? C.Expanded
        : node.kind === 'group' ? C.Collapsed
          : node.kind === 'resource' && node.children.length > 0 ? C.Expanded : C.None;
    const item = new vscode.TreeItem(text.label, collapsible);
    item.id = node.id;
    item.description = text.description;
    if (text.markdown) {
      const md = new vscode.MarkdownString(text.tooltip);
      // Only "Who changed it?" runs from a tooltip link.
      md.isTrusted = { enabledCommands: [WHO_CHANGED_COMMAND] };
      item.tooltip = md;
    } else {
      item.tooltip = text.tooltip;
    }
    switch (node.kind) {
      case 'root':
        item.iconPath = new vscode.ThemeIcon('root-folder');
        item.contextValue = 'driftlens.root';
        break;
      case 'module':
        item.iconPath = new vscode.ThemeIcon('package');
        item.contextValue = 'driftlens.module';
        break;
      case 'problem': {
        const e = node.error;
        item.iconPath = new vscode.ThemeIcon(e.severity === 'error' ? 'error' : 'warning');
        item.contextValue = 'driftlens.problem';
        if (e.file) item.command = e.range ? openAt(e.file, e.range) : { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(e.file)] };
        break;
      }
      case 'group':
        item.iconPath = new vscode.ThemeIcon('cloud');
        item.contextValue = 'driftlens.group.unmanaged';
        break;
      case 'resource': {
        const r = node.result;
        item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[r.status]);
        item.contextValue = r.status === 'missing' ? itemContext.resourceMissing
          : r.status === 'drifted' ? itemContext.resourceDrifted
            : r.live !== undefined ? itemContext.resourceWithLive : itemContext.resource;
        item.command = openAt(r.resource.file, r.resource.headerRange);
        break;
      }
      case 'attribute':
        if (node.drift) {
          const d = node.drift;
          item.iconPath = new vscode.ThemeIcon(d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info');
          item.contextValue = d.fixable && !d.sensitive && d.origin ? itemContext.driftFixable : itemContext.drift;
          item.command = openAt(d.location.file, d.location.range);
        } else {
          item.iconPath = new vscode.ThemeIcon('question');
          item.command = openAt(node.unverified!.location.file, node.unverified!.location.range);
        }
        break;
      case 'unmanaged':
        item.iconPath = new vscode.ThemeIcon('cloud');
        item.contextValue = itemContext.unmanaged;
        item.command = { title: 'Copy ID', command: commandId('copyLiveId'), arguments: [node] };
        break;
    }
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function openAt(file: string, range: Parameters<typeof toRange>[0]): vscode.Command {
  return { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(file), { selection: toRange(range) } satisfies vscode.TextDocumentShowOptions] };
}
