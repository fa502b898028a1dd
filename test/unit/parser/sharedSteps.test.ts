// Traversal steps are shared between trees (sharedSteps.ts): the same spelling gives the same
// objects, nothing shared can be changed, and what a tree says is what it said before.
import * as assert from 'node:assert/strict';
import type { Expression, TraverseStep } from '../../../src/model/ast';
import { parseExpression, parseHcl } from '../../../src/iac/terraform/parser';
import { getAttrStep, NO_STEPS, sharedSteps } from '../../../src/iac/terraform/sharedSteps';
import { flatCopy, INTERN_MAX } from '../../../src/iac/terraform/parseState';

function expr(src: string): Expression {
  const { expr, diagnostics } = parseExpression(src);
  assert.deepEqual(diagnostics, []);
  return expr;
}

function steps(e: Expression): TraverseStep[] {
  assert.ok(e.kind === 'ScopeTraversal' || e.kind === 'RelativeTraversal', e.kind);
  return e.steps;
}

describe('shared traversal steps', () => {
  it('gives two trees the same step objects and the same steps list for the same spelling', () => {
    const a = parseHcl('x = var.name\n').body.items[0];
    const b = parseHcl('y = "${var.name}"\nz = var.name\n').body.items[1];
    assert.ok(a.kind === 'Attribute' && b.kind === 'Attribute');
    assert.equal(steps(a.expr), steps(b.expr));
    assert.deepEqual(steps(a.expr), [{ kind: 'GetAttr', name: 'name' }]);
    assert.equal(steps(expr('each.value.tags'))[0], steps(expr('count.value'))[0]);
  });

  it('keeps lists apart that differ in a step or in order', () => {
    assert.notEqual(steps(expr('a.b.c')), steps(expr('a.c.b')));
    assert.deepEqual(steps(expr('a.c.b')).map((s) => (s.kind === 'GetAttr' ? s.name : s.key)), ['c', 'b']);
    assert.deepEqual(steps(expr('a.b[0].c')), [{ kind: 'GetAttr', name: 'b' }, { kind: 'IndexStep', key: 0 }, { kind: 'GetAttr', name: 'c' }]);
  });

  it('shares nothing that can be changed: shared steps and lists are frozen, a root alone has the empty list', () => {
    const e = expr('local.tags');
    assert.ok(Object.isFrozen(steps(e)) && Object.isFrozen(steps(e)[0]));
    assert.equal(steps(expr('each')), NO_STEPS);
    assert.throws(() => (NO_STEPS as TraverseStep[]).push(getAttrStep('x')));
  });

  it('extends a traversal whose steps are shared by a copy (a splat item over a shared prefix)', () => {
    const e = expr('var.list[*].a.b');
    assert.equal(e.kind, 'Splat');
    assert.ok(e.kind === 'Splat');
    assert.deepEqual(steps(e.source), [{ kind: 'GetAttr', name: 'list' }]);
    assert.deepEqual(e.each, [{ kind: 'GetAttr', name: 'a' }, { kind: 'GetAttr', name: 'b' }]);
    assert.deepEqual(steps(expr('var.list')), [{ kind: 'GetAttr', name: 'list' }], 'the shared list was extended in place');
  });

  it('shares names up to INTERN_MAX long, copied out of their text; longer ones get a fresh step and list each time', () => {
    const long = 'a_rather_long_attribute_name';
    assert.ok(long.length > 12 && long.length <= INTERN_MAX);
    const a = parseHcl(`x = var.${long}\n`).body.items[0];
    const b = parseHcl(`y = [var.${long}]\n`).body.items[0];
    assert.ok(a.kind === 'Attribute' && b.kind === 'Attribute' && b.expr.kind === 'Tuple');
    assert.equal(steps(a.expr), steps(b.expr.items[0]));
    assert.deepEqual(steps(a.expr), [{ kind: 'GetAttr', name: long }]);
    const longer = 'n'.repeat(INTERN_MAX + 1);
    assert.notEqual(getAttrStep(longer), getAttrStep(longer));
    assert.deepEqual(getAttrStep(longer), { kind: 'GetAttr', name: longer });
    const list = [getAttrStep(longer)];
    const out = sharedSteps(list);
    assert.notEqual(out, list);
    assert.deepEqual(out, list);
    assert.ok(!Object.isFrozen(out));
  });

  it('copies a long name exactly, whatever its characters', () => {
    for (const name of ['resource_group_name', 'ünïcødé_attribute_name', 'name_with_😀_inside_it', 'x'.repeat(INTERN_MAX)]) {
      const text = `prefix ${name} suffix`;
      assert.equal(flatCopy(text, 7, 7 + name.length), name);
    }
  });

  it('a slot taken by another spelling gives a fresh, equal step: lossy, never wrong', () => {
    const seen = new Map<string, TraverseStep>();
    for (let i = 0; i < 20000; i++) seen.set(`n${i}`, getAttrStep(`n${i}`));
    for (const [name, step] of seen) assert.deepEqual(getAttrStep(name), step);
  });

  // Each chain's steps go on one stack until the chain ends (traversal.ts): a chain in an index key
  // pushes and pops its own above them, and whatever a broken chain leaves must not reach the next.
  const names = (list: TraverseStep[]): (string | number)[] => list.map((s) => (s.kind === 'GetAttr' ? s.name : s.key));
  const cases: [string, (file: string) => Expression][] = [
    ['an expression parsed alone', (src) => expr(src)],
    ['an attribute of a file (ranges as offsets)', (src) => {
      const item = parseHcl(`v = ${src}\n`).body.items[0];
      assert.ok(item.kind === 'Attribute');
      return item.expr;
    }],
  ];
  for (const [where, parse] of cases) {
    it(`keeps nested chains apart, with the range each reaches: ${where}`, () => {
      const src = 'a.b[c.d[e.f].g].h.i';
      const shift = where.startsWith('an attribute') ? 4 : 0;
      const text = (e: Expression, of = src): string => of.slice(e.range.start.offset - shift, e.range.end.offset - shift);
      const outer = parse(src);
      assert.ok(outer.kind === 'RelativeTraversal' && outer.source.kind === 'Index');
      assert.deepEqual(names(outer.steps), ['h', 'i']);
      assert.equal(text(outer), src);
      const { collection, key } = outer.source;
      assert.ok(collection.kind === 'ScopeTraversal' && key.kind === 'RelativeTraversal' && key.source.kind === 'Index');
      assert.deepEqual([collection.root, ...names(collection.steps)], ['a', 'b']);
      assert.equal(text(collection), 'a.b');
      assert.deepEqual(names(key.steps), ['g']);
      assert.equal(text(key), 'c.d[e.f].g');
      const inner = key.source;
      assert.ok(inner.collection.kind === 'ScopeTraversal' && inner.key.kind === 'ScopeTraversal');
      assert.deepEqual([inner.collection.root, ...names(inner.collection.steps)], ['c', 'd']);
      assert.deepEqual([inner.key.root, ...names(inner.key.steps)], ['e', 'f']);
      assert.equal(text(inner.key), 'e.f');
      // Static keys stay steps of the same chain, around a nested one.
      const mixedSrc = 'x[0].y["k"].z[w.v[1]]';
      const mixed = parse(mixedSrc);
      assert.ok(mixed.kind === 'Index' && mixed.collection.kind === 'ScopeTraversal' && mixed.key.kind === 'ScopeTraversal');
      assert.deepEqual(names(mixed.collection.steps), [0, 'y', 'k', 'z']);
      assert.deepEqual(names(mixed.key.steps), ['v', 1]);
      assert.equal(text(mixed.collection, mixedSrc), 'x[0].y["k"].z');
      assert.equal(text(mixed.key, mixedSrc), 'w.v[1]');
    });
  }

  it('starts every chain clean after one that broke off (unclosed bracket, missing name)', () => {
    for (const broken of ['a.b[c.d', 'a.b.', 'a.b[c.d.]', 'x.y[*].z[p.q']) {
      parseExpression(broken);
      parseHcl(`v = ${broken}\nw = 1\n`);
      assert.deepEqual(steps(expr('m.n.o')), [{ kind: 'GetAttr', name: 'n' }, { kind: 'GetAttr', name: 'o' }], `after ${broken}`);
    }
  });

  it('gives a steps list the exact size of the chain, shared or not', () => {
    const long = expr('a.b.c.d.e.f[0]');
    assert.equal(steps(long).length, 6);
    assert.deepEqual(names(steps(long)), ['b', 'c', 'd', 'e', 'f', 0]);
    const relative = expr('f(x).a.b');
    assert.ok(relative.kind === 'RelativeTraversal' && relative.source.kind === 'FunctionCall');
    assert.deepEqual(names(relative.steps), ['a', 'b']);
    assert.deepEqual(relative.range.end.offset, 'f(x).a.b'.length);
    assert.deepEqual(sharedSteps([getAttrStep('p'), getAttrStep('q'), getAttrStep('r')], 1, 2), [{ kind: 'GetAttr', name: 'q' }]);
    assert.equal(sharedSteps([getAttrStep('p'), getAttrStep('q')], 1), sharedSteps([getAttrStep('q')]));
    // The parser hashes each name once, as it reads it: the step and the list it finds are the ones hashing the names anew finds.
    assert.equal(steps(expr('m.pp.qq')), sharedSteps([getAttrStep('pp'), getAttrStep('qq')]));
    assert.equal(steps(expr('m.pp.qq'))[1], getAttrStep('qq'));
  });
});
