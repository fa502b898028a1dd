// `driftlens import`: for the unmanaged resources a scan listed, the `import` + `resource` blocks that
// bring them under the root module's code. Live arguments come from the providers (`readUnmanaged`,
// through the same mappers as the scan); IDs of resources the root already manages (in its state)
// become references (`vpc_id = aws_vpc.main.id`).
import { resolve } from 'node:path';
import type { FetchContext, ImportRead, LiveStateProvider, ScanResult, UnmanagedResource } from '../../model';
import { createNamer } from './importNames';
import { renderImport } from './renderImport';

export interface ImportFilter {
  /** Only these types (`aws_instance`). */
  types?: readonly string[];
  /** Only these live IDs. */
  ids?: readonly string[];
}

export interface ImportPlan {
  /** The blocks, ready to write to a `.tf` file of `root`; empty when nothing is importable. */
  text: string;
  imported: { type: string; liveId: string; address: string }[];
  skipped: { type: string; liveId: string; reason: string }[];
}

/**
 * `root`: the root module folder the blocks are for (the file's folder): only its resources are referenced,
 * and its addresses are taken. References name resources state knows; a resource imported in the same run
 * is written by ID, since its `id` is unknown until Terraform imports it.
 */
export async function planImports(result: ScanResult, providers: readonly LiveStateProvider[], root: string, ctx: FetchContext, filter: ImportFilter = {}): Promise<ImportPlan> {
  const rootDir = resolve(root);
  const chosen = result.unmanaged.filter((u) => !u.managedBy && (!filter.types?.length || filter.types.includes(u.type)) && (!filter.ids?.length || filter.ids.includes(u.liveId)));
  const skipped: ImportPlan['skipped'] = [];
  const reads = new Map<UnmanagedResource, ImportRead>();
  const byProvider = new Map<LiveStateProvider, UnmanagedResource[]>();
  for (const u of chosen) {
    const p = providers.find((x) => x.readUnmanaged && x.supports(u.type));
    if (!p) skipped.push({ type: u.type, liveId: u.liveId, reason: 'no provider can read it for import' });
    else byProvider.set(p, [...(byProvider.get(p) ?? []), u]);
  }
  for (const [p, items] of byProvider) for (const [u, r] of await p.readUnmanaged!(items, ctx)) reads.set(u, r);

  // Resources of this root that state (or an import block) ties to a live ID, without module instances (the root cannot name theirs).
  const inRoot = result.resources.filter((r) => resolve(r.resource.root) === rootDir && !r.address.startsWith('module.'));
  const managed = new Map<string, string>();
  for (const r of inRoot) if (r.liveId && r.status !== 'missing') managed.set(`${r.type}\0${r.liveId}`, `${r.address}.id`);
  const name = createNamer(inRoot.map((r) => r.address.replace(/\[.*$/, '')));

  const blocks: string[] = [];
  const imported: ImportPlan['imported'] = [];
  for (const u of chosen) {
    const r = reads.get(u);
    if (!r) continue;
    if (r.status !== 'importable') {
      skipped.push({ type: u.type, liveId: u.liveId, reason: r.reason ?? r.status });
      continue;
    }
    const resourceName = name(u.type, u.name, u.liveId);
    const references = r.references ?? {};
    blocks.push(
      renderImport({
        type: u.type,
        name: resourceName,
        importId: r.importId ?? u.liveId,
        arguments: r.arguments,
        blocks: r.blocks,
        referenceFor: (argument, id) => (references[argument] ? managed.get(`${references[argument]}\0${id}`) : undefined),
      }),
    );
    imported.push({ type: u.type, liveId: u.liveId, address: `${u.type}.${resourceName}` });
  }
  return { text: blocks.join('\n'), imported, skipped };
}
