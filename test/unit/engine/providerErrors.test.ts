// Provider failures are reported once per provider place (alias, region, profile) and reason, and
// unverified reasons group under a few labels for the report's lead lines.
import { strict as assert } from 'node:assert';
import type { LiveResult, ProviderConfig } from '../../../src/model';
import { providerErrors, withoutSubsumed } from '../../../src/engine/providerErrors';
import { reasonLabel } from '../../../src/engine/report/unverifiedReasons';

const east: ProviderConfig = { provider: 'aws', region: 'us-east-1', settings: {} };
const west: ProviderConfig = { provider: 'aws', alias: 'west', region: 'us-west-2', profile: 'prod', settings: {} };
const noCreds: LiveResult = { status: 'error', kind: 'credentials', reason: 'no AWS credentials found: set AWS_PROFILE or run `aws sso login`' };
const refused: LiveResult = { status: 'error', kind: 'network', reason: 'cannot reach the EC2 endpoint (ECONNREFUSED) after 5 attempts' };
const denied: LiveResult = { status: 'error', kind: 'access-denied', reason: 'access denied: the credentials lack ec2:DescribeVolumes', action: 'ec2:DescribeVolumes' };

describe('provider errors: once per place and reason, never once per resource', () => {
  it('groups by provider configuration and reason, counting the instances each left unverified', () => {
    const errors = providerErrors([
      { config: east, result: noCreds },
      { config: east, result: noCreds },
      { config: east, result: noCreds },
      { config: west, result: noCreds },
      { config: west, result: refused },
    ]);
    assert.deepEqual(errors, [
      { kind: 'credentials', message: 'aws (region us-east-1): no AWS credentials found: set AWS_PROFILE or run `aws sso login` (3 resource instances not verified)', severity: 'error' },
      { kind: 'credentials', message: 'aws.west (region us-west-2, profile prod): no AWS credentials found: set AWS_PROFILE or run `aws sso login` (1 resource instance not verified)', severity: 'error' },
      { kind: 'provider', message: 'aws.west (region us-west-2, profile prod): cannot reach the EC2 endpoint (ECONNREFUSED) after 5 attempts (1 resource instance not verified)', severity: 'error' },
    ]);
  });

  it('lists a denied call as a warning (the rest was read), and leaves out what is not a cloud failure', () => {
    const errors = providerErrors([
      { config: east, result: denied },
      { config: east, result: { status: 'error', kind: 'unsupported', reason: 'unsupported type' } },
      { config: east, result: { status: 'error', kind: 'cancelled', reason: 'cancelled' } },
      { config: east, result: { status: 'not-found' } },
      { config: east, result: { status: 'found', attributes: {} } },
    ]);
    assert.deepEqual(errors.map((e) => [e.kind, e.severity]), [['provider', 'warning']]);
    assert.match(errors[0].message, /ec2:DescribeVolumes \(1 resource instance not verified\)$/);
  });
});

describe('provider warnings that only repeat a provider failure', () => {
  it('are left out when the same provider could not be signed in to at all, and kept otherwise', () => {
    const identity = { kind: 'credentials' as const, message: 'aws: cannot tell which account the credentials are for (GetCallerIdentity: CredentialsProviderError)', severity: 'warning' as const };
    const syntax = { kind: 'syntax' as const, file: '/w/main.tf', message: 'Expected an expression', severity: 'warning' as const };
    const failed = providerErrors([{ config: east, result: noCreds }]);
    assert.deepEqual(withoutSubsumed([identity, syntax], failed), [syntax]);
    // EC2 answered (a denied call is a warning): the identity warning is news, kept.
    assert.deepEqual(withoutSubsumed([identity, syntax], providerErrors([{ config: east, result: denied }])), [identity, syntax]);
    // Another provider's failure does not hide it.
    assert.deepEqual(withoutSubsumed([identity], providerErrors([{ config: { provider: 'azurerm', settings: {} }, result: noCreds }])), [identity]);
  });
});

describe('unverified reasons: similar ones share a label', () => {
  it('groups the reasons resolution, providers and mappers give', () => {
    const cases: [string, string][] = [
      ['no AWS credentials found: set AWS_PROFILE or run `aws sso login`', 'no credentials'],
      ['no Azure credentials: DefaultAzureCredential failed', 'no credentials'],
      ['AWS rejected the credentials (AuthFailure): check AWS_PROFILE or run `aws sso login`', 'credentials rejected'],
      ['untrusted workspace: no credentials used', 'untrusted workspace'],
      ['access denied: the credentials lack ec2:DescribeInstances', 'no permission'],
      ['no permission: Microsoft.Network/virtualNetworks/read is missing (AuthorizationFailed)', 'no permission'],
      ['cannot reach the EC2 endpoint (ECONNREFUSED) after 5 attempts', 'endpoint unreachable'],
      ['throttled by AWS (RequestLimitExceeded) after 5 attempts', 'throttled'],
      ['not in state: no terraform.tfstate in /w/infra', 'not in state'],
      ['state unreadable: /w/infra/terraform.tfstate is not valid JSON', 'state unreadable'],
      ['the aws_instance mapper does not read "metadata_options.http_endpoint"', 'not read by DriftLens'],
      ['azurerm_subnet.web is not in state', 'refers to a resource not in state'],
      ['unsupported type', 'unsupported type'],
      ['state says account 111111111111, credentials are for 222222222222', 'other account or region'],
      ['HTTP 500 InternalServerError: try again', 'HTTP 500 InternalServerError'],
    ];
    for (const [reason, label] of cases) assert.equal(reasonLabel(reason), label, reason);
  });
});
