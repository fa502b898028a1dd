// A scan of some root modules (`ScanOptions.roots`) put into the last scan of the whole folder: exactly
// those roots' findings, errors, live results and state are replaced, the rest is kept as it was read.
// Pure; the editor's results store (or whoever holds the snapshots) calls it.
import { relative, resolve, isAbsolute } from 'node:path';
import type { ResourceResult, ScanError, ScannedRoot, ScanResult, UnmanagedResource } from '../model';
import { ARM_TEMPLATE_PROVIDER } from './armTemplates/armTemplateScan';
import { summarize } from './results';
import type { LiveSnapshot, ScanOutcome } from './scan';

/** `partial` scanned `roots` (absolute folders) only; `previous` is the last outcome for the same folder. */
export function mergeRootScan(previous: ScanOutcome, partial: ScanOutcome, roots: readonly string[]): ScanOutcome {
  return { result: mergeRootResult(previous.result, partial.result, roots), snapshot: mergeRootSnapshot(previous.snapshot, partial.snapshot, roots) };
}

/** The result half, for a front-end whose snapshots live elsewhere (the editor's scan worker). */
export function mergeRootResult(previous: ScanResult, partial: ScanResult, roots: readonly string[]): ScanResult {
  const scanned = new Set(roots.map((r) => resolve(r)));
  // ARM templates are not Terraform roots: a root-filtered scan never reads them, so theirs are kept.
  const replaced = (r: ResourceResult) => r.provider !== ARM_TEMPLATE_PROVIDER && scanned.has(resolve(r.resource.root));
  const fresh = new Map<string, ResourceResult[]>();
  for (const r of partial.resources) {
    const root = resolve(r.resource.root);
    (fresh.get(root) ?? fresh.set(root, []).get(root)!).push(r);
  }
  // Each root's new findings where its old ones were, so lists and trees keep their order.
  const resources: ResourceResult[] = [];
  for (const r of previous.resources) {
    if (!replaced(r)) resources.push(r);
    else {
      const root = resolve(r.resource.root);
      resources.push(...(fresh.get(root) ?? []));
      fresh.delete(root);
    }
  }
  const firstArm = resources.findIndex((r) => r.provider === ARM_TEMPLATE_PROVIDER);
  resources.splice(firstArm < 0 ? resources.length : firstArm, 0, ...[...fresh.values()].flat());

  const partialRoots = partial.roots ?? [...scanned].map((dir) => ({ dir, moduleDirs: [] }));
  const covered: ScannedRoot[] = [...(previous.roots ?? []).filter((r) => !scanned.has(resolve(r.dir))), ...partialRoots].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  const unmanaged = mergeUnmanaged(previous.unmanaged, partial.unmanaged, resources);
  const errors = mergeErrors(previous.errors, partial.errors, scanned, partialRoots);
  return { ...previous, scannedAt: partial.scannedAt, resources, unmanaged, errors, summary: summarize(resources, unmanaged), roots: covered };
}

/**
 * The new listing wins for what it lists; an old entry stays unless some root now declares it. The listing of a
 * few roots' VPCs / resource groups can name what another root declares: that is not unmanaged either.
 */
function mergeUnmanaged(previous: readonly UnmanagedResource[], partial: readonly UnmanagedResource[], resources: readonly ResourceResult[]): UnmanagedResource[] {
  // Azure IDs compare case-insensitively (ARM does); AWS IDs are lower case already.
  const key = (id: string) => id.toLowerCase();
  const declared = new Set(resources.flatMap((r) => (r.liveId ? [key(r.liveId)] : [])));
  const byId = new Map<string, UnmanagedResource>();
  for (const u of [...previous, ...partial]) byId.set(key(u.liveId), u);
  return [...byId.values()].filter((u) => !declared.has(key(u.liveId)));
}

/**
 * Errors about a file of a scanned root or of a module it calls are replaced; others are kept (another root's,
 * or one no file names, such as a region's denied call: the next full scan says whether it still holds).
 */
function mergeErrors(previous: readonly ScanError[], partial: readonly ScanError[], scanned: ReadonlySet<string>, roots: readonly ScannedRoot[]): ScanError[] {
  const folders = [...scanned, ...roots.flatMap((r) => r.moduleDirs.map((d) => resolve(d)))];
  const ofScanned = (e: ScanError) => e.file !== undefined && folders.some((f) => within(resolve(e.file!), f));
  const text = (e: ScanError) => JSON.stringify([e.kind, e.file, e.message, e.range?.start.line, e.range?.start.character]);
  const fresh = new Set(partial.map(text));
  return [...previous.filter((e) => !ofScanned(e) && !fresh.has(text(e))), ...partial];
}

function within(file: string, folder: string): boolean {
  const rel = relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The snapshot half, where the snapshots live: a re-comparison after an edit then finds every root's live state. Its
 * unmanaged list (what a re-comparison reports) drops what a fetched instance of any root is bound to.
 */
export function mergeRootSnapshot(previous: LiveSnapshot, partial: LiveSnapshot, roots: readonly string[]): LiveSnapshot {
  const live = new Map(previous.live);
  for (const root of roots) live.delete(resolve(root));
  for (const [root, entries] of partial.live) live.set(root, entries);
  const bound = new Set([...live.values()].flatMap((m) => [...m.values()].map((e) => e.liveId.toLowerCase())));
  const listed = new Map<string, UnmanagedResource>();
  for (const u of [...(previous.extras?.unmanaged ?? []), ...(partial.extras?.unmanaged ?? [])]) listed.set(u.liveId.toLowerCase(), u);
  const unmanaged = [...listed.values()].filter((u) => !bound.has(u.liveId.toLowerCase()));
  return {
    ...partial,
    live,
    // Providers keep what their full fetch learnt (which rules and attachments the code owns, for every root):
    // a re-comparison after an edit uses only their `supports` / `schema`.
    providers: previous.providers,
    extras: previous.extras ? { ...previous.extras, unmanaged } : { caches: new Map(), unmanaged },
    pulledStates: new Map([...(previous.pulledStates ?? []), ...(partial.pulledStates ?? [])]),
  };
}
