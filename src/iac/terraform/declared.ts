// Turns one file's syntax tree (HCL or JSON: both arrive as the same `Body`) into what the module
// declares: resources, data sources, variables, locals, providers, module calls, imports, backend.
import type { Attribute, Block, Body, Expression, Range, SyntaxDiagnostic } from '../../model/ast';
import type {
  DeclaredAttribute,
  DeclaredBlock,
  DeclaredBody,
  DeclaredResource,
  ModuleIndex,
} from '../../model';
import { basename } from 'node:path';
import { OffsetRange } from '../offsetRange';
import { ParsedAttribute } from './parsedAttribute';
import { literalValue, namedEntries, setOwn, traversalText } from './literal';

/**
 * Arguments Terraform itself interprets in a resource block; they are not provider attributes and
 * must not be compared with the cloud. `count` and `for_each` are moved out of the body.
 */
export const resourceMetaArguments: ReadonlySet<string> = new Set([
  'count',
  'for_each',
  'provider',
  'depends_on',
  'lifecycle',
  'provisioner',
  'connection',
]);

export function emptyModuleIndex(dir: string): ModuleIndex {
  return { dir, files: [], resources: [], dataSources: [], variables: namedEntries(), locals: namedEntries(), providers: [], moduleCalls: [], imports: [] };
}

/**
 * Adds what one file declares to `index`. `text` is the file's source, used to quote `import.to` as written.
 * Returns problems Terraform would reject (a resource declared twice); the declarations are kept anyway.
 */
export function declareFile(index: ModuleIndex, file: string, body: Body, text?: string): SyntaxDiagnostic[] {
  const problems: SyntaxDiagnostic[] = [];
  // `override.tf` / `*_override.tf` repeat blocks on purpose (Terraform merges them into the originals).
  const override = /(^|[\\/_])override\.tf(\.json)?$/.test(file);
  // First declaration of each address, built on first need: a linear `find` per resource was
  // quadratic in a folder of generated code with thousands of resources.
  const firsts = new Map<DeclaredResource[], Map<string, DeclaredResource>>();
  const firstOf = (list: DeclaredResource[], address: string): DeclaredResource | undefined => {
    let byAddress = firsts.get(list);
    if (byAddress === undefined) {
      byAddress = new Map();
      for (const x of list) if (!byAddress.has(x.address)) byAddress.set(x.address, x);
      firsts.set(list, byAddress);
    }
    return byAddress.get(address);
  };
  for (const item of body.items) {
    if (item.kind !== 'Block') continue;
    const block = item;
    const expected = LABELS[block.type];
    if (expected !== undefined && block.labels.length !== expected.length) problems.push(labelProblem(block, expected));
    switch (block.type) {
      case 'resource':
      case 'data': {
        const r = declaredResource(block, file, index.dir);
        if (!r) break;
        const list = block.type === 'resource' ? index.resources : index.dataSources;
        const first = override ? undefined : firstOf(list, r.address);
        if (first) {
          problems.push({
            severity: 'error',
            message: `Duplicate ${block.type === 'resource' ? 'resource' : 'data'} "${r.type}" configuration: "${r.address}" was already declared at ${basename(first.file)}:${first.range.start.line + 1}.`,
            range: r.headerRange,
          });
        }
        list.push(r);
        const byAddress = firsts.get(list);
        if (byAddress !== undefined && !byAddress.has(r.address)) byAddress.set(r.address, r);
        break;
      }
      case 'variable': {
        const name = block.labels[0]?.value;
        if (name === undefined || Object.hasOwn(index.variables, name)) break;
        const body = declaredBody(block.body);
        const sensitive = Object.hasOwn(body.attributes, 'sensitive') && literalValue(body.attributes.sensitive.expr) === true;
        setOwn(index.variables, name, { name, file, range: block.range, default: body.attributes.default, ...(body.attributes.type ? { type: body.attributes.type } : {}), sensitive });
        break;
      }
      case 'locals':
        for (const a of block.body.items) {
          if (a.kind === 'Attribute' && !Object.hasOwn(index.locals, a.name)) setOwn(index.locals, a.name, { name: a.name, file, attribute: declaredAttribute(a) });
        }
        break;
      case 'provider': {
        const name = block.labels[0]?.value;
        if (name === undefined) break;
        const body = declaredBody(block.body);
        const alias = body.attributes.alias ? literalValue(body.attributes.alias.expr) : undefined;
        const aliasName = typeof alias === 'string' ? alias : undefined;
        index.providers.push({ configName: aliasName ? `${name}.${aliasName}` : name, name, alias: aliasName, file, range: block.range, body });
        break;
      }
      case 'module': {
        const name = block.labels[0]?.value;
        if (name === undefined) break;
        const body = declaredBody(block.body);
        const source = body.attributes.source ? literalValue(body.attributes.source.expr) : undefined;
        index.moduleCalls.push({ name, file, range: block.range, source: typeof source === 'string' ? source : undefined, body });
        break;
      }
      case 'import': {
        const body = declaredBody(block.body);
        const to = body.attributes.to;
        if (!to) break;
        index.imports.push({ to: addressText(to.expr, text), id: body.attributes.id, file, range: block.range });
        break;
      }
      case 'terraform':
        for (const inner of block.body.items) {
          if (inner.kind !== 'Block') continue;
          if (inner.type === 'backend' && inner.labels[0]) index.backend = inner.labels[0].value;
          else if (inner.type === 'cloud' && !index.backend) index.backend = 'cloud';
        }
        break;
    }
  }
  return problems;
}

