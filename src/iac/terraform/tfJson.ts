// Terraform's JSON syntax (`.tf.json`) read into the same `Body` tree as native HCL, so the index,
// the evaluator and quick-fixes handle both. Follows HCL's JSON mapping: the top-level properties
// are block types, nested objects carry the labels, strings are templates, and `"//"` is a comment.
import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import type { Attribute, Block, Body, Expression, ParseResult, Position, Range, SyntaxDiagnostic, TemplateExpr } from '../../model/ast';
import { parseTemplateString } from './parser';
import { lineStarts, positionAt } from '../textPositions';

/** Labels each block type takes, per enclosing block type: what tells a block from an argument without a provider schema. */
const blockLabels: Record<string, Record<string, number>> = {
  '': { resource: 2, data: 2, ephemeral: 2, variable: 1, output: 1, module: 1, provider: 1, check: 1, terraform: 0, locals: 0, import: 0, moved: 0, removed: 0 },
  resource: { lifecycle: 0, provisioner: 1, connection: 0, dynamic: 1 },
  data: { lifecycle: 0, dynamic: 1 },
  ephemeral: { lifecycle: 0, dynamic: 1 },
  lifecycle: { precondition: 0, postcondition: 0 },
  provisioner: { connection: 0 },
  dynamic: { content: 0 },
  content: { dynamic: 1 },
  variable: { validation: 0 },
  output: { precondition: 0 },
  check: { data: 2, assert: 0 },
  terraform: { backend: 1, cloud: 0, required_providers: 0, provider_meta: 1 },
  cloud: { workspaces: 0 },
  removed: { lifecycle: 0, provisioner: 1 },
  provider: { dynamic: 1 },
};

/** Arguments Terraform reads without an evaluation context: their JSON strings are not templates. */
const literalOnly: Record<string, ReadonlySet<string>> = {
  variable: new Set(['default', 'description', 'type', 'nullable', 'sensitive', 'ephemeral']),
  module: new Set(['source', 'version']),
  output: new Set(['description']),
};

/** Deeper JSON nesting is cut (and reported): jsonc-parser and this converter recurse, and no real configuration nests this deep. */
const maxDepth = 256;

interface Ctx {
  text: string;
  lineStarts: number[];
  diagnostics: SyntaxDiagnostic[];
  /** Offsets of values replaced because they nested too deeply. */
  cut: Set<number>;
}

export function parseTfJson(text: string): ParseResult {
  const errors: ParseError[] = [];
  const ctx: Ctx = { text, lineStarts: lineStarts(text), diagnostics: [], cut: new Set() };
  const root = parseTree(cutDeepNesting(ctx), errors, { disallowComments: true, allowTrailingComma: false });
  for (const e of errors) {
    ctx.diagnostics.push({ severity: 'error', message: `Invalid JSON: ${jsonErrorMessage(e.error)}`, range: rangeOf(ctx, e.offset, e.offset + e.length) });
  }
  const whole = rangeOf(ctx, 0, text.length);
  if (!root || root.type !== 'object') {
    if (root) ctx.diagnostics.push({ severity: 'error', message: 'The root of a .tf.json file must be a JSON object.', range: nodeRange(ctx, root) });
    return { body: { kind: 'Body', items: [], range: whole }, diagnostics: ctx.diagnostics };
  }
  return { body: bodyOf(ctx, root, ''), diagnostics: ctx.diagnostics };
}

function bodyOf(ctx: Ctx, obj: Node, blockType: string): Body {
  const items: (Attribute | Block)[] = [];
  const nested = blockLabels[blockType] ?? {};
  const literal = literalOnly[blockType];
  for (const prop of obj.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = String(keyNode.value);
    if (name === '//') continue;
    const labels = Object.hasOwn(nested, name) ? nested[name] : undefined;
    // A `locals` body holds arguments only, whatever their names.
    if (labels !== undefined && blockType !== 'locals') {
      blocksOf(ctx, name, keyNode, valueNode, labels, [], items);
    } else {
      const expr = expressionOf(ctx, valueNode, literal?.has(name) ?? blockType === 'terraform');
      items.push({ kind: 'Attribute', name, nameRange: nodeRange(ctx, keyNode), expr, range: spanRange(ctx, keyNode, valueNode) });
    }
  }
  return { kind: 'Body', items, range: nodeRange(ctx, obj) };
}

