// How far V8 lets the heap grow past what a full collection left live, for the commands that scan.
// V8 sizes that headroom for long-running servers: up to 4× the live data on a machine with a few GB
// of memory. A one-shot scan keeps ~8 KB per resource live while it decodes and drops several times that
// in API answers, so most of its peak was garbage waiting for the next full collection: at 10,000
// resources ~120 MB of a ~365 MB peak RSS (issue 15). Growing by 80 % instead (with our XML parser and one
// buffer per answer) keeps it at 273–278 MB for the same CPU time (`npm run bench -- scan`: full collections
// come more often and each is smaller). The editor's extension host is never touched: its heap is VS Code's to tune.
import { setFlagsFromString } from 'node:v8';

/** Commands whose run is one scan: `fix` and `import` scan before they write. */
const SCANNING = new Set(['scan', 'fix', 'import']);

export const HEAP_GROWING_PERCENT = 80;

/** The V8 flag to set for `command`, or undefined: not a scan, or the user chose a heap growth already. */
export function heapGrowthFlag(command: string, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string | undefined {
  if (!SCANNING.has(command)) return undefined;
  const chosen = (arg: string) => /^--heap[-_]growing[-_]percent\b/.test(arg);
  if (execArgv.some(chosen) || nodeOptions.split(/\s+/).some(chosen)) return undefined;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/**
 * Sets the flag for this process. V8 reads it at each full collection (it is not one of the flags fixed at
 * start-up), so setting it before the command runs is enough.
 */
export function boundHeapGrowth(command: string): void {
  const flag = heapGrowthFlag(command);
  if (flag) setFlagsFromString(flag);
}
