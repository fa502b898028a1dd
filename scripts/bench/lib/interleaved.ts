// `--runs N`: the CLI inventory and @cdktf/hcl2json, each in a new process, alternately N times, and
// the ratio of each pair. On a shared machine one run's ratio moves with the host's load (2.6x-4.1x
// for the same code on 2026-12-06): pairs taken back to back see the same load, and the median of
// several pairs is the figure to quote.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeCliProcess, type Timed } from './phases';

interface Pair {
  cli: Timed & { maxRssMb: number };
  hcl: Timed;
}

/** hcl2json over `files` in a new process (its reads before its clock). */
function timeHcl2jsonProcess(listFile: string): Timed | string {
  const child = join(__dirname, 'hcl2jsonChild.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, listFile], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  const line = /hcl2json (.*)/.exec(r.stdout?.toString() ?? '');
  if (r.status !== 0 || !line) return `hcl2json process failed (${r.status ?? r.signal}): ${r.stderr?.toString().slice(0, 300) ?? ''}`;
  return JSON.parse(line[1]) as Timed;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Prints N interleaved pairs and the median, lowest and highest ratio. `ourBytes` is what the
 * inventory reads (every Terraform file), `hclBytes` the `.tf` files hcl2json parses: the ratio is
 * of throughputs, as in the single-run rows.
 */
export function printInterleavedRatios(dir: string, tfFiles: string[], ourBytes: number, hclBytes: number, runs: number): void {
  const tmp = mkdtempSync(join(tmpdir(), 'driftlens-bench-pairs-'));
  try {
    const listFile = join(tmp, 'files.txt');
    writeFileSync(listFile, tfFiles.join('\n'));
    console.log(`\ninterleaved runs (each a new process; the order alternates so neither always runs first):`);
    const pairs: Pair[] = [];
    for (let i = 0; i < runs; i++) {
      let cli: ReturnType<typeof timeCliProcess> | undefined;
      let hcl: ReturnType<typeof timeHcl2jsonProcess> | undefined;
      if (i % 2 === 0) {
        cli = timeCliProcess(dir);
        hcl = timeHcl2jsonProcess(listFile);
      } else {
        hcl = timeHcl2jsonProcess(listFile);
        cli = timeCliProcess(dir);
      }
      if (typeof cli === 'string' || typeof hcl === 'string') {
        console.error(typeof cli === 'string' ? cli : hcl);
        return;
      }
      const pair = { cli: { ...cli.time, maxRssMb: cli.maxRssMb }, hcl };
      pairs.push(pair);
      const [wall, cpu] = ratios(pair, ourBytes, hclBytes);
      console.log(
        `  run ${String(i + 1).padStart(2)}  CLI inventory ${pair.cli.seconds.toFixed(3)} s (cpu ${pair.cli.cpuSeconds.toFixed(3)} s, peak RSS ${pair.cli.maxRssMb.toFixed(0)} MB)` +
          `  hcl2json ${hcl.seconds.toFixed(3)} s (cpu ${hcl.cpuSeconds.toFixed(3)} s)  ratio ${wall.toFixed(1)}x wall, ${cpu.toFixed(1)}x cpu`,
      );
    }
    const walls = pairs.map((p) => ratios(p, ourBytes, hclBytes)[0]);
    const cpus = pairs.map((p) => ratios(p, ourBytes, hclBytes)[1]);
    console.log(
      `ratio  CLI inventory vs @cdktf/hcl2json over ${runs} interleaved runs: median ${median(walls).toFixed(1)}x wall (lowest ${Math.min(...walls).toFixed(1)}, highest ${Math.max(...walls).toFixed(1)}),` +
        ` median ${median(cpus).toFixed(1)}x cpu (lowest ${Math.min(...cpus).toFixed(1)}, highest ${Math.max(...cpus).toFixed(1)});` +
        ` CLI median ${median(pairs.map((p) => p.cli.seconds)).toFixed(3)} s, hcl2json median ${median(pairs.map((p) => p.hcl.seconds)).toFixed(3)} s`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function ratios(p: Pair, ourBytes: number, hclBytes: number): [wall: number, cpu: number] {
  return [ourBytes / p.cli.seconds / (hclBytes / p.hcl.seconds), ourBytes / p.cli.cpuSeconds / (hclBytes / p.hcl.cpuSeconds)];
}
