// `driftlens inventory` with what the evaluator knows (no cloud call): each declared resource's
// attributes evaluated through variables, tfvars, locals, functions, module inputs and state, and,
// for count / for_each and module instances, one entry per instance. Unknown only where it must be.
import { resolve } from 'node:path';
import type { Inventory, InventoryResource } from '../iac/inventory';
import { isUnknown, UnknownMarkers, type BodyValue } from '../iac/terraform/literal';
import { isSensitive, toValue } from '../iac/terraform/evalValue';
import { maskSensitiveValue, SENSITIVE_TEXT } from '../iac/sensitive';
import type { DesiredBody } from './desired';
import type { ResolvedInstance } from './resolve';
import { forEachResolvedRoot } from './scan';
import { diskIo, type WorkspaceIo } from './workspaceIo';
import type { VariableInputs } from '../iac/terraform/variableInputs';

export interface InventoryInstance {
  /** Instance address as Terraform writes it: `module.web["api"].aws_instance.this[0]`. */
  address: string;
  /** Cloud id from state (or an import block), when known. */
  id?: string;
  /** Why the instance cannot be matched with the cloud (not in state…), when it cannot. */
  reason?: string;
  attributes: Record<string, BodyValue>;
}

/** An inventory resource with its evaluated instances (an additive field of the version-1 contract). */
export type EvaluatedInventoryResource = InventoryResource & { instances?: InventoryInstance[] };

function bodyValues(type: string, body: DesiredBody, at: string, markers: UnknownMarkers): Record<string, BodyValue> {
  const out: Record<string, BodyValue> = {};
  for (const [name, entry] of body.entries) {
    const path = at ? `${at}.${name}` : name;
    if (entry.kind === 'attribute') {
      const v = entry.value;
      const plain = toValue(v);
      if (isSensitive(v)) out[name] = SENSITIVE_TEXT;
      else if (plain === undefined) out[name] = markers.of(v.kind === 'unknown' ? v.reason : 'partly unknown');
      else out[name] = maskSensitiveValue(type, path, plain);
    } else if (entry.kind === 'blocks') {
      out[name] = entry.blocks.map((b) => bodyValues(type, b, path, markers));
    } else {
      out[name] = markers.of(entry.reason);
    }
  }
  return out;
}

function instanceOf(inst: ResolvedInstance, markers: UnknownMarkers): InventoryInstance {
  return {
    address: inst.address,
    ...(inst.liveId ? { id: inst.liveId } : {}),
    ...(inst.unverifiedReason ? { reason: inst.unverifiedReason } : {}),
    attributes: bodyValues(inst.resource.type, inst.desired, '', markers),
  };
}

/** Literal attributes, with the unknown ones replaced by what the single instance evaluated to. */
function filledIn(literal: Record<string, BodyValue>, evaluated: Record<string, BodyValue>): Record<string, BodyValue> {
  const out: Record<string, BodyValue> = {};
  for (const [k, v] of Object.entries(literal)) out[k] = isUnknown(v) && Object.hasOwn(evaluated, k) && !isUnknown(evaluated[k]) ? evaluated[k] : v;
  return out;
}

/**
 * Adds evaluated values to an inventory of `dir`: `instances` on every resource a root module reaches
 * (through modules too), and the unknown `attributes` of a single-instance resource filled in.
 */
export async function evaluateInventory(inventory: Inventory, dir: string, io?: WorkspaceIo, variables?: VariableInputs): Promise<{ resources: EvaluatedInventoryResource[] }> {
  const base = resolve(dir);
  const byBlock = new Map<string, InventoryInstance[]>();
  // One marker per reason for the whole report (literal.ts).
  const markers = new UnknownMarkers();
  await forEachResolvedRoot(base, io ?? diskIo, variables, (root) => {
    for (const inst of root.instances) {
      const key = `${inst.resource.file}:${inst.resource.range.start.line}:${inst.resource.range.start.character}`;
      const list = byBlock.get(key) ?? byBlock.set(key, []).get(key)!;
      list.push(instanceOf(inst, markers));
    }
  });
  const resources = inventory.resources.map((r): EvaluatedInventoryResource => {
    const out = byBlock.get(`${resolve(base, r.file)}:${r.range.start.line}:${r.range.start.character}`);
    if (!out?.length) return r;
    const single = out.length === 1 && r.count === undefined && r.forEach === undefined && !out[0].address.startsWith('module.');
    return { ...r, ...(single ? { attributes: filledIn(r.attributes, out[0].attributes) } : {}), instances: out };
  });
  return { resources };
}
