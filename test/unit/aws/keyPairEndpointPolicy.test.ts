// aws_key_pair.public_key and aws_vpc_endpoint.policy through the real SDK against the fake EC2. The key as
// DescribeKeyPairs answers it with IncludePublicKey (the key name as comment), compared as the provider's
// openSSHPublicKeysEqual compares keys; the endpoint policy compared as IAM compares documents.
import assert from 'node:assert/strict';
import type { LiveResult } from '../../../src/model';
import { compareResource, type Comparison } from '../../../src/engine/compare';
import { declaredValues } from '../../../src/engine/declaredValues';
import { resolveRoot } from '../../../src/engine/resolve';
import { engineCallFunction } from '../../../src/engine/functionsBridge';
import { parseHcl } from '../../../src/iac/terraform/parser';
import { awsTypeSchema } from '../../../src/providers/aws/schema';
import type { Ec2Seed } from '../../fakes/ec2/seed';
import { memoryIo, moduleFrom } from '../engine/helpers';
import { binding, callCount, fetchContext, resultFor, testProvider, useFakeEc2 } from './awsTestEnv';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZha2VrZXlmb3J0ZXN0c29ubHkwMDAwMDAwMDAwMDAw';
const OTHER_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHNvbWVvbmUtZWxzZXMta2V5LW1hdGVyaWFsMDAw';
const VPCE = 'vpce-0a1b2c3d4e5f60001';
const S3_POLICY = { Version: '2012-10-17', Statement: [{ Sid: 'bucket', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::artifacts/*' }] };

const seed = (policy: unknown = S3_POLICY): Ec2Seed => ({
  keyPairs: [{ id: 'key-0a1b2c3d4e5f60001', name: 'deploy', type: 'ed25519', fingerprint: 'fp-deploy', publicKey: KEY }],
  wire: {
    DescribeVpcEndpoints: [{
      vpcEndpointId: VPCE, vpcEndpointType: 'Gateway', vpcId: 'vpc-0a1b2c3d4e5f60001', serviceName: 'com.amazonaws.us-east-1.s3', state: 'available',
      routeTableIdSet: ['rtb-0a1b2c3d4e5f60001'], policyDocument: JSON.stringify(policy), requesterManaged: false, privateDnsEnabled: false, tagSet: [],
    }],
  },
});

async function verdict(code: string, liveId: string): Promise<Comparison & { result: LiveResult }> {
  const files = { 'main.tf': code };
  const root = await resolveRoot(moduleFrom('/ws', files), ['main.tf'], { io: memoryIo('/ws', files), parse: parseHcl, callFunction: engineCallFunction('/ws') });
  const inst = root.instances[0];
  const b = { ...binding(inst.resource.type, liveId, [...inst.desired.entries.keys()]), declared: declaredValues(inst.desired) };
  const result = resultFor(await testProvider().fetch([b], fetchContext()), b);
  if (result.status !== 'found') return { drifts: [], unverified: [], result };
  return { ...compareResource(inst.resource.type, inst.desired, result.attributes, awsTypeSchema(inst.resource.type, liveId), result.unreadable), result };
}

const KEY_HCL = (key: string) => `resource "aws_key_pair" "deploy" {\n  key_name   = "deploy"\n  public_key = "${key}"\n}\n`;

// The policy as modules write it: jsonencode, keys in another order, a one-element list where IAM keeps a single value, the account ID for its root ARN.
const ENDPOINT_HCL = `resource "aws_vpc_endpoint" "s3" {
  vpc_id          = "vpc-0a1b2c3d4e5f60001"
  service_name    = "com.amazonaws.us-east-1.s3"
  route_table_ids = ["rtb-0a1b2c3d4e5f60001"]
  policy = jsonencode({
    Statement = [{
      Resource  = "arn:aws:s3:::artifacts/*"
      Action    = "s3:GetObject"
      Principal = { AWS = ["123456789012"] }
      Effect    = "Allow"
      Sid       = "bucket"
    }]
    Version = "2012-10-17"
  })
}
`;

describe('aws_key_pair public key and aws_vpc_endpoint policy (real SDK against the fake EC2)', () => {
  const { start } = useFakeEc2();

  it('aws_key_pair: the key the code holds, with or without its comment, is in sync; one DescribeKeyPairs asks for the key material', async () => {
    const fake = await start(seed());
    for (const written of [KEY, `${KEY} alice@laptop`, `${KEY}\n`]) {
      const c = await verdict(KEY_HCL(written.replace(/\n/g, '\\n')), 'deploy');
      assert.deepEqual([c.drifts, c.unverified], [[], []], written);
    }
    // The RFC 4716 form ImportKeyPair also takes, as a heredoc.
    const body = KEY.split(' ')[1];
    const rfc4716 = `resource "aws_key_pair" "deploy" {\n  key_name   = "deploy"\n  public_key = <<EOT\n---- BEGIN SSH2 PUBLIC KEY ----\nComment: "alice@laptop"\n${body.slice(0, 40)}\n${body.slice(40)}\n---- END SSH2 PUBLIC KEY ----\nEOT\n}\n`;
    const c = await verdict(rfc4716, 'deploy');
    assert.deepEqual([c.drifts, c.unverified], [[], []], 'RFC 4716');
    const calls = fake.calls.filter((x) => x.action === 'DescribeKeyPairs');
    assert.equal(calls.length, 4);
    assert.ok(calls.every((x) => x.params.IncludePublicKey === 'true' && x.params['KeyName.1'] === 'deploy'));
  });

  it('aws_key_pair: a key replaced in the console under the same name is one error drift on public_key, nothing else', async () => {
    const fake = await start(seed());
    fake.state.network.replaceKeyPair('deploy', OTHER_KEY, 'fp-other');
    const c = await verdict(KEY_HCL(`${KEY} deploy`), 'deploy');
    assert.deepEqual(c.drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity]), [['public_key', KEY, OTHER_KEY, 'error']]);
    assert.deepEqual(c.unverified, []);
  });

  it('aws_key_pair: an endpoint that answers no key material, or a key in a form EC2 does not answer, leaves public_key unverified, never drift', async () => {
    const fake = await start(seed());
    // A base64 DER key (ImportKeyPair takes it; EC2 answers OpenSSH).
    const der = await verdict(KEY_HCL('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo'), 'deploy');
    assert.deepEqual(der.drifts, []);
    assert.deepEqual(der.unverified.map((u) => u.attribute), ['public_key']);
    delete fake.state.network.keyPairs.get('deploy')!.publicKey;
    const c = await verdict(KEY_HCL(KEY), 'deploy');
    assert.deepEqual(c.drifts, []);
    assert.deepEqual(c.unverified.map((u) => u.attribute), ['public_key']);
  });

  it('aws_vpc_endpoint: the policy written differently but equivalent is in sync', async () => {
    await start(seed());
    const c = await verdict(ENDPOINT_HCL, VPCE);
    assert.deepEqual([c.drifts, c.unverified], [[], []]);
  });

  it('aws_vpc_endpoint: a policy widened in the console to every action for everyone is an error; a narrowed one a warning; nothing else', async () => {
    const fake = await start(seed({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }));
    const wide = await verdict(ENDPOINT_HCL, VPCE);
    assert.deepEqual(wide.drifts.map((d) => [d.attribute, d.severity]), [['policy', 'error']]);
    assert.deepEqual(wide.unverified, []);
    await fake.close();
    await start(seed({ ...S3_POLICY, Statement: [{ ...S3_POLICY.Statement[0], Resource: 'arn:aws:s3:::artifacts/public/*' }] }));
    const narrow = await verdict(ENDPOINT_HCL, VPCE);
    assert.deepEqual(narrow.drifts.map((d) => [d.attribute, d.severity]), [['policy', 'warning']]);
    assert.equal(callCount(fake, 'DescribeVpcEndpoints') >= 1, true);
  });

  it('aws_vpc_endpoint: a denied DescribeVpcEndpoints is unverified, never missing or drift', async () => {
    const fake = await start(seed());
    fake.faults.deny('DescribeVpcEndpoints');
    const c = await verdict(ENDPOINT_HCL, VPCE);
    assert.equal(c.result.status, 'error');
  });
});