/** Walks `labels` levels of nested objects (each level may also be an array of objects) down to block bodies. */
function blocksOf(ctx: Ctx, type: string, typeNode: Node, value: Node, labels: number, seen: { key: Node }[], out: (Attribute | Block)[], start?: Node): void {
  if (value.type === 'array') {
    for (const element of value.children ?? []) blocksOf(ctx, type, typeNode, element, labels, seen, out, element);
    return;
  }
  if (value.type !== 'object') {
    ctx.diagnostics.push({ severity: 'error', message: `Expected a JSON object for ${seen.length < labels ? `the labels of the "${type}" block` : `the body of the "${type}" block`}.`, range: nodeRange(ctx, value) });
    return;
  }
  if (seen.length < labels) {
    for (const prop of value.children ?? []) {
      const [keyNode, inner] = prop.children ?? [];
      if (!keyNode || !inner || keyNode.value === '//') continue;
      blocksOf(ctx, type, typeNode, inner, labels, [...seen, { key: keyNode }], out, keyNode);
    }
    return;
  }
  const first = start ?? typeNode;
  const body = bodyOf(ctx, value, type);
  const end = value.offset + value.length;
  out.push({
    kind: 'Block',
    type,
    typeRange: nodeRange(ctx, typeNode),
    labels: seen.map(({ key }) => ({ value: String(key.value), range: nodeRange(ctx, key), quoted: true })),
    body,
    openBraceRange: rangeOf(ctx, value.offset, value.offset + 1),
    closeBraceRange: ctx.text[end - 1] === '}' ? rangeOf(ctx, end - 1, end) : undefined,
    range: rangeOf(ctx, first.offset, end),
  });
}

function expressionOf(ctx: Ctx, node: Node, literal: boolean): Expression {
  const range = nodeRange(ctx, node);
  if (ctx.cut.has(node.offset)) return { kind: 'Invalid', range };
  switch (node.type) {
    case 'string':
      return literal ? literalTemplate(String(node.value), range) : templateOf(ctx, node);
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'Literal', value: node.type === 'null' ? null : node.value, raw: ctx.text.slice(node.offset, node.offset + node.length), range };
    case 'array':
      return { kind: 'Tuple', items: (node.children ?? []).map((c) => expressionOf(ctx, c, literal)), range };
    case 'object':
      return {
        kind: 'Object',
        items: (node.children ?? []).flatMap((prop) => {
          const [keyNode, valueNode] = prop.children ?? [];
          if (!keyNode || !valueNode) return [];
          const key = literal ? literalTemplate(String(keyNode.value), nodeRange(ctx, keyNode)) : templateOf(ctx, keyNode);
          return [{ key, keyIsIdentifier: false, value: expressionOf(ctx, valueNode, literal), range: spanRange(ctx, keyNode, valueNode) }];
        }),
        range,
      };
    default:
      return { kind: 'Invalid', range };
  }
}

/**
 * Replaces each value nested deeper than `maxDepth` by a same-length `0` (padded with spaces), so every
 * other offset stays true, and reports it. One linear pass with jsonc-parser's (iterative) scanner.
 */
