// The words of each Drift view row: label, description and tooltip, from a tree node (pure: no vscode),
// so plain-Node tests and the secret-corpus test read exactly what the view shows.
import type { Attribution } from '../editor/scanReads';
import { attributionLine, blockAges, findingAge, formatChange } from '../editor/labels';
import { problemRow, shortReason } from '../editor/rootLabels';
import { escapeMarkdown, whoChangedLink } from '../editor/markdown';
import { rootDescription, UNMANAGED_LABEL, type DriftNode } from './driftTreeModel';

export interface RowText {
  label: string;
  description?: string;
  tooltip: string;
  /** The tooltip is markdown (with only the "Who changed it?" command enabled). */
  markdown?: boolean;
}

export interface RowContext {
  now: Date;
  /** What "Who changed it?" found for a resource in its scan, if it ran. */
  attribution?: (node: Extract<DriftNode, { kind: 'resource' }>) => Attribution | undefined;
  /** A lookup may run (trusted workspace): the tooltip offers it. */
  canLookUp?: boolean;
}

export function rowText(node: DriftNode, ctx: RowContext): RowText {
  switch (node.kind) {
    case 'root':
      return { label: node.label, description: rootDescription(node.counts), tooltip: `Root module ${node.root}` };
    case 'module':
      return { label: node.prefix, description: `${node.children.length} ${node.children.length === 1 ? 'resource' : 'resources'}`, tooltip: node.prefix };
    case 'problem': {
      const row = problemRow(node.error, node.parent.root);
      return { label: row.label, description: row.description, tooltip: node.error.message };
    }
    case 'group':
      return { label: UNMANAGED_LABEL, description: String(node.children.length), tooltip: 'Live resources that no Terraform code declares' };
    case 'resource': {
      const r = node.result;
      const status = r.status === 'missing' ? 'missing' : r.status === 'unverified' ? `not verified: ${shortReason(r.reason ?? 'unknown reason', r.resource.root)}` : '';
      const ages = blockAges([r], ctx.now);
      const since = [ages.missing && `Missing since ${ages.missing}`, ages.drifted && `Drifted since ${ages.drifted}`].filter(Boolean).join('\n\n');
      // Reasons keep their own markdown (`terraform state pull` in backticks); only the looked-up principal is escaped.
      const paragraphs = [`**${r.address}** (${r.liveId ?? 'no live ID'})`, r.reason ?? `${r.drifts.length} drifted attributes`];
      if (since) paragraphs.push(since);
      if (r.status === 'drifted' || r.status === 'missing') {
        const found = ctx.attribution?.(node);
        const line = found && attributionLine(found);
        if (line) paragraphs.push(escapeMarkdown(line.charAt(0).toUpperCase() + line.slice(1)));
        else if (ctx.canLookUp && r.liveId) paragraphs.push(`[Who changed it?](${whoChangedLink(r.resource.root, r.address)})`);
      }
      return { label: node.label, description: status ? `${node.where} · ${status}` : node.where, tooltip: paragraphs.join('\n\n'), markdown: true };
    }
    case 'attribute': {
      if (node.drift) {
        const d = node.drift;
        const age = findingAge(d.firstSeen, ctx.now);
        return { label: d.attribute, description: formatChange(d), tooltip: age ? `${d.message}\n\nDrifted since ${age}` : d.message };
      }
      const u = node.unverified!;
      return { label: u.attribute, description: `not verified: ${shortReason(u.reason, node.result.resource.root)}`, tooltip: u.reason };
    }
    case 'unmanaged': {
      const u = node.resource;
      return {
        label: u.name ? `${u.type} ${u.name}` : u.type,
        description: [u.liveId, u.region].filter(Boolean).join(' · '),
        tooltip: 'Live resource that no Terraform code declares. Click to copy its ID.',
      };
    }
  }
}
