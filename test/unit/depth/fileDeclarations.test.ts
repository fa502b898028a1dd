// The per-file declarations the index cache keeps must merge into exactly what the indexer builds.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declareOneFile, mergeFileDeclarations } from '../../../src/iac/fileDeclarations';
import { findModuleDirs, indexModule, isTerraformFile, parseTerraformText } from '../../../src/iac/moduleIndex';

const fixtures = join(__dirname, '..', '..', 'fixtures');

describe('per-file declarations merge into the module index', () => {
  it('equals indexModule on every fixture module (including broken files and duplicates)', async () => {
    let dirs: string[] = [];
    for (const d of ['terraform', 'terraform-broken', 'depth']) dirs = dirs.concat(await findModuleDirs(join(fixtures, d)));
    assert.ok(dirs.length >= 10);
    for (const dir of dirs) {
      const names = readdirSync(dir).filter(isTerraformFile).sort();
      const parts = names.map((n) => declareOneFile(join(dir, n), readFileSync(join(dir, n), 'utf8'), parseTerraformText));
      assert.deepEqual(mergeFileDeclarations(dir, parts), await indexModule(dir), dir);
    }
  });

  it('reports a resource declared in two files, and not for override files', () => {
    const a = declareOneFile('/m/a.tf', 'resource "aws_vpc" "main" {\n}\n', parseTerraformText);
    const b = declareOneFile('/m/b.tf', 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n', parseTerraformText);
    const o = declareOneFile('/m/b_override.tf', 'resource "aws_vpc" "main" {\n}\n', parseTerraformText);
    const merged = mergeFileDeclarations('/m', [a, b, o]);
    // The override merges into the first declaration; the duplicate in b.tf stays (Terraform rejects it).
    assert.equal(merged.resources.length, 2);
    assert.deepEqual(merged.files.map((f) => f.diagnostics.map((d) => d.message)), [[], ['Duplicate resource "aws_vpc" configuration: "aws_vpc.main" was already declared at a.tf:1.'], []]);
    // The inputs stay as they were: a cached entry is shared.
    assert.equal(b.files[0].diagnostics.length, 0);
  });
});
