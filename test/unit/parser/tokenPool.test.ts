// A whole file's token columns are lent to the next file's lexer (lexer.ts releaseColumns): what a
// file parses to must not depend on what was lexed in that buffer before.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lex, releaseColumns, Tok } from '../../../src/iac/terraform/lexer';
import { parseHcl } from '../../../src/iac/terraform/parser';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'terraform');

function tfFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tfFiles(p) : n.endsWith('.tf') ? [p] : [];
  });
}

const parsedJson = (text: string): string => JSON.stringify(parseHcl(text));

describe('token columns lent between parses', () => {
  it('parses every fixture the same after a large file and after a small one filled its buffer', () => {
    const texts = tfFiles(fixtures).map((f) => readFileSync(f, 'utf8'));
    assert.ok(texts.length > 10);
    const large = texts.reduce((a, b) => (b.length > a.length ? b : a));
    // Ends with tokens a parser may look past (`a.0`, `[*`): past the end must read as EOF, not as the last file's tokens.
    const tricky = ['x = a.0', 'x = a[*', 'x = a.', 'x = <<EOT\nno end', 'x = "${a.b', 'x = { y = [1, 2'];
    for (const text of [...texts, ...tricky]) {
      const first = parsedJson(text);
      parsedJson(large);
      assert.equal(parsedJson(text), first);
      parsedJson('y = 1\n');
      assert.equal(parsedJson(text), first);
    }
  });

  it('reuses a released buffer only for a pooled stream, reads EOF past the last token, and lends a buffer to one stream at a time', () => {
    const a = lex('a = b.c.d\nx = [1, 2, 3]\n', { pooled: true });
    const buffer = a.type.buffer;
    releaseColumns(a);
    const b = lex('z = 1\n', { pooled: true });
    assert.equal(b.type.buffer, buffer);
    for (let k = b.count; k < b.type.length; k++) assert.equal(b.type[k], Tok.EOF);
    // Lent: a second stream now gets a buffer of its own; so does one that did not ask.
    const c = lex('w = 2\n', { pooled: true });
    assert.notEqual(c.type.buffer, buffer);
    releaseColumns(b);
    assert.notEqual(lex('v = 3\n').type.buffer, buffer);
  });

  it('keeps no buffer bigger than its bound (a 20 MB file is not held for the life of the process)', () => {
    const big = lex(`x = [${'1, '.repeat(1_000_000)}]\n`, { pooled: true });
    assert.ok(big.type.buffer.byteLength > 4 << 20);
    releaseColumns(big);
    assert.notEqual(lex('y = 1\n', { pooled: true }).type.buffer, big.type.buffer);
  });
});
