// lifecycle.ignore_changes with index and key paths, end to end through the real EC2 SDK against the
// fake EC2: an ignored path is never drift at any depth, a parent ignores its children, and what is
// not ignored still drifts. Plus the deep cases no EC2 type has, on compare's own input.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Drift, ResourceResult, TypeSchema, Value } from '../../../src/model';
import { scanWorkspace } from '../../../src/engine/scan';
import { compareResource } from '../../../src/engine/compare';
import { withLiveAtIgnoredPaths, parseIgnoreChanges, driftPrefixes } from '../../../src/engine/ignoreChanges';
import { evaluateBody } from '../../../src/engine/desired';
import { createModuleScope } from '../../../src/iac/terraform/evalScope';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';
import { FIXTURES, moduleFrom, tempDir, type TempDir } from './helpers';

const seed = () => JSON.parse(readFileSync(join(FIXTURES, 'ec2-basic', 'seed.json'), 'utf8'));

/** aws_instance.api of the ec2-basic fixture, with more tags and the given lifecycle block. */
const apiInstance = (lifecycle: string) => `
resource "aws_instance" "api" {
  ami           = local.ami
  instance_type = "t3.small"
  subnet_id     = aws_subnet.a.id
  monitoring    = true

  root_block_device {
    volume_size = 20
    volume_type = "gp3"
  }

  metadata_options {
    http_tokens = "required"
  }

  tags = {
    Name  = "api"
    Team  = "platform"
    Owner = "alice"
  }

  lifecycle {
    ${lifecycle}
  }
}
`;

function withApi(lifecycle: string): TempDir {
  const ws = tempDir({}, 'ec2-basic');
  const original = readFileSync(join(ws.dir, 'instances.tf'), 'utf8');
  const start = original.indexOf('resource "aws_instance" "api"');
  const end = original.indexOf('resource "aws_instance" "worker"');
  ws.write('instances.tf', original.slice(0, start) + apiInstance(lifecycle) + '\n' + original.slice(end));
  return ws;
}

const attributes = (r: ResourceResult | undefined): string[] => (r?.drifts ?? []).map((d: Drift) => d.attribute).sort();

describe('engine: lifecycle.ignore_changes paths (real SDK, fake EC2)', function () {
  let fake: FakeEc2;
  let restore: () => void;
  let ws: TempDir | undefined;

  beforeEach(async () => {
    fake = await startFakeEc2(seed());
    restore = setAwsEnv(fakeCredentials(fake.url));
    // The console: Owner and Team retagged, the root volume grown and retyped.
    fake.state.setTag('i-0a1b2c3d4e5f60003', 'Owner', 'bob');
    fake.state.setTag('i-0a1b2c3d4e5f60003', 'Team', 'data');
    fake.state.updateVolume('vol-0a1b2c3d4e5f60003', { size: 30, type: 'gp2' });
  });
  afterEach(async () => {
    restore();
    await fake.close();
    ws?.remove();
    ws = undefined;
  });

  const scanApi = async (lifecycle: string) => {
    ws = withApi(lifecycle);
    const { result } = await scanWorkspace({ dir: ws.dir, providers: [createAwsProvider({ credentialsAllowed: true })] });
    return { api: result.resources.find((r) => r.address === 'aws_instance.api'), errors: result.errors };
  };

  it('reports every change when nothing is ignored (the baseline the cases below take away from)', async () => {
    const { api } = await scanApi('create_before_destroy = false');
    assert.deepEqual(attributes(api), ['root_block_device.volume_size', 'root_block_device.volume_type', 'tags.Owner', 'tags.Team']);
  });

  it('tags["Owner"] hides the Owner change but not the Team one; tags.Owner and the legacy "tags.Owner" too', async () => {
    for (const spelling of ['tags["Owner"]', 'tags.Owner', '"tags.Owner"']) {
      const { api, errors } = await scanApi(`ignore_changes = [${spelling}]`);
      assert.deepEqual(attributes(api), ['root_block_device.volume_size', 'root_block_device.volume_type', 'tags.Team'], spelling);
      assert.equal(api?.status, 'drifted');
      const warned = errors.some((e) => /Quoted references are deprecated/.test(e.message));
      assert.equal(warned, spelling.startsWith('"'), `a warning only for the quoted form (${spelling})`);
      ws?.remove();
      ws = undefined;
    }
  });

  it('root_block_device[0].volume_size hides the size change only', async () => {
    const { api } = await scanApi('ignore_changes = [root_block_device[0].volume_size]');
    assert.deepEqual(attributes(api), ['root_block_device.volume_type', 'tags.Owner', 'tags.Team']);
    // The diff view shows the live size on both sides: nothing to see there.
    assert.deepEqual((api?.desired?.root_block_device as Value[])[0], { volume_size: 30, volume_type: 'gp3' });
  });

  it('a parent path ignores everything below it: root_block_device[0], tags', async () => {
    const { api } = await scanApi('ignore_changes = [root_block_device[0], tags]');
    assert.deepEqual(attributes(api), []);
    assert.equal(api?.status, 'in-sync');
    ws?.remove();
    const whole = await scanApi('ignore_changes = [root_block_device]');
    assert.deepEqual(attributes(whole.api), ['tags.Owner', 'tags.Team']);
  });

  it('all ignores the whole resource; a live tag the code lacks is ignored under its key too', async () => {
    assert.equal((await scanApi('ignore_changes = all')).api?.status, 'in-sync');
    ws?.remove();
    fake.state.setTag('i-0a1b2c3d4e5f60003', 'CostCenter', 'cc-1');
    const { api } = await scanApi('ignore_changes = [tags["CostCenter"], tags["Owner"], tags["Team"], root_block_device]');
    assert.deepEqual(attributes(api), []);
  });
});

