// Issue 17: one run reads and parses each file once. Before, every root re-read and re-parsed each
// module it called (the examples of a module repository each parsed the whole module), and the
// inventory parsed the whole tree twice (literal index, then evaluation).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInventory } from '../../../src/iac/inventory';
import { withMemo, WorkspaceMemo } from '../../../src/iac/workspaceMemo';
import { evaluateInventory } from '../../../src/engine/inventoryValues';
import { resolveWorkspace } from '../../../src/engine/scan';
import { diskIo, type WorkspaceIo } from '../../../src/engine/workspaceIo';
import { parseTerraformText } from '../../../src/iac/moduleIndex';

/** A module repository: the module at the top, three examples calling it, one calling it twice. */
function moduleRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-memo-'));
  const write = (rel: string, text: string): void => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  write('main.tf', 'variable "name" {\n  type = string\n}\nresource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\n');
  write('outputs.tf', 'output "arn" {\n  value = aws_s3_bucket.this.arn\n}\n');
  for (const ex of ['a', 'b', 'c']) {
    write(`examples/${ex}/main.tf`, `module "one" {\n  source = "../.."\n  name   = "${ex}-one"\n}\nmodule "two" {\n  source = "../.."\n  name   = "${ex}-two"\n}\n`);
  }
  return dir;
}

/** The disk, counting reads per path. */
function countingIo(): WorkspaceIo & { reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    readFile: (p) => {
      reads.set(p, (reads.get(p) ?? 0) + 1);
      return diskIo.readFile(p);
    },
    readDir: (d) => diskIo.readDir(d),
  };
}

describe('one read and one parse per file in a run (issue 17)', () => {
  let dir: string;
  before(() => {
    dir = moduleRepo();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a module called by several roots, twice each, is read once', async () => {
    const io = countingIo();
    const { roots } = await resolveWorkspace(dir, io);
    // Same answer as ever: each example instantiates the module twice.
    const addresses = roots.flatMap((r) => r.instances.map((i) => i.address)).sort();
    assert.deepEqual(addresses.filter((a) => a.startsWith('module.')), [
      'module.one.aws_s3_bucket.this', 'module.one.aws_s3_bucket.this', 'module.one.aws_s3_bucket.this',
      'module.two.aws_s3_bucket.this', 'module.two.aws_s3_bucket.this', 'module.two.aws_s3_bucket.this',
    ]);
    const tf = [...io.reads].filter(([p]) => p.endsWith('.tf'));
    assert.equal(tf.length, 5);
    for (const [p, n] of tf) assert.equal(n, 1, `${p} read ${n} times`);
  });

  it('the inventory parses each file once for the literal index and the evaluation together', async () => {
    const io = withMemo(diskIo);
    const literal = await buildInventory(dir, io.memo);
    const evaluated = await evaluateInventory(literal, dir, io);
    assert.equal(io.memo.stats.parses, 5);
    // Each folder declared once too: the literal pass declares the four, root indexing and the
    // module calls reuse them (before, the module folder was declared three times, every copy kept).
    assert.deepEqual(io.memo.folderStats, { declared: 4, reused: 5 });
    const bucket = evaluated.resources.find((r) => r.root === '.' && r.address === 'aws_s3_bucket.this')!;
    // The module folder is also a root of its own, where var.name has no value: only the calls count here.
    const names = bucket.instances!.filter((i) => i.address.startsWith('module.')).map((i) => i.attributes.bucket).sort();
    assert.deepEqual(names, ['a-one', 'a-two', 'b-one', 'b-two', 'c-one', 'c-two']);
  });

  it('the same file with other text (an unsaved edit) parses anew', () => {
    const memo = new WorkspaceMemo(diskIo);
    const first = memo.parse('/x/main.tf', 'main.tf', 'resource "a" "b" {}\n', parseTerraformText);
    assert.equal(memo.parse('/x/main.tf', 'main.tf', 'resource "a" "b" {}\n', parseTerraformText), first);
    const edited = memo.parse('/x/main.tf', 'main.tf', 'resource "a" "c" {}\n', parseTerraformText);
    assert.notEqual(edited, first);
    assert.deepEqual(memo.stats, { parses: 2, reused: 1 });
  });

  it('reads run ahead, never more than 64 at once, and a failed read fails only that file', async () => {
    let inFlight = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const slow: WorkspaceIo = {
      readFile: (p) => {
        most = Math.max(most, ++inFlight);
        return new Promise((resolve, reject) => release.push(() => {
          inFlight--;
          if (p.endsWith('bad.tf')) reject(new Error('EACCES'));
          else resolve(`# ${p}`);
        }));
      },
      readDir: async () => [],
    };
    const memo = new WorkspaceMemo(slow);
    const paths = Array.from({ length: 200 }, (_, i) => `/w/f${i}.tf`).concat('/w/bad.tf');
    memo.prefetch(paths);
    assert.equal(most, 64);
    const all = Promise.allSettled(paths.map((p) => memo.readFile(p)));
    // Each settled read starts a queued one: release in rounds until every read has run.
    for (let k = 0; k < 20; k++) {
      while (release.length) release.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    const settled = await all;
    assert.equal(most, 64);
    assert.equal(settled.filter((s) => s.status === 'fulfilled').length, 200);
    assert.equal(settled.at(-1)!.status, 'rejected');
  });

  it('an io that already has a memo keeps it (scan and inventory share one)', () => {
    const io = withMemo(diskIo);
    assert.equal(withMemo(io), io);
  });
});
