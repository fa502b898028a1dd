// The words and commands the editor puts on findings: root names, module instances, short reasons,
// terraform commands for missing resources, console addresses for unmanaged ones, and scan advice.
import { strict as assert } from 'node:assert';
import type { DeclaredResource, ResourceResult, ScanError } from '../../../src/model';
import { applyTargetCommand, consoleUrl, shellWord, stateRmCommand } from '../../../src/editor/findingActions';
import { localAddress, mainReason, moduleInstanceOf, problemRow, rootLabel, shortReason } from '../../../src/editor/rootLabels';
import { scanAdvice } from '../../../src/editor/scanAdvice';

function unverified(root: string, reason: string, provider = 'aws'): ResourceResult {
  return { address: 'aws_instance.x', type: 'aws_instance', provider, resource: { root } as DeclaredResource, liveId: null, status: 'unverified', reason, drifts: [], unverifiedAttributes: [] };
}

describe('root and module words', () => {
  it('names a root relative to the workspace folder, or by the folder\'s name', () => {
    assert.equal(rootLabel('/w/envs/dev', '/w'), 'envs/dev');
    assert.equal(rootLabel('/w', '/w/'), 'w');
    assert.equal(rootLabel('C:\\w\\envs\\prod', 'C:\\w'), 'envs/prod');
  });

  it('splits a module instance prefix from the address, keys with dots included', () => {
    assert.equal(moduleInstanceOf('module.app.aws_instance.this'), 'module.app');
    assert.equal(moduleInstanceOf('module.a["x.y"].module.b[0].aws_vpc.this'), 'module.a["x.y"].module.b[0]');
    assert.equal(moduleInstanceOf('aws_instance.web[0]'), '');
    assert.equal(localAddress('module.a["x.y"].aws_vpc.this'), 'aws_vpc.this');
  });

  it('short reasons: paths relative to the root, the first sentence, at most 60 characters', () => {
    assert.equal(shortReason('not in state: no terraform.tfstate in /w/envs/dev', '/w/envs/dev'), 'not in state: no terraform.tfstate');
    assert.equal(shortReason('remote state unavailable: terraform state pull failed in /w/a: Error: Backend initialization required.\nrun terraform init', '/w'),
      'remote state unavailable: terraform state pull failed in a:…');
    assert.equal(shortReason('no permission (ec2:DescribeInstances). RequestId: 1234-5678'), 'no permission (ec2:DescribeInstances).');
  });

  it('a problem row says what ran or what to run', () => {
    assert.deepEqual(problemRow({ kind: 'state', message: 'remote state unavailable: Error: Backend initialization required' }, '/w/envs/dev'),
      { label: 'remote state unavailable: Error: Backend initialization required', description: 'ran: terraform state pull' });
    assert.deepEqual(problemRow({ kind: 'config', message: 'module.vpc: "terraform-aws-modules/vpc/aws" is not installed; run terraform init' }, '/w'),
      { label: 'module.vpc: "terraform-aws-modules/vpc/aws" is not installed; run terraform init', description: 'run: terraform init' });
    assert.deepEqual(problemRow({ kind: 'state', message: 'not in state: no terraform.tfstate in /w/a' }, '/w/a'), { label: 'not in state: no terraform.tfstate', description: 'state' });
  });

  it('the main reason is the one most resources share', () => {
    const rs = [unverified('/w/a', 'not in state: no terraform.tfstate in /w/a'), unverified('/w/b', 'not in state: no terraform.tfstate in /w/b'), unverified('/w/c', 'unsupported type')];
    assert.equal(mainReason(rs), 'not in state: no terraform.tfstate');
  });
});

