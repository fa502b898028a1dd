// aws_instance sub-attributes whose live value exposes the instance are errors, as the severity policy
// says of exposure: IMDSv1 allowed again (http_tokens "optional") and an unencrypted volume where the
// code asks for encryption. The reverse change, and any other sub-attribute, stays a warning.
import { strict as assert } from 'node:assert';
import type { AttributeSchema, Value } from '../../../src/model';
import { awsTypeSchema } from '../../../src/providers/aws/schema';

function severity(block: string, sub: string, expected: Value, actual: Value): unknown {
  const schema: AttributeSchema | undefined = awsTypeSchema('aws_instance', 'i-0a1b2c3d4e5f60001')?.attributes[block]?.attributes?.[sub];
  assert.ok(schema, `${block}.${sub} is read`);
  const rule = schema.severity;
  return typeof rule === 'function' ? rule(expected, actual) : (rule ?? 'default policy');
}

describe('aws_instance exposure severities', () => {
  it('metadata_options.http_tokens back to "optional" is an error; "required" where the code allows v1 is a warning', () => {
    assert.equal(severity('metadata_options', 'http_tokens', 'required', 'optional'), 'error');
    assert.equal(severity('metadata_options', 'http_tokens', 'optional', 'required'), 'warning');
    assert.equal(severity('metadata_options', 'http_put_response_hop_limit', 1, 2), 'default policy');
  });

  it('root_block_device / ebs_block_device encrypted off is an error', () => {
    assert.equal(severity('root_block_device', 'encrypted', true, false), 'error');
    assert.equal(severity('ebs_block_device', 'encrypted', true, false), 'error');
    assert.equal(severity('root_block_device', 'encrypted', false, true), 'warning');
    assert.equal(severity('root_block_device', 'volume_size', 20, 40), 'default policy');
  });
});
