import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IndexCache } from '../../../src/iac/indexCache';
import { OffsetRange } from '../../../src/iac/offsetRange';
import type { ParseResult } from '../../../src/model/ast';
import { declareOneFile, type FileDeclarations } from '../../../src/iac/fileDeclarations';
import { parseTerraformText } from '../../../src/iac/moduleIndex';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'terraform');

function fixtureFiles(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.tf') || e.name.endsWith('.tf.json')) out.push({ file: p, text: readFileSync(p, 'utf8') });
    }
  };
  walk(fixtures);
  return out;
}

describe('index cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'driftlens-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const parse = (file: string, text: string) => parseTerraformText(file, text);

  it('parses once per content: the same text is a memory hit, an edit is a new parse', () => {
    const cache = new IndexCache({ parse, version: 't' });
    const text = 'resource "aws_instance" "web" {\n  ami = "ami-1"\n}\n';
    const a = cache.getOrParseSync('/m/main.tf', text);
    const b = cache.getOrParseSync('/m/main.tf', text);
    assert.equal(a, b);
    // Same content under another name is the same tree; the key is the content.
    assert.equal(cache.getOrParseSync('/other/copy.tf', text), a);
    const c = cache.getOrParseSync('/m/main.tf', text.replace('ami-1', 'ami-2'));
    assert.notEqual(c, a);
    assert.deepEqual(cache.stats, { memoryHits: 2, diskHits: 0, parses: 2, diskErrors: 0 });
  });

  it('peek: an unchanged stamp returns the cached tree and text without a read; a new stamp misses', () => {
    const cache = new IndexCache({ parse, version: 't' });
    const text = 'locals {\n  a = 1\n}\n';
    const parsed = cache.getOrParseSync('/m/l.tf', text, '100:20');
    assert.deepEqual(cache.peek('/m/l.tf', '100:20'), { result: parsed, text });
    assert.equal(cache.peek('/m/l.tf', '101:20'), undefined);
    assert.equal(cache.peek('/m/other.tf', '100:20'), undefined);
    cache.forget('/m/l.tf');
    assert.equal(cache.peek('/m/l.tf', '100:20'), undefined);
  });

  it('keys .tf and .tf.json apart: the same text parses differently', () => {
    const cache = new IndexCache({ parse, version: 't' });
    const text = '{"resource": {"aws_vpc": {"main": {"cidr_block": "10.0.0.0/16"}}}}';
    const hcl = cache.getOrParseSync('/m/a.tf', text);
    const json = cache.getOrParseSync('/m/a.tf.json', text);
    assert.notDeepEqual(hcl, json);
    assert.equal(cache.stats.parses, 2);
  });

  it('a reopened workspace reads every fixture back from disk, identical to a fresh parse', async () => {
    const files = fixtureFiles();
    assert.ok(files.length >= 10);
    const first = new IndexCache({ parse, version: '0.1.0', dir });
    for (const f of files) await first.getOrParse(f.file, f.text);
    await first.flush();

    const reopened = new IndexCache({ parse: () => assert.fail('must not parse'), version: '0.1.0', dir });
    // JSON drops properties set to undefined (`keyVar: undefined`): compare what JSON keeps.
    const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
    // Ranges come back as OffsetRanges over the text's line table, as the parser makes them.
    for (const f of files) assert.deepEqual(plain(await reopened.getOrParse(f.file, f.text)), plain(parse(f.file, f.text)), f.file);
    const back = (await reopened.getOrParse(files[0].file, files[0].text)) as ParseResult;
    assert.ok(back.body.range instanceof OffsetRange);
    assert.equal(reopened.stats.diskHits, new Set(files.map((f) => reopened.keyOf(f.file, f.text))).size);
    assert.equal(reopened.stats.parses, 0);
  });

  it('another version never reads old entries; a corrupt entry is parsed again', async () => {
    const text = 'variable "x" {\n  default = 1\n}\n';
    const first = new IndexCache({ parse, version: '0.1.0', dir });
    await first.getOrParse('/m/v.tf', text);
    await first.flush();
    const upgraded = new IndexCache({ parse, version: '0.2.0', dir });
    await upgraded.getOrParse('/m/v.tf', text);
    assert.deepEqual([upgraded.stats.diskHits, upgraded.stats.parses], [0, 1]);

    const key = first.keyOf('/m/v.tf', text);
    const store = readdirSync(dir).find((d) => d.includes('0.1.0'))!;
    writeFileSync(join(dir, store, key.slice(0, 2), `${key}.json`), '{"body": [1, 2');
    const again = new IndexCache({ parse, version: '0.1.0', dir });
    const result = await again.getOrParse('/m/v.tf', text);
    assert.deepEqual(JSON.stringify(result), JSON.stringify(parse('/m/v.tf', text)));
    assert.deepEqual([again.stats.diskErrors, again.stats.parses], [1, 1]);
  });

  it('caches per-file declarations too, keyed by path, and reads them back from disk', async () => {
    const compute = (file: string, text: string): FileDeclarations => declareOneFile(file, text, parse);
    const files = fixtureFiles();
    const first = new IndexCache<FileDeclarations>({ parse: compute, version: 'd', dir, keyIncludesPath: true });
    const text = files[0].text;
    // The same text in two files: two entries, each naming its own file.
    assert.notEqual(first.keyOf('/a/main.tf', text), first.keyOf('/b/main.tf', text));
    for (const f of files) await first.getOrParse(f.file, f.text);
    await first.flush();
    const reopened = new IndexCache<FileDeclarations>({ parse: () => assert.fail('must not parse'), version: 'd', dir, keyIncludesPath: true });
    const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
    for (const f of files) assert.deepEqual(plain(await reopened.getOrParse(f.file, f.text)), plain(compute(f.file, f.text)), f.file);
  });

  it('keeps at most maxEntries in memory, dropping the least recently used', () => {
    const cache = new IndexCache({ parse, version: 't', maxEntries: 2 });
    const t = (n: number): string => `locals {\n  n = ${n}\n}\n`;
    cache.getOrParseSync('/a.tf', t(1));
    cache.getOrParseSync('/b.tf', t(2));
    cache.getOrParseSync('/a.tf', t(1)); // 1 is now the most recent
    cache.getOrParseSync('/c.tf', t(3)); // evicts 2
    assert.equal(cache.size, 2);
    cache.getOrParseSync('/a.tf', t(1));
    cache.getOrParseSync('/b.tf', t(2));
    assert.deepEqual([cache.stats.memoryHits, cache.stats.parses], [2, 4]);
  });
});
