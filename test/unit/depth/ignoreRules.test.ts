import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendIgnore,
  IgnoreRules,
  inlineIgnorePatterns,
  inlineIgnoresOf,
  loadIgnoreRules,
  matchesAttribute,
  parseIgnoreFile,
} from '../../../src/engine/ignoreRules';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { declareFile, emptyModuleIndex } from '../../../src/iac/terraform/declared';

const readOrUndefined = (p: string): Promise<string | undefined> => readFile(p, 'utf8').catch(() => undefined);

describe('ignore rules: .driftignore', () => {
  const rules = (text: string): IgnoreRules => new IgnoreRules(parseIgnoreFile(text, '/ws/.driftignore'));

  it('ignores one attribute and everything under it, nothing else', () => {
    const r = rules('aws_instance.web.tags\n');
    assert.equal(r.isIgnored('aws_instance.web', 'tags'), true);
    assert.equal(r.isIgnored('aws_instance.web', 'tags.Env'), true);
    assert.equal(r.isIgnored('aws_instance.web', 'tags_all'), false);
    assert.equal(r.isIgnored('aws_instance.web', 'instance_type'), false);
    assert.equal(r.isIgnored('aws_instance.api', 'tags'), false);
    assert.equal(r.isIgnored('aws_instance.web'), false, 'an attribute rule does not hide the whole resource');
  });

  it('a resource address covers all its instances and attributes', () => {
    const r = rules('aws_instance.web');
    assert.equal(r.isIgnored('aws_instance.web'), true);
    assert.equal(r.isIgnored('aws_instance.web[0]', 'ami'), true);
    assert.equal(r.isIgnored('aws_instance.web["api"]'), true);
    assert.equal(r.isIgnored('aws_instance.webserver'), false);
  });

  it('globs: `*` matches any run of characters', () => {
    const r = rules('aws_instance.*.tags\nmodule.net.*\n');
    assert.equal(r.isIgnored('aws_instance.web', 'tags.Env'), true);
    assert.equal(r.isIgnored('aws_instance.web[2]', 'tags'), true);
    assert.equal(r.isIgnored('aws_instance.web', 'ami'), false);
    assert.equal(r.isIgnored('module.net.aws_subnet.a["x"]', 'cidr_block'), true);
    assert.equal(r.isIgnored('module.network.aws_subnet.a'), false);
  });

  it('negation: the last matching line wins, as in .gitignore', () => {
    const r = rules('aws_instance.*\n!aws_instance.web.tags\n');
    assert.equal(r.isIgnored('aws_instance.web', 'ami'), true);
    assert.equal(r.isIgnored('aws_instance.web', 'tags.Env'), false);
    const back = rules('!aws_instance.web.tags\naws_instance.*\n');
    assert.equal(back.isIgnored('aws_instance.web', 'tags'), true);
    assert.equal(r.decidingRule('aws_instance.web', 'tags')?.line, 1);
  });

  it('skips comments and blank lines, strips trailing comments, keeps # inside keys', () => {
    const r = rules('# header\n\n   \r\naws_s3_bucket.logs.tags   # set by a lambda\naws_instance.w["a#b"].ami\n');
    assert.deepEqual(r.rules.map((x) => x.pattern), ['aws_s3_bucket.logs.tags', 'aws_instance.w["a#b"].ami']);
    assert.equal(r.isIgnored('aws_instance.w["a#b"]', 'ami'), true);
    assert.equal(r.rules[0].line, 3);
  });

  it('treats regex characters in addresses literally', () => {
    const r = rules('aws_instance.web[0].tags');
    assert.equal(r.isIgnored('aws_instance.web[0]', 'tags'), true);
    assert.equal(r.isIgnored('aws_instance.web0', 'tags'), false);
  });

  it('loads the workspace file first and the root module file last (the later wins)', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'driftignore-'));
    try {
      mkdirSync(join(ws, 'prod'));
      writeFileSync(join(ws, '.driftignore'), 'aws_instance.*\n');
      writeFileSync(join(ws, 'prod', '.driftignore'), '!aws_instance.db.instance_type\n');
      const r = await loadIgnoreRules([ws, join(ws, 'prod'), join(ws, 'missing')], readOrUndefined);
      assert.equal(r.size, 2);
      assert.equal(r.isIgnored('aws_instance.db', 'instance_type'), false);
      assert.equal(r.isIgnored('aws_instance.db', 'tags'), true);
      const none = await loadIgnoreRules([join(ws, 'missing')], readOrUndefined);
      assert.equal(none.size, 0);
      assert.equal(none.isIgnored('aws_instance.db'), false);
    } finally {
      rmSync(ws, { recursive: true, force: true });
    }
  });

  it('appendIgnore keeps the file and ends it with a newline; the result parses back', () => {
    const text = appendIgnore('# mine\naws_instance.a.ami', 'aws_instance.web.tags.Env');
    assert.equal(text, '# mine\naws_instance.a.ami\naws_instance.web.tags.Env\n');
    assert.equal(new IgnoreRules(parseIgnoreFile(text!, 'x')).isIgnored('aws_instance.web', 'tags.Env'), true);
    assert.equal(appendIgnore(text, 'aws_instance.web.tags.Env'), undefined);
  });
});

