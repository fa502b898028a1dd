// What goes into the lazily loaded EC2 SDK file (dist/ec2Sdk.js), shared by scripts/build.mjs and the test that
// runs that file against the fake EC2 (test/unit/aws/ec2SdkBundle.test.ts).
//
// `require('@aws-sdk/client-ec2')` brings all ~760 operations and ~2,200 schemas: 3.7 MB of code that cost
// ~63 MB of RSS to load (issue 15). The client and the Describe commands src/providers/aws/client.ts may send are
// all a scan uses (it looks a command up by name, `${operation}Command`), so only those are exported and esbuild
// drops the rest. It can only drop a schema once its object keys are plain: the SDK writes `{ [_xN]: _m }` with
// `const _xN = "xmlName"`, and a computed key counts as a side effect, so literalSchemaKeys spells those keys out.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The operations of the `DescribeOperation` union in src/providers/aws/client.ts (the test checks the two agree). */
export function describeOperations(clientSource = readFileSync(new URL('../src/providers/aws/client.ts', import.meta.url), 'utf8')) {
  const union = /export const DESCRIBE_OPERATIONS = \[([^\]]*)\]/.exec(clientSource);
  const ops = union ? [...union[1].matchAll(/'(Describe\w+)'/g)].map((m) => m[1]) : [];
  if (ops.length === 0) throw new Error('scripts/sdkEntries.mjs: no DESCRIBE_OPERATIONS found in src/providers/aws/client.ts');
  return ops;
}

/** The source of dist/ec2Sdk.js's entry: the client and one command per operation, nothing else. */
export function ec2Entry(ops = describeOperations()) {
  return `export { EC2Client, ${ops.map((o) => `${o}Command`).join(', ')} } from '@aws-sdk/client-ec2';\n`;
}

/** esbuild plugin: an SDK's schemas file with its computed keys (`[_xN]:`) written as the strings they are. */
export const literalSchemaKeys = {
  name: 'literal-schema-keys',
  setup(build) {
    build.onLoad({ filter: /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const strings = new Map([...text.matchAll(/^const (_\w+) = ("[^"\\\n]*");$/gm)].map((m) => [m[1], m[2]]));
      return { contents: text.replace(/\[(_\w+)\]:/g, (key, name) => (strings.has(name) ? `${strings.get(name)}:` : key)), loader: 'js' };
    });
  },
};

/**
 * esbuild plugin: the AWS SDK's XML parser replaced by src/providers/aws/sdkXmlParser.ts (same output and
 * errors; the SDK's builds each name and text a character at a time, the scan's largest allocation).
 */
export const sdkXmlParser = {
  name: 'sdk-xml-parser',
  setup(build) {
    const ours = fileURLToPath(new URL('../src/providers/aws/sdkXmlParser.ts', import.meta.url));
    build.onLoad({ filter: /[\\/]@aws-sdk[\\/]xml-builder[\\/]dist-es[\\/]xml-parser\.js$/ }, () => ({
      contents: `export { parseXML } from ${JSON.stringify(ours)};\n`,
      loader: 'js',
      resolveDir: dirname(ours),
    }));
  },
};
