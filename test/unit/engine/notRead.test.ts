// The engine's "not read" rule for any provider (issue 11): a declared attribute or sub-attribute,
// at any depth, that the mapper neither answers nor names in its schema is unverified "not read by
// DriftLens" — never drift, never in sync — also for mappers that declare no sub-attributes at all.
import { strict as assert } from 'node:assert';
import type { TypeSchema, Value } from '../../../src/model';
import { compareResource, NOT_READ } from '../../../src/engine/compare';
import { resolveRoot } from '../../../src/engine/resolve';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { memoryIo, moduleFrom } from './helpers';

async function compare(hcl: string, live: Record<string, Value>, schema: TypeSchema) {
  const files = { 'main.tf': hcl };
  const root = await resolveRoot(moduleFrom('/ws', files), ['main.tf'], { io: memoryIo('/ws', files), parse: parseHcl });
  const inst = root.instances[0];
  const c = compareResource(inst.resource.type, inst.desired, live, schema);
  return { drifts: c.drifts.map((d) => [d.attribute, d.expected, d.actual]), unverified: c.unverified.map((u) => [u.attribute, u.reason]) };
}

const notRead = (type: string, path: string) => `${NOT_READ} (the ${type} mapper does not read "${path}")`;

describe('engine: a declared (sub-)attribute the mapper does not read', () => {
  it('in a list block whose schema lists no sub-attributes: a key the live block lacks is not read; the keys it has compare', async () => {
    const hcl = 'resource "x_vm" "a" {\n  os_disk {\n    caching = "ReadWrite"\n    size_gb = 30\n    brand_new = "z"\n  }\n}\n';
    const schema: TypeSchema = { attributes: { os_disk: { block: 'list' } } };
    const r = await compare(hcl, { os_disk: [{ caching: 'ReadOnly', size_gb: 30 }] }, schema);
    assert.deepEqual(r.drifts, [['os_disk.caching', 'ReadWrite', 'ReadOnly']]);
    assert.deepEqual(r.unverified, [['os_disk.brand_new', notRead('x_vm', 'os_disk.brand_new')]]);
  });

  it('in a list block whose schema lists its sub-attributes: a listed key the answer leaves out compares as empty (drift), an unlisted one is not read', async () => {
    const hcl = 'resource "x_vm" "a" {\n  os_disk {\n    caching = "ReadWrite"\n    unknown_key = 1\n  }\n}\n';
    const schema: TypeSchema = { attributes: { os_disk: { block: 'list', attributes: { caching: {}, size_gb: {} } } } };
    const r = await compare(hcl, { os_disk: [{}] }, schema);
    assert.deepEqual(r.drifts, [['os_disk.caching', 'ReadWrite', null]]);
    assert.deepEqual(r.unverified, [['os_disk.unknown_key', notRead('x_vm', 'os_disk.unknown_key')]]);
  });

  it('nested two deep, and in an object attribute whose schema lists its keys', async () => {
    const hcl = 'resource "x_vm" "a" {\n  outer {\n    inner {\n      known = "a"\n      other = "b"\n    }\n  }\n  settings = { mode = "on", extra = "y" }\n}\n';
    const schema: TypeSchema = {
      attributes: { outer: { block: 'list', attributes: { inner: { block: 'list', attributes: { known: {} } } } }, settings: { attributes: { mode: {} } } },
    };
    const r = await compare(hcl, { outer: [{ inner: [{ known: 'a' }] }], settings: { mode: 'on' } }, schema);
    assert.deepEqual(r.drifts, []);
    assert.deepEqual(r.unverified, [['settings.extra', notRead('x_vm', 'settings.extra')], ['outer.inner.other', notRead('x_vm', 'outer.inner.other')]]);
  });

  it('in a set block without a sub-attribute list: a key no live element carries is not read and left out of both sides', async () => {
    const hcl = 'resource "x_nsg" "a" {\n  rule {\n    name = "ssh"\n    port = 22\n    future = true\n  }\n}\n';
    const schema: TypeSchema = { attributes: { rule: { block: 'set' } } };
    const r = await compare(hcl, { rule: [{ name: 'ssh', port: 22 }] }, schema);
    assert.deepEqual(r.drifts, []);
    assert.deepEqual(r.unverified, [['rule.future', notRead('x_nsg', 'rule.future')]]);
  });

  it('a free-form map (no key list) still compares every key: a key live lacks is drift, not "not read"', async () => {
    const hcl = 'resource "x_app" "a" {\n  app_settings = { A = "1", B = "2" }\n}\n';
    const r = await compare(hcl, { app_settings: { A: '1' } }, { attributes: {} });
    assert.deepEqual(r.drifts, [['app_settings.B', '2', null]]);
    assert.deepEqual(r.unverified, []);
  });
});
