// `npm run bench -- indexSingle [dir] [--sizes 1,5,20]`
// One large `.tf` file of 1, 5 and 20 MB (real files from `dir` concatenated with their labels
// renamed, or the test fixtures when no dir is given), each inventoried by the CLI in a new process:
// time and peak RSS should grow in proportion to the size (issue 17 saw 5 MB take ~10 s and ~400 MB).
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './lib/engine';
import { timeCliProcess } from './lib/phases';

async function tfFiles(dir: string, out: string[] = []): Promise<string[]> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory() && e.name !== '.terraform' && e.name !== '.git') await tfFiles(join(dir, e.name), out);
    else if (e.isFile() && e.name.endsWith('.tf')) out.push(join(dir, e.name));
  }
  return out.sort();
}

/** `bytes` of real Terraform: whole files in a loop, block labels suffixed so no two addresses collide. */
async function bigText(sources: string[], bytes: number): Promise<string> {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = (await readFile(sources[i % sources.length], 'utf8')).replace(
      /^(resource|data|module|variable|output)(\s+"[^"]+")?\s+"([^"]+)"/gm,
      (_m, kw: string, type: string | undefined, name: string) => `${kw}${type ?? ''} "${name}_${i}"`,
    );
    parts.push(text, '\n');
    size += text.length + 1;
  }
  return parts.join('');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--sizes');
  const sizes = (at >= 0 ? args[at + 1] : '1,5,20').split(',').map(Number);
  const given = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--sizes');
  const sources = await tfFiles(given ?? join(repoRoot, 'test', 'fixtures', 'terraform'));
  const work = await mkdtemp(join(tmpdir(), 'driftlens-single-'));
  try {
    console.log(`one file made of ${sources.length} .tf files from ${given ?? 'test/fixtures/terraform'}; CLI inventory --format json in a new process`);
    const rows: { mb: number; seconds: number; cpu: number; rss: number }[] = [];
    for (const mb of sizes) {
      const dir = join(work, `${mb}mb`);
      await mkdir(dir);
      const text = await bigText(sources, mb * 1e6);
      await writeFile(join(dir, 'main.tf'), text);
      const r = timeCliProcess(dir);
      if (typeof r === 'string') throw new Error(r);
      const real = Buffer.byteLength(text) / 1e6;
      rows.push({ mb: real, seconds: r.time.seconds, cpu: r.time.cpuSeconds, rss: r.maxRssMb });
      console.log(
        `  ${real.toFixed(1).padStart(5)} MB  ${r.time.seconds.toFixed(2).padStart(6)} s  cpu ${r.time.cpuSeconds.toFixed(2).padStart(6)} s  ${(real / r.time.seconds).toFixed(1).padStart(5)} MB/s  ` +
          `peak RSS ${r.maxRssMb.toFixed(0).padStart(5)} MB  (${(r.time.cpuSeconds / real).toFixed(2)} cpu-s/MB, ${(r.maxRssMb / real).toFixed(0)} MB RSS/MB)`,
      );
    }
    const [first, last] = [rows[0], rows[rows.length - 1]];
    if (rows.length > 1) {
      console.log(`  ${last.mb.toFixed(0)} MB vs ${first.mb.toFixed(0)} MB: size x${(last.mb / first.mb).toFixed(1)}, cpu x${(last.cpu / first.cpu).toFixed(1)}, RSS x${(last.rss / first.rss).toFixed(1)} (process start-up ~0.1 s and ~50 MB included)`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
