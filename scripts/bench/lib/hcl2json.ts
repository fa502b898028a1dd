// @cdktf/hcl2json parsing files already in memory, timed: the same work in the index bench's process
// and in hcl2jsonChild.ts's (the interleaved runs).
import { createRequire } from 'node:module';
import { stopwatch, type Timed } from './phases';

const require = createRequire(__filename);

export async function timeHcl2jsonParse(files: readonly { file: string; text: string }[]): Promise<Timed & { failed: number }> {
  const { parse } = require('@cdktf/hcl2json') as { parse: (name: string, text: string) => Promise<unknown> };
  let failed = 0;
  const time = stopwatch();
  for (const { file, text } of files) {
    const json = (await parse(file, text).catch(() => undefined)) as { resource?: Record<string, Record<string, unknown>> } | undefined;
    if (!json) failed++;
    // The same work as our index: list the resource addresses.
    else for (const [type, byName] of Object.entries(json.resource ?? {})) for (const name of Object.keys(byName)) void `${type}.${name}`;
  }
  return { ...time(), failed };
}
