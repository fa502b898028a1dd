// What the differential test cannot show: how the library treats unknown values, lazy try/can,
// names it does not implement, and the context it reads files through.
import assert from 'node:assert/strict';
import { callFunction, canValue, evaluateFunction, supportedFunctions, tryValues, type FunctionContext } from '../../../src/iac/terraform/functions';

const ctx: FunctionContext = { baseDir: '/ws/root' };
const u = { $unknown: 'var.region is not set' };

describe('functions: unknowns, errors and context', () => {
  it('an unknown argument makes a value-level function unknown, with the same reason', () => {
    assert.deepEqual(callFunction('upper', [u], ctx), u);
    assert.deepEqual(callFunction('format', ['%s-%s', 'web', u], ctx), u);
    assert.deepEqual(callFunction('join', [',', ['a', u]], ctx), u);
  });

  it('structural functions keep working around unknown elements', () => {
    assert.equal(callFunction('length', [['a', u]], ctx), 2);
    assert.deepEqual(callFunction('concat', [['a'], [u]], ctx), ['a', u]);
    assert.deepEqual(callFunction('merge', [{ Name: 'web' }, { Env: u }], ctx), { Env: u, Name: 'web' });
    assert.equal(callFunction('lookup', [{ a: 'x', b: u }, 'a'], ctx), 'x');
    assert.deepEqual(callFunction('lookup', [{ a: 'x', b: u }, 'b'], ctx), u);
    assert.deepEqual(callFunction('keys', [{ b: u, a: 1 }], ctx), ['a', 'b']);
    // …but an unknown collection itself is still unknown.
    assert.deepEqual(callFunction('length', [u], ctx), u);
  });

  it('an unsupported or impure name is unknown with a reason; bad arguments name the function', () => {
    assert.deepEqual(callFunction('nosuch', [1], ctx), { $unknown: 'function nosuch() not supported' });
    assert.deepEqual(callFunction('provider::aws::arn_parse', ['x'], ctx), { $unknown: 'function provider::aws::arn_parse() not supported' });
    assert.deepEqual(callFunction('timestamp', [], ctx), { $unknown: 'function timestamp() is not evaluated statically' });
    assert.deepEqual(callFunction('upper', [], ctx), { $unknown: 'upper: function takes 1 argument, 0 given' });
    const bad = callFunction('cidrsubnet', ['10.0.0.0/16', 8, 256], ctx);
    assert.deepEqual(bad, { $unknown: 'cidrsubnet: prefix extension of 8 does not accommodate a subnet numbered 256' });
    assert.deepEqual(evaluateFunction('tonumber', ['x'], ctx), { ok: false, kind: 'error', reason: 'tonumber: cannot convert "x" to number: a number is required' });
    assert.equal(callFunction('core::upper', ['a'], ctx), 'A');
  });

  it('try takes thunks: errors fall through, an unknown stops it, partial values are unknown', () => {
    const calls: string[] = [];
    const thunk = (name: string, o: ReturnType<Parameters<typeof tryValues>[0][number]>) => () => {
      calls.push(name);
      return o;
    };
    assert.equal(tryValues([thunk('a', { error: 'no attr' }), thunk('b', { value: 'fallback' }), thunk('c', { value: 'never' })]), 'fallback');
    assert.deepEqual(calls, ['a', 'b'], 'later arguments are not evaluated');
    assert.deepEqual(tryValues([() => ({ unknown: 'data.aws_ami.x' }), () => ({ value: 'd' })]), { $unknown: 'data.aws_ami.x' });
    assert.deepEqual(tryValues([() => ({ value: ['a', u] }), () => ({ value: [] })]), u);
    assert.deepEqual(tryValues([() => ({ error: 'e1' }), () => ({ error: 'e2' })]), { $unknown: 'try: no expression succeeded (e2)' });
  });

  it('can is true, false or unknown', () => {
    assert.equal(canValue(() => ({ value: 1 })), true);
    assert.equal(canValue(() => ({ error: 'bad' })), false);
    assert.deepEqual(canValue(() => ({ unknown: 'later' })), { $unknown: 'later' });
  });

  it('reads files through the context, relative to baseDir', () => {
    const seen: string[] = [];
    const files: FunctionContext = { baseDir: '/ws/root', readFile: (p) => (seen.push(p), p === '/ws/root/modules/net/x.txt' ? 'hi' : undefined) };
    assert.equal(callFunction('file', ['modules/net/x.txt'], files), 'hi');
    assert.equal(callFunction('fileexists', ['./modules/net/x.txt'], files), true);
    assert.equal(callFunction('fileexists', ['nope'], files), false);
    assert.match((callFunction('file', ['nope'], files) as { $unknown: string }).$unknown, /^file: no file exists at \/ws\/root\/nope/);
    assert.deepEqual(seen, ['/ws/root/modules/net/x.txt', '/ws/root/modules/net/x.txt', '/ws/root/nope', '/ws/root/nope']);
  });

  it('templatefile without a renderer is unknown, not guessed; with one it renders', () => {
    const files: FunctionContext = { baseDir: '/r', readFile: () => 'Hello ${name}' };
    assert.deepEqual(callFunction('templatefile', ['t.tpl', { name: 'x' }], files), { $unknown: 'templatefile() needs the template evaluator' });
    const rendered = callFunction('templatefile', ['t.tpl', { name: 'x' }], { ...files, renderTemplate: (text, vars) => text.replace('${name}', String(vars.name)) });
    assert.equal(rendered, 'Hello x');
  });

  it('lists what it implements (every function issue 5 names)', () => {
    const names = supportedFunctions();
    for (const f of ['format', 'join', 'split', 'lower', 'upper', 'replace', 'trimspace', 'concat', 'merge', 'lookup', 'element', 'length', 'keys', 'values', 'contains', 'coalesce', 'try', 'can', 'tomap', 'tolist', 'toset', 'tostring', 'tonumber', 'cidrsubnet', 'cidrhost', 'jsonencode', 'jsondecode', 'file', 'templatefile']) {
      assert.ok(names.includes(f), f);
    }
  });

  it('refuses what would hang or exhaust the scan, where Terraform (RE2, Go) would not', () => {
    const evil = callFunction('regex', ['^(a+)+$', 'a'.repeat(40) + 'b'], ctx) as { $unknown: string };
    assert.match(evil.$unknown, /^regex: pattern repeats a repeated group/);
    // The same pattern on a short string runs, as in Terraform.
    assert.deepEqual(callFunction('regex', ['^(a+)+b$', 'aaab'], ctx), ['aaa']);
    assert.deepEqual(callFunction('regexall', ['(\\d+\\.)+', '1.2.'], ctx), [['2.']]);
    assert.match((callFunction('format', ['%99999999d', 1], ctx) as { $unknown: string }).$unknown, /width or precision larger than 1000000/);
    const many = Array.from({ length: 200 }, (_, i) => i);
    assert.match((callFunction('setproduct', [many, many, many], ctx) as { $unknown: string }).$unknown, /8000000 elements/);
  });
});
