import assert from 'node:assert/strict';
import { parseExpression, parseHcl } from '../../../src/iac/terraform/parser';
import { bodyLiteral, literalValue, namedEntries, setOwn, UnknownMarkers } from '../../../src/iac/terraform/literal';
import { declaredBody } from '../../../src/iac/terraform/declared';
import type { Block, Expression } from '../../../src/model/ast';

function expr(text: string): Expression {
  const parsed = parseExpression(text);
  assert.deepEqual(parsed.diagnostics, [], `no syntax error in ${text}`);
  return parsed.expr;
}

describe('literal values', () => {
  it('evaluates strings, numbers, bools and null', () => {
    assert.equal(literalValue(expr('"t3.micro"')), 't3.micro');
    assert.equal(literalValue(expr('""')), '');
    assert.equal(literalValue(expr('42')), 42);
    assert.equal(literalValue(expr('0.5')), 0.5);
    assert.equal(literalValue(expr('1e3')), 1000);
    assert.equal(literalValue(expr('-7')), -7);
    assert.equal(literalValue(expr('true')), true);
    assert.equal(literalValue(expr('false')), false);
    assert.equal(literalValue(expr('null')), null);
  });

  it('decodes escapes and the $${ / %%{ template escapes', () => {
    assert.equal(literalValue(expr('"tab\\there \\"q\\" \\u00e9"')), 'tab\there "q" é');
    assert.equal(literalValue(expr('"a $${b} %%{c}"')), 'a ${b} %{c}');
  });

  it('evaluates heredocs, trimming the indentation of <<-', () => {
    const body = parseHcl('a = <<EOT\n  x\n    y\nEOT\nb = <<-EOT\n    x\n      y\n    EOT\n').body;
    const values = bodyLiteral(declaredBody(body));
    assert.deepEqual(values, { a: '  x\n    y\n', b: 'x\n  y\n' });
  });

  it('evaluates tuples and objects, with identifier, quoted, number and colon keys', () => {
    assert.deepEqual(literalValue(expr('[1, "a", true, null, [2]]')), [1, 'a', true, null, [2]]);
    assert.deepEqual(literalValue(expr('{ Name = "web", "cost:center" = 12, 3 = "x", nested = { a: [1] } }')), {
      Name: 'web',
      'cost:center': 12,
      '3': 'x',
      nested: { a: [1] },
    });
    assert.deepEqual(literalValue(expr('[]')), []);
    assert.deepEqual(literalValue(expr('{}')), {});
  });

  it('says why anything else is unknown', () => {
    assert.deepEqual(literalValue(expr('var.region')), { $unknown: 'reference to var.region' });
    assert.deepEqual(literalValue(expr('aws_subnet.a[0].id')), { $unknown: 'reference to aws_subnet.a[0].id' });
    assert.deepEqual(literalValue(expr('local.tags["Env"]')), { $unknown: 'reference to local.tags["Env"]' });
    assert.deepEqual(literalValue(expr('lookup(var.m, "k", "d")')), { $unknown: 'function call lookup()' });
    assert.deepEqual(literalValue(expr('"web-${var.env}"')), { $unknown: 'template with interpolation' });
    assert.deepEqual(literalValue(expr('"%{ if true }x%{ endif }"')), { $unknown: 'template with directive' });
    assert.deepEqual(literalValue(expr('1 + 2')), { $unknown: 'operator +' });
    assert.deepEqual(literalValue(expr('!true')), { $unknown: 'operator !' });
    assert.deepEqual(literalValue(expr('var.on ? 1 : 0')), { $unknown: 'conditional expression' });
    assert.deepEqual(literalValue(expr('[for s in var.l : upper(s)]')), { $unknown: 'for expression' });
    assert.deepEqual(literalValue(expr('aws_instance.web[*].id')), { $unknown: 'splat expression' });
    assert.deepEqual(literalValue(expr('["a", var.b]')), { $unknown: '[1]: reference to var.b' });
    assert.deepEqual(literalValue(expr('{ a = 1, b = var.b }')), { $unknown: 'b: reference to var.b' });
    assert.deepEqual(literalValue(expr('{ a = [{ "x:y" = { z = [0, upper("q")] } }] }')), { $unknown: 'a[0]["x:y"].z[1]: function call upper()' });
    // A map whose key happens to be "$unknown" is a value like any other.
    assert.deepEqual(literalValue(expr('{ "$unknown" = "x" }')), { $unknown: 'x' });
    assert.deepEqual(literalValue(expr('{ (var.k) = 1 }')), { $unknown: 'object key: reference to var.k' });
  });

  it('turns nested blocks into lists of objects and marks dynamic blocks unknown', () => {
    const text = [
      'resource "aws_security_group" "x" {',
      '  name = "x"',
      '  ingress {',
      '    from_port   = 22',
      '    cidr_blocks = var.cidrs',
      '  }',
      '  ingress {',
      '    from_port = 443',
      '  }',
      '  dynamic "egress" {',
      '    for_each = var.egress',
      '    content {',
      '      from_port = egress.value',
      '    }',
      '  }',
      '  timeouts {',
      '    create = "5m"',
      '  }',
      '}',
    ].join('\n');
    const block = parseHcl(text).body.items[0] as Block;
    assert.deepEqual(bodyLiteral(declaredBody(block.body)), {
      name: 'x',
      ingress: [{ from_port: 22, cidr_blocks: { $unknown: 'reference to var.cidrs' } }, { from_port: 443 }],
      egress: { $unknown: 'dynamic block' },
      timeouts: [{ create: '5m' }],
    });
  });

  // Found on public modules: `provisioner "local-exec"` lost its label, so the inventory could not
  // say which provisioner it was (HashiCorp's JSON keeps blocks under their labels).
  it('keeps labelled nested blocks under their labels, as HCL JSON does', () => {
    const text = [
      'resource "null_resource" "x" {',
      '  provisioner "local-exec" {',
      '    command = "echo one"',
      '  }',
      '  provisioner "remote-exec" {',
      '    inline = ["a"]',
      '  }',
      '  provisioner "local-exec" {',
      '    when    = destroy',
      '  }',
      '  lifecycle {',
      '    ignore_changes = []',
      '  }',
      '}',
    ].join('\n');
    const block = parseHcl(text).body.items[0] as Block;
    assert.deepEqual(bodyLiteral(declaredBody(block.body)), {
      provisioner: {
        'local-exec': [{ command: 'echo one' }, { when: { $unknown: 'reference to destroy' } }],
        'remote-exec': [{ inline: ['a'] }],
      },
      lifecycle: [{ ignore_changes: [] }],
    });
  });

  it('keeps a map key or attribute named __proto__ as data', () => {
    const v = literalValue(expr('{ "__proto__" = "x", a = 1 }')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(v), ['__proto__', 'a']);
    assert.equal(v.__proto__, 'x');
    assert.equal(Object.getPrototypeOf(v), Object.prototype);
    const body = parseHcl('__proto__ = 2\nb = 3\n').body;
    assert.equal(JSON.stringify(bodyLiteral(declaredBody(body))), '{"__proto__":2,"b":3}');
  });

  it('named entries are plain objects: the usual prototype, an own `__proto__`, cloned and compared like `{}`', () => {
    const entries = namedEntries<number>();
    assert.equal(Object.getPrototypeOf(entries), Object.prototype);
    assert.deepEqual(entries, {});
    setOwn(entries, '__proto__', 1);
    setOwn(entries, 'b', 2);
    assert.deepEqual(Object.keys(entries), ['__proto__', 'b']);
    assert.equal(Object.getPrototypeOf(entries), Object.prototype);
    assert.equal(JSON.stringify(entries), '{"__proto__":1,"b":2}');
    assert.deepEqual(structuredClone(entries), entries, 'a clone is equal, prototype included');
    const declared = declaredBody(parseHcl('a = 1\nb = "x"\n').body);
    assert.deepEqual(Object.keys(declared.attributes), ['a', 'b']);
  });

  it('a report shares one frozen marker per reason, and passes values through', () => {
    const markers = new UnknownMarkers();
    const a = markers.of('reference to var.region');
    assert.equal(markers.of(`reference to ${['var', 'region'].join('.')}`), a);
    assert.notEqual(markers.of('reference to var.zone'), a);
    assert.ok(Object.isFrozen(a));
    assert.deepEqual(a, { $unknown: 'reference to var.region' });
    assert.equal(markers.share({ $unknown: 'reference to var.region' }), a);
    const plain = { $unknown: 'x', other: 1 };
    assert.equal(markers.share(plain), plain, 'a map with a `$unknown` key among others is a value, not a marker');
    assert.equal(markers.share('t3.micro'), 't3.micro');
  });
});
