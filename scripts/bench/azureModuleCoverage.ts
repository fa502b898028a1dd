// Coverage of public Azure modules (issue 13): counts `resource "azurerm_*"` and `resource "azapi_*"` blocks in
// the module code (examples/, tests/ and fixtures left out) of git mirrors given as arguments, and reports the
// share of blocks whose type is deep and at least existence-checked, with the non-deep types by count.
// A type counts as existence-checked only when DriftLens reads its ID through Resource Manager (azureReadability).
// Usage: node --import tsx scripts/bench/azureModuleCoverage.ts <git-dir>... [--json] [--all]
import { execFileSync } from 'node:child_process';
import { azureCoverage } from '../../src/providers/azure/coverage';
import { azureReadability } from '../../src/providers/azure/readability';

const NOT_MODULE = /(^|\/)(examples?|tests?|fixtures|testing)\//;

function blocksOf(gitDir: string): string[] {
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const files = git('ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter((f) => f.endsWith('.tf') && !NOT_MODULE.test(f));
  return files.flatMap((f) => [...git('show', `HEAD:${f}`).matchAll(/^\s*resource\s+"((?:azurerm|azapi)_[a-z0-9_]+)"/gm)].map((m) => m[1]));
}

// `| head` closes stdout early: stop quietly.
process.stdout.on('error', () => process.exit(0));

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rows = azureCoverage();
const deepTypes = new Set(rows.filter((r) => r.depth === 'deep').map((r) => r.type));
const blocks = args.flatMap(blocksOf);
const pct = (n: number, of: number) => (of ? Math.round((1000 * n) / of) / 10 : 0);
const azurerm = blocks.filter((t) => t.startsWith('azurerm_'));
// A deep type whose IDs DriftLens cannot read (management-group scope) is neither deep nor checked in practice.
const isChecked = (t: string) => azureReadability(t).readable;
const isDeep = (t: string) => deepTypes.has(t) && isChecked(t);
const nonDeep = new Map<string, number>();
for (const t of blocks) if (!isDeep(t)) nonDeep.set(t, (nonDeep.get(t) ?? 0) + 1);
const byCount = [...nonDeep].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const summary = {
  repos: args.length,
  blocks: blocks.length,
  azurermBlocks: azurerm.length,
  types: new Set(blocks).size,
  // Issue 13's bars: deep over azurerm_* blocks, existence-checked over azurerm_* and azapi_* blocks.
  azurermDeepPct: pct(azurerm.filter(isDeep).length, azurerm.length),
  checkedPct: pct(blocks.filter(isChecked).length, blocks.length),
  nonDeep: byCount.map(([type, n]) => ({ type, blocks: n, checked: isChecked(type), ...(isChecked(type) ? {} : { why: azureReadability(type).why }) })),
};
if (process.argv.includes('--json')) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(
    `${summary.repos} repos, ${summary.blocks} azurerm_*/azapi_* blocks (${summary.azurermBlocks} azurerm_*) of ${summary.types} types: ` +
      `azurerm deep ${summary.azurermDeepPct} %, at least existence-checked ${summary.checkedPct} %`,
  );
  const shown = process.argv.includes('--all') ? summary.nonDeep : summary.nonDeep.slice(0, 40);
  for (const r of shown) console.log(`${String(r.blocks).padStart(4)}  ${r.type}${r.checked ? '' : `  (not read: ${r.why})`}`);
  if (shown.length < summary.nonDeep.length) console.log(`… ${summary.nonDeep.length - shown.length} more non-deep types (--all)`);
}
