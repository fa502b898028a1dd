// The markdown of the DriftLens hover on a drifted value or a missing resource's header: how long it has
// been open (from the drift history) and who changed it (looked up on demand, through a command link).
// Pure (no vscode), so plain-Node tests pin the text and the secret-corpus test reads it.
import type { ChangedBy, Drift, ResourceResult } from '../model';
import { attributionLine, findingAge } from '../editor/labels';
import { escapeMarkdown, whoChangedLink } from '../editor/markdown';

export interface HoverEntry {
  result: Pick<ResourceResult, 'address' | 'status' | 'firstSeen' | 'liveId'> & { resource: { root: string } };
  /** The drifted attribute under the cursor; absent on a missing resource's header. */
  drift?: Pick<Drift, 'attribute' | 'firstSeen'>;
  /** What "Who changed it?" found for this resource and scan; absent until it ran. */
  attribution?: { changedBy?: ChangedBy; attributionNote?: string };
  /** Several roots reach this line: the root's name tells the entries apart. */
  rootName?: string;
}

/**
 * One paragraph per entry; empty when there is nothing to say. `canLookUp`: the workspace is trusted
 * (the link is offered only then: a lookup calls the cloud's audit log).
 */
export function hoverMarkdown(entries: readonly HoverEntry[], now: Date, canLookUp: boolean): string {
  const paragraphs: string[] = [];
  for (const e of entries) {
    const { result, drift } = e;
    const lines: string[] = [];
    const name = `${e.rootName ? `${escapeMarkdown(e.rootName)} › ` : ''}${escapeMarkdown(result.address)}${drift ? ` · ${escapeMarkdown(drift.attribute)}` : ''}`;
    const age = findingAge(drift ? drift.firstSeen : result.firstSeen, now);
    lines.push(`**${name}**: ${drift ? 'drifted' : 'missing in the cloud'}${age ? ` since ${escapeMarkdown(age)}` : ''}`);
    const found = e.attribution && attributionLine(e.attribution);
    if (found) lines.push(escapeMarkdown(found.charAt(0).toUpperCase() + found.slice(1)));
    else if (canLookUp && result.liveId) lines.push(`[Who changed it?](${whoChangedLink(result.resource.root, result.address)} "Look up the last change in the cloud's audit log (read-only)")`);
    if (lines.length > 1 || age) paragraphs.push(lines.join('  \n'));
  }
  return paragraphs.join('\n\n---\n\n');
}
