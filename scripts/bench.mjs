// `npm run bench -- <name> [args]`: runs scripts/bench/<name>.ts (all of them when no name is given).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(join(here, 'bench')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const run = name ? [name] : available;
for (const n of run) {
  const file = join(here, 'bench', `${n}.ts`);
  if (!existsSync(file)) {
    console.error(`unknown benchmark "${n}"; available: ${available.join(', ')}`);
    process.exit(1);
  }
  console.log(`\n== bench ${n} ==`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