describe('ignore rules: inline comments', () => {
  const tf = [
    '# driftlens:ignore tags.LastScanned set by the nightly scanner', // 0
    'resource "aws_instance" "web" {', // 1
    '  ami = "ami-1"', // 2
    '  // driftlens:ignore * resized by the autoscaler', // 3
    '  instance_type = "t3.micro"', // 4
    '  root_block_device {', // 5
    '    # driftlens:ignore', // 6
    '    # a plain comment in between', // 7
    '    volume_size = 20', // 8
    '  }', // 9
    '}', // 10
    '', // 11
    '# driftlens:ignore ami', // 12
    '', // 13
    'resource "aws_instance" "api" {', // 14
    '  ami = "ami-2"', // 15
    '}', // 16
  ].join('\n');

  it('maps each directive to the line below it; a blank line breaks the link', () => {
    const d = inlineIgnoresOf(tf);
    assert.deepEqual([...d.keys()], [1, 4, 8]);
    assert.deepEqual(d.get(1), [{ attribute: 'tags.LastScanned', reason: 'set by the nightly scanner', commentLine: 0 }]);
    assert.deepEqual(d.get(4), [{ attribute: '*', reason: 'resized by the autoscaler', commentLine: 3 }]);
    assert.equal(d.get(8)?.[0].attribute, '*');
  });

  it('turns directives into attribute patterns per resource', () => {
    const index = emptyModuleIndex('/m');
    declareFile(index, '/m/main.tf', parseHcl(tf).body, tf);
    const d = inlineIgnoresOf(tf);
    const web = index.resources.find((r) => r.name === 'web')!;
    const api = index.resources.find((r) => r.name === 'api')!;
    const patterns = inlineIgnorePatterns(web, d);
    assert.deepEqual(patterns.sort(), ['instance_type', 'root_block_device.volume_size', 'tags.LastScanned']);
    assert.equal(matchesAttribute(patterns, 'tags.LastScanned'), true);
    assert.equal(matchesAttribute(patterns, 'tags.Name'), false);
    assert.equal(matchesAttribute(patterns, 'instance_type'), true);
    assert.equal(matchesAttribute(patterns, 'ami'), false);
    assert.deepEqual(inlineIgnorePatterns(api, d), []);
  });

  it('a `*` above the resource block ignores the whole resource', () => {
    const text = '# driftlens:ignore * imported, owned by team B\nresource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n';
    const index = emptyModuleIndex('/m');
    declareFile(index, '/m/main.tf', parseHcl(text).body, text);
    const patterns = inlineIgnorePatterns(index.resources[0], inlineIgnoresOf(text));
    assert.deepEqual(patterns, ['*']);
    assert.equal(matchesAttribute(patterns, 'cidr_block'), true);
  });
});
