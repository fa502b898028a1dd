// Bundles the two front-ends. `vscode` is provided by the editor at run time.
// Cloud SDKs are separate files next to the bundles, required on the first scan only: in one bundle
// V8 still parses them when the extension activates (measured: module load 230 ms with them, ~10 ms without).
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { ec2Entry, literalSchemaKeys, sdkXmlParser } from './sdkEntries.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // `driftlens --version` and SARIF's tool.driver.version (src/engine/report/product.ts).
  define: { __DRIFTLENS_VERSION__: JSON.stringify(version) },
  // jsonc-parser's UMD `main` has dynamic requires esbuild cannot follow ("Cannot find module './impl/format'").
  mainFields: ['module', 'main'],
};

/** Package → [file in dist/, export of that file]. The code imports them with `await import(...)` only. */
const LAZY = {
  '@aws-sdk/client-ec2': ['./ec2Sdk.js', undefined],
  // STS and the credential providers: only when a provider block assumes a role or state has ARNs to cross-check.
  '@aws-sdk/client-sts': ['./awsAuthSdk.js', 'sts'],
  '@aws-sdk/credential-providers': ['./awsAuthSdk.js', 'credentialProviders'],
  // S3, IAM, SSM, Cloud Control and ELBv2: each in its own file, loaded on the first resource of its service.
  '@aws-sdk/client-s3': ['./s3Sdk.js', undefined],
  '@aws-sdk/client-iam': ['./iamSdk.js', undefined],
  '@aws-sdk/client-ssm': ['./ssmSdk.js', undefined],
  '@aws-sdk/client-cloudcontrol': ['./cloudControlSdk.js', undefined],
  // Inside cli.js it was half of the bundle (its share of the SDK core: ~1 MB) for every run, ELB or not.
  '@aws-sdk/client-elastic-load-balancing-v2': ['./elbv2Sdk.js', undefined],
  // CloudTrail LookupEvents: only for `scan --attribution` (who changed a drifted resource).
  '@aws-sdk/client-cloudtrail': ['./cloudTrailSdk.js', undefined],
  '@azure/arm-resources': ['./azureSdk.js', 'armResources'],
  '@azure/core-rest-pipeline': ['./azureSdk.js', 'coreRestPipeline'],
  '@azure/identity': ['./azureSdk.js', 'identity'],
};

/** Each lazy package becomes a small shim that requires its SDK file when the dynamic import runs. */
const lazySdks = {
  name: 'lazy-sdks',
  setup(build) {
    build.onResolve({ filter: /^@(aws-sdk|azure)\// }, (args) => (LAZY[args.path] ? { path: args.path, namespace: 'lazy-sdk' } : undefined));
    build.onResolve({ filter: /^\.\/(ec2|azure|awsAuth|s3|iam|ssm|cloudControl|cloudTrail|elbv2)Sdk\.js$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-sdk' }, (args) => {
      const [file, name] = LAZY[args.path];
      return { contents: `module.exports = require(${JSON.stringify(file)})${name ? `.${name}` : ''};`, loader: 'js', resolveDir: '.' };
    });
  },
};

// Every SDK file decodes XML with our parser (scripts/sdkEntries.mjs, `sdkXmlParser`).
const sdk = (contents, outfile) => ({ ...common, stdin: { contents, resolveDir: '.', loader: 'js' }, outfile, plugins: [sdkXmlParser] });

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazySdks] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [lazySdks] },
  // The editor's scan worker (src/editor/scanWorkerEntry.ts): `vscode` is not external here, so the
  // build fails if anything the worker loads imports it (it cannot run off the extension host's thread).
  { ...common, entryPoints: ['src/editor/scanWorkerEntry.ts'], outfile: 'dist/scanWorker.js', plugins: [lazySdks] },
  // The client and the Describe commands a scan sends, not the whole SDK (scripts/sdkEntries.mjs).
  { ...sdk(ec2Entry(), 'dist/ec2Sdk.js'), plugins: [literalSchemaKeys, sdkXmlParser] },
  sdk("module.exports = require('@aws-sdk/client-s3');", 'dist/s3Sdk.js'),
  sdk("module.exports = require('@aws-sdk/client-iam');", 'dist/iamSdk.js'),
  sdk("module.exports = require('@aws-sdk/client-ssm');", 'dist/ssmSdk.js'),
  sdk("module.exports = require('@aws-sdk/client-cloudcontrol');", 'dist/cloudControlSdk.js'),
  sdk("module.exports = require('@aws-sdk/client-cloudtrail');", 'dist/cloudTrailSdk.js'),
  sdk("module.exports = require('@aws-sdk/client-elastic-load-balancing-v2');", 'dist/elbv2Sdk.js'),
  // `driftlens sandbox`: the demo's fake cloud, outside the CLI bundle (and never in the VSIX).
  { ...common, entryPoints: ['scripts/sandbox/sandbox.ts'], outfile: 'dist/sandbox.js' },
  sdk("exports.sts = require('@aws-sdk/client-sts'); exports.credentialProviders = require('@aws-sdk/credential-providers');", 'dist/awsAuthSdk.js'),
  sdk("exports.armResources = require('@azure/arm-resources'); exports.coreRestPipeline = require('@azure/core-rest-pipeline'); exports.identity = require('@azure/identity');", 'dist/azureSdk.js'),
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
