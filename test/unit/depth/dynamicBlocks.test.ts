import assert from 'node:assert/strict';
import { engineCallFunction } from '../../../src/engine/functionsBridge';
import { declareFile, emptyModuleIndex } from '../../../src/iac/terraform/declared';
import { expandDynamicBlock } from '../../../src/iac/terraform/dynamicBlocks';
import { createModuleScope } from '../../../src/iac/terraform/evalScope';
import { evaluateExpr } from '../../../src/iac/terraform/evaluate';
import { fromValue, toValue } from '../../../src/iac/terraform/evalValue';
import { parseHcl } from '../../../src/iac/terraform/parser';
import type { DeclaredBlock } from '../../../src/model';

const text = `
variable "ports" {
  default = [80, 443]
}
variable "rules" {
  default = { ssh = { port = 22, cidr = "10.0.0.0/8" }, https = { port = 443, cidr = "0.0.0.0/0" } }
}
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port   = ingress.value
      description = "rule \${ingress.key}"
    }
  }
  dynamic "egress" {
    for_each = var.rules
    iterator = rule
    content {
      from_port   = rule.value.port
      cidr_blocks = [rule.value.cidr]
      description = rule.key
    }
  }
  dynamic "tag" {
    for_each = var.missing_list
    content {
      key = tag.value
    }
  }
}
`;

describe('dynamic blocks', () => {
  const index = emptyModuleIndex('/m');
  declareFile(index, '/m/main.tf', parseHcl(text).body, text);
  const scope = createModuleScope({ index, callFunction: engineCallFunction('/m') });
  const blocks = index.resources[0].body.blocks;
  const block = (label: string): DeclaredBlock => blocks.find((b) => b.labels[0] === label)!;
  const contentOf = (label: string) => {
    const exp = expandDynamicBlock(block(label), scope, new Map(), '/m/main.tf');
    assert.ok('iterations' in exp, JSON.stringify(exp));
    return exp.iterations.map((it) => Object.fromEntries(Object.entries(it.body.attributes).map(([k, a]) => [k, toValue(evaluateExpr(a.expr, { scope, file: '/m/main.tf', bindings: it.bindings }))])));
  };

  it('expands a list, binding the block name as iterator (key = index)', () => {
    assert.deepEqual(contentOf('ingress'), [
      { from_port: 80, description: 'rule 0' },
      { from_port: 443, description: 'rule 1' },
    ]);
  });

  it('expands a map with a named iterator (key = map key)', () => {
    assert.deepEqual(contentOf('egress'), [
      { from_port: 443, cidr_blocks: ['0.0.0.0/0'], description: 'https' },
      { from_port: 22, cidr_blocks: ['10.0.0.0/8'], description: 'ssh' },
    ]);
  });

  it('is unknown with a reason when for_each cannot be evaluated; keeps outer bindings', () => {
    const exp = expandDynamicBlock(block('tag'), scope, new Map(), '/m/main.tf');
    assert.ok('reason' in exp && exp.reason.startsWith('dynamic "tag": '), JSON.stringify(exp));
    const outer = new Map([['each', fromValue({ key: 'a', value: 'x' })]]);
    const it = expandDynamicBlock(block('ingress'), scope, outer, '/m/main.tf');
    assert.ok('iterations' in it && it.iterations[0].bindings.has('each'));
  });
});
