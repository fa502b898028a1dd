// `npm run package`: a production build and a VSIX made with @vscode/vsce. Dependencies are
// bundled by esbuild, so the VSIX carries no node_modules (--no-dependencies) and .vscodeignore
// is an allow-list. Fails when the VSIX is larger than the 3 MB budget.
//
//   node --import tsx scripts/package.ts [--out <file.vsix>] [--no-build  (package dist/ as it is)]
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(__dirname, '..');
export const VSIX_BUDGET_BYTES = 3 * 1024 * 1024;
/** Files the extension loads at run time: a VSIX without one of them activates, then fails (the scan worker falls back to the host's thread). */
export const VSIX_REQUIRED_FILES = ['dist/extension.js', 'dist/scanWorker.js', 'dist/ec2Sdk.js', 'dist/azureSdk.js', 'package.json'];

export function defaultVsixPath(): string {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(ROOT, `${name}-${version}.vsix`);
}

/** Builds for production and packages; returns the VSIX path and size. Throws on failure or over budget. */
export function packageVsix(out = defaultVsixPath(), build = true): { path: string; bytes: number } {
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
  };
  if (build) run(process.execPath, ['scripts/build.mjs', '--production']);
  const missing = missingFromVsix(vsixFileList());
  if (missing.length) throw new Error(`.vscodeignore leaves out ${missing.join(', ')}`);
  // --no-rewrite-relative-links: README images (media/screenshot.png) ship inside the VSIX and
  // resolve there; there is no public repository URL to rewrite them to. The Details page shows the
  // user's README (docs/marketplace/README.md: what the extension does), not the developers' one.
  run(join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--no-rewrite-relative-links', '--readme-path', 'docs/marketplace/README.md', '--out', out]);
  const bytes = statSync(out).size;
  if (bytes > VSIX_BUDGET_BYTES) throw new Error(`${out} is ${(bytes / 1048576).toFixed(2)} MB, over the 3 MB budget`);
  return { path: out, bytes };
}

/** What `vsce ls` would put in the VSIX (the .vscodeignore allow-list applied), as relative paths. */
export function vsixFileList(): string[] {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vsce ls failed (exit ${r.status}): ${r.stderr.trim()}`);
  return r.stdout.split('\n').map((l) => l.trim().replace(/\\/g, '/')).filter(Boolean);
}

export function missingFromVsix(files: readonly string[]): string[] {
  return VSIX_REQUIRED_FILES.filter((f) => !files.includes(f));
}

if (require.main === module) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-build': { type: 'boolean' } } });
  try {
    const { path, bytes } = packageVsix(values.out ? resolve(values.out) : undefined, !values['no-build']);
    console.log(`packaged ${path}: ${(bytes / 1024).toFixed(0)} KiB (budget ${VSIX_BUDGET_BYTES / 1024} KiB)`);
  } catch (e) {
    console.error(`package: ${(e as Error).message}`);
    process.exit(1);
  }
}
