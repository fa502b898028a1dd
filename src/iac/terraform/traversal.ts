// Traversals after a term (hclsyntax spec "Index Operator", "Attribute Access", "Splat
// Operators"): `.name`, legacy `.0`, `[key]`, and the splats `.*` and `[*]`.

import type { Expression, Position, Range, ScopeTraversalExpr, SplatExpr, TraverseStep } from '../../model/ast';
import { Tok } from './lexer';
import { describe, INTERN_MAX, spellingHash, type ParseState } from './parseState';
import { getAttrStep, NO_STEPS, sharedSteps } from './sharedSteps';
import { endOffsetOf, OffsetSpan, type LineMap } from '../offsetRange';

const T = { ...Tok };

/**
 * Where the steps read so far end: the index of their last token (a `.name` or legacy `.0` step, and
 * a splat marker), or the position a `]` closed at (an index step, as expectClose gives it). A token
 * index costs no object: a Position is made only where a range needs one.
 */
type StepEnd = number | Position;

const endOffsetAt = (p: ParseState, end: StepEnd): number => (typeof end === 'number' ? p.ts.end[end] : end.offset);
const endPositionAt = (p: ParseState, end: StepEnd): Position => (typeof end === 'number' ? p.endPos(end) : end);

/**
 * The static steps of the traversal chains being parsed, one segment per chain: a chain's segment
 * starts where the stack stood when it began, and a key expression inside it (`a[b.c].d`) pushes
 * and pops its own chain above. A sealed chain takes its steps as one exact-size (or shared) list;
 * before, each traversal built its steps by a spread copy, then grew it by push (room for 17), then
 * copied it again to share it: a tenth of what parsing allocated on real code (issue 17). The stack
 * is `pending[0, top)`; its length is never lowered, which would make V8 trim and regrow its store.
 */
const pending: TraverseStep[] = [];
/** Beside each pending step, its name's spelling hash (meaningful for a short `.name` step only). */
let pendingHashes = new Int32Array(64);
let top = 0;

function push(step: TraverseStep, hash: number): void {
  if (top === pendingHashes.length) {
    const grown = new Int32Array(top * 2);
    grown.set(pendingHashes);
    pendingHashes = grown;
  }
  pendingHashes[top] = hash;
  pending[top++] = step;
}

/** A traversal parsed from a file with a line table: its range kept as offsets (OffsetSpan). */
export class ParsedScopeTraversal extends OffsetSpan implements ScopeTraversalExpr {
  declare readonly kind: 'ScopeTraversal';
  declare root: string;
  declare steps: TraverseStep[];

  constructor(root: string, steps: TraverseStep[], lines: LineMap, startOffset: number, endOffset: number) {
    super(lines, startOffset, endOffset);
    this.kind = 'ScopeTraversal';
    this.root = root;
    this.steps = steps;
  }
}

/** The traversal `name` at token k, with no steps yet. */
export function scopeTraversal(p: ParseState, k: number, name: string): ScopeTraversalExpr {
  if (p.lines === undefined) return { kind: 'ScopeTraversal', root: name, steps: NO_STEPS, range: p.tokRange(k) };
  return new ParsedScopeTraversal(name, NO_STEPS, p.lines, p.ts.start[k], p.ts.end[k]);
}

/**
 * Adds `step` to `e`'s chain. The first step
 * of a chain starts it: with a traversal's own steps (a sealed one is extended, never changed in
 * place: its list may be shared), or, on any other expression, as a RelativeTraversal over it. Ranges
 * and the steps list are made once per chain, by `seal`.
 */
function addStep(e: Expression, step: TraverseStep, hash: number, started: boolean): Expression {
  if (!started) {
    if (e.kind === 'ScopeTraversal' || e.kind === 'RelativeTraversal') {
      // Indexed: a for-of here made an iterator result per traversal.
      const steps = e.steps;
      for (let i = 0; i < steps.length; i++) {
        const s = steps[i];
        push(s, s.kind === 'GetAttr' ? spellingHash(s.name, 0, s.name.length) : 0);
      }
    } else {
      // Its range is the source's until `seal` extends it to the last step.
      e = { kind: 'RelativeTraversal', source: e, steps: NO_STEPS, range: e.range };
    }
  }
  push(step, hash);
  return e;
}

