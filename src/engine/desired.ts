// What the code wants for one resource instance: every declared attribute and nested block of its
// body, evaluated in the module scope with `count.index` / `each.*` bound.
import type { DeclaredAttribute, DeclaredBlock, DeclaredBody, Range, SourceLocation } from '../model';
import type { EvalScope } from '../iac/terraform/evaluate';
import { evaluateExpr } from '../iac/terraform/evaluate';
import type { EvalValue } from '../iac/terraform/evalValue';
import { resourceMetaArguments } from '../iac/terraform/declared';
import { expandDynamicBlock } from '../iac/terraform/dynamicBlocks';

export interface DesiredAttribute {
  kind: 'attribute';
  name: string;
  value: EvalValue;
  /** The value expression in the resource block. */
  location: SourceLocation;
}

export interface DesiredBlocks {
  kind: 'blocks';
  name: string;
  blocks: DesiredBody[];
  /** The first block of this type. */
  location: SourceLocation;
}

/** A `dynamic` block: its content depends on an iteration we do not expand. */
export interface DesiredDynamic {
  kind: 'dynamic';
  name: string;
  reason: string;
  location: SourceLocation;
}

export type DesiredEntry = DesiredAttribute | DesiredBlocks | DesiredDynamic;

export interface DesiredBody {
  entries: Map<string, DesiredEntry>;
  range: Range;
}

/** Blocks that are Terraform's or the provisioner's, never the cloud object's. */
const metaBlocks: ReadonlySet<string> = new Set(['lifecycle', 'provisioner', 'connection', 'timeouts']);

export function evaluateBody(body: DeclaredBody, range: Range, bodyFile: string, scope: EvalScope, bindings: ReadonlyMap<string, EvalValue>, top = true): DesiredBody {
  const entries = new Map<string, DesiredEntry>();
  for (const [name, attr] of Object.entries(body.attributes)) {
    if (top && resourceMetaArguments.has(name)) continue;
    entries.set(name, evaluateAttribute(attr, bodyFile, scope, bindings));
  }
  for (const block of body.blocks) {
    if (top && metaBlocks.has(block.type)) continue;
    // A block merged in from an override file has its ranges in that file.
    const file = block.file ?? bodyFile;
    if (block.type === 'dynamic') {
      const expansion = expandDynamicBlock(block, scope, bindings, file);
      if ('reason' in expansion) {
        entries.set(expansion.name, { kind: 'dynamic', name: expansion.name, reason: expansion.reason, location: { file, range: block.range } });
        continue;
      }
      // Each iteration is one nested block, as if written out, after any static blocks of that type.
      const existing = entries.get(expansion.name);
      const blocks = expansion.iterations.map((it) => evaluateBody(it.body, block.range, file, scope, it.bindings, false));
      if (existing?.kind === 'blocks') existing.blocks.push(...blocks);
      else if (!existing) entries.set(expansion.name, { kind: 'blocks', name: expansion.name, blocks, location: { file, range: block.range } });
      continue;
    }
    const existing = entries.get(block.type);
    const inner = evaluateBody(block.body, block.range, file, scope, bindings, false);
    if (existing?.kind === 'blocks') existing.blocks.push(inner);
    else if (!existing) entries.set(block.type, { kind: 'blocks', name: block.type, blocks: [inner], location: { file, range: block.range } });
  }
  return { entries, range };
}

function evaluateAttribute(attr: DeclaredAttribute, bodyFile: string, scope: EvalScope, bindings: ReadonlyMap<string, EvalValue>): DesiredAttribute {
  const file = attr.file ?? bodyFile;
  const value = evaluateExpr(attr.expr, { scope, file, bindings });
  // A literal written right there has its origin where the attribute's value is: one object for both (issue 15).
  const origin = value.kind === 'unknown' ? undefined : value.origin;
  const location = origin && origin.file === file && origin.range === attr.valueRange ? origin : { file, range: attr.valueRange };
  return { kind: 'attribute', name: attr.name, value, location };
}

/** Names the code declares at the top of a body (what a mapper needs to fetch). */
export function declaredNames(body: DesiredBody): string[] {
  return [...body.entries.keys()];
}

export type { DeclaredBlock };
