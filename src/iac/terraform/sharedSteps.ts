// Traversal steps shared between syntax trees. A third of what the parsed declarations of real code
// keep alive is traversals (`var.name`, `each.value`, `local.tags`): per traversal a step object per
// `.name` and a steps array, the same few hundred spellings over and over (issue 17: on 6,367 public
// module files, 204 K GetAttr steps and 199 K steps arrays; every object a tree keeps is copied by
// V8's young-generation collector). Steps and step lists are never changed once parsed, so one
// object per spelling serves every tree.
//
// The tables are lossy and bounded like `ParseState.name`'s (parseState.ts: same hash, same slots) and
// hold names up to its length only, copied so that no table keeps a file's text alive: a process
// that parses for weeks keeps no more than this.
import type { TraverseStep } from '../../model/ast';
import { flatCopy, INTERN_MAX as NAME_MAX, INTERN_SLOTS as SLOTS, internSlot as slotOf, spellingHash } from './parseState';

type GetAttrStep = Extract<TraverseStep, { kind: 'GetAttr' }>;

/** Longer lists are rare and seldom repeated. */
const LIST_MAX = 4;

const stepTable: (GetAttrStep | undefined)[] = new Array<GetAttrStep | undefined>(SLOTS).fill(undefined);
const listTable: (readonly TraverseStep[] | undefined)[] = new Array<readonly TraverseStep[] | undefined>(SLOTS).fill(undefined);

/** The steps of a traversal with none: shared, and frozen so that nothing can add to it. */
export const NO_STEPS: TraverseStep[] = Object.freeze([]) as unknown as TraverseStep[];

const hashName = (name: string): number => spellingHash(name, 0, name.length);

/** `.name` as the step object last made for that name, if its slot still holds it. `h` is the name's spelling hash, when known. */
export function getAttrStep(name: string, h?: number): TraverseStep {
  if (name.length > NAME_MAX) return { kind: 'GetAttr', name };
  const slot = slotOf(h ?? hashName(name));
  const hit = stepTable[slot];
  if (hit !== undefined && hit.name === name) return hit;
  // A name sliced from a file's text is copied: the table outlives the text.
  const fresh: GetAttrStep = Object.freeze({ kind: 'GetAttr', name: flatCopy(name, 0, name.length) }) as GetAttrStep;
  stepTable[slot] = fresh;
  return fresh;
}

/**
 * A finished traversal's steps, `steps[from, to)`: a shared list when every step is a short `.name`
 * (the same step objects, in order, give the same list), else a copy at its exact size (see `exact`).
 * The parser hands its stack of pending steps, where this traversal's lie on it and, beside it, the
 * spelling hash of each step's name (traversal.ts).
 */
export function sharedSteps(steps: readonly TraverseStep[], from = 0, to = steps.length, hashes?: Int32Array): TraverseStep[] {
  const n = to - from;
  if (n <= 0) return NO_STEPS;
  // Already shared (a traversal sealed twice).
  if (n === steps.length && Object.isFrozen(steps)) return steps as TraverseStep[];
  if (n > LIST_MAX) return steps.slice(from, to);
  let h = n;
  for (let i = from; i < to; i++) {
    const s = steps[i];
    if (s.kind !== 'GetAttr' || s.name.length > NAME_MAX) return steps.slice(from, to);
    h = (Math.imul(h, 31) + (hashes === undefined ? hashName(s.name) : hashes[i])) | 0;
  }
  const slot = slotOf(h);
  const hit = listTable[slot];
  if (hit !== undefined && sameSteps(hit, steps, from, n)) return hit as TraverseStep[];
  const fresh = Object.freeze(steps.slice(from, to));
  listTable[slot] = fresh;
  return fresh as TraverseStep[];
}

/** Whether `a` holds the same step objects as the `n` of `b` from `from`. */
function sameSteps(a: readonly TraverseStep[], b: readonly TraverseStep[], from: number, n: number): boolean {
  if (a.length !== n) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[from + i]) return false;
  return true;
}
