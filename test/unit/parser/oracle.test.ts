// Conformance against HashiCorp's parser: on each edge case of the spec (operators, templates,
// heredocs, blocks, separators, escapes, comments, line endings), we report a diagnostic exactly
// when hclsyntax (compiled to WebAssembly in @cdktf/hcl2json) rejects the syntax.

import * as assert from 'node:assert/strict';
import { parse as hclOracle } from '@cdktf/hcl2json';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { checkPositions } from './helpers';

const CASES = [
  'a = x.*.y\n', 'a = x[*][0]\n', 'a = x[*].y[*]\n', 'a = x.0.1\n', 'a = -1\n', 'a = - - 1\n', 'a = !!true\n',
  'a = "${a}${b}"\n', 'a = "%{for x in y}${x}%{endfor}"\n', 'a = "%{if a}%{else}%{else}%{endif}"\n', 'a = "%{endif}"\n',
  'a = <<EOF\nEOF\n', 'a = <<-EOF\n  x\n  EOF\n', 'a = <<EOF\n  x\n  EOF\n', 'a = <<EOF\nx\nEOFX\nEOF\n', 'a = <<EOF\nx\nEOF', 'a = <<EOF x\nEOF\n',
  'a = f(1,)\n', 'a = f(,)\n', 'a = f(a..., b)\n', 'a = f(a...,)\n', 'a = [,]\n', 'a = [1,]\n', 'a = {}\n', 'a = {,}\n', 'a = {a=1,}\n', 'a = {a=1\n,}\n',
  'a = {\n\n a = 1\n\n}\n', 'a = { a = 1 b = 2 }\n', 'a = [for x in y: x]\n', 'a = {for x in y: x => x}\n', 'a = {for x in y: x}\n', 'a = [for x in y: x => x]\n',
  'a = [for k, v in y: v if k]\n', 'a = {for k, v in y: k => v... if v}\n', 'a = [for x in y: x...]\n',
  'b "x" y {\n}\n', 'b {}\n', 'b { a = 1 }\n', 'b { c {} }\n', 'b {\n}  \n', 'b {\n} x = 1\n', 'b\n{\n}\n', 'b {\na = 1}\n', 'b { a = 1\n}\n',
  'a = 1 b = 2\n', 'a = 1;\n', 'a = 1\n\n\n', '\n\n', '', '# only\n', 'a = true ? 1 : 2 ? 3 : 4\n', 'a = (1\n+2)\n', 'a = 1\n+2\n', 'a = [1\n,2]\n',
  'a = x[\n0\n]\n', 'a = f(\n)\n', 'a = "\\u00e9"\n', 'a = "\\q"\n', 'a = "$${x}"\n', 'a = "${x ~}"\n', 'a = "${~ x}"\n', 'a = "${}"\n', 'a = "%{}"\n',
  'a = provider::x::y()\n', 'a = x::y()\n', 'a = x::y\n', 'a = 1e\n', 'a = 1e+\n', 'a = 01\n', 'a = .5\n', 'a = 1.\n', 'a-b = 1\n', '-a = 1\n', 'a = x.-y\n',
  'a = <<EOF\n${x}\nEOF\n', 'a = <<-EOF\n\t\tx\n\tEOF\n', 'a = x.y[*]\n', 'a = x[*].*\n', 'a = x.*[0]\n', 'a = x[y][z]\n', 'a = x["y"]\n', 'a = x[1.5]\n',
  'a = { "x" = 1 }\n', 'a = { (x) = 1 }\n', 'a = { x.y = 1 }\n', 'a = { x: 1, y: 2 }\n', 'a = { for = 1 }\n', 'a = { if = 1 }\n', 'a = [for]\n',
  'a = x ? y\n', 'a = x ?\n y : z\n', 'a = (x ?\n y : z)\n', 'a = f(x\n)\n', 'a = 1 == 2 == 3\n', 'a = 1 < 2 < 3\n', 'a = "x"\n"y"\n',
  'a = 1 /* c */ + 2\n', 'a = 1 /*\n*/ + 2\n', 'a = 1 # c\n + 2\n', 'a = <<EOF\r\nx\r\nEOF\r\n', 'a = "x\r\n',
  'a = "${a ~}  b"\n', 'a = "%{ if x ~} y %{~ endif }"\n', 'a = "%{ for x in y ~}${x}%{ endfor }"\n', 'a = "%{ for k, v in y }${k}%{ endfor }"\n',
  'a = "%{ for in y }%{ endfor }"\n', 'a = "%{ if }%{ endif }"\n', 'a = "%{ bogus }"\n', 'a = "%{ else }"\n', 'a = "%{ endfor }"\n', 'a = "%{ for x in y }"\n',
  'a = "${ "${ "x" }" }"\n', 'a = "${ {a = 1}.a }"\n', 'a = "${ [for x in y: x] }"\n', 'a = "${ x }${ y }"\n', 'a = "$${ x }"\n', 'a = "$$"\n', 'a = "$"\n', 'a = "%"\n',
  'a = "${x:y}"\n', 'a = "${x"\n', 'a = "${x}\n', 'a = "x" "y"\n', 'a = "x\\\n', 'a = "\\U0001F600"\n', 'a = "\\U0011FFFF"\n', 'a = "\\uD800"\n', 'a = "\\u12"\n',
  'a = <<EOF\n%{ if x }\nyes\n%{ endif }\nEOF\n', 'a = <<-EOF\n  %{~ for x in y }\n  ${x}\n  %{~ endfor }\n  EOF\n', 'a = <<EOF\n$${x}\nEOF\n', 'a = <<EOF\n${x\n}\nEOF\n',
  'a = <<EOF\n${"\nEOF\n', 'a = <<EOF\nEOF\nb = <<EOF\nEOF\n', 'a = [<<EOF\nx\nEOF\n, 1]\n', 'a = f(<<EOF\nx\nEOF\n)\n', 'a = <<EOF\n  EOF  \nEOF\n',
  'a = <<-\nEOF\n', 'a = <<"EOF"\nEOF\n', 'a = << EOF\nEOF\n', 'a = <<EOF\r\nx\r\nEOF\r\n', 'a = { x = <<EOF\ny\nEOF\n}\n',
  'b "${x}" {\n}\n', 'b "x\\ny" {\n}\n', 'b "" {\n}\n', 'b "x" "y" "z" {\n}\n', 'b x "y" z {\n}\n', 'b 1 {\n}\n', 'b = {\n}\n', 'b {\n  c = 1\n  d {\n  }\n}\n',
  'a = x.y.z[0]["k"].w\n', 'a = x[0 + 1]\n', 'a = x[*].y.z\n', 'a = x.*.y.z\n', 'a = f().x\n', 'a = f()[0]\n', 'a = (x)[0].y\n', 'a = [1][0]\n', 'a = {a=1}.a\n', 'a = "s".x\n',
  'a = !x.y\n', 'a = -x[0]\n', 'a = x == !y\n', 'a = x * -1\n', 'a = x && (y || z)\n', 'a = x ? y ? 1 : 2 : 3\n', 'a = x ? [1] : {a = 1}\n', 'a = x?y:z\n',
  'a = 1 +\n 2\n', 'a = x.\ny\n', 'a = f(x,\n y)\n', 'a = [\n 1,\n 2\n]\n', 'a = {\n a = 1,\n b = 2\n}\n', 'a = {\n a = 1, b = 2\n}\n', 'a = { a = 1,\n b = 2 }\n',
  'a = { a = 1\n b = 2 }\n', 'a = {a=\n1}\n', 'a = {a\n=1}\n', 'a = [for x in y :\n x]\n', 'a = {for k, v in y : k\n=> v}\n', 'a = x\n.y\n', 'a = x\n[0]\n',
  'résumé = 1\n', '名前 = "x"\n', 'a = 名前.属性\n', 'a = x-y\n', 'a = x - y\n', 'a = x--y\n', 'a = 1-1\n', 'a = x-1\n', '_a = 1\n', 'a_ = _\n',
  'a = null\n', 'a = true.x\n', 'a = 0x10\n', 'a = 1_000\n', 'a = 1E5\n', 'a = 1e-5\n', 'a = 0.0001\n', 'a = 00\n',
  '# c\r\na = 1\r\n', '// c\na = 1 // x\n', '/**/a = 1\n', 'a = 1 /* unterminated\n', 'a = 1\n/* c */\n', 'a {\n  # c\n}\n', 'a { # c\n}\n', 'a { /* c */ }\n',
  // Old-Mac line endings (a CR without LF), seen in real files: only CRLF and LF end a line.
  'a = "a\rb"\n', 'a = <<EOF\nx\ry\nEOF\n', 'a = 1 # c\rb = 2\n', 'a = [\r1]\n', 'b {\r\n}\r',
  '\ufeffa = 1\n', 'a = 1\r', 'a = "\t"\n', 'a\t=\t1\n', 'a = 1 \n', 'a=1\nb=2', 'a {\n}\nb {\n}', '}', '{', '"x"', 'a', 'a =', 'a {', '=', '<<EOF',
];

/** The oracle's syntax verdict: its later conversion errors (such as `-true`) are not syntax. */
async function oracleError(text: string): Promise<string | undefined> {
  try {
    await hclOracle('case.tf', text);
    return undefined;
  } catch (e) {
    const message = String(e);
    return message.includes('parse config') ? message : undefined;
  }
}

describe('HCL validity agrees with hclsyntax', function () {
  this.timeout(60_000); // hang guard only: the oracle is slow to start

  it(`on ${CASES.length} edge cases`, async () => {
    const disagreements: string[] = [];
    for (const text of CASES) {
      const r = parseHcl(text);
      checkPositions(r.body, text);
      const theirs = await oracleError(text);
      if ((theirs !== undefined) !== (r.diagnostics.length > 0)) {
        disagreements.push(`${JSON.stringify(text)}: hclsyntax ${theirs ?? 'accepts'}; ours ${r.diagnostics.map((d) => d.message).join(' / ') || 'accepts'}`);
      }
    }
    assert.deepEqual(disagreements, []);
  });
});
