// The editor's index reads with blocking calls while the disk is fast and switches to the thread
// pool for the rest of the run once it is slow (src/iac/adaptiveReads.ts, issue 17).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFile, readFileSync, rmSync, stat, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdaptiveReads, type ReadCalls } from '../../../src/iac/adaptiveReads';
import { declarationsCache, indexWorkspaceSliced } from '../../../src/iac/slicedIndex';
import { findModuleDirs, indexModule } from '../../../src/iac/moduleIndex';

const fixtures = join(__dirname, '..', '..', 'fixtures', 'terraform');

/** The real file calls on a disk whose blocking calls take `ms` each on a fake clock; counts every call. */
function slowDisk(ms: (call: number) => number) {
  let clock = 0;
  let blockingCalls = 0;
  const counts = { statSync: 0, readFileSync: 0, stat: 0, readFile: 0 };
  const calls: ReadCalls = {
    statSync: (f) => (counts.statSync++, (clock += ms(blockingCalls++)), statSync(f, { throwIfNoEntry: false })),
    readFileSync: (f) => (counts.readFileSync++, (clock += ms(blockingCalls++)), readFileSync(f, 'utf8')),
    stat: (f, done) => (counts.stat++, stat(f, done)),
    readFile: (f, done) => (counts.readFile++, readFile(f, 'utf8', done)),
    now: () => clock,
  };
  return { calls, counts };
}

describe('adaptive reads (issue 17)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'driftlens-reads-'));
    cpSync(fixtures, dir, { recursive: true });
    writeFileSync(join(dir, 'bom.tf'), '\ufeffvariable "x" {}\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('on a fast disk: blocking stat and read, the stamp the cache knows, the text without its BOM, undefined for a missing file', () => {
    // The real calls on a fake clock: a loaded machine's real clock could call a stat slow.
    const reads = new AdaptiveReads({ calls: slowDisk(() => 0.05).calls });
    const file = join(dir, 'bom.tf');
    const st = statSync(file);
    assert.equal(reads.stamp(file), `${st.mtimeMs}:${st.size}`);
    assert.equal(reads.text(file), 'variable "x" {}\n');
    assert.equal(reads.stamp(join(dir, 'gone.tf')), undefined);
    assert.equal(reads.text(join(dir, 'gone.tf')), undefined);
    assert.equal(reads.blocking, true);
  });

  it('one slow call switches the rest of the run to async calls, which answer the same', async () => {
    const disk = slowDisk((n) => (n === 0 ? 30 : 0.01));
    const reads = new AdaptiveReads({ calls: disk.calls });
    const file = join(dir, 'bom.tf');
    const first = reads.stamp(file);
    assert.equal(typeof first, 'string');
    assert.equal(reads.blocking, false);
    const text = reads.text(file);
    assert.ok(text instanceof Promise);
    assert.equal(await text, 'variable "x" {}\n');
    assert.equal(await reads.stamp(file), first);
    assert.equal(await reads.text(join(dir, 'gone.tf')), undefined);
    assert.deepEqual(disk.counts, { statSync: 1, readFileSync: 0, stat: 1, readFile: 2 });
  });

  it('a disk slow on average (2 ms a call) switches after the sample, one fast on average never does', () => {
    const slow = slowDisk(() => 2);
    const reads = new AdaptiveReads({ calls: slow.calls });
    for (let i = 0; i < 15; i++) reads.stamp(join(dir, 'bom.tf'));
    assert.equal(reads.blocking, true, 'not before 16 calls');
    reads.stamp(join(dir, 'bom.tf'));
    assert.equal(reads.blocking, false);
    const fast = new AdaptiveReads({ calls: slowDisk(() => 0.05).calls });
    for (let i = 0; i < 100; i++) fast.stamp(join(dir, 'bom.tf'));
    assert.equal(fast.blocking, true);
  });

  it('the sliced index gives the same modules on a fast disk and on one that turns slow mid-run', async () => {
    const addresses = (modules: { dir: string; resources: { address: string }[] }[]): string[] => modules.flatMap((m) => m.resources.map((r) => `${m.dir} ${r.address}`)).sort();
    const plain = await Promise.all((await findModuleDirs(dir)).map((d) => indexModule(d)));
    const fast = slowDisk(() => 0.01);
    const onFast = await indexWorkspaceSliced(dir, { cache: declarationsCache({ version: 't' }), readCalls: fast.calls });
    assert.deepEqual(addresses(onFast.modules), addresses(plain));
    assert.equal(fast.counts.stat + fast.counts.readFile, 0, 'a fast disk is read with blocking calls only');
    // The 40th blocking call is slow: what follows goes through the thread pool.
    const turning = slowDisk((n) => (n === 40 ? 25 : 0.01));
    const onTurning = await indexWorkspaceSliced(dir, { cache: declarationsCache({ version: 't' }), readCalls: turning.calls });
    assert.deepEqual(addresses(onTurning.modules), addresses(plain));
    assert.equal(turning.counts.statSync + turning.counts.readFileSync, 41);
    assert.ok(turning.counts.readFile > 0 && turning.counts.stat > 0, JSON.stringify(turning.counts));
  });
});
