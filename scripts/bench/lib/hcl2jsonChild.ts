// @cdktf/hcl2json over a list of files in a process of its own, so that interleaved runs compare a
// new process with a new process (a second parse in one process reuses the compiled wasm). The
// files are read before the clock starts: hcl2json is timed on parsing alone, our CLI on everything.
// Usage: node --import tsx hcl2jsonChild.ts <file with one path per line>; prints `hcl2json {json}`.
import { readFileSync } from 'node:fs';
import { timeHcl2jsonParse } from './hcl2json';

async function main(): Promise<void> {
  const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  const t = await timeHcl2jsonParse(files.map((file) => ({ file, text: readFileSync(file, 'utf8') })));
  process.stdout.write(`hcl2json ${JSON.stringify(t)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