describe('actions on missing and unmanaged resources', () => {
  it('terraform commands run from the workspace folder, addresses quoted for the shell', () => {
    assert.equal(applyTargetCommand('aws_instance.worker', '/w', '/w'), 'terraform apply -target=aws_instance.worker');
    assert.equal(applyTargetCommand('module.app.aws_instance.this', '/w/envs/dev', '/w'), 'terraform -chdir=envs/dev apply -target=module.app.aws_instance.this');
    assert.equal(stateRmCommand('module.a["x"].aws_vpc.this', '/w/envs/prod', '/w'), `terraform -chdir=envs/prod state rm 'module.a["x"].aws_vpc.this'`);
    assert.equal(shellWord("it's"), `'it'\\''s'`);
  });

  it('console addresses per type and region; Azure IDs open in the portal; unknown types get none', () => {
    assert.equal(consoleUrl('aws_security_group', 'sg-0c4a1e7b3d92f5806', 'eu-west-1'),
      'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#SecurityGroup:groupId=sg-0c4a1e7b3d92f5806');
    assert.equal(consoleUrl('aws_vpc', 'vpc-1', 'us-east-1'), 'https://us-east-1.console.aws.amazon.com/vpcconsole/home?region=us-east-1#VpcDetails:VpcId=vpc-1');
    assert.equal(consoleUrl('azurerm_public_ip', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/ip'),
      'https://portal.azure.com/#@/resource/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/ip');
    assert.equal(consoleUrl('aws_instance', 'i-1'), undefined, 'no region, no page');
    assert.equal(consoleUrl('aws_lambda_function', 'f', 'eu-west-1'), undefined);
  });
});

describe('advice after a scan follows the cause and the cloud', () => {
  const err = (kind: ScanError['kind'], message: string, severity: ScanError['severity'] = 'error'): ScanError => ({ kind, message, severity });

  it('no state in several roots: says so once, with the roots counted, and points at the terraform settings', () => {
    const a = scanAdvice([{ resources: [unverified('/w', 'not in state: no terraform.tfstate in /w'), unverified('/w/examples/a', 'not in state: no terraform.tfstate in /w/examples/a')],
      errors: [err('state', 'not in state: no terraform.tfstate in /w', 'warning'), err('state', 'not in state: no terraform.tfstate in /w/examples/a', 'warning')] }]);
    assert.ok(a);
    assert.equal(a.message.split('. ')[0], 'DriftLens could not verify any of the 2 resources: not in state: no terraform.tfstate (in 2 root modules)');
    assert.doesNotMatch(a.message, /AWS profile/);
    assert.deepEqual([a.action, a.settingsQuery], ['settings', 'terraform']);
  });

  it('credentials: AWS advice for AWS, Azure sign-in for an Azure-only workspace', () => {
    const aws = scanAdvice([{ resources: [unverified('/w', 'no AWS credentials found')], errors: [err('credentials', 'no AWS credentials found')] }]);
    assert.match(aws!.message, /Check the AWS profile and region/);
    const azure = scanAdvice([{ resources: [unverified('/w', 'credentials: sign in', 'azurerm')], errors: [err('credentials', 'Azure: no credential')] }]);
    assert.match(azure!.message, /Sign in to Azure/);
    assert.doesNotMatch(azure!.message, /AWS/);
    assert.equal(azure!.action, 'signInAzure');
  });

  it('a parse error is not a credentials problem; a clean scan has no advice; the same cause keeps its key', () => {
    const syntax = scanAdvice([{ resources: [unverified('/w', 'cannot evaluate')], errors: [err('syntax', 'main.tf:3: expected "="')] }]);
    assert.match(syntax!.message, /Fix the errors shown in Problems/);
    assert.equal(syntax!.action, 'logs');
    const ok = { ...unverified('/w', ''), status: 'in-sync' as const };
    assert.equal(scanAdvice([{ resources: [ok], errors: [] }]), undefined);
    const again = scanAdvice([{ resources: [unverified('/w', 'cannot evaluate')], errors: [err('syntax', 'main.tf:3: expected "="')] }]);
    assert.equal(again!.key, syntax!.key);
  });
});
