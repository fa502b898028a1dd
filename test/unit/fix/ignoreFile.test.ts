import { strict as assert } from 'node:assert';
import { appendIgnoreRule, ignoreRuleFor } from '../../../src/engine/fix/ignoreFile';

describe('engine/fix ignoreFile', () => {
  it('names one attribute of one instance', () => {
    assert.equal(ignoreRuleFor('aws_instance.web', 'instance_type'), 'aws_instance.web.instance_type');
    assert.equal(ignoreRuleFor('module.net.aws_subnet.a["x"]', 'tags.Env'), 'module.net.aws_subnet.a["x"].tags.Env');
  });

  it('creates the file with a header that explains the format', () => {
    const text = appendIgnoreRule(undefined, 'aws_instance.web.tags');
    assert.ok(text);
    const lines = text.split('\n');
    assert.ok(lines.slice(0, -2).every((l) => l.startsWith('#')));
    assert.equal(lines.at(-2), 'aws_instance.web.tags');
    assert.equal(lines.at(-1), '');
  });

  it('appends, keeping existing text byte for byte and adding a missing final newline', () => {
    assert.equal(appendIgnoreRule('# mine\na.b.c', 'x.y.z'), '# mine\na.b.c\nx.y.z\n');
    assert.equal(appendIgnoreRule('a.b.c\n', 'x.y.z'), 'a.b.c\nx.y.z\n');
    assert.equal(appendIgnoreRule('', 'x.y.z'), 'x.y.z\n');
  });

  it('keeps CRLF files CRLF', () => {
    assert.equal(appendIgnoreRule('a.b.c\r\n', 'x.y.z'), 'a.b.c\r\nx.y.z\r\n');
    assert.equal(appendIgnoreRule('a.b.c\r\nd.e', 'x.y.z'), 'a.b.c\r\nd.e\r\nx.y.z\r\n');
  });

  it('does not add a rule that is already there (even with a trailing comment)', () => {
    assert.equal(appendIgnoreRule('x.y.z  # known\n', 'x.y.z'), undefined);
    assert.equal(appendIgnoreRule('# x.y.z\n', 'x.y.z'), '# x.y.z\nx.y.z\n');
    assert.equal(appendIgnoreRule('a["k#1"].tags\n', 'a["k#1"].tags'), undefined, '`#` inside a key is not a comment');
    assert.equal(appendIgnoreRule('a["k#1"].tags\n', 'a["k'), 'a["k#1"].tags\na["k\n');
  });

  it('refuses rules that would break the line format', () => {
    assert.throws(() => appendIgnoreRule('', 'a\nb'));
    assert.throws(() => appendIgnoreRule('', '  '));
  });
});
