// How much TurboFan inlines into one optimized function, for the CLI's runs. V8's default budget
// (920 bytes of bytecode, cumulative) suits long-running servers; a CLI run lasts seconds, and on a
// machine with two cores the compiler's thread competes with the garbage collector's helpers: a
// `driftlens inventory` of 6,367 public module files spent ~1.5 CPU-s compiling, big evaluator and
// lexer functions recompiled 4-6 times after deopts. With a budget of 200: 3.13-3.36 s instead of
// 3.48-3.58 s of wall time and ~0.6 CPU-s less, the main thread no slower (issue 17). Only the CLI
// sets it: the editor runs in VS Code's extension host, whose V8 flags are VS Code's to choose.
import { setFlagsFromString } from 'node:v8';

export const INLINED_BYTECODE_CUMULATIVE = 200;

/** The V8 flag to set, or undefined when the user chose an inlining budget already. */
export function inliningFlag(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string | undefined {
  const chosen = (arg: string) => /^--(max[-_]inlined[-_]bytecode[-_]size[-_]cumulative|no[-_]turbo[-_]inlining|turbo[-_]inlining)\b/.test(arg);
  if (execArgv.some(chosen) || nodeOptions.split(/\s+/).some(chosen)) return undefined;
  return `--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE}`;
}

/**
 * Sets the budget for this process before any hot code is compiled: the compiler reads it for each
 * function it optimizes (it is not one of the flags fixed at start-up).
 */
export function boundInlining(): void {
  const flag = inliningFlag();
  if (flag) setFlagsFromString(flag);
}
