import { strict as assert } from 'node:assert';
import { parseState, StateError } from '../../../src/iac/terraform/state';
import { stateJson } from './helpers';

describe('engine: terraform.tfstate', () => {
  it('maps addresses to live IDs with count and for_each keys and module prefixes', () => {
    const state = parseState(
      stateJson([
        { type: 'aws_vpc', name: 'main', instances: [{ attributes: { id: 'vpc-1' } }] },
        { type: 'aws_instance', name: 'web', each: 'list', instances: [{ key: 0, attributes: { id: 'i-0' } }, { key: 1, attributes: { id: 'i-1' } }] },
        { type: 'aws_subnet', name: 's', each: 'map', instances: [{ key: 'a"b', attributes: { id: 'subnet-x' } }] },
        { module: 'module.net[0]', type: 'aws_subnet', name: 'p', instances: [{ attributes: { id: 'subnet-p' } }] },
        { mode: 'data', type: 'aws_ami', name: 'x', instances: [{ attributes: { id: 'ami-1' } }] },
      ]),
    );
    const ids = [...state.resources.values()].flatMap((r) => r.instances.map((i) => [i.address, i.id]));
    assert.deepEqual(ids, [
      ['aws_vpc.main', 'vpc-1'],
      ['aws_instance.web[0]', 'i-0'],
      ['aws_instance.web[1]', 'i-1'],
      ['aws_subnet.s["a\\"b"]', 'subnet-x'],
      ['module.net[0].aws_subnet.p', 'subnet-p'],
      ['data.aws_ami.x', 'ami-1'],
    ]);
    assert.equal(state.resources.get('aws_instance.web')?.each, 'list');
    assert.equal(state.resources.get('data.aws_ami.x')?.mode, 'data');
  });

  it('skips deposed objects and reads sensitive attribute paths', () => {
    const raw = JSON.parse(stateJson([{ type: 'aws_db_instance', name: 'db', instances: [{ attributes: { id: 'db-1', password: 'x' }, sensitive: [[{ type: 'get_attr', value: 'password' }]] }] }]));
    raw.resources[0].instances.push({ deposed: '00000001', schema_version: 0, attributes: { id: 'db-old' } });
    const state = parseState(JSON.stringify(raw));
    const db = state.resources.get('aws_db_instance.db');
    assert.equal(db?.instances.length, 1);
    assert.equal(db?.instances[0].id, 'db-1');
    assert.deepEqual(db?.instances[0].sensitivePaths, [['password']]);
  });

  it('explains other format versions and corrupt files', () => {
    assert.throws(() => parseState('{"version": 3, "modules": []}', '/ws/terraform.tfstate'), (e: unknown) => e instanceof StateError && /format version 3; DriftLens reads state format version 4 \(it was written by Terraform 0\.11 or older\); upgrade it with Terraform 0\.12 or later: `terraform apply -refresh-only`/.test(e.message));
    assert.throws(() => parseState('{"version": 4, "resources": [', '/ws/terraform.tfstate'), /\/ws\/terraform\.tfstate is not valid JSON/);
    assert.throws(() => parseState('[]'), /not a Terraform state file/);
    assert.throws(() => parseState('{"version": 4, "resources": [{"mode": "managed"}]}'), /resources\[0\] has no type or name/);
  });

  it('treats an instance without an id as not identifiable', () => {
    const state = parseState(stateJson([{ type: 'aws_vpc', name: 'main', instances: [{ attributes: { id: '' } }] }]));
    assert.equal(state.resources.get('aws_vpc.main')?.instances[0].id, null);
  });
});