function cutDeepNesting(ctx: Ctx): string {
  const scanner = createScanner(ctx.text, false);
  const pieces: string[] = [];
  let copied = 0;
  let depth = 0;
  let cutStart = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > maxDepth && cutStart < 0) cutStart = scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      if (depth > 0 && --depth === maxDepth && cutStart >= 0) {
        const end = scanner.getTokenOffset() + scanner.getTokenLength();
        pieces.push(ctx.text.slice(copied, cutStart), '0'.padEnd(end - cutStart, ' '));
        ctx.cut.add(cutStart);
        ctx.diagnostics.push({ severity: 'error', message: `Nested deeper than ${maxDepth} levels: this value is not read.`, range: rangeOf(ctx, cutStart, end) });
        copied = end;
        cutStart = -1;
      }
    }
  }
  if (cutStart >= 0) {
    // Unclosed to the end of the file: the rest is cut.
    pieces.push(ctx.text.slice(copied, cutStart), '0'.padEnd(ctx.text.length - cutStart, ' '));
    ctx.cut.add(cutStart);
    ctx.diagnostics.push({ severity: 'error', message: `Nested deeper than ${maxDepth} levels: this value is not read.`, range: rangeOf(ctx, cutStart, ctx.text.length) });
    copied = ctx.text.length;
  }
  if (copied === 0) return ctx.text;
  pieces.push(ctx.text.slice(copied));
  return pieces.join('');
}

function literalTemplate(value: string, range: Range): TemplateExpr {
  return { kind: 'Template', parts: value === '' ? [] : [{ kind: 'TemplateLiteral', value, range }], range };
}

/** A JSON string is a template; its parts' ranges are mapped back through the JSON escapes into the file. */
function templateOf(ctx: Ctx, node: Node): TemplateExpr {
  const decoded = String(node.value);
  const range = nodeRange(ctx, node);
  if (!decoded.includes('${') && !decoded.includes('%{')) {
    const inner = rangeOf(ctx, node.offset + 1, node.offset + node.length - 1);
    return { kind: 'Template', parts: decoded === '' ? [] : [{ kind: 'TemplateLiteral', value: decoded, range: inner }], range };
  }
  const parsed = parseTemplateString(decoded);
  const map = decodedToRaw(ctx.text, node.offset + 1, decoded.length);
  // Positions are shared between nodes and never mutated: the tree is copied with each distinct
  // Position mapped once, so sharing survives the copy.
  const copies = new Map<object, unknown>();
  const remap = <V>(v: V): V => {
    if (typeof v !== 'object' || v === null) return v;
    const done = copies.get(v);
    if (done !== undefined) return done as V;
    let out: unknown;
    if (isPosition(v)) out = positionAtOffset(ctx, map[Math.min(Math.max(v.offset, 0), decoded.length)]);
    else if (Array.isArray(v)) out = v.map(remap);
    else {
      const o: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) o[k] = remap(child);
      out = o;
    }
    copies.set(v, out);
    return out as V;
  };
  const template = remap(parsed.template);
  for (const d of parsed.diagnostics) ctx.diagnostics.push({ ...d, range: remap(d.range) });
  // The template's own range is the whole JSON string, quotes included, as for a quoted HCL string.
  return { ...template, range };
}

function isPosition(v: object): v is Position {
  const p = v as Position;
  return typeof p.offset === 'number' && typeof p.line === 'number' && typeof p.character === 'number';
}

/** For each UTF-16 index of the decoded string (and its end), the offset in the file of the raw character it came from. */
function decodedToRaw(text: string, rawStart: number, decodedLength: number): Int32Array {
  const map = new Int32Array(decodedLength + 1);
  let raw = rawStart;
  for (let i = 0; i < decodedLength; i++) {
    map[i] = raw;
    raw += text.charCodeAt(raw) !== 0x5c ? 1 : text[raw + 1] === 'u' ? 6 : 2;
  }
  map[decodedLength] = raw;
  return map;
}

function positionAtOffset(ctx: Ctx, offset: number): Position {
  return positionAt(ctx.lineStarts, offset);
}

function rangeOf(ctx: Ctx, start: number, end: number): Range {
  return { start: positionAtOffset(ctx, start), end: positionAtOffset(ctx, end) };
}

function nodeRange(ctx: Ctx, node: Node): Range {
  return rangeOf(ctx, node.offset, node.offset + node.length);
}

function spanRange(ctx: Ctx, from: Node, to: Node): Range {
  return rangeOf(ctx, from.offset, to.offset + to.length);
}

function jsonErrorMessage(code: ParseError['error']): string {
  const name = printParseErrorCode(code);
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
