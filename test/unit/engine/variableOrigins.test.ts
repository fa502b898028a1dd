// Where a drift's expected value came from when a variable set it: the --var-file line that won
// (the quick-fix edits it), or TF_VAR_ / --var (no file: not fixable, and saying why). Through the
// CLI's own flag parsing and the real EC2 SDK against the fake EC2.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Drift } from '../../../src/model';
import { scanWorkspace } from '../../../src/engine/scan';
import { whyNotFixable } from '../../../src/engine/fix/fixEdit';
import { scanCommand, type ScanIo } from '../../../src/cli/scanCommand';
import { createAwsProvider } from '../../../src/providers/aws';
import { startFakeEc2, type FakeEc2 } from '../../fakes/ec2';
import { fakeCredentials, setAwsEnv } from '../aws/awsTestEnv';
import { FIXTURES, tempDir, textAt, type TempDir } from './helpers';

const seed = () => JSON.parse(readFileSync(join(FIXTURES, 'ec2-basic', 'seed.json'), 'utf8'));

describe('engine: variable values from --var-file, --var and TF_VAR_ (real SDK, fake EC2)', function () {
  let fake: FakeEc2;
  let restore: () => void;
  let ws: TempDir;

  beforeEach(async () => {
    fake = await startFakeEc2(seed());
    restore = setAwsEnv(fakeCredentials(fake.url));
    ws = tempDir({}, 'ec2-basic');
    // Code and live agree on t3.micro through the variable default; the var files ask for other sizes.
    ws.write('staging.tfvars', 'instance_type = "t3.small"\n');
    ws.write('prod.tfvars', '# production\nenv           = "prod"\ninstance_type = "t3.medium"\n');
  });
  afterEach(async () => {
    restore();
    await fake.close();
    ws.remove();
  });

  const web0Drift = async (variables: Parameters<typeof scanWorkspace>[0]['variables']): Promise<Drift | undefined> => {
    const { result } = await scanWorkspace({ dir: ws.dir, providers: [createAwsProvider({ credentialsAllowed: true })], variables });
    return result.resources.find((r) => r.address === 'aws_instance.web[0]')?.drifts.find((d) => d.attribute === 'instance_type');
  };

  it('points the origin at the line of the --var-file that won (the later one), and the fix edits it', async () => {
    const drift = await web0Drift({ env: {}, args: [{ kind: 'file', path: join(ws.dir, 'staging.tfvars') }, { kind: 'file', path: join(ws.dir, 'prod.tfvars') }] });
    assert.ok(drift, 'the later var file asks for t3.medium: drift');
    assert.deepEqual([drift.expected, drift.actual], ['t3.medium', 't3.micro']);
    assert.equal(drift.origin?.file, join(ws.dir, 'prod.tfvars'));
    assert.equal(drift.origin?.range.start.line, 2);
    assert.equal(textAt(readFileSync(join(ws.dir, 'prod.tfvars'), 'utf8'), drift.origin!.range), '"t3.medium"');
    assert.equal(drift.fixable, true);
    assert.equal(whyNotFixable(drift), undefined);
  });

  it('a --var after the file wins; it has no file, so the drift is not fixable and says why', async () => {
    const drift = await web0Drift({ env: {}, args: [{ kind: 'file', path: join(ws.dir, 'prod.tfvars') }, { kind: 'var', name: 'instance_type', value: 't3.xlarge' }] });
    assert.ok(drift);
    assert.equal(drift.expected, 't3.xlarge');
    assert.equal(drift.origin, undefined);
    assert.equal(drift.fixable, false);
    assert.equal(drift.givenBy, '--var instance_type');
    assert.equal(whyNotFixable(drift), 'the value is given by --var instance_type, not written in a file');
  });

  it('TF_VAR_ sits below terraform.tfvars and above the default', async () => {
    // terraform.tfvars of the fixture sets env = "prod" (matching live); TF_VAR_env must not beat it.
    const { result } = await scanWorkspace({ dir: ws.dir, providers: [createAwsProvider({ credentialsAllowed: true })], variables: { env: { TF_VAR_env: 'qa', TF_VAR_instance_type: 't3.nano' } } });
    const web0 = result.resources.find((r) => r.address === 'aws_instance.web[0]')!;
    assert.deepEqual(web0.drifts.map((d) => [d.attribute, d.expected, d.givenBy]), [['instance_type', 't3.nano', 'TF_VAR_instance_type']]);
  });

  it('driftlens scan --var-file / --var: applied in the order given, a missing file is a one-line error', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: ScanIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), stderrIsTty: false, env: { ...process.env } };
    const code = await scanCommand([ws.dir, '--format', 'json', '--var', 'instance_type=t3.large', '--var-file', join(ws.dir, 'staging.tfvars')], io);
    assert.equal(code, 2, err.join(''));
    const report = JSON.parse(out.join(''));
    const web0 = report.resources.find((r: { address: string }) => r.address === 'aws_instance.web[0]');
    assert.deepEqual(web0.drifts.map((d: { attribute: string; expected: string }) => [d.attribute, d.expected]), [['instance_type', 't3.small']]);
    err.length = 0;
    assert.equal(await scanCommand([ws.dir, '--var-file', join(ws.dir, 'nope.tfvars')], io), 1);
    assert.match(err.join(''), /^driftlens scan: --var-file .*nope\.tfvars: no such file\n$/);
  });
});
