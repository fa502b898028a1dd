// Shared test setup for the engine: in-memory modules, temporary workspaces, fixture copies.
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ModuleIndex } from '../../../src/model';
import { declareFile, emptyModuleIndex } from '../../../src/iac/terraform/declared';
import { parseTerraformText } from '../../../src/iac/moduleIndex';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'workspaces');

/** A module index built from in-memory files (names relative to `dir`). */
export function moduleFrom(dir: string, files: Record<string, string>): ModuleIndex {
  const index = emptyModuleIndex(dir);
  for (const [name, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!name.endsWith('.tf') && !name.endsWith('.tf.json')) continue;
    const parsed = parseTerraformText(name, text);
    index.files.push({ file: join(dir, name), diagnostics: parsed.diagnostics });
    declareFile(index, join(dir, name), parsed.body, text);
  }
  return index;
}

export interface TempDir {
  dir: string;
  write(name: string, text: string): string;
  remove(): void;
}

export function tempDir(files: Record<string, string> = {}, fixture?: string): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-engine-'));
  if (fixture) cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  const t: TempDir = {
    dir,
    write(name, text) {
      const file = join(dir, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [name, text] of Object.entries(files)) t.write(name, text);
  return t;
}

/** The text a range covers, for asserting that an origin points at the right characters. */
export function textAt(text: string, range: { start: { offset: number }; end: { offset: number } }): string {
  return text.slice(range.start.offset, range.end.offset);
}

/** A minimal terraform.tfstate v4. */
export function stateJson(resources: { type: string; name: string; module?: string; mode?: string; each?: string; instances: { key?: number | string; attributes: Record<string, unknown>; sensitive?: unknown[] }[] }[]): string {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: '00000000-0000-4000-8000-000000000000',
    outputs: {},
    resources: resources.map((r) => ({
      ...(r.module ? { module: r.module } : {}),
      mode: r.mode ?? 'managed',
      type: r.type,
      name: r.name,
      ...(r.each ? { each: r.each } : {}),
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: r.instances.map((i) => ({ ...(i.key !== undefined ? { index_key: i.key } : {}), schema_version: 0, attributes: i.attributes, sensitive_attributes: i.sensitive ?? [] })),
    })),
  });
}

/** A WorkspaceIo over in-memory files of one folder. */
export function memoryIo(dir: string, files: Record<string, string>): import('../../../src/engine/workspaceIo').WorkspaceIo {
  return {
    readFile: async (path) => {
      const name = path.startsWith(dir + '/') ? path.slice(dir.length + 1) : undefined;
      return name !== undefined && name in files ? files[name] : undefined;
    },
    readDir: async (d) => (d === dir ? Object.keys(files).filter((n) => !n.includes('/')).map((name) => ({ name, isDirectory: false })) : []),
  };
}

/** The 0-based range of the `occurrence`-th appearance of `needle` in `text`, in LSP terms. */
export function rangeOf(text: string, needle: string, occurrence = 0): { start: { line: number; character: number }; end: { line: number; character: number } } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  const pos = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: pos(at), end: pos(at + needle.length) };
}

/** The console drift the "must show" applies to the ec2-basic fixture's account. */
export function applyConsoleDrift(state: import('../../fakes/ec2').FakeEc2State): void {
  state.setInstanceType('i-0a1b2c3d4e5f60001', 't3.large');
  state.setTag('i-0a1b2c3d4e5f60003', 'Team', 'data');
  state.addIngressRule('sg-0a1b2c3d4e5f60001', { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] });
  state.terminateInstance('i-0a1b2c3d4e5f60004');
}