describe('engine: ignore_changes below blocks, maps and list elements (compare input)', () => {
  const dir = '/w';
  const code = `
resource "azurerm_kubernetes_cluster" "k" {
  default_node_pool {
    name       = "system"
    node_count = 3
    upgrade_settings {
      max_surge = "10%"
    }
  }
  network_profile {
    dns_servers = ["10.0.0.4", "10.0.0.5"]
    labels      = { tier = "a", zone = "1" }
  }
  lifecycle {
    ignore_changes = [default_node_pool[0].node_count, default_node_pool[0].upgrade_settings[0].max_surge, network_profile[0].dns_servers[1], network_profile[0].labels["zone"]]
  }
}
`;
  const schema: TypeSchema = {
    attributes: {
      default_node_pool: { block: 'list', attributes: { name: {}, node_count: {}, upgrade_settings: { block: 'list', attributes: { max_surge: {} } } } },
      network_profile: { block: 'list', attributes: { dns_servers: {}, labels: {} } },
    },
  };
  const live: Record<string, Value> = {
    default_node_pool: [{ name: 'system', node_count: 7, upgrade_settings: [{ max_surge: '33%' }] }],
    network_profile: [{ dns_servers: ['10.0.0.4', '10.9.9.9'], labels: { tier: 'a', zone: '2' } }],
  };

  const compare = (liveAttrs: Record<string, Value>) => {
    const index = moduleFrom(dir, { 'main.tf': code });
    const resource = index.resources[0];
    const desired = evaluateBody(resource.body, resource.range, resource.file, createModuleScope({ index }), new Map());
    const ignore = parseIgnoreChanges(resource);
    return compareResource(resource.type, withLiveAtIgnoredPaths(desired, liveAttrs, schema.attributes, ignore), liveAttrs, schema);
  };

  it('never reports an ignored path, at any depth', () => {
    assert.deepEqual(compare(live).drifts.map((d) => d.attribute), []);
  });

  it('still reports what the paths do not cover', () => {
    const changed = structuredClone(live);
    (changed.default_node_pool as Record<string, Value>[])[0].name = 'other';
    (changed.network_profile as Record<string, Value[]>[])[0].dns_servers[0] = '10.1.1.1';
    ((changed.network_profile as Record<string, Value>[])[0].labels as Record<string, Value>).tier = 'b';
    assert.deepEqual(compare(changed).drifts.map((d) => d.attribute).sort(), ['default_node_pool.name', 'network_profile.dns_servers', 'network_profile.labels.tier']);
  });

  it('spells ignore paths as drifts are spelled (a single block has no index)', () => {
    assert.deepEqual(driftPrefixes(['root_block_device', 0, 'volume_size']), ['root_block_device[0].volume_size', 'root_block_device.volume_size']);
    assert.deepEqual(driftPrefixes(['ebs_block_device', 1, 'iops']), ['ebs_block_device[1].iops']);
  });
});
