// Coverage of public AWS modules (issue 12): counts `resource "aws_*"` blocks in the module code
// (examples/, wrappers/ and tests/ left out) of git mirrors given as arguments, and reports the
// share of blocks whose type is deep and at least existence-checked, with the uncovered types by count.
// Usage: node --import tsx scripts/bench/awsModuleCoverage.ts <git-dir>... [--json]
import { execFileSync } from 'node:child_process';
import { awsCoverage } from '../../src/providers/aws/coverage';

const NOT_MODULE = /(^|\/)(examples?|wrappers|tests?|fixtures)\//;

function blocksOf(gitDir: string): string[] {
  const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const files = git('ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter((f) => f.endsWith('.tf') && !NOT_MODULE.test(f));
  return files.flatMap((f) => [...git('show', `HEAD:${f}`).matchAll(/^\s*resource\s+"(aws_[a-z0-9_]+)"/gm)].map((m) => m[1]));
}

// `| head` closes stdout early: stop quietly.
process.stdout.on('error', () => process.exit(0));

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const depth = new Map(awsCoverage().map((r) => [r.type, r.depth]));
const blocks = args.flatMap(blocksOf);
const pct = (n: number) => Math.round((1000 * n) / blocks.length) / 10;
const deep = blocks.filter((t) => depth.get(t) === 'deep').length;
const checked = blocks.filter((t) => depth.has(t)).length;
const missing = new Map<string, number>();
for (const t of blocks) if (!depth.has(t)) missing.set(t, (missing.get(t) ?? 0) + 1);
const uncovered = [...missing].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const summary = { repos: args.length, blocks: blocks.length, types: new Set(blocks).size, deepPct: pct(deep), checkedPct: pct(checked), uncovered };
if (process.argv.includes('--json')) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(`${summary.repos} repos, ${summary.blocks} aws_* blocks of ${summary.types} types: deep ${summary.deepPct} %, at least existence-checked ${summary.checkedPct} %`);
  for (const [t, n] of uncovered) console.log(`${String(n).padStart(4)}  ${t}`);
}
