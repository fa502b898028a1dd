// package.json's editor contributions must match the typed tables the code registers from.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORY, commands, contextKeys, DRIFT_VIEW_ID, itemContext, VIEW_CONTAINER_ID } from '../../../src/editor/commands';
import { settings } from '../../../src/editor/settingKeys';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('package.json editor contributions', () => {
  it('contributes exactly the commands of the table, with title, category and icon', () => {
    const fromTable = Object.entries(commands).map(([name, c]) => ({
      command: `driftlens.${name}`, title: c.title, category: CATEGORY, ...('icon' in c ? { icon: c.icon } : {}),
    }));
    assert.deepEqual(contributes.commands, fromTable);
    assert.equal(contributes.commands.find((c: { command: string }) => c.command === 'driftlens.scanWorkspace').title, 'Scan workspace for drift');
  });

  it('hides item-only commands from the palette exactly as the table says', () => {
    const expected = Object.entries(commands).filter(([, c]) => 'palette' in c).map(([name, c]) => ({ command: `driftlens.${name}`, when: (c as { palette: string }).palette }));
    assert.deepEqual(contributes.menus.commandPalette, expected);
  });

  it('every menu entry names a known command, view, context value or context key', () => {
    const known = new Set(Object.keys(commands).map((n) => `driftlens.${n}`));
    const values: string[] = Object.values(itemContext);
    for (const [menu, entries] of Object.entries(contributes.menus) as [string, { command: string; when?: string }[]][]) {
      for (const e of entries) {
        assert.ok(known.has(e.command), `${menu}: unknown command ${e.command}`);
        for (const m of (e.when ?? '').matchAll(/viewItem == ([\w.]+)/g)) assert.ok(values.includes(m[1]), `${menu}: unknown viewItem ${m[1]}`);
        for (const m of (e.when ?? '').matchAll(/view == ([\w.]+)/g)) assert.equal(m[1], DRIFT_VIEW_ID);
      }
    }
    const keys = new Set<string>(Object.values(contextKeys));
    for (const w of contributes.viewsWelcome) {
      for (const m of String(w.when).matchAll(/driftlens\.\w+/g)) assert.ok(keys.has(m[0]), `viewsWelcome: unknown context key ${m[0]}`);
    }
  });

  it('the activity bar container holds the Drift view, with an SVG icon that follows the theme colour', () => {
    assert.deepEqual(contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id), [VIEW_CONTAINER_ID]);
    assert.deepEqual(contributes.views[VIEW_CONTAINER_ID].map((v: { id: string }) => v.id), [DRIFT_VIEW_ID]);
    const icon = contributes.viewsContainers.activitybar[0].icon;
    assert.ok(existsSync(join(root, icon)), `${icon} missing`);
    const svg = readFileSync(join(root, icon), 'utf8');
    assert.match(svg, /viewBox="0 0 24 24"/);
    assert.match(svg, /currentColor/);
    assert.doesNotMatch(svg, /#[0-9a-f]{3,6}\b/i, 'a fixed colour would not follow the theme');
  });

  it('welcome views cover no scan yet (with the scan button), untrusted and no IaC', () => {
    const text = contributes.viewsWelcome.map((w: { when: string; contents: string }) => `${w.when} :: ${w.contents}`).join('\n');
    assert.match(text, /\[Scan workspace for drift\]\(command:driftlens\.scanWorkspace\)/);
    assert.match(text, /driftlens\.restricted :: .*not trusted/);
    assert.match(text, /driftlens\.noIac :: No Terraform files/);
  });

  it('settings: the table\'s names, scopes and defaults, each with a markdownDescription', () => {
    const props = contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), Object.keys(settings).map((k) => `driftlens.${k}`).sort());
    for (const [name, spec] of Object.entries(settings)) {
      const p = props[`driftlens.${name}`];
      assert.equal(p.scope, spec.scope, name);
      assert.deepEqual(p.default, spec.default, name);
      assert.ok(typeof p.markdownDescription === 'string' && p.markdownDescription.length > 20, name);
    }
  });

  it('no workspace can redirect credentials: profile is machine-scoped, credential settings restricted when untrusted', () => {
    const props = contributes.configuration.properties;
    for (const [name, p] of Object.entries(props) as [string, { scope: string }][]) {
      if (/profile|endpoint|credential|token|key/i.test(name)) assert.ok(['machine', 'application'].includes(p.scope), `${name} has scope ${p.scope}`);
    }
    const restricted = Object.entries(settings).filter(([, s]) => 'restricted' in s && s.restricted).map(([k]) => `driftlens.${k}`);
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, restricted);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('activates on Terraform files, never on `*`', () => {
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.tf'));
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(pkg.activationEvents.every((e: string) => e !== 'onStartupFinished'));
  });
});
