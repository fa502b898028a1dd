import { strict as assert } from 'node:assert';
import { buildFixEdit, fixEditForDrift, lineIndentAt, whyNotFixable } from '../../../src/engine/fix/fixEdit';
import type { Drift, Range, Value } from '../../../src/model';

function rangeOf(text: string, needle: string, from = 0): Range {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `${needle} not in text`);
  const pos = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { offset, line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(start), end: pos(start + needle.length) };
}

function apply(text: string, range: Range, newText: string): string {
  return text.slice(0, range.start.offset) + newText + text.slice(range.end.offset);
}

function drift(file: string, range: Range, actual: Value, extra: Partial<Drift> = {}): Drift {
  return {
    attribute: 'x', expected: 'old', actual, severity: 'warning', message: 'm',
    location: { file, range }, origin: { file, range }, fixable: true, sensitive: false, ...extra,
  };
}

const MAIN = [
  'resource "aws_instance" "web" {',
  '  ami           = "ami-123" # keep me',
  '  instance_type = "t3.micro"',
  '  tags = {',
  '    Name = "web"',
  '  }',
  '  vpc_security_group_ids = ["sg-1"]',
  '}',
  '',
].join('\n');

describe('engine/fix fixEdit', () => {
  it('replaces only the string literal; comments, alignment and the rest stay byte for byte', () => {
    const range = rangeOf(MAIN, '"t3.micro"');
    const edit = fixEditForDrift(drift('/w/main.tf', range, 't3.large'), MAIN);
    assert.ok(edit);
    assert.equal(apply(MAIN, edit.range, edit.newText), MAIN.replace('"t3.micro"', '"t3.large"'));
  });

  it('writes a map as `key = value` lines indented from the attribute line', () => {
    const range = rangeOf(MAIN, '{\n    Name = "web"\n  }');
    const edit = buildFixEdit(MAIN, { file: '/w/main.tf', range }, { Name: 'web', Environment: 'prod' });
    assert.ok(edit);
    const expected = MAIN.replace('{\n    Name = "web"\n  }', '{\n    Name        = "web"\n    Environment = "prod"\n  }');
    assert.equal(apply(MAIN, edit.range, edit.newText), expected);
  });

  it('writes a list in place', () => {
    const range = rangeOf(MAIN, '["sg-1"]');
    const edit = buildFixEdit(MAIN, { file: '/w/main.tf', range }, ['sg-1', 'sg-2']);
    assert.equal(edit && apply(MAIN, edit.range, edit.newText), MAIN.replace('["sg-1"]', '["sg-1", "sg-2"]'));
  });

  it('edits the tfvars line the value came from, at its own indentation', () => {
    const tfvars = 'region = "eu-west-1"\ninstance_type = "t3.micro"\n';
    const range = rangeOf(tfvars, '"t3.micro"');
    const edit = fixEditForDrift(drift('/w/terraform.tfvars', range, 't3.large'), tfvars);
    assert.equal(edit?.file, '/w/terraform.tfvars');
    assert.equal(edit && apply(tfvars, edit.range, edit.newText), 'region = "eu-west-1"\ninstance_type = "t3.large"\n');
  });

  it('keeps CRLF files CRLF outside the replaced literal', () => {
    const crlf = MAIN.replace(/\n/g, '\r\n');
    const range = rangeOf(crlf, '"t3.micro"');
    // Offsets count the \r; line/character are per line as in LSP (rangeOf splits on \n, so \r ends the previous line).
    const edit = buildFixEdit(crlf, { file: 'f', range }, 8);
    assert.ok(edit);
    assert.equal(apply(crlf, edit.range, edit.newText), crlf.replace('"t3.micro"', '8'));
  });

  it('refuses when the range no longer fits the text (file changed since the comparison)', () => {
    const range = rangeOf(MAIN, '"t3.micro"');
    assert.equal(buildFixEdit(MAIN.slice(0, 20), { file: 'f', range }, 'x'), undefined);
    const shifted = '\n' + MAIN;
    assert.equal(buildFixEdit(shifted, { file: 'f', range }, 'x'), undefined);
  });

  it('never fixes sensitive, non-literal or masked values', () => {
    const range = rangeOf(MAIN, '"t3.micro"');
    assert.match(whyNotFixable(drift('f', range, 'x', { sensitive: true })) ?? '', /sensitive/);
    assert.match(whyNotFixable(drift('f', range, 'x', { fixable: false })) ?? '', /not a literal/);
    assert.match(whyNotFixable(drift('f', range, 'x', { origin: undefined })) ?? '', /no literal/);
    assert.match(whyNotFixable(drift('f', range, '(sensitive)')) ?? '', /masked/);
    assert.equal(fixEditForDrift(drift('f', range, 'x', { sensitive: true }), MAIN), undefined);
    assert.equal(whyNotFixable(drift('f', range, 'x')), undefined);
  });

  it('finds the indentation of the line an offset is on', () => {
    assert.equal(lineIndentAt(MAIN, MAIN.indexOf('"t3.micro"')), '  ');
    assert.equal(lineIndentAt('x = 1', 4), '');
    assert.equal(lineIndentAt('a\n\t\tb = 1', 7), '\t\t');
  });
});
