// Conformance: templates (hclsyntax spec "Templates", "Template Literals", heredocs).

import * as assert from 'node:assert/strict';
import type { TemplateExpr } from '../../../src/model/ast';
import { parseExpression, parseHcl, parseTemplateString } from '../../../src/iac/terraform/parser';
import { attr, checkPositions, exprOk, lc, parseOk, shape, textOf } from './helpers';

const tmpl = (src: string): TemplateExpr => {
  const e = exprOk(src);
  assert.equal(e.kind, 'Template');
  return e as TemplateExpr;
};
const lit = (value: string): unknown => ({ kind: 'TemplateLiteral', value });
const interp = (root: string, stripLeft = false, stripRight = false): unknown => ({
  kind: 'TemplateInterpolation', expr: { kind: 'ScopeTraversal', root, steps: [] }, stripLeft, stripRight,
});

describe('HCL templates', () => {
  it('reads a plain string as one literal part with the content range', () => {
    const src = '"t3.micro"';
    const t = tmpl(src);
    assert.deepEqual(shape(t.parts), [lit('t3.micro')]);
    assert.equal(textOf(src, t.parts[0].range), 't3.micro');
    assert.equal(textOf(src, t.range), src);
  });

  it('reads the empty string as no parts', () => {
    assert.deepEqual(tmpl('""').parts, []);
  });

  it('decodes escape sequences', () => {
    const t = tmpl(String.raw`"a\nb\rc\td\"e\\f\u00e9\U0001F600"`);
    assert.deepEqual(shape(t.parts), [lit('a\nb\rc\td"e\\fé😀')]);
  });

  it('reports an invalid escape at its exact position', () => {
    const r = parseExpression(String.raw`"ab\qc"`);
    assert.equal(r.diagnostics.length, 1);
    assert.equal(lc(r.diagnostics[0].range), '0:3-0:5');
  });

  it('takes $${ and %%{ as literal ${ and %{', () => {
    assert.deepEqual(shape(tmpl('"$${a} %%{b} $x %y"').parts), [lit('${a} %{b} $x %y')]);
  });

  it('reads interpolations with ranges and a lone interpolation as one part', () => {
    const src = '"web-${var.env}-x"';
    const t = tmpl(src);
    assert.deepEqual(t.parts.map((p) => [p.kind, textOf(src, p.range)]), [
      ['TemplateLiteral', 'web-'], ['TemplateInterpolation', '${var.env}'], ['TemplateLiteral', '-x'],
    ]);
    assert.deepEqual(shape(tmpl('"${x}"').parts), [interp('x')]);
  });

  it('allows quotes and braces inside interpolations', () => {
    const t = tmpl('"a${ lookup({ k = "v" }, "k") }b"');
    assert.equal(t.parts.length, 3);
    assert.equal(t.parts[1].kind, 'TemplateInterpolation');
  });

  it('applies strip markers to the neighbouring literals', () => {
    assert.deepEqual(shape(tmpl('"a  ${~ x ~}  b"').parts), [lit('a'), interp('x', true, true), lit('b')]);
    assert.deepEqual(shape(tmpl('"a  ${~x}  b"').parts), [lit('a'), interp('x', true, false), lit('  b')]);
  });

  it('nests if/else/endif directives', () => {
    const src = '"%{ if a }yes%{ else }no%{ endif }!"';
    const t = tmpl(src);
    assert.deepEqual(shape(t.parts), [
      { kind: 'TemplateIf', condition: { kind: 'ScopeTraversal', root: 'a', steps: [] }, then: [lit('yes')], else: [lit('no')] },
      lit('!'),
    ]);
    assert.equal(textOf(src, t.parts[0].range), '%{ if a }yes%{ else }no%{ endif }');
  });

  it('nests for directives and strips around directives', () => {
    const src = '<<EOT\n%{ for k, v in m ~}\n${k}=${v}\n%{ endfor ~}\nend\nEOT\n';
    const t = tmpl(src);
    assert.deepEqual(shape(t.parts), [
      {
        kind: 'TemplateFor', keyVar: 'k', valueVar: 'v', collection: { kind: 'ScopeTraversal', root: 'm', steps: [] },
        body: [interp('k'), lit('='), interp('v'), lit('\n')],
      },
      lit('end\n'),
    ]);
  });

  it('reports an unclosed if directive and still returns the template', () => {
    const r = parseExpression('"%{ if a }x"');
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0].message, /endif/);
    assert.equal(r.expr.kind, 'Template');
  });

  it('reads a heredoc with its range from << to the closing marker', () => {
    const src = 'policy = <<EOF\n{\n  "a": "${x}"\n}\nEOF\nnext = 1\n';
    const body = parseOk(src);
    const t = attr(body, 'policy').expr as TemplateExpr;
    assert.deepEqual(t.heredoc, { marker: 'EOF', indented: false });
    assert.equal(textOf(src, t.range), '<<EOF\n{\n  "a": "${x}"\n}\nEOF');
    assert.deepEqual(shape(t.parts), [lit('{\n  "a": "'), interp('x'), lit('"\n}\n')]);
    assert.equal(attr(body, 'next').name, 'next');
  });

  it('does not decode backslashes in heredocs', () => {
    const t = attr(parseOk('a = <<EOT\nC:\\path\\n\nEOT\n'), 'a').expr as TemplateExpr;
    assert.deepEqual(shape(t.parts), [lit('C:\\path\\n\n')]);
  });

  it('trims <<- heredocs by the smallest indentation, ignoring blank lines', () => {
    const src = 'a = <<-EOT\n    one\n      two\n\n    ${x}\n    EOT\n';
    const t = attr(parseOk(src), 'a').expr as TemplateExpr;
    assert.deepEqual(shape(t.parts), [lit('one\n  two\n\n'), interp('x'), lit('\n')]);
    assert.deepEqual(t.heredoc, { marker: 'EOT', indented: true });
    assert.equal(lc(t.parts[0].range), '1:4-4:0');
  });

  it('counts an interpolation at the start of a line as zero indentation', () => {
    const t = attr(parseOk('a = <<-EOT\n  one\n${x}\nEOT\n'), 'a').expr as TemplateExpr;
    assert.deepEqual(shape(t.parts), [lit('  one\n'), interp('x'), lit('\n')]);
  });

  it('accepts a closing marker indented in a plain heredoc and CRLF lines', () => {
    const src = 'a = <<EOT\r\nx\r\n  EOT\r\nb = 2\r\n';
    const body = parseOk(src);
    assert.deepEqual(shape((attr(body, 'a').expr as TemplateExpr).parts), [lit('x\r\n')]);
    assert.equal(attr(body, 'b').name, 'b');
  });

  it('parses a template string for .tf.json with ranges offset from the start', () => {
    const start = { offset: 100, line: 5, character: 12 };
    const r = parseTemplateString('a-${var.x}\nb%{ if y }c%{ endif }', start);
    assert.deepEqual(r.diagnostics, []);
    const t = r.template;
    assert.equal(t.parts.length, 4);
    assert.deepEqual(t.parts[1].range.start, { offset: 102, line: 5, character: 14 });
    assert.deepEqual(t.parts[2].range, { start: { offset: 110, line: 5, character: 22 }, end: { offset: 112, line: 6, character: 1 } });
    assert.deepEqual(t.range.end, { offset: 100 + 32, line: 6, character: 21 });
    assert.deepEqual(shape(t.parts[2]), lit('\nb'));
  });

  it('keeps backslashes and quotes literally in template strings (JSON already decoded them)', () => {
    const r = parseTemplateString('say "hi"\\n $${x}');
    assert.deepEqual(shape(r.template.parts), [lit('say "hi"\\n ${x}')]);
  });

  it('rejects interpolation in block labels but keeps the block', () => {
    const r = parseHcl('resource "a_${x}" "b" {\n}\n');
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0].message, /label/);
    assert.equal(r.body.items.length, 1);
    checkPositions(r.body, 'resource "a_${x}" "b" {\n}\n');
  });
});
