// `.driftignore` rules and inline `# driftlens:ignore` comments applied to one root module's results:
// an ignored attribute is dropped (not unverified); an ignored resource is not reported at all.
import type { ResourceResult } from '../model';
import type { WorkspaceIo } from './workspaceIo';
import { inlineIgnoresOf, inlineIgnorePatterns, loadIgnoreRules, matchesAttribute } from './ignoreRules';

/** `dirs`: the scanned folder first, then the root module (the more specific file wins). */
export async function applyIgnoreRules(dirs: string[], results: ResourceResult[], io: WorkspaceIo): Promise<ResourceResult[]> {
  const rules = await loadIgnoreRules(dirs, io.readFile);
  const directives = new Map<string, ReturnType<typeof inlineIgnoresOf>>();
  const out: ResourceResult[] = [];
  for (const r of results) {
    const file = r.resource.file;
    if (!directives.has(file)) directives.set(file, inlineIgnoresOf((await io.readFile(file)) ?? ''));
    const inline = inlineIgnorePatterns(r.resource, directives.get(file)!);
    if (rules.isIgnored(r.address) || inline.includes('*')) continue;
    const ignored = (attribute: string) => rules.isIgnored(r.address, attribute) || matchesAttribute(inline, attribute);
    const drifts = r.drifts.filter((d) => !ignored(d.attribute));
    const unverifiedAttributes = r.unverifiedAttributes.filter((u) => !ignored(u.attribute));
    if (drifts.length === r.drifts.length && unverifiedAttributes.length === r.unverifiedAttributes.length) {
      out.push(r);
      continue;
    }
    out.push({ ...r, drifts, unverifiedAttributes, status: r.status === 'drifted' && drifts.length === 0 ? 'in-sync' : r.status });
  }
  return out;
}
