import { strict as assert } from 'node:assert';
import { parse } from 'jsonc-parser';
import { quoteJsonString, renderJsonValue } from '../../../src/engine/fix/jsonRender';
import { readTemplateString } from '../../../src/iac/arm/expression';
import { UnrenderableValueError } from '../../../src/engine/fix/hclRender';

describe('engine/fix jsonRender', () => {
  it('writes scalars on one line: JSON-escaped strings, numbers, booleans, null', () => {
    assert.equal(renderJsonValue('TLS1_2'), '"TLS1_2"');
    assert.equal(renderJsonValue('a "quoted" \\ path\n\ttab\u0001'), '"a \\"quoted\\" \\\\ path\\n\\ttab\\u0001"');
    assert.equal(renderJsonValue(8), '8');
    assert.equal(renderJsonValue(-1.5e-7), '-1.5e-7');
    assert.equal(renderJsonValue(true), 'true');
    assert.equal(renderJsonValue(false), 'false');
    assert.equal(renderJsonValue(null), 'null');
    assert.throws(() => renderJsonValue(Number.NaN), UnrenderableValueError);
  });

  it('writes arrays and objects multi-line, indented from the line they start on with the file unit', () => {
    const value = { env: 'prod', ports: [80, 443], nested: { a: null, b: [] }, empty: {} };
    const out = renderJsonValue(value, { indent: '    ', unit: '    ' });
    assert.equal(
      out,
      [
        '{',
        '        "env": "prod",',
        '        "ports": [',
        '            80,',
        '            443',
        '        ],',
        '        "nested": {',
        '            "a": null,',
        '            "b": []',
        '        },',
        '        "empty": {}',
        '    }',
      ].join('\n'),
    );
    assert.deepEqual(JSON.parse(out), value);
    assert.equal(renderJsonValue(['a'], { indent: '\t', unit: '\t' }), '[\n\t\t"a"\n\t]');
  });

  it('keeps a short array/object on one line when the literal it replaces was on one line', () => {
    assert.equal(renderJsonValue(['10.30.0.0/16', '10.31.0.0/16'], { inline: true, indent: '  ' }), '["10.30.0.0/16", "10.31.0.0/16"]');
    assert.equal(renderJsonValue({ name: 'Standard_LRS', tier: 'Standard' }, { inline: true }), '{ "name": "Standard_LRS", "tier": "Standard" }');
    assert.equal(renderJsonValue({}, { inline: true }), '{}');
    const long = Array.from({ length: 12 }, (_, i) => `10.0.${i}.0/24`);
    const out = renderJsonValue(long, { inline: true, indent: '  ' });
    assert.ok(out.startsWith('[\n    "10.0.0.0/24",\n'), 'too long for one line: multi-line');
    assert.deepEqual(JSON.parse(out), long);
  });

  it('object keys are JSON-quoted whatever they hold', () => {
    const value = { 'hidden-link:/x': 'Resource', 'a"b': 1, '': 2 };
    assert.deepEqual(JSON.parse(renderJsonValue(value)), value);
    assert.match(renderJsonValue(value), /"a\\"b": 1/);
  });

  it('ARM strings: a literal that looks like an expression is escaped with "[[" and reads back as itself', () => {
    for (const s of ['[not-an-expression]', "[parameters('x')]", '[', ']', '[a] b', 'plain', '[[already]']) {
      const written = quoteJsonString(s, 'arm');
      const read = readTemplateString(parse(written) as string);
      assert.deepEqual(read, { kind: 'literal', value: s }, `${s} → ${written}`);
    }
    assert.equal(quoteJsonString('[x]', 'arm'), '"[[x]"');
    assert.equal(quoteJsonString('[x] y', 'arm'), '"[x] y"');
    assert.equal(renderJsonValue({ a: ['[x]'] }, { strings: 'arm' }), '{\n  "a": [\n    "[[x]"\n  ]\n}');
  });

  it('Terraform template strings (.tf.json): ${ and %{ are doubled so they stay literal; plain JSON keeps them', () => {
    assert.equal(quoteJsonString('web-${count.index} %{if}', 'terraform-template'), '"web-$${count.index} %%{if}"');
    assert.equal(quoteJsonString('$5 {x} %d', 'terraform-template'), '"$5 {x} %d"');
    assert.equal(quoteJsonString('web-${x}', 'plain'), '"web-${x}"');
    assert.equal(quoteJsonString('[x]', 'plain'), '"[x]"');
  });
});
