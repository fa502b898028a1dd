// dist/ec2Sdk.js holds the EC2 client and the Describe commands a scan sends, not the whole SDK
// (scripts/sdkEntries.mjs, issue 15). Built here as the build builds it, it must answer every operation
// exactly as the full SDK does, through the same client pool, against the fake EC2 — with our XML parser in
// place of the SDK's (scripts/sdkEntries.mjs `sdkXmlParser`), as in the shipped file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { createClientPool, DESCRIBE_OPERATIONS, loadEc2Sdk, type Ec2Sdk, type Output } from '../../../src/providers/aws/client';
import { quietNodeSupportNotice } from '../../../src/providers/aws/sdkNotice';
import { REPO } from '../engine/cliRun';
import { smallAccount, useFakeEc2 } from './awsTestEnv';

/** The bundle as scripts/build.mjs makes it, loaded from a temporary file. */
async function bundledSdk(dir: string): Promise<{ sdk: Ec2Sdk; bytes: number; text: string }> {
  const { ec2Entry, literalSchemaKeys, sdkXmlParser } = await import('../../../scripts/sdkEntries.mjs');
  const out = await esbuild.build({
    stdin: { contents: ec2Entry(), resolveDir: REPO, loader: 'js' },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error', write: false, plugins: [literalSchemaKeys, sdkXmlParser],
  });
  const file = join(dir, 'ec2Sdk.js');
  writeFileSync(file, out.outputFiles[0].contents);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { sdk: require(file) as Ec2Sdk, bytes: out.outputFiles[0].contents.length, text: out.outputFiles[0].text };
}

/** An answer without what differs per call (request IDs), or the error's name and message. */
async function answer(call: () => Promise<Output>): Promise<unknown> {
  try {
    const { $metadata: _, ...rest } = await call();
    return rest;
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

describe('the bundled EC2 SDK (dist/ec2Sdk.js)', function () {
  this.timeout(60_000);
  const fakes = useFakeEc2();
  let dir: string;
  before(() => {
    quietNodeSupportNotice();
    dir = mkdtempSync(join(tmpdir(), 'driftlens-ec2sdk-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the operations of client.ts, and exports the client and one command per operation only', async () => {
    const { describeOperations } = await import('../../../scripts/sdkEntries.mjs');
    assert.deepEqual(describeOperations(), [...DESCRIBE_OPERATIONS]);
    const { sdk, bytes, text } = await bundledSdk(dir);
    // Answers are decoded by src/providers/aws/sdkXmlParser.ts, not by the SDK's parser.
    assert.ok(text.includes('sdkXmlParser.ts') && !text.includes('AwsXmlParser'), 'the XML parser should be ours');
    assert.deepEqual(Object.keys(sdk).sort(), ['EC2Client', ...DESCRIBE_OPERATIONS.map((o) => `${o}Command`)].sort());
    // The whole SDK bundles to 3.7 MB; the unused schemas must have been dropped.
    assert.ok(bytes < 1_500_000, `${bytes} bytes`);
  });

  it('answers every operation as the full SDK does', async () => {
    await fakes.start(smallAccount());
    const { sdk } = await bundledSdk(dir);
    const settings = { maxAttempts: 1 };
    const pools = [createClientPool(await loadEc2Sdk(), settings), createClientPool(sdk, settings)];
    try {
      const signal = new AbortController().signal;
      const inputs: Record<string, Record<string, unknown>> = {
        DescribeInstanceAttribute: { InstanceId: 'i-0a1b2c3d4e5f60001', Attribute: 'disableApiTermination' },
        DescribeVpcAttribute: { VpcId: 'vpc-0a1b2c3d4e5f60001', Attribute: 'enableDnsSupport' },
        DescribeInstances: { InstanceIds: ['i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002'] },
      };
      let found = 0;
      for (const op of DESCRIBE_OPERATIONS) {
        const [full, bundled] = await Promise.all(pools.map((p) => answer(() => p.get(undefined, 'us-east-1').call(op, inputs[op] ?? {}, signal))));
        assert.deepEqual(bundled, full, op);
        if (!(full as { error?: string }).error) found++;
      }
      // Most operations are served by the fake: the comparison is of real answers, not of two equal errors.
      assert.ok(found >= 20, `${found} operations answered`);
    } finally {
      pools.forEach((p) => p.destroy());
    }
  });
});
