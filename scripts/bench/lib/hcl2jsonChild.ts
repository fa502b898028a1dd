// @cdktf/hcl2json over a list of files in a process of its own, so that interleaved runs compare a
// new process with a new process (a second parse in one process reuses the compiled wasm). The
// files are read before the clock starts: hcl2json is timed on parsing alone, our CLI on everything.
// Usage: node --import tsx hcl2jsonChild.ts <file with one path per line>; prints `hcl2json {json}`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stopwatch } from './phases';

const require = createRequire(__filename);

async function main(): Promise<void> {
  const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const { parse } = require('@cdktf/hcl2json') as { parse: (name: string, text: string) => Promise<unknown> };
  let failed = 0;
  const time = stopwatch();
  for (let i = 0; i < files.length; i++) {
    const json = (await parse(files[i], texts[i]).catch(() => undefined)) as { resource?: Record<string, Record<string, unknown>> } | undefined;
    if (!json) failed++;
    // The same work as our index: list the resource addresses.
    else for (const [type, byName] of Object.entries(json.resource ?? {})) for (const name of Object.keys(byName)) void `${type}.${name}`;
  }
  const t = time();
  process.stdout.write(`hcl2json ${JSON.stringify({ ...t, failed })}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
