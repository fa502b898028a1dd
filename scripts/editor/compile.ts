// Compiles the extension-host test entry and suites to out/test/integration/** (the host loads JS).
// Each suite is its own bundle, so it may import relative TS helpers (e.g. test/fakes/ec2);
// `vscode` and npm packages stay external and resolve from the repo's node_modules at run time.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

export const INTEGRATION_OUT = join(ROOT, 'out/test/integration');

export async function compileIntegrationTests(): Promise<string[]> {
  const suiteDir = join(ROOT, 'test/integration/suite');
  const suites = readdirSync(suiteDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(suiteDir, f));
  if (suites.length === 0) throw new Error(`no suites found under ${suiteDir}`);
  rmSync(INTEGRATION_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(ROOT, 'test/integration/index.ts'), ...suites],
    outbase: join(ROOT, 'test/integration'),
    outdir: INTEGRATION_OUT,
    bundle: true,
    packages: 'external',
    external: ['vscode'],
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return suites;
}
