// `npm run bench -- editor [--runs 15]`: what the editor costs before any scan.
// - bundle size: dist/extension.js as shipped (production build) and the VSIX;
// - activation time: require(dist/extension.js) + activate(context) in a fresh Node process
//   with a stub `vscode` module (scripts/editor/activationProbe.cjs) — the extension's own
//   cost, not VS Code's; median and p90 over N processes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageVsix } from '../package';

const ROOT = resolve(__dirname, '../..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);

const tmp = mkdtempSync(join(tmpdir(), 'driftlens-bench-editor-'));
try {
  const vsix = packageVsix(join(tmp, 'driftlens.vsix')); // production build into dist/, then the VSIX
  const bundle = statSync(join(ROOT, 'dist/extension.js')).size;
  const samples: { requireMs: number; activateMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/editor/activationProbe.cjs'), join(ROOT, 'dist/extension.js')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr.trim());
    samples.push(JSON.parse(r.stdout) as { requireMs: number; activateMs: number });
  }
  const total = samples.map((s) => s.requireMs + s.activateMs).sort((a, b) => a - b);
  const req = samples.map((s) => s.requireMs).sort((a, b) => a - b);
  const pick = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  console.log(`dist/extension.js (production): ${(bundle / 1024).toFixed(0)} KiB`);
  console.log(`VSIX:                            ${(vsix.bytes / 1024).toFixed(0)} KiB (budget 3072 KiB)`);
  console.log(`activation (require + activate, stub vscode, ${runs} fresh processes): median ${pick(total, 0.5).toFixed(1)} ms, p90 ${pick(total, 0.9).toFixed(1)} ms (require alone: median ${pick(req, 0.5).toFixed(1)} ms)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
  // Leave the usual development build behind (with source maps), as `npm run build` does.
  spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
