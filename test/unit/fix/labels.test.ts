import { strict as assert } from 'node:assert';
import type { DeclaredResource, ResourceResult } from '../../../src/model';
import {
  codeLensTitle, countResults, fileLine, formatChange, formatValue, instanceMessage, missingMessage,
  relativeTime, statusBarText, summarizeBlock,
} from '../../../src/editor/labels';
import { globToRegExp, levelFor, parseSeverityOverrides } from '../../../src/editor/severityOverrides';
import { scrubSecrets } from '../../../src/editor/logScrub';

const resource = { address: 'aws_instance.web' } as DeclaredResource;
function result(status: ResourceResult['status'], drifts = 0, extra: Partial<ResourceResult> = {}): ResourceResult {
  const drift = { attribute: 'a', expected: 1, actual: 2, severity: 'warning' as const, message: '', fixable: true, sensitive: false,
    location: { file: '/w/main.tf', range: { start: { line: 0, character: 0, offset: 0 }, end: { line: 0, character: 1, offset: 1 } } } };
  return { address: 'aws_instance.web', type: 'aws_instance', provider: 'aws', resource, liveId: 'i-1', status,
    drifts: Array.from({ length: drifts }, () => drift), unverifiedAttributes: [], ...extra };
}

describe('editor labels', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);

  it('relative time', () => {
    assert.equal(relativeTime(ago(5), now), 'just now');
    assert.equal(relativeTime(ago(180), now), '3 min ago');
    assert.equal(relativeTime(ago(3 * 3600), now), '3 h ago');
    assert.equal(relativeTime(ago(5 * 86400), now), '5 days ago');
    assert.equal(relativeTime(ago(-30), now), 'just now');
  });

  it('CodeLens titles for each state', () => {
    assert.equal(codeLensTitle(summarizeBlock([result('drifted', 2)]), ago(180), now), '2 drifted · checked 3 min ago');
    assert.equal(codeLensTitle(summarizeBlock([result('in-sync')]), ago(1), now), 'in sync · checked just now');
    assert.equal(codeLensTitle(summarizeBlock([result('missing')]), ago(1), now), 'missing in the cloud · checked just now');
    assert.equal(
      codeLensTitle(summarizeBlock([result('unverified', 0, { reason: 'no permission (ec2:DescribeInstances)' })]), ago(1), now),
      'not checked: no permission (ec2:DescribeInstances)');
    assert.equal(
      codeLensTitle(summarizeBlock([result('drifted', 1), result('missing'), result('in-sync')]), ago(1), now),
      '1 drifted · 1 of 3 missing in the cloud · checked just now');
  });

  it('a block no instance of which was read says "not checked", never "checked", and names its root when asked', () => {
    const noState = result('unverified', 0, { reason: 'not in state: no terraform.tfstate in /w/envs/dev', resource: { ...resource, root: '/w/envs/dev' } });
    assert.equal(codeLensTitle(summarizeBlock([noState]), ago(1), now), 'not checked: not in state: no terraform.tfstate');
    assert.equal(codeLensTitle(summarizeBlock([noState, noState]), ago(1), now, 'envs/dev'), 'envs/dev: not checked: not in state: no terraform.tfstate');
    assert.equal(codeLensTitle(summarizeBlock([result('drifted', 2)]), ago(1), now, 'envs/prod'), 'envs/prod: 2 drifted · checked just now');
    // One short reason on the lens, whatever the SDK said (the full text is in the hover and the log).
    const sdk = 'credentials: DefaultAzureCredential failed to retrieve a token from the included credentials. Attempted credentials: EnvironmentCredential is unavailable. ManagedIdentityCredential: ' + 'x'.repeat(300);
    const title = codeLensTitle(summarizeBlock([result('unverified', 0, { reason: sdk })]), ago(1), now);
    assert.ok(title.length <= 'not checked: '.length + 60, title);
    assert.match(title, /^not checked: credentials: DefaultAzureCredential failed/);
  });

  it('values: scalars bare, strings quoted, long values cut, sensitive masked', () => {
    assert.equal(formatChange({ expected: 't3.micro', actual: 't3.large', sensitive: false }), '"t3.micro" → "t3.large"');
    assert.equal(formatChange({ expected: 'hunter2', actual: 'hunter3', sensitive: true }), '(sensitive) → (sensitive)');
    assert.equal(formatValue(null), 'null');
    assert.equal(formatValue(['a', 'b']), '["a","b"]');
    assert.equal(formatValue({ Env: 'prod' }), '{"Env":"prod"}');
    assert.equal(formatChange({ expected: [{ port: 22 }, { port: 443 }], actual: [{ port: 22 }, { port: 443 }, { port: 80 }], sensitive: false }), '2 items → 3 items');
    // With the engine's message, a rule set says what differs instead of two counts.
    const rules = { expected: [{ port: 22 }], actual: [{ port: 22 }, { port: 80 }], sensitive: false, attribute: 'ingress' };
    assert.equal(formatChange({ ...rules, message: 'ingress: live has 1 item the code does not declare: tcp 80 from cidr:0.0.0.0/0' }), 'live has 1 item the code does not declare: tcp 80 from cidr:0.0.0.0/0');
    assert.equal(formatChange({ ...rules, sensitive: true, message: 'ingress: live has 1 item the code does not declare: tcp 80' }), '(sensitive) → (sensitive)');
    assert.equal(formatChange({ ...rules, message: 'something else entirely' }), '1 item → 2 items');
    assert.equal(formatValue([{ a: 1 }]), '1 item');
    const long = formatValue('x'.repeat(100));
    assert.equal(long.length, 48);
    assert.ok(long.endsWith('…'));
  });

  it('status bar counts', () => {
    const counts = countResults([result('drifted', 1), result('drifted', 3), result('missing'), result('in-sync'), result('unverified')]);
    assert.deepEqual(counts, { drifted: 2, missing: 1, unverified: 1, resources: 5, verified: 4, reason: 'unknown reason' });
    assert.equal(statusBarText(counts, false).text, '$(warning) 2 drifted · 1 missing');
    assert.equal(statusBarText({ drifted: 0, missing: 0, unverified: 0, resources: 3, verified: 3 }, false).text, '$(check) in sync');
    assert.equal(statusBarText({ drifted: 0, missing: 0, unverified: 2, resources: 5, verified: 3 }, false).text, '$(check) in sync · 2 not verified');
  });

  it('a scan that verified nothing never reads "in sync": the count and the main reason', () => {
    const none = countResults(Array.from({ length: 68 }, () => result('unverified', 0, { reason: 'no AWS credentials found' })));
    const { text, tooltip } = statusBarText(none, false);
    assert.equal(text, '$(question) not verified (68)');
    assert.match(tooltip, /none of 68 resources could be read from the cloud: no AWS credentials found/);
    assert.match(statusBarText(none, true).text, /spin/);
  });

  it('file:line relative to the root module, 1-based; a file outside it says so (never a bare name)', () => {
    assert.equal(fileLine('/w/main.tf', '/w/examples/complete', 27), '../../main.tf:28');
    assert.equal(fileLine('/w/modules/app/main.tf', '/w', 0), 'modules/app/main.tf:1');
    assert.equal(fileLine('/w/infra/main.tf', '/w/infra', 11), 'main.tf:12');
    assert.equal(fileLine('/w/infra/net/vpc.tf', '/w/infra/', 0), 'net/vpc.tf:1');
    assert.equal(fileLine('C:\\w\\main.tf', 'C:\\w', 2), 'main.tf:3');
  });

  it('messages name the instance only when a block has several', () => {
    assert.equal(missingMessage({ address: 'aws_instance.web', liveId: 'i-1', reason: undefined }), 'aws_instance.web: not found in the cloud (i-1)');
    assert.equal(instanceMessage({ address: 'aws_instance.web', resource }, 'm'), 'm');
    assert.equal(instanceMessage({ address: 'aws_instance.web[1]', resource }, 'm'), 'aws_instance.web[1]: m');
    // A module instance, and the root when the workspace has several.
    const inModule = { address: 'module.app.aws_instance.this', resource: { ...resource, address: 'module.app.aws_instance.this' } };
    assert.equal(instanceMessage(inModule, 'm'), 'module.app.aws_instance.this: m');
    assert.equal(instanceMessage(inModule, 'm', 'envs/dev'), 'envs/dev › module.app.aws_instance.this: m');
  });
});