/**
 * Ends `e`'s chain, if steps were added (`end` is where the last one ends): its steps become one
 * list, `pending[from, top)`, which is popped, and its range reaches the last step.
 */
function seal(p: ParseState, e: Expression, from: number, end: StepEnd | undefined): Expression {
  if (end === undefined || (e.kind !== 'ScopeTraversal' && e.kind !== 'RelativeTraversal')) return e;
  e.steps = sharedSteps(pending, from, top, pendingHashes);
  top = from;
  if (e instanceof OffsetSpan) e.endOffset = endOffsetAt(p, end);
  else if (endOffsetOf(e.range) !== endOffsetAt(p, end)) e.range = p.rangeTo(e.range, endPositionAt(p, end));
  return e;
}

/** The range of a traversal's root name: `var` in `var.region` (HCL names have no line break). */
export function rootRange(e: ScopeTraversalExpr): Range {
  const { start } = e.range;
  const length = e.root.length;
  return { start, end: { offset: start.offset + length, line: start.line, character: start.character + length } };
}

/** A literal index key (`[0]`, `["k"]`) becomes a static step; anything else an IndexExpr. */
function staticKey(key: Expression): number | string | undefined {
  if (key.kind === 'Literal' && typeof key.value === 'number') return key.value;
  if (key.kind === 'Template' && key.heredoc === undefined) {
    if (key.parts.length === 0) return '';
    if (key.parts.length === 1 && key.parts[0].kind === 'TemplateLiteral') return key.parts[0].value;
  }
  return undefined;
}

/**
 * `.name` or legacy `.0` at the current Dot, if present. Its last token is the last one consumed
 * (`p.i - 1`), and a `.name`'s spelling hash is `p.nameHash` until the next name is read.
 */
function attrStep(p: ParseState): TraverseStep | undefined {
  const next = p.peekAhead();
  if (next !== T.Ident && next !== T.Number) return undefined;
  const dot = p.advance();
  const k = p.advance();
  const ts = p.ts;
  if (next === T.Number && p.type[k + 1] === T.Dot && p.type[k + 2] === T.Number && ts.end[k] === ts.start[k + 1] && ts.end[k + 1] === ts.start[k + 2]) {
    // `a.0.1`: hclsyntax reads `0.1` as one number and rejects it; both steps are still kept.
    p.error('Chaining two legacy indexes (a.0.1) is not permitted: write a[0][1].', p.range(p.startPos(dot), p.endPos(k + 2)));
  }
  if (next !== T.Ident) return { kind: 'IndexStep', key: Number(p.tokText(k)) };
  const name = p.name(k);
  return getAttrStep(name, name.length <= INTERN_MAX ? p.nameHash : undefined);
}

/** `[ key ]` at the current bracket: a static step when the key is a literal, the key expression, where `]` closed. */
function indexKey(p: ParseState): { step: TraverseStep | undefined; key: Expression; end: Position; range: Range } {
  const open = p.advance();
  const saved = p.nl;
  p.nl = false;
  const key = p.parser.parseExpression(p);
  const end = p.parser.expectClose(p, T.CBrack, '"]"', open);
  p.nl = saved;
  const range = p.range(p.startPos(open), end);
  const sk = staticKey(key);
  return { step: sk === undefined ? undefined : { kind: 'IndexStep', key: sk }, key, end, range };
}

export function parsePostfix(p: ParseState, term: Expression): Expression {
  // This chain's steps go on `pending` from here; nested chains (in index keys) pop theirs before returning.
  const from = top;
  try {
    return postfixChain(p, term, from);
  } finally {
    // Only an exception leaves steps here (a sealed chain popped its own).
    top = from;
  }
}

