// Issue 17: one declaration per folder per run, shared by the inventory's literal pass, root
// indexing and module calls; missing files answered from the listings the run already read.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInventory } from '../../../src/iac/inventory';
import { declareFolder } from '../../../src/iac/folderIndex';
import { withMemo, WorkspaceMemo } from '../../../src/iac/workspaceMemo';
import { parseTerraformText } from '../../../src/iac/moduleIndex';
import { evaluateInventory } from '../../../src/engine/inventoryValues';
import { resolveWorkspace } from '../../../src/engine/scan';
import { diskIo, type WorkspaceIo } from '../../../src/engine/workspaceIo';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-folder-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

/** The disk, recording every path read and every stream opened. */
function recordingIo(): WorkspaceIo & { reads: string[]; streams: string[] } {
  const reads: string[] = [];
  const streams: string[] = [];
  return {
    reads,
    streams,
    readFile: (p) => (reads.push(p), diskIo.readFile(p)),
    readDir: (d) => diskIo.readDir(d),
    readChunks: (p) => (streams.push(p), diskIo.readChunks!(p)),
  };
}

describe('folder declarations shared in a run (issue 17)', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('the inventory reports declaration problems as before, with or without a run memo; a scan does not', async () => {
    const dir = tree({
      'a.tf': 'resource "aws_s3_bucket" "x" {\n  bucket = "a"\n}\n',
      'b.tf': 'resource "aws_s3_bucket" "x" {\n  bucket = "b"\n}\n',
      'c_override.tf': 'resource "aws_s3_bucket" "missing" {\n  bucket = "c"\n}\n',
    });
    dirs.push(dir);
    const plain = await buildInventory(dir);
    const io = withMemo(diskIo);
    const shared = await buildInventory(dir, io.memo);
    assert.deepEqual(shared, plain);
    assert.deepEqual(shared.errors.map((e) => [e.file, e.message.split(':')[0]]), [
      ['b.tf', 'Duplicate resource "aws_s3_bucket" configuration'],
      ['c_override.tf', 'Missing base resource "aws_s3_bucket" "missing" to override'],
    ]);
    // The scan's index of the same folder is the one the inventory declared, where only the override problem is a file diagnostic.
    const { roots } = await resolveWorkspace(dir, io);
    assert.equal(io.memo.folderStats.declared, 1);
    assert.deepEqual(roots[0].index.files.map((f) => f.diagnostics.length), [0, 0, 1]);
  });

  it('a folder read with other text (an unsaved edit) is declared anew', () => {
    const memo = new WorkspaceMemo(diskIo);
    const first = declareFolder('/w', ['main.tf'], ['resource "a" "b" {}\n'], parseTerraformText, memo);
    assert.equal(declareFolder('/w', ['main.tf'], ['resource "a" "b" {}\n'], parseTerraformText, memo), first);
    const edited = declareFolder('/w', ['main.tf'], ['resource "a" "c" {}\n'], parseTerraformText, memo);
    assert.notEqual(edited, first);
    assert.deepEqual(edited.index.resources.map((r) => r.address), ['a.c']);
    assert.notEqual(declareFolder('/w', ['main.tf', 'x.tf'], ['resource "a" "c" {}\n', ''], parseTerraformText, memo), edited);
    assert.deepEqual(memo.folderStats, { declared: 3, reused: 1 });
  });

  it("the inventory's evaluation does not read or stream the files each root lacks (state, workspace, module manifest)", async () => {
    const dir = tree({
      'main.tf': 'variable "n" {\n  default = "x"\n}\nresource "aws_s3_bucket" "x" {\n  bucket = var.n\n}\n',
      'examples/one/main.tf': 'module "m" {\n  source = "../.."\n}\n',
      'live/main.tf': 'resource "aws_s3_bucket" "y" {\n  bucket = "y"\n}\n',
      'live/terraform.tfstate': JSON.stringify({ version: 4, terraform_version: '1.9.0', serial: 1, lineage: 'l', outputs: {}, resources: [] }),
    });
    dirs.push(dir);
    const io = withMemo(recordingIo());
    const literal = await buildInventory(dir, io.memo);
    const evaluated = await evaluateInventory(literal, dir, io);
    const names = (list: string[]): string[] => list.map((p) => p.slice(dir.length + 1)).sort();
    // Only the state that exists is read; before, each of the three roots asked the disk for all three files.
    assert.deepEqual(names([...io.reads, ...io.streams]).filter((p) => !p.endsWith('.tf')), ['live/terraform.tfstate']);
    const bucket = evaluated.resources.find((r) => r.address === 'aws_s3_bucket.x' && r.root === '.')!;
    assert.deepEqual(bucket.instances!.map((i) => [i.address, i.attributes.bucket]).sort(), [['aws_s3_bucket.x', 'x'], ['module.m.aws_s3_bucket.x', 'x']]);
  });

  it('without trustListings (a scan, whose io may serve files no folder lists) every read reaches the io', async () => {
    const io = recordingIo();
    const memo = new WorkspaceMemo(io);
    const dir = tree({ 'main.tf': '' });
    dirs.push(dir);
    await memo.readDir(dir);
    await memo.readFile(join(dir, 'terraform.tfstate'));
    assert.deepEqual(io.reads, [join(dir, 'terraform.tfstate')]);
    memo.trustListings();
    assert.equal(memo.surelyMissing(join(dir, 'other.tfstate')), true);
    assert.equal(memo.surelyMissing(join(dir, 'MAIN.TF')), false, 'a name listed in another case may open on a case-insensitive disk');
    assert.equal(memo.surelyMissing(join(dir, '.terraform', 'environment')), true);
    assert.equal(memo.surelyMissing(join(tmpdir(), 'elsewhere', 'x.tf')), false, 'a folder never listed says nothing');
    assert.equal(memo.surelyMissing(`${dir}/sub/../main.tf`), false, 'a path with .. is not looked up by its text');
  });
});
