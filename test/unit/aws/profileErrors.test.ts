// `--profile nosuch` (or a provider block's profile) that no shared file defines: the reason names the
// profile and the files, once per provider place, instead of a generic "no credentials".
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { missingProfileReason } from '../../../src/providers/aws/profileErrors';

const REPO = resolve(__dirname, '..', '..', '..');

describe('AWS profile that does not exist', () => {
  const home = mkdtempSync(join(tmpdir(), 'driftlens-profiles-'));
  const config = join(home, 'config');
  const credentials = join(home, 'credentials');
  writeFileSync(config, '[default]\nregion = eu-west-1\n[profile prod]\nregion = eu-west-1\n[sso-session corp]\nsso_region = eu-west-1\n');
  writeFileSync(credentials, '[ci]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n');
  const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };

  it('knows profiles from either file, and names the files for one that is in neither', () => {
    assert.equal(missingProfileReason('prod', env), undefined);
    assert.equal(missingProfileReason('ci', env), undefined);
    assert.equal(missingProfileReason('default', env), undefined);
    const reason = missingProfileReason('nosuch', env) ?? '';
    assert.match(reason, /^AWS profile "nosuch" is not defined in /);
    assert.ok(reason.includes(config) && reason.includes(credentials));
    assert.equal(missingProfileReason('corp', env)?.startsWith('AWS profile "corp"'), true, 'an sso-session is not a profile');
  });

  it('the CLI says so once, with the profile name, and exits 1 without calling AWS', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'scan', join(REPO, 'examples', 'sandbox'), '--profile', 'nosuch'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: home, ...env, AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' },
    });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /not verified: 8 of 8 resources — unknown AWS profile \(8\)/);
    assert.equal(r.stdout.split('AWS profile "nosuch" is not defined').length - 1, 1, 'one error line for the whole provider place');
  });

  it('AWS_PROFILE naming a profile no file defines: the CLI names it and where it came from, instead of "set AWS_PROFILE"', () => {
    const run = (extra: Record<string, string>) =>
      spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'scan', join(REPO, 'examples', 'sandbox')], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: home, ...env, AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', ...extra },
      });
    // The SDK signs in with AWS_PROFILE even when keys are in the environment too.
    const r = run({ AWS_PROFILE: 'nosuch', AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'x' });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /unknown AWS profile \(8\)/);
    assert.equal(r.stdout.split('AWS profile "nosuch" (from AWS_PROFILE) is not defined').length - 1, 1);
    assert.doesNotMatch(r.stdout + r.stderr, /set AWS_PROFILE/);
    // A profile that exists is left to the SDK: here its keys reach the (closed) endpoint.
    const ok = run({ AWS_PROFILE: 'ci' });
    assert.doesNotMatch(ok.stdout, /is not defined/);
    assert.match(ok.stdout, /endpoint unreachable/);
  });
});
