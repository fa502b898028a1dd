// The bulk fix plan: several edits per file back to front, one write per shared literal, instances that
// disagree or sensitive values skipped with the reason; and the unified diff checked against GNU diff -u.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, chosenBy, planFixes } from '../../../src/engine/fix/applyFixes';
import { unifiedDiff } from '../../../src/engine/fix/unifiedDiff';
import type { DeclaredResource, Drift, Range, ResourceResult, ScanResult, Value } from '../../../src/model';

const FILE = '/ws/main.tf';
const TEXT = ['variable "size" {', '  default = "t3.micro" # sizes', '}', 'resource "aws_instance" "web" {', '  ami  = "ami-1"', '  tags = { Owner = "ops" }', '}', ''].join('\n');

function rangeOf(text: string, needle: string): Range {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  const pos = (offset: number) => {
    const before = text.slice(0, offset);
    return { offset, line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(start), end: pos(start + needle.length) };
}

function drift(attribute: string, literal: string, actual: Value, extra: Partial<Drift> = {}): Drift {
  const range = rangeOf(TEXT, literal);
  return { attribute, expected: JSON.parse(literal), actual, severity: 'warning', message: attribute, location: { file: FILE, range }, origin: { file: FILE, range }, fixable: true, sensitive: false, ...extra };
}

function result(resources: { address: string; drifts: Drift[] }[]): ScanResult {
  const rs: ResourceResult[] = resources.map((r) => ({
    address: r.address, type: 'aws_instance', provider: 'aws', resource: {} as DeclaredResource, liveId: 'i-1', status: 'drifted', drifts: r.drifts, unverifiedAttributes: [],
  }));
  return { scannedAt: '', root: '/ws', resources: rs, unmanaged: [], errors: [], summary: { resources: rs.length, inSync: 0, drifted: rs.length, missing: 0, unverified: 0, unmanaged: 0, verified: rs.length } };
}

const read = async (f: string) => (f === FILE ? TEXT : undefined);

describe('workflow: bulk fix plan (applyFixes)', () => {
  it('applies several edits in one file back to front, keeping comments', async () => {
    const plan = await planFixes(result([{ address: 'aws_instance.web', drifts: [drift('ami', '"ami-1"', 'ami-2'), drift('instance_type', '"t3.micro"', 't3.large'), drift('tags.Owner', '"ops"', 'data')] }]), read);
    assert.equal(plan.files.length, 1);
    assert.equal(plan.files[0].after, TEXT.replace('"t3.micro"', '"t3.large"').replace('"ami-1"', '"ami-2"').replace('"ops"', '"data"'));
    assert.deepEqual(plan.skipped, []);
    assert.equal(plan.fixed.length, 3);
  });

  it('writes a literal shared by instances once when they agree, and not at all when they disagree', async () => {
    const agree = await planFixes(result([{ address: 'aws_instance.web[0]', drifts: [drift('instance_type', '"t3.micro"', 't3.large')] }, { address: 'aws_instance.web[1]', drifts: [drift('instance_type', '"t3.micro"', 't3.large')] }]), read);
    assert.equal(agree.files[0].after, TEXT.replace('"t3.micro"', '"t3.large"'));
    assert.equal(agree.fixed.length, 2);
    const disagree = await planFixes(result([{ address: 'aws_instance.web[0]', drifts: [drift('instance_type', '"t3.micro"', 't3.large')] }, { address: 'aws_instance.web[1]', drifts: [drift('instance_type', '"t3.micro"', 't3.small')] }]), read);
    assert.deepEqual(disagree.files, []);
    assert.deepEqual(disagree.skipped.map((s) => s.reason), ['instances sharing this literal have different live values', 'instances sharing this literal have different live values']);
  });

  it('never writes a sensitive or masked value, and says why', async () => {
    const plan = await planFixes(result([{ address: 'aws_instance.web', drifts: [drift('ami', '"ami-1"', '(sensitive)', { sensitive: true }), drift('tags.Owner', '"ops"', '(sensitive)')] }]), read);
    assert.deepEqual(plan.files, []);
    assert.deepEqual(plan.skipped.map((s) => s.reason), ['the value is sensitive', 'the live value is masked']);
  });

  it('skips a literal whose file changed since the scan', async () => {
    const plan = await planFixes(result([{ address: 'aws_instance.web', drifts: [drift('ami', '"ami-1"', 'ami-2')] }]), async () => `# a new first line\n${TEXT}`);
    assert.deepEqual(plan.files, []);
    assert.match(plan.skipped[0].reason, /changed since the scan/);
  });

  it('--only takes an instance or the resource of its instances; overlapping edits are left out', () => {
    assert.ok(chosenBy(['aws_instance.web'], 'aws_instance.web["a"]'));
    assert.ok(!chosenBy(['aws_instance.web'], 'aws_instance.webserver'));
    const r = rangeOf(TEXT, '{ Owner = "ops" }');
    const inner = rangeOf(TEXT, '"ops"');
    const { after, overlapping } = applyEdits(TEXT, [{ file: FILE, range: inner, newText: '"x"' }, { file: FILE, range: r, newText: '{}' }]);
    assert.equal(overlapping.length, 1);
    assert.equal(after, TEXT.replace('"ops"', '"x"'));
  });

  it('prints the hunks GNU diff -u prints', () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftlens-diff-'));
    try {
      const lines = Array.from({ length: 40 }, (_, i) => `line ${i}`);
      const cases: [string, string][] = [
        [TEXT, TEXT.replace('"t3.micro"', '"t3.large"').replace('"ops"', '"data"')],
        [lines.join('\n') + '\n', lines.map((l, i) => (i === 3 || i === 30 ? `${l} changed` : l)).join('\n') + '\n'],
        [lines.join('\n') + '\n', [...lines.slice(0, 10), 'new', ...lines.slice(12)].join('\n') + '\n'],
        ['a\nb\n', 'a\nc'],
      ];
      for (const [before, after] of cases) {
        writeFileSync(join(dir, 'a'), before);
        writeFileSync(join(dir, 'b'), after);
        const gnu = spawnSync('diff', ['-u', 'a', 'b'], { cwd: dir, encoding: 'utf8' }).stdout.split('\n').slice(2).join('\n');
        assert.equal(unifiedDiff('f', before, after).split('\n').slice(2).join('\n'), gnu);
      }
      assert.equal(unifiedDiff('f', TEXT, TEXT), '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
