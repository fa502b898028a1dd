// The status CodeLens of a resource block, without vscode: its title and its hover (the full reason).
import type { ResourceResult } from '../model';
import { blockAges, codeLensTitle, summarizeBlock } from '../editor/labels';

export function statusLensText(instances: readonly ResourceResult[], checkedAt: Date, now: Date, where?: string): { title: string; tooltip: string } {
  const title = codeLensTitle(summarizeBlock(instances), checkedAt, now, where, blockAges(instances, now));
  const full = instances.find((r) => r.reason)?.reason;
  return { title, tooltip: full ? `${full}\n\nReveal in the Drift view` : 'Reveal in the Drift view' };
}
