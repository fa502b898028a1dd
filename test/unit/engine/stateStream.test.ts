import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseState, StateError, type TerraformState } from '../../../src/iac/terraform/state';
import { FALLBACK, parseStateChunks } from '../../../src/iac/terraform/stateStream';
import { readStateFile } from '../../../src/engine/stateFile';
import { diskIo, overlayIo, type WorkspaceIo } from '../../../src/engine/workspaceIo';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'tfstate');

/** `bytes` as a stream of chunks of the given sizes, cycling (1-byte chunks split every token, escape and UTF-8 sequence). */
async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = sizes[k % sizes.length];
    yield bytes.subarray(i, i + n);
    i += n;
  }
}

/** The streamed read, or what parseState says when the stream hands the text back. */
async function streamed(text: string | Uint8Array, sizes = [1 << 16]): Promise<TerraformState> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const out = await parseStateChunks(chunked(bytes, sizes), 'terraform.tfstate');
  return out === FALLBACK ? parseState(Buffer.from(bytes).toString('utf8'), 'terraform.tfstate') : out;
}

/** Everything a scan reads of a state, as plain data (Maps as entry lists). */
const plain = (s: TerraformState) => ({ ...s, resources: [...s.resources.entries()], outputs: [...s.outputs.entries()] });

/** A generated ~10 MB state with what real ones hold: modules, count and for_each keys, data sources, sensitive paths, escapes, non-ASCII text, JSON-in-JSON policies, tainted and deposed objects. */
function bigState(resources: number): string {
  const out: unknown[] = [];
  for (let i = 0; i < resources; i++) {
    const module = i % 7 === 0 ? `module.app["eu-${i % 3}"]` : i % 5 === 0 ? `module.net[${i % 4}]` : undefined;
    const keyed = i % 3 === 0 ? 'list' : i % 3 === 1 ? 'map' : undefined;
    const instances = Array.from({ length: keyed ? 3 : 1 }, (_, k) => ({
      ...(keyed === 'list' ? { index_key: k } : keyed === 'map' ? { index_key: `k${k} "é" \${x} ✓` } : {}),
      schema_version: 1,
      ...(k === 2 && i % 11 === 0 ? { status: 'tainted' } : {}),
      attributes: {
        id: `i-${i.toString(16).padStart(17, '0')}-${k}`,
        arn: `arn:aws:ec2:us-east-1:123456789012:instance/i-${i}`,
        tags: { Name: `web ${i}`, Owner: 'équipe «ops»', Empty: '' },
        policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::bucket-${i}/*` }] }),
        user_data: `#!/bin/bash\necho "hello \\ world" > /tmp/${i}\n\ttab\u0001`,
        numbers: [1, 2.5, -3e-7, 1e21],
        nested: [{ a: null, b: true, c: { d: [[]] } }],
        password: `secret-${i}`,
      },
      sensitive_attributes: [[{ type: 'get_attr', value: 'password' }], [{ type: 'get_attr', value: 'tags' }, { type: 'index', value: { value: 'Owner', type: 'string' } }]],
      private: 'eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ=='.repeat(8),
      dependencies: ['aws_vpc.main', 'module.net.aws_subnet.a'],
    }));
    if (i % 13 === 0) instances.push({ ...instances[0], deposed: 'abcd1234' } as never);
    out.push({ ...(module ? { module } : {}), mode: i % 17 === 0 ? 'data' : 'managed', type: 'aws_instance', name: `w${i}`, provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances });
  }
  return JSON.stringify(
    { version: 4, terraform_version: '1.11.4', serial: 42, lineage: 'b7c9-…', outputs: { ip: { value: '10.0.0.1', type: 'string' }, pw: { value: 'hunter2', type: 'string', sensitive: true } }, resources: out, check_results: null },
    null,
    i2(resources),
  );
}
/** Some indentation for the big state, none for others: Terraform writes two spaces. */
const i2 = (n: number) => (n > 100 ? 2 : undefined);

describe('engine: terraform.tfstate read as it streams (issue 15)', () => {
  it('a ~10 MB generated state gives the same state as parsing its whole text', async function () {
    this.timeout(120_000);
    const text = bigState(9000);
    assert.ok(text.length > 10e6, `generated ${text.length} bytes`);
    const whole = parseState(text, 'terraform.tfstate');
    const bytes = Buffer.from(text, 'utf8');
    const out = await parseStateChunks(chunked(bytes, [1 << 20]), 'terraform.tfstate');
    assert.notEqual(out, FALLBACK, 'a well-formed state is read without the whole-text path');
    // As JSON text: deepEqual on 9,000 resources takes seconds; the entry lists keep Map order in the text.
    assert.equal(JSON.stringify(plain(out as TerraformState)), JSON.stringify(plain(whole)));
    assert.equal((out as TerraformState).resources.size, 9000);
  });

  it('any chunking gives the same state: tokens, escapes and UTF-8 sequences split across chunks', async () => {
    const text = bigState(40);
    const whole = plain(parseState(text, 'terraform.tfstate'));
    for (const sizes of [[1], [2, 3], [7], [64, 1, 5], [4096]]) {
      const out = await parseStateChunks(chunked(Buffer.from(text, 'utf8'), sizes), 'terraform.tfstate');
      assert.notEqual(out, FALLBACK, `chunks ${sizes}`);
      assert.deepEqual(plain(out as TerraformState), whole, `chunks ${sizes}`);
    }
  });

  it('every fixture state reads the same streamed as whole', async () => {
    for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.tfstate'))) {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      let expected: unknown;
      try {
        expected = plain(parseState(text, 'terraform.tfstate'));
      } catch (e) {
        expected = (e as Error).message;
      }
      let actual: unknown;
      try {
        actual = plain(await streamed(text, [3]));
      } catch (e) {
        actual = (e as Error).message;
      }
      assert.deepEqual(actual, expected, name);
    }
  });

  it('a byte-order mark, an empty object, whitespace around: read; members in any order', async () => {
    const body = JSON.stringify({ resources: [{ type: 'aws_vpc', name: 'a', instances: [{ attributes: { id: 'vpc-1' } }] }], outputs: {}, version: 4 });
    for (const text of [`\uFEFF${body}`, `\n\t ${body} \r\n`]) {
      const out = await parseStateChunks(chunked(Buffer.from(text, 'utf8'), [5]));
      assert.notEqual(out, FALLBACK);
      assert.equal((out as TerraformState).resources.get('aws_vpc.a')?.instances[0].id, 'vpc-1');
    }
  });

  it('what is not a well-formed state gets parseState\'s own message, never JSON.parse\'s (which quotes the text)', async () => {
    const ok = (rest: string) => `{"version":4,"resources":[{"type":"aws_vpc","name":"a","instances":[{"attributes":{"id":"vpc-1","password":"hunter2"}}]}]${rest}`;
    const cases: [string, RegExp][] = [
      [ok('}x'), /not valid JSON \(InvalidSymbol at line 1/],
      [ok(',}'), /not valid JSON/],
      [ok(''), /not valid JSON/],
      ['{"version":4,"resources":[{"type":"aws_vpc","name":"a",}]}', /not valid JSON/],
      ['{"version":4,"resources":[{"type":"aws_vpc","name":"a"},]}', /not valid JSON/],
      ['{"version":4,"resources":[,]}', /not valid JSON/],
      ['{"version":4 "resources":[]}', /not valid JSON/],
      ['{"version":4,"resources":[]', /not valid JSON/],
      ['{"version":4,"resources":{}}', /"resources" is not a list/],
      ['{"version":3,"resources":[{"name":"no type"}]}', /format version 3; DriftLens reads state format version 4 \(it was written by Terraform 0\.11/],
      ['{"resources":[{"name":"no type"}],"version":4}', /resources\[0\] has no type or name/],
      ['{"version":4,"resources":[{"type":"aws_vpc","name":"a"},{"name":"b"}]}', /resources\[1\] has no type or name/],
      ['[]', /not a Terraform state file/],
      ['{"version":tru,"resources":[]}', /not valid JSON/],
    ];
    for (const [text, message] of cases) {
      await assert.rejects(streamed(text, [4]), (e: unknown) => e instanceof StateError && message.test(e.message) && !e.message.includes('hunter2'), text);
    }
    // UTF-16 as PowerShell writes it.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ok('}'), 'utf16le')]);
    await assert.rejects(streamed(utf16), /is not UTF-8 \(saved as UTF-16/);
  });

  it('a member given twice is read as JSON.parse reads it (the last one wins)', async () => {
    const text = '{"version":4,"resources":[{"type":"aws_vpc","name":"a","instances":[{"attributes":{"id":"vpc-1"}}]}],"resources":[]}';
    assert.deepEqual(plain(await streamed(text, [3])), plain(parseState(text)));
    assert.equal((await streamed(text)).resources.size, 0);
  });

  it('the scan reads a state file from disk as it streams, never its whole text; memory and unsaved text go through readFile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftlens-state-stream-'));
    try {
      const path = join(dir, 'terraform.tfstate');
      const good = bigState(30);
      writeFileSync(path, good);
      const wholeReads: string[] = [];
      const io: WorkspaceIo = { ...diskIo, readFile: (p) => (wholeReads.push(p), diskIo.readFile(p)) };
      assert.deepEqual(plain((await readStateFile(io, path))!()), plain(parseState(good, path)));
      assert.deepEqual(wholeReads, [], 'a well-formed state is never read as one text');
      assert.equal(await readStateFile(io, join(dir, 'missing.tfstate')), undefined);
      assert.equal(await readStateFile(io, dir), undefined, 'a folder is not a state');
      // A broken one: parseState's message, which needs the text.
      writeFileSync(path, '{"version":4,"resources":[}');
      const broken = await readStateFile(io, path);
      assert.throws(() => broken!(), (e: unknown) => e instanceof StateError && /not valid JSON \(/.test(e.message));
      assert.deepEqual(wholeReads, [path]);
      // An unsaved editor buffer (or a pulled state) wins over the file.
      const overlay = overlayIo(diskIo, new Map([[path, good]]));
      assert.equal((await readStateFile(overlay, path))!().resources.size, 30);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
