// The first-run walkthrough: every step's media ships in the VSIX, and every command it links or waits
// for exists (ours from the typed table, VS Code's own by name).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands } from '../../../src/editor/commands';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vscodeignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');

interface Step { id: string; title: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }

describe('first-run walkthrough', () => {
  const walkthroughs = pkg.contributes.walkthroughs as { id: string; steps: Step[] }[];

  it('has the four first-run steps: credentials, sandbox, scan, fix', () => {
    assert.equal(walkthroughs.length, 1);
    assert.deepEqual(walkthroughs[0].steps.map((s) => s.id), ['credentials', 'sandbox', 'scan', 'fix']);
  });

  it('links and waits only for commands and settings that exist, and ships its media', () => {
    const ours = new Set(Object.keys(commands).map((n) => `driftlens.${n}`));
    const builtIn = new Set(['workbench.action.openSettings']);
    const settings = new Set(Object.keys(pkg.contributes.configuration.properties));
    for (const step of walkthroughs[0].steps) {
      for (const m of step.description.matchAll(/\(command:([\w.]+)/g)) assert.ok(ours.has(m[1]) || builtIn.has(m[1]), `${step.id}: unknown command ${m[1]}`);
      for (const m of step.description.matchAll(/%5B%22([\w.]+)%22%5D/g)) assert.ok(settings.has(m[1]), `${step.id}: unknown setting ${m[1]}`);
      for (const e of step.completionEvents ?? []) {
        const [kind, name] = e.split(':');
        if (kind === 'onCommand') assert.ok(ours.has(name), `${step.id}: waits for unknown command ${name}`);
        if (kind === 'onSettingChanged') assert.ok(settings.has(name), `${step.id}: waits for unknown setting ${name}`);
      }
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && existsSync(join(root, media)), `${step.id}: ${media} exists`);
      const folder = media.slice(0, media.lastIndexOf('/'));
      const ext = media.slice(media.lastIndexOf('.'));
      assert.ok(vscodeignore.includes(`!${folder}/*${ext}`), `${step.id}: ${media} is in the VSIX allow-list`);
    }
  });
});
