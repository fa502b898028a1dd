// `driftlens fix` on the sandbox (issue 14, item 2): the next scan reports no fixable drift, and the
// files differ from the originals only in the fixed literals.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixCommand } from '../../../src/cli/fixCommand';
import { scanWorkspace } from '../../../src/engine/scan';
import { whyNotFixable } from '../../../src/engine/fix/fixEdit';
import { createAwsProvider } from '../../../src/providers/aws';
import { useFakeEc2 } from '../aws/awsTestEnv';
import { captureIo, SANDBOX, sandboxCopy, sandboxSeed } from './sandboxHarness';

describe('driftlens fix (CLI) on the sandbox', function () {
  this.timeout(60000);
  const ec2 = useFakeEc2();
  let ws: ReturnType<typeof sandboxCopy>;
  beforeEach(() => (ws = sandboxCopy()));
  afterEach(() => ws.remove());

  const scan = async () => (await scanWorkspace({ dir: ws.dir, providers: [createAwsProvider({ credentialsAllowed: true, maxAttempts: 2 })] })).result;
  const fixable = (r: Awaited<ReturnType<typeof scan>>) => r.resources.flatMap((x) => x.drifts.filter((d) => whyNotFixable(d) === undefined).map((d) => `${x.address}.${d.attribute}`));

  it('--dry-run prints a unified diff of the literal changes, writes nothing and exits 2', async () => {
    await ec2.start(sandboxSeed());
    const io = captureIo();
    const code = await fixCommand([ws.dir, '--dry-run'], io);
    assert.equal(code, 2, io.err);
    assert.match(io.out, /^--- a\/variables\.tf\n\+\+\+ b\/variables\.tf\n@@ /m);
    assert.match(io.out, /^- {2}default *= "t3\.micro"$/m);
    assert.match(io.out, /^\+ {2}default *= "t3\.large"$/m);
    for (const f of ['compute.tf', 'network.tf', 'variables.tf']) assert.equal(readFileSync(join(ws.dir, f), 'utf8'), readFileSync(join(SANDBOX, f), 'utf8'));
  });

  it('writes the fixes: the next scan has no fixable drift and only the fixed literals changed', async () => {
    await ec2.start(sandboxSeed());
    const before = await scan();
    const expected = fixable(before);
    assert.ok(expected.length >= 2, `the sandbox has fixable drift: ${expected.join(', ')}`);
    const io = captureIo();
    const code = await fixCommand([ws.dir], io);
    assert.equal(code, 0, io.err);
    assert.deepEqual(io.out.trim().split('\n').map((l) => l.split(' ')[1]).sort(), [...expected].sort());

    const after = await scan();
    assert.deepEqual(fixable(after), []);
    assert.ok(after.summary.verified > 0);
    // Outside each fixed literal, every byte is the original's: put the old literal back and the file is the original.
    for (const r of before.resources)
      for (const d of r.drifts) {
        if (whyNotFixable(d) !== undefined) continue;
        const file = d.origin!.file;
        const now = readFileSync(file, 'utf8');
        const original = readFileSync(join(SANDBOX, file.slice(ws.dir.length + 1)), 'utf8');
        const { start, end } = d.origin!.range;
        const oldLiteral = original.slice(start.offset, end.offset);
        const tailLength = original.length - end.offset;
        assert.equal(now.slice(0, start.offset) + oldLiteral + now.slice(now.length - tailLength), original, `${file}: only the literal of ${r.address}.${d.attribute} changed`);
      }
    // A second run has nothing left to do.
    const again = captureIo();
    assert.equal(await fixCommand([ws.dir], again), 0, again.err);
    assert.equal(again.out, '');
  });

  it('--only and --severity choose the findings', async () => {
    await ec2.start(sandboxSeed());
    const io = captureIo();
    assert.equal(await fixCommand([ws.dir, '--only', 'aws_instance.api', '--dry-run'], io), 2, io.err);
    assert.doesNotMatch(io.out, /t3\.large/);
    assert.match(io.out, /data-team/);
    const errorsOnly = captureIo();
    await fixCommand([ws.dir, '--severity', 'error', '--dry-run'], errorsOnly);
    assert.doesNotMatch(errorsOnly.out, /data-team|t3\.large/);
  });

  it('refuses an unknown severity with exit 1 and no cloud call', async () => {
    const fake = await ec2.start(sandboxSeed());
    const io = captureIo();
    assert.equal(await fixCommand([ws.dir, '--severity', 'fatal'], io), 1);
    assert.match(io.err, /unknown severity "fatal"/);
    assert.equal(fake.calls.length, 0);
  });
});