/** The labels Terraform requires on the top-level blocks it declares (as in its own messages). */
const LABELS: Readonly<Record<string, readonly string[]>> = {
  resource: ['type', 'name'],
  data: ['type', 'name'],
  variable: ['name'],
  provider: ['name'],
  module: ['name'],
  output: ['name'],
};

/**
 * A block with too few labels is not declared (it has no address), one with too many is declared by
 * its first labels; either way Terraform rejects it, so the inventory says so rather than dropping it.
 */
function labelProblem(block: Block, expected: readonly string[]): SyntaxDiagnostic {
  const found = block.labels.length;
  const want = `${expected.length} label${expected.length === 1 ? '' : 's'} (${expected.join(', ')})`;
  if (found < expected.length) {
    return {
      severity: 'error',
      message: `Missing ${expected[found]} for ${block.type}: a ${block.type} block needs ${want}, found ${found}; it is not indexed.`,
      range: { start: block.typeRange.start, end: block.openBraceRange.start },
    };
  }
  const extra = block.labels[expected.length];
  return {
    severity: 'error',
    message: `Extraneous label for ${block.type}: a ${block.type} block takes only ${want}.`,
    range: { start: extra.range.start, end: block.labels[found - 1].range.end },
  };
}

function declaredResource(block: Block, file: string, root: string): DeclaredResource | undefined {
  if (block.labels.length < 2) return undefined;
  const [typeLabel, nameLabel] = block.labels;
  const type = typeLabel.value;
  const name = nameLabel.value;
  const body = declaredBody(block.body);
  const { count, for_each: forEach } = body.attributes;
  delete body.attributes.count;
  delete body.attributes.for_each;
  const lastLabel = block.labels[block.labels.length - 1];
  return {
    address: block.type === 'data' ? `data.${type}.${name}` : `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    provider: providerConfigName(body.attributes.provider?.expr) ?? impliedProvider(type),
    root,
    file,
    range: block.range,
    // In `.tf.json` array form the block starts at its object, after the name: the header is then the name alone.
    headerRange: { start: block.range.start.offset <= lastLabel.range.start.offset ? block.range.start : lastLabel.range.start, end: lastLabel.range.end },
    body,
    ...(count ? { count } : {}),
    ...(forEach ? { forEach } : {}),
  };
}

/** `aws_instance` → `aws`, `azurerm_linux_virtual_machine` → `azurerm`: Terraform's implied provider is the type's first word. */
export function impliedProvider(type: string): string {
  const i = type.indexOf('_');
  return i < 0 ? type : type.slice(0, i);
}

/** `provider = aws.west` (HCL traversal) or `"provider": "aws.west"` (JSON string). */
function providerConfigName(expr: Expression | undefined): string | undefined {
  if (!expr) return undefined;
  if (expr.kind === 'ScopeTraversal' && expr.steps.every((s) => s.kind === 'GetAttr')) return traversalText(expr.root, expr.steps);
  const v = literalValue(expr);
  return typeof v === 'string' && /^[\p{L}_][\p{L}\p{N}_-]*(\.[\p{L}_][\p{L}\p{N}_-]*)?$/u.test(v) ? v : undefined;
}

function addressText(expr: Expression, text: string | undefined): string {
  if (expr.kind === 'ScopeTraversal') return traversalText(expr.root, expr.steps);
  const v = literalValue(expr);
  if (typeof v === 'string') return v;
  return text ? text.slice(expr.range.start.offset, expr.range.end.offset) : '';
}

export function declaredBody(body: Body): DeclaredBody {
  const out: DeclaredBody = { attributes: namedEntries(), blocks: [] };
  for (const item of body.items) {
    if (item.kind === 'Attribute') {
      // Terraform rejects a repeated argument; the first one is the one it reports against.
      if (!Object.hasOwn(out.attributes, item.name)) setOwn(out.attributes, item.name, declaredAttribute(item));
    } else {
      out.blocks.push(declaredBlock(item));
    }
  }
  return out;
}

function declaredBlock(block: Block): DeclaredBlock {
  return { type: block.type, labels: block.labels.map((l) => l.value), range: block.range, body: declaredBody(block.body) };
}

function declaredAttribute(a: Attribute): DeclaredAttribute {
  if (a.nameRange instanceof OffsetRange) return new ParsedAttribute(a.name, a.expr, a.nameRange.lines, a.nameRange.startOffset);
  return { name: a.name, expr: a.expr, nameRange: a.nameRange, valueRange: a.expr.range };
}

export function rangeText(text: string, range: Range): string {
  return text.slice(range.start.offset, range.end.offset);
}
