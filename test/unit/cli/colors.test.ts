// Colours on a terminal only: none when piped or with NO_COLOR, on with FORCE_COLOR; only the report's own words.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { colorize, useColor } from '../../../src/cli/colors';

const ESC = '\u001b[';

describe('CLI colours', () => {
  it('follows the terminal, NO_COLOR and FORCE_COLOR', () => {
    assert.equal(useColor(true, {}), true);
    assert.equal(useColor(false, {}), false);
    assert.equal(useColor(true, { NO_COLOR: '1' }), false);
    assert.equal(useColor(false, { FORCE_COLOR: '1' }), true);
    assert.equal(useColor(true, { TERM: 'dumb' }), false);
  });

  it('colours statuses and severities, and nothing in values', () => {
    const out = colorize('DRIFTED     aws_instance.web  i-1  main.tf:3\n            warning instance_type: code says "error", live is "t3"\nin sync     aws_vpc.main\nMISSING     x');
    assert.ok(out.startsWith(`${ESC}33mDRIFTED${ESC}0m `));
    assert.ok(out.includes(`${ESC}33mwarning${ESC}0m instance_type: code says "error"`), 'the word "error" inside a value stays plain');
    assert.ok(out.includes(`${ESC}32min sync${ESC}0m`) && out.includes(`${ESC}31mMISSING${ESC}0m`));
  });

  it('a piped scan has no escape codes; FORCE_COLOR adds them', () => {
    const cli = resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const fixture = resolve(__dirname, '..', '..', 'fixtures', 'honest-result', 'unparseable');
    const env = { PATH: process.env.PATH, HOME: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true' };
    const piped = spawnSync(process.execPath, [cli, 'scan', fixture], { encoding: 'utf8', env });
    assert.ok(!piped.stdout.includes(ESC), piped.stdout);
    const forced = spawnSync(process.execPath, [cli, 'scan', fixture], { encoding: 'utf8', env: { ...env, FORCE_COLOR: '1' } });
    assert.ok(forced.stdout.includes(ESC) || forced.stdout.trim() === '', forced.stdout);
  });
});
