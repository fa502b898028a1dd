// "Revert live to code" text (issue 14, item 3): -target for in-place drift, -replace when a drifted argument is
// ForceNew in the provider's schema (the AWS provider's table), never a command for what has nothing to revert.
import { strict as assert } from 'node:assert';
import { revertLiveCommand } from '../../../src/engine/fix/revertLive';
import type { DeclaredResource, Drift, ResourceResult } from '../../../src/model';
import { createAwsProvider } from '../../../src/providers/aws';

const aws = createAwsProvider({ credentialsAllowed: false });
const forceNew = (type: string) => aws.forcesReplacement?.(type) ?? [];

function result(address: string, type: string, status: ResourceResult['status'], attributes: string[] = []): ResourceResult {
  const drifts = attributes.map((attribute) => ({ attribute }) as Drift);
  return { address, type, provider: 'aws', resource: {} as DeclaredResource, liveId: 'x', status, drifts, unverifiedAttributes: [] };
}

describe('workflow: revert live to code (terraform command text)', () => {
  it('an in-place change is -target, with the plan warning', () => {
    const c = revertLiveCommand(result('aws_instance.web', 'aws_instance', 'drifted', ['instance_type', 'tags.Owner']), forceNew)!;
    assert.equal(c.command, 'terraform apply -target=aws_instance.web');
    assert.equal(c.mode, 'target');
    assert.match(c.warning, /DriftLens does not change the cloud/);
  });

  it('a ForceNew argument of the provider schema is -replace, naming it', () => {
    const c = revertLiveCommand(result('aws_instance.web', 'aws_instance', 'drifted', ['instance_type', 'ami']), forceNew)!;
    assert.equal(c.command, 'terraform apply -target=aws_instance.web -replace=aws_instance.web');
    assert.deepEqual(c.forcing, ['ami']);
    assert.match(c.warning, /^ami cannot change in place/);
    assert.equal(revertLiveCommand(result('aws_security_group.web', 'aws_security_group', 'drifted', ['description']), forceNew)!.mode, 'replace');
    assert.equal(revertLiveCommand(result('aws_security_group.web', 'aws_security_group', 'drifted', ['ingress']), forceNew)!.mode, 'target');
  });

  it('follows the schema into nested blocks: root volume encryption replaces, its size changes in place', () => {
    const encrypted = revertLiveCommand(result('aws_instance.web', 'aws_instance', 'drifted', ['root_block_device[0].encrypted']), forceNew)!;
    assert.equal(encrypted.mode, 'replace');
    assert.equal(revertLiveCommand(result('aws_instance.web', 'aws_instance', 'drifted', ['root_block_device[0].volume_size']), forceNew)!.mode, 'target');
    for (const a of ['ebs_optimized', 'hibernation', 'cpu_options[0].core_count', 'enclave_options[0].enabled']) {
      assert.equal(revertLiveCommand(result('aws_instance.web', 'aws_instance', 'drifted', [a]), forceNew)!.mode, 'replace', a);
    }
    assert.equal(revertLiveCommand(result('aws_instance.web', 'aws_instance', 'drifted', ['metadata_options[0].http_tokens']), forceNew)!.mode, 'target');
  });

  it('quotes instance keys for the shell and runs in the root folder', () => {
    const c = revertLiveCommand(result('module.app.aws_instance.this["a b"]', 'aws_instance', 'missing'), forceNew, { chdir: 'envs/dev' })!;
    assert.equal(c.command, `terraform -chdir=envs/dev apply -target='module.app.aws_instance.this["a b"]'`);
  });

  it('gives nothing for in-sync or unverified resources', () => {
    assert.equal(revertLiveCommand(result('aws_instance.web', 'aws_instance', 'in-sync'), forceNew), undefined);
    assert.equal(revertLiveCommand(result('aws_instance.web', 'aws_instance', 'unverified'), forceNew), undefined);
  });
});