describe('severity overrides', () => {
  it('globs: `*` spans dots, the rest is literal', () => {
    assert.ok(globToRegExp('*.tags.*').test('aws_instance.tags.Env'));
    assert.ok(!globToRegExp('aws_instance.tags').test('aws_instanceXtags'));
    assert.ok(globToRegExp('aws_security_group.*').test('aws_security_group.ingress'));
  });

  it('the longest matching pattern wins; no match keeps the engine policy', () => {
    const o = parseSeverityOverrides({ '*.tags.*': 'hint', 'aws_instance.tags.Owner': 'error', '*': 'warning' });
    assert.equal(levelFor(o, 'aws_instance', 'tags.Env', 'info'), 'hint');
    assert.equal(levelFor(o, 'aws_instance', 'tags.Owner', 'info'), 'error');
    assert.equal(levelFor(o, 'aws_instance', 'instance_type', 'error'), 'warning');
    assert.equal(levelFor([], 'aws_instance', 'tags.Env', 'info'), 'information');
    assert.equal(levelFor([], 'aws_instance', 'ami', 'error'), 'error');
  });

  it('unknown levels are reported and dropped', () => {
    const bad: string[] = [];
    const o = parseSeverityOverrides({ a: 'loud', b: 'off', c: 3 }, (k) => bad.push(k));
    assert.deepEqual(o.map((x) => [x.pattern, x.level]), [['b', 'off']]);
    assert.deepEqual(bad, ['a', 'c']);
    assert.deepEqual(parseSeverityOverrides(['x']), []);
  });
});

describe('log scrubbing', () => {
  it('removes keys, tokens and signatures, keeps the rest of the message', () => {
    const msg = 'using AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY '
      + 'https://ec2/?X-Amz-Signature=abc123&X-Amz-Security-Token=tok&Action=DescribeInstances '
      + 'Authorization: Bearer eyJhbGciOi.x.y https://user:pa55@host/';
    const out = scrubSecrets(msg);
    for (const secret of ['IOSFODNN7EXAMPLE', 'wJalrXUtnFEMI', 'abc123', '=tok', 'eyJhbGciOi', 'pa55']) {
      assert.ok(!out.includes(secret), `${secret} leaked: ${out}`);
    }
    assert.match(out, /Action=DescribeInstances/);
    assert.equal(scrubSecrets('scan finished: 3 drifted'), 'scan finished: 3 drifted');
  });
});
