// The Drift view's item menus reach the actions issue 14 asks for: revert live to code on drifted
// resources (and still the diff), import on unmanaged ones, who changed it on drifted and missing ones.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { itemContext } from '../../../src/editor/commands';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const entries: { command: string; when: string; group?: string }[] = pkg.contributes.menus['view/item/context'];

/** Whether a `view == … && viewItem == X` or `viewItem =~ /re/` clause holds for a context value (the forms the manifest uses). */
function holds(when: string, contextValue: string): boolean {
  const eq = /viewItem == ([\w.]+)/.exec(when);
  if (eq) return eq[1] === contextValue;
  const re = /viewItem =~ \/(.+)\/$/.exec(when);
  return re ? new RegExp(re[1]).test(contextValue) : false;
}
const menuOf = (contextValue: string) => entries.filter((e) => holds(e.when, contextValue)).map((e) => `${e.command}@${e.group}`);

describe('Drift view item menus', () => {
  it('a drifted resource: revert live to code, and its diff (inline and in the menu)', () => {
    const menu = menuOf(itemContext.resourceDrifted);
    assert.ok(menu.includes('driftlens.revertLiveToCode@1_fix@2'), menu.join());
    assert.ok(menu.includes('driftlens.showDiff@inline@1') && menu.includes('driftlens.showDiff@2_view@1'), menu.join());
  });

  it('revert is not offered on missing or merely unverified resources (missing ones have their own commands)', () => {
    for (const v of [itemContext.resourceMissing, itemContext.resourceWithLive, itemContext.resource]) {
      assert.ok(!menuOf(v).some((m) => m.startsWith('driftlens.revertLiveToCode@')), v);
    }
    assert.ok(menuOf(itemContext.resourceMissing).includes('driftlens.copyApplyTarget@1_fix@1'));
  });

  it('an unmanaged resource: import into Terraform first, then copy its ID', () => {
    const menu = menuOf(itemContext.unmanaged);
    assert.ok(menu.includes('driftlens.importIntoTerraform@1_fix@0') && menu.includes('driftlens.copyLiveId@1_fix@1'), menu.join());
  });

  it('who changed it: on drifted and missing resources only', () => {
    const offered = (v: string) => menuOf(v).includes('driftlens.whoChanged@2_view@2');
    assert.ok(offered(itemContext.resourceDrifted) && offered(itemContext.resourceMissing));
    assert.ok(!offered(itemContext.resourceWithLive) && !offered(itemContext.resource) && !offered(itemContext.unmanaged));
  });
});
