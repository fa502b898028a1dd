// Which syntax the quick-fix writes: chosen by the kind of file the literal lives in, not by where
// the drift is shown. `.tf` / `.tfvars` take HCL; every `.json` (ARM template, parameters file,
// `.tf.json`, `.tfvars.json`) takes JSON, with strings quoted the way that file reads them back.
import { findNodeAtOffset, getNodePath, parseTree } from 'jsonc-parser';
import type { Value } from '../../model';
import { renderHclValue } from './hclRender';
import { renderJsonValue, type JsonStringDialect } from './jsonRender';

export type FixSyntax = { kind: 'hcl' } | { kind: 'json'; strings: JsonStringDialect };

/** The syntax for a literal at `offset` of `file`, whose current text is `text`. */
export function fixSyntaxFor(file: string, text: string, offset: number): FixSyntax {
  const name = file.toLowerCase();
  if (!name.endsWith('.json')) return { kind: 'hcl' };
  if (name.endsWith('.tfvars.json')) return { kind: 'json', strings: 'plain' };
  if (name.endsWith('.tf.json')) return { kind: 'json', strings: isVariableDefault(text, offset) ? 'plain' : 'terraform-template' };
  return { kind: 'json', strings: 'arm' };
}

export interface FixRenderContext {
  /** Indentation of the line the literal starts on. */
  indent: string;
  /** One indentation level of the file. */
  unit: string;
  /** The literal being replaced, as written. */
  replaced: string;
}

/** `value` in the file's syntax. */
export function renderFixValue(syntax: FixSyntax, value: Value, ctx: FixRenderContext): string {
  if (syntax.kind === 'hcl') return renderHclValue(value, { indent: ctx.indent, unit: ctx.unit });
  return renderJsonValue(value, { indent: ctx.indent, unit: ctx.unit, strings: syntax.strings, inline: !/[\r\n]/.test(ctx.replaced) });
}

/** Terraform reads a `.tf.json` variable's `default` without templates (HCL's JSON spec); arguments are templates. */
function isVariableDefault(text: string, offset: number): boolean {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const node = root && findNodeAtOffset(root, offset, true);
  if (!node) return false;
  const path = getNodePath(node).filter((p) => typeof p === 'string');
  return path[0] === 'variable' && path[2] === 'default';
}
