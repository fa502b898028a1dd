// `driftlens inventory`: every resource the code under a folder declares, with its literal values,
// without touching any cloud. Its JSON is a public contract (version 1).
import { relative, resolve, sep } from 'node:path';
import type { DeclaredResource, ModuleIndex, Range } from '../model';
import { bodyLiteral, isUnknown, literalValue, UnknownMarkers, type BodyValue, type LiteralResult } from './terraform/literal';
import { maskParts } from './sensitive';
import { indexModuleMemoSync, indexModuleSync, listModulesSync } from './moduleIndex';
import type { WorkspaceMemo } from './workspaceMemo';
import { emptyModuleIndex } from './terraform/declared';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface InventoryResource {
  /** Module folder relative to the scanned dir, forward slashes; `.` for the dir itself. */
  root: string;
  address: string;
  type: string;
  name: string;
  /** Provider configuration: `aws`, `aws.west`. */
  provider: string;
  /** Relative to the scanned dir, forward slashes. */
  file: string;
  range: LspRange;
  /** Present when the block has `count` / `for_each`. */
  count?: LiteralResult;
  forEach?: LiteralResult;
  attributes: Record<string, BodyValue>;
}

export interface InventoryError {
  file: string;
  range: LspRange;
  message: string;
  severity: 'error' | 'warning';
}

export interface Inventory {
  version: 1;
  resources: InventoryResource[];
  errors: InventoryError[];
}

/**
 * Indexes every module folder below `dir`. Syntax errors are collected, never thrown; an unreadable `dir` rejects.
 * A `memo` must read the disk (as the CLI's does): the texts read here are served to the rest of its run.
 */
export async function buildInventory(dir: string, memo?: WorkspaceMemo): Promise<Inventory> {
  // The index holds absolute paths; the report shows them relative to `dir`.
  const base = resolve(dir);
  // A batch run: a blocking walk, and with a memo, each listing kept for the rest of the run.
  const modules = listModulesSync(base, memo ? (folder, entries) => memo.seedListing(folder, entries) : undefined);
  const inventory: Inventory = { version: 1, resources: [], errors: [] };
  const markers = new UnknownMarkers();
  if (memo) {
    // Evaluation comes next through the same memo: read and parse once for both. Blocking reads, as
    // below: the async read-ahead cost more CPU in thread-pool round trips than it saved in waiting.
    // This reads the disk, so the memo's io is the disk: its folder listings are the whole truth.
    memo.trustListings();
    for (const m of modules) addModule(inventory, base, indexModuleMemoSync(m.dir, m.files, memo), markers);
    return inventory;
  }
  // One folder at a time with blocking reads (a batch run: cheaper than async reads); each index is
  // dropped once reported, so its syntax trees die young and memory stays flat.
  for (const m of modules) addModule(inventory, base, safeIndex(m.dir, m.files), markers);
  return inventory;
}

/** A folder that vanished or became unreadable since the walk is reported, not fatal. */
function safeIndex(dir: string, files: string[]): ModuleIndex {
  try {
    return indexModuleSync(dir, files);
  } catch (err) {
    const index = emptyModuleIndex(dir);
    const at = { offset: 0, line: 0, character: 0 };
    index.files.push({ file: dir, diagnostics: [{ severity: 'error', message: `Cannot read folder: ${err instanceof Error ? err.message : String(err)}`, range: { start: at, end: at } }] });
    return index;
  }
}

/** Adds a folder's resources and problems; `markers` shares the unknown markers of one report. */
export function addModule(inventory: Inventory, dir: string, index: ModuleIndex, markers = new UnknownMarkers()): void {
  const root = relPath(dir, index.dir) || '.';
  // path.relative is costly next to the rest of this loop: once per file, not per resource.
  const rels = new Map<string, string>();
  const rel = (file: string): string => {
    let r = rels.get(file);
    if (r === undefined) rels.set(file, (r = relPath(dir, file)));
    return r;
  };
  for (const r of index.resources) inventory.resources.push(inventoryResource(rel(r.file), root, r, markers));
  for (const f of index.files) {
    for (const d of f.diagnostics) inventory.errors.push({ file: rel(f.file), range: lspRange(d.range), message: d.message, severity: d.severity });
  }
}

function inventoryResource(file: string, root: string, r: DeclaredResource, markers: UnknownMarkers): InventoryResource {
  return {
    root,
    address: r.address,
    type: r.type,
    name: r.name,
    provider: r.provider,
    file,
    range: lspRange(r.range),
    ...(r.count ? { count: markers.share(literalValue(r.count.expr)) } : {}),
    ...(r.forEach ? { forEach: markers.share(literalValue(r.forEach.expr)) } : {}),
    attributes: maskBody(r.type, bodyLiteral(r.body), markers) as Record<string, BodyValue>,
  };
}

/**
 * A secret written as a literal (`password = "hunter2"`) is shown as "(sensitive)": by the provider
 * schema's list or the name heuristic (src/iac/sensitive.ts). Unknown markers hold no value: they
 * stay, as the report's shared marker of their reason. The literal values are this report's own, so
 * what holds nothing to mask is kept as it is (issue 17: each was copied whole).
 */
function maskBody(type: string, v: BodyValue, markers: UnknownMarkers): BodyValue {
  return maskParts<BodyValue>(type, [], v, (part) => (isUnknown(part) ? markers.of(part.$unknown) : undefined));
}

export function lspRange(r: Range): LspRange {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function relPath(from: string, to: string): string {
  const rel = relative(from, to);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** The text format: one line per resource (root, address, file:line), then the errors. */
export function formatInventoryText(inv: Inventory): string {
  const rows = inv.resources.map((r) => [r.root, r.address, `${r.file}:${r.range.start.line + 1}`]);
  const header = ['ROOT', 'ADDRESS', 'LOCATION'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]) : c)).join('  ').trimEnd();
  const out: string[] = [];
  if (rows.length) out.push(line(header), ...rows.map(line));
  const roots = new Set(inv.resources.map((r) => r.root)).size;
  out.push('', `${inv.resources.length} resource${inv.resources.length === 1 ? '' : 's'} in ${roots} root${roots === 1 ? '' : 's'}`);
  if (inv.errors.length) {
    out.push('', `${inv.errors.length} problem${inv.errors.length === 1 ? '' : 's'}:`);
    for (const e of inv.errors) out.push(`  ${e.file}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.severity}: ${e.message}`);
  }
  return `${out.join('\n')}\n`;
}
