// The editor's index (issue 17): in slices that give the thread back, through the cache, the same
// modules as the plain indexer; warm re-index parses nothing; an unsaved buffer parses one file.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { declarationsCache, indexWorkspaceSliced } from '../../../src/iac/slicedIndex';
import { findModuleDirs, indexModule } from '../../../src/iac/moduleIndex';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'terraform');

describe('sliced workspace index (issue 17)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'driftlens-sliced-'));
    cpSync(fixtures, dir, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const addresses = (modules: { dir: string; resources: { address: string }[] }[]): string[] =>
    modules.flatMap((m) => m.resources.map((r) => `${m.dir} ${r.address}`)).sort();

  it('indexes the same resources as the plain indexer, giving the thread back between slices', async () => {
    const plain = await Promise.all((await findModuleDirs(dir)).map((d) => indexModule(d)));
    let ticks = 0;
    const tick = setInterval(() => ticks++, 0);
    try {
      // A zero slice yields after every file: other callbacks run while the index is built.
      const { modules, slicer } = await indexWorkspaceSliced(dir, { cache: declarationsCache({ version: 't' }), sliceMs: 0 });
      assert.deepEqual(addresses(modules), addresses(plain));
      assert.ok(addresses(plain).length > 10);
      assert.ok(slicer.yields >= modules.length, `${slicer.yields} yields`);
      assert.ok(ticks > 0, 'a timer ran while indexing');
    } finally {
      clearInterval(tick);
    }
  });

  it('re-indexes an unchanged workspace without a parse, and an unsaved buffer with one', async () => {
    const cache = declarationsCache({ version: 't' });
    const first = await indexWorkspaceSliced(dir, { cache });
    const parses = cache.stats.parses;
    assert.ok(parses > 0);
    const again = await indexWorkspaceSliced(dir, { cache });
    assert.equal(cache.stats.parses, parses);
    assert.deepEqual(addresses(again.modules), addresses(first.modules));

    const m = first.modules.find((x) => x.resources.length > 0)!;
    const file = m.resources[0].file;
    const overrides = new Map([[file, 'resource "aws_s3_bucket" "unsaved" {\n  bucket = "x"\n}\n']]);
    const edited = await indexWorkspaceSliced(dir, { cache, overrides });
    assert.equal(cache.stats.parses, parses + 1);
    const one = edited.modules.find((x) => x.dir === m.dir)!;
    assert.ok(one.resources.some((r) => r.address === 'aws_s3_bucket.unsaved'));
    assert.ok(!one.resources.some((r) => r.file === file && r.address !== 'aws_s3_bucket.unsaved'), 'the buffer replaced the file on disk');
    // The disk's version is still the cached one once the buffer is gone.
    await indexWorkspaceSliced(dir, { cache });
    assert.equal(cache.stats.parses, parses + 1);
  });

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    abort.abort(new Error('cancelled'));
    await assert.rejects(indexWorkspaceSliced(dir, { cache: declarationsCache({ version: 't' }), signal: abort.signal }), /cancelled/);
  });
});
