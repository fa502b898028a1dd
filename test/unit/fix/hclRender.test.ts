import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { parseToObject } from 'hcl2-parser';
import { quoteHclString, renderHclKey, renderHclValue, UnrenderableValueError } from '../../../src/engine/fix/hclRender';
import type { Value } from '../../../src/model';

/** HashiCorp's own parser (compiled to JS) reads the rendered text back. */
function parseBack(expr: string): unknown {
  const [obj, err] = parseToObject(`v = ${expr}\n`) as [Record<string, unknown> | null, unknown];
  assert.equal(err, null, `HCL parse error for ${expr}: ${String(err)}`);
  return obj?.v;
}

function terraformFmt(text: string): string | undefined {
  const run = spawnSync('terraform', ['fmt', '-'], { input: text, encoding: 'utf8' });
  return run.error || run.status !== 0 ? undefined : run.stdout;
}

const samples: [string, Value][] = [
  ['string', 't3.large'],
  ['escapes', 'a "quoted" \\ path\nnew line\ttab'],
  ['template-looking text stays literal', 'cost ${var.x} and %{if} 100%'],
  ['control characters', 'bell\u0007 and del\u007f'],
  ['unicode', 'naïve — 日本 🚀'],
  ['number', 42],
  ['negative fraction', -0.5],
  ['large number', 1e21],
  ['true', true],
  ['false', false],
  ['null', null],
  ['empty list', []],
  ['list of strings', ['10.0.0.0/16', '10.1.0.0/16']],
  ['empty map', {}],
  ['map', { Name: 'web', Env: 'prod', CostCenter: 'a-1' }],
  ['map with odd keys', { 'kubernetes.io/cluster/x': 'owned', 'with space': 'y', true: 'kw', '9lives': 1 }],
  ['nested', { a: { b: ['x', { c: null }] }, dd: 3, list: [1, 2] }],
  ['list of maps', [{ from_port: 22, cidr_blocks: ['0.0.0.0/0'] }, { from_port: 443, cidr_blocks: [] }]],
  ['long list', Array.from({ length: 12 }, (_, i) => `subnet-0123456789abcdef${i}`)],
];

describe('engine/fix hclRender', () => {
  for (const [name, value] of samples) {
    it(`${name}: HashiCorp's parser reads back the same value`, () => {
      assert.deepEqual(parseBack(renderHclValue(value)), value);
    });
  }

  it('every sample is already in terraform fmt form', function () {
    const text = samples.map(([, v], i) => `v${i} = ${renderHclValue(v)}\n`).join('\n');
    const formatted = terraformFmt(text);
    if (formatted === undefined) this.skip();
    assert.equal(formatted, text);
  });

  it('a map nested in a block is indented from the given indentation, closing brace at it', () => {
    const out = renderHclValue({ Name: 'web', Environment: 'prod' }, { indent: '  ' });
    assert.equal(out, '{\n    Name        = "web"\n    Environment = "prod"\n  }');
    const block = `resource "aws_instance" "web" {\n  tags = ${out}\n}\n`;
    const formatted = terraformFmt(block);
    if (formatted !== undefined) assert.equal(formatted, block);
  });

  it('a multi-line value ends the run of aligned `=`', () => {
    const out = renderHclValue({ a: 1, bbbbb: { c: 2 }, dd: 3, eeeeeee: 4 });
    assert.equal(out, '{\n  a = 1\n  bbbbb = {\n    c = 2\n  }\n  dd      = 3\n  eeeeeee = 4\n}');
  });

  it('tabs as the indentation unit', () => {
    assert.equal(renderHclValue(['a', { k: 1 }], { indent: '\t', unit: '\t' }), '[\n\t\t"a",\n\t\t{\n\t\t\tk = 1\n\t\t},\n\t]');
  });

  it('quoting: only what must be escaped is', () => {
    assert.equal(quoteHclString('plain'), '"plain"');
    assert.equal(quoteHclString('$x and %y and ${z}'), '"$x and %y and $${z}"');
    assert.equal(quoteHclString('\u0001'), '"\\u0001"');
  });

  it('keys: identifiers bare, everything else quoted', () => {
    assert.equal(renderHclKey('Name'), 'Name');
    assert.equal(renderHclKey('with-dash_ok'), 'with-dash_ok');
    assert.equal(renderHclKey('a.b'), '"a.b"');
    assert.equal(renderHclKey('null'), '"null"');
    assert.equal(renderHclKey(''), '""');
  });

  it('non-finite numbers are refused, not written as invalid HCL', () => {
    assert.throws(() => renderHclValue(Number.NaN), UnrenderableValueError);
    assert.throws(() => renderHclValue([Number.POSITIVE_INFINITY]), UnrenderableValueError);
  });
});
