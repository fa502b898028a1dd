// Issue 12 item 6: the README's AWS type list and least-privilege policy come from the same coverage
// table as `driftlens types` (scripts/docs/awsTypes.ts). Fails when docs/aws-types.md or a README's
// marked block differs from what `npm run docs:types` would write.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { awsCoverage } from '../../../src/providers/aws/coverage';
import { leastPrivilegePolicy, rewritten, TYPES_DOC } from '../../../scripts/docs/awsTypes';

const ROOT = resolve(__dirname, '..', '..', '..');
const read = (file: string) => (existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : '');

describe('AWS type list and least-privilege policy (npm run docs:types)', () => {
  it('docs/aws-types.md and the READMEs\' marked blocks are what the script writes', () => {
    for (const [file, text] of rewritten(read)) assert.equal(read(file), text, `${file} is stale: run npm run docs:types`);
    assert.ok(read(TYPES_DOC).length > 0);
  });

  it('the policy grants every permission a type needs, and only read actions', () => {
    const policy = JSON.parse(leastPrivilegePolicy().replace(/^```json\n|\n```$/g, '')) as { Statement: { Action: string[] }[] };
    const actions = new Set(policy.Statement[0].Action);
    for (const row of awsCoverage()) for (const p of row.permissions) assert.ok(actions.has(p), `${row.type}: ${p}`);
    for (const a of actions) assert.match(a, /^[a-z0-9-]+:(Get|List|Describe|GET$)/, a);
  });

  it('S3, IAM and SSM types are deep; Cloud Control types are existence+tags with the CloudFormation type they read', () => {
    const rows = new Map(awsCoverage().map((r) => [r.type, r]));
    for (const t of ['aws_s3_bucket', 'aws_s3_bucket_public_access_block', 'aws_s3_bucket_policy', 'aws_iam_role', 'aws_iam_role_policy_attachment', 'aws_ssm_parameter']) assert.equal(rows.get(t)?.depth, 'deep', t);
    assert.deepEqual([rows.get('aws_kms_key')?.depth, rows.get('aws_kms_key')?.reads], ['existence+tags', 'cloudcontrol:GetResource AWS::KMS::Key']);
    assert.ok(rows.get('aws_s3_bucket_server_side_encryption_configuration')?.permissions.includes('s3:GetEncryptionConfiguration'));
  });
});