function postfixChain(p: ParseState, term: Expression, from: number): Expression {
  let e = term;
  /** Where the last step added to `e` ends; undefined while none was. */
  let end: StepEnd | undefined;
  for (;;) {
    const t = p.peek();
    if (t === T.Dot) {
      if (p.peekAhead() === T.Star) {
        const dot = p.advance();
        const star = p.advance();
        e = parseSplat(p, seal(p, e, from, end), false, p.range(p.startPos(dot), p.endPos(star)), star);
        end = undefined;
        continue;
      }
      const step = attrStep(p);
      if (step === undefined) {
        const dot = p.advance();
        p.error(`Expected an attribute name after ".", found ${describe(p, p.i)}.`, p.tokRange(dot));
        return seal(p, e, from, end);
      }
      e = addStep(e, step, p.nameHash, end !== undefined);
      end = p.i - 1;
    } else if (t === T.OBrack) {
      if (p.peekAhead() === T.Star && p.type[p.i + 2] === T.CBrack) {
        const open = p.advance();
        p.advance();
        const close = p.advance();
        e = parseSplat(p, seal(p, e, from, end), true, p.range(p.startPos(open), p.endPos(close)), close);
        end = undefined;
        continue;
      }
      const index = indexKey(p);
      if (index.step !== undefined) {
        e = addStep(e, index.step, 0, end !== undefined);
        end = index.end;
      } else {
        const collection = seal(p, e, from, end);
        e = { kind: 'Index', collection, key: index.key, range: p.joinNodes(collection, index) };
        end = undefined;
      }
    } else return seal(p, e, from, end);
  }
}

/**
 * The steps after `.*` (attributes only) or `[*]` apply to each element. As in hclsyntax, a full
 * splat takes every traversal after it: static steps go to `each`; from the first computed index
 * or nested splat on, the whole per-element expression goes to `eachExpr` (see ast.ts).
 * `markerEnd` is the marker's last token (`*` or `]`).
 */
function parseSplat(p: ParseState, source: Expression, full: boolean, markerRange: Range, markerEnd: number): Expression {
  const each: TraverseStep[] = [];
  let end: StepEnd = markerEnd;
  let eachExpr: Expression | undefined;
  for (;;) {
    const t = p.peek();
    if (t === T.Dot) {
      if (p.peekAhead() === T.Star) {
        if (full) eachExpr = parsePostfix(p, anonItem(p, markerRange, each, end));
        break;
      }
      const save = p.i;
      const step = attrStep(p);
      if (step === undefined) {
        p.i = save;
        break;
      }
      each.push(step);
      end = p.i - 1;
    } else if (t === T.OBrack && full) {
      const save = p.i;
      if (p.peekAhead() !== T.Star) {
        const index = indexKey(p);
        if (index.step !== undefined) {
          each.push(index.step);
          end = index.end;
          continue;
        }
        p.i = save;
      }
      eachExpr = parsePostfix(p, anonItem(p, markerRange, each, end));
      break;
    } else break;
  }
  const last = eachExpr !== undefined ? eachExpr.range.end : endPositionAt(p, end);
  const splat: SplatExpr = { kind: 'Splat', source, each: sharedSteps(each), full, range: p.rangeTo(source.range, last) };
  if (eachExpr !== undefined) splat.eachExpr = eachExpr;
  return splat;
}

/**
 * The element of a full splat, as `eachExpr` refers to it: root `""` over the static steps read so
 * far, from the splat marker to `end` (where the last of those steps ends).
 */
function anonItem(p: ParseState, markerRange: Range, steps: TraverseStep[], end: StepEnd): Expression {
  const range = endOffsetAt(p, end) === endOffsetOf(markerRange) ? markerRange : p.rangeTo(markerRange, endPositionAt(p, end));
  const item: ScopeTraversalExpr = { kind: 'ScopeTraversal', root: '', steps: [...steps], range };
  return item;
}
