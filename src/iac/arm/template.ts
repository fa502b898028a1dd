// Indexes one ARM deployment template: its resources (nested `resources` children included), each
// with type, apiVersion, evaluated name and the compared sections (properties, location, tags, sku,
// kind, zones), every value carrying the range of the JSON literal it came from.
import { findNodeAtLocation, parseTree, type Node, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { Range, SourceLocation } from '../../model';
import { unknown, type EvalValue } from '../terraform/evalValue';
import { evaluateNode } from './evaluateNode';
import { readTemplateString } from './expression';
import { positionsOf, rangeOf, type PositionOf } from '../textPositions';
import type { ArmParameter, ArmScope, ArmTarget } from './scope';
import { notReadableByGet } from './armSemantics';

/** The parts of a resource compared with the live one. */
export const comparedSections = ['properties', 'location', 'tags', 'sku', 'kind', 'zones'] as const;

export interface ArmDesiredEntry {
  value: EvalValue;
  location: SourceLocation;
}

export interface ArmDeclaredResource {
  file: string;
  /** Full ARM type: `Microsoft.Network/virtualNetworks/subnets`. */
  type: string;
  apiVersion?: string;
  /** Full name (`vnet/web` for a child), or unknown with the reason. */
  name: EvalValue;
  /** The name as written (an expression stays an expression): for addresses when the name is unknown. */
  nameText: string;
  /** Resource ID from the deployment target, when the name is known. */
  id?: string;
  /** Why this resource cannot be compared (copy loop, unknown condition…). */
  unverifiedReason?: string;
  /** False condition: not deployed, not compared. */
  skipped?: boolean;
  range: Range;
  /** Where a "missing" diagnostic goes: the `name` value. */
  headerRange: Range;
  desired: Map<string, ArmDesiredEntry>;
}

export interface ArmTemplateIndex {
  file: string;
  resources: ArmDeclaredResource[];
  diagnostics: { severity: 'error' | 'warning'; message: string; range: Range }[];
  target: ArmTarget;
}

const templateSchema = /\/deploymentTemplate\.json#?$/i;

/** True for a resource-group deployment template (`$schema` …/deploymentTemplate.json#). */
export function isDeploymentTemplate(root: Node | undefined): boolean {
  if (root?.type !== 'object') return false;
  const schema = findNodeAtLocation(root, ['$schema']);
  return typeof schema?.value === 'string' && templateSchema.test(schema.value.trim());
}

export interface IndexTemplateOptions {
  target: ArmTarget;
  /** Values from the parameters file, by lower-cased name. */
  supplied?: Map<string, EvalValue>;
}

/** Undefined when `text` is not a deployment template. */
export function indexArmTemplate(file: string, text: string, options: IndexTemplateOptions): ArmTemplateIndex | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!isDeploymentTemplate(root)) return undefined;
  const pos = positionsOf(text);
  const index: ArmTemplateIndex = { file, resources: [], diagnostics: [], target: options.target };
  for (const e of errors) index.diagnostics.push({ severity: 'error', message: `JSON: ${printParseErrorCode(e.error)}`, range: rangeOf(pos, e.offset, e.length) });
  const scope: ArmScope = {
    file,
    pos,
    parameters: readParameters(root!, options.supplied),
    variables: new Map(objectEntries(findNodeAtLocation(root!, ['variables'])).map(([k, v]) => [k.toLowerCase(), v])),
    target: options.target,
    evaluating: new Set(),
    variableValues: new Map(),
  };
  const resources = findNodeAtLocation(root!, ['resources']);
  for (const node of resourceNodes(resources)) indexResource(node, undefined, scope, pos, index);
  return index;
}

function readParameters(root: Node, supplied: Map<string, EvalValue> | undefined): Map<string, ArmParameter> {
  const out = new Map<string, ArmParameter>();
  for (const [name, def] of objectEntries(findNodeAtLocation(root, ['parameters']))) {
    const type = findNodeAtLocation(def, ['type'])?.value;
    out.set(name.toLowerCase(), {
      name,
      type: typeof type === 'string' ? type : 'string',
      defaultValue: findNodeAtLocation(def, ['defaultValue']),
      supplied: supplied?.get(name.toLowerCase()),
    });
  }
  return out;
}

/** `resources` is an array, or (languageVersion 2.0) an object of symbolic names. */
function resourceNodes(node: Node | undefined): Node[] {
  if (node?.type === 'array') return (node.children ?? []).filter((c) => c.type === 'object');
  if (node?.type === 'object') return objectEntries(node).map(([, v]) => v).filter((v) => v.type === 'object');
  return [];
}

function indexResource(node: Node, parent: { type: string; name: EvalValue } | undefined, scope: ArmScope, pos: PositionOf, index: ArmTemplateIndex): void {
  const typeNode = findNodeAtLocation(node, ['type']);
  const nameNode = findNodeAtLocation(node, ['name']);
  const range = rangeOf(pos, node.offset, node.length);
  const rawType = typeof typeNode?.value === 'string' ? typeNode.value : undefined;
  if (!rawType || !nameNode) {
    index.diagnostics.push({ severity: 'warning', message: 'resource without a literal "type" and a "name": not compared', range });
    return;
  }
  // `existing: true` (languageVersion 2.0) references a resource the template does not deploy.
  if (findNodeAtLocation(node, ['existing'])?.value === true) return;
  const childType = readTemplateString(rawType);
  const shortType = childType.kind === 'literal' ? childType.value : rawType;
  const type = parent && !shortType.includes('/') ? `${parent.type}/${shortType}` : shortType;
  let name = evaluateNode(nameNode, scope);
  if (parent && !shortType.includes('/')) name = joinNames(parent.name, name);
  const apiVersionNode = findNodeAtLocation(node, ['apiVersion']);
  const apiVersionValue = apiVersionNode ? evaluateNode(apiVersionNode, scope) : undefined;
  const apiVersion = apiVersionValue?.kind === 'scalar' ? apiVersionValue.value : undefined;
  const resource: ArmDeclaredResource = {
    file: scope.file,
    type,
    ...(typeof apiVersion === 'string' ? { apiVersion } : {}),
    name,
    nameText: typeof nameNode.value === 'string' ? nameNode.value : JSON.stringify(nameNode.value),
    range,
    headerRange: rangeOf(pos, nameNode.offset, nameNode.length),
    desired: new Map(),
  };
  if (name.kind === 'scalar' && typeof name.value === 'string') {
    resource.id = idOf(scope.target, type, name.value);
    if (!resource.id) resource.unverifiedReason = 'no deployment target: put {"subscriptionId", "resourceGroup"} in a .driftlens.json beside the template';
  } else {
    resource.unverifiedReason = `name not known: ${name.kind === 'unknown' ? name.reason : 'not a string'}`;
  }
  if (typeof apiVersion !== 'string') resource.unverifiedReason = 'apiVersion not known';
  const postOnly = name.kind === 'scalar' && typeof name.value === 'string' ? notReadableByGet(type, name.value) : undefined;
  if (postOnly) resource.unverifiedReason = postOnly;
  if (findNodeAtLocation(node, ['copy'])) resource.unverifiedReason = 'copy loops are not expanded';
  // A nested deployment's live object is a deployment record, not the resources it deployed.
  if (type.toLowerCase() === 'microsoft.resources/deployments') resource.unverifiedReason = 'nested deployments are not compared (their resources are not indexed)';
  const condition = findNodeAtLocation(node, ['condition']);
  if (condition) {
    const c = evaluateNode(condition, scope);
    if (c.kind === 'scalar' && c.value === false) resource.skipped = true;
    else if (c.kind !== 'scalar' || c.value !== true) resource.unverifiedReason = `condition not known: ${c.kind === 'unknown' ? c.reason : 'not a boolean'}`;
  }
  for (const section of comparedSections) {
    const n = findNodeAtLocation(node, [section]);
    if (n) resource.desired.set(section, { value: evaluateNode(n, scope), location: { file: scope.file, range: rangeOf(pos, n.offset, n.length) } });
  }
  index.resources.push(resource);
  for (const child of resourceNodes(findNodeAtLocation(node, ['resources']))) indexResource(child, { type, name }, scope, pos, index);
}

function joinNames(parent: EvalValue, child: EvalValue): EvalValue {
  if (parent.kind === 'unknown') return parent;
  if (child.kind === 'unknown') return child;
  if (parent.kind === 'scalar' && child.kind === 'scalar') return { kind: 'scalar', value: `${parent.value}/${child.value}` };
  return unknown('resource name is not a string');
}

/** `/subscriptions/S/resourceGroups/RG/providers/NS/t1/n1/t2/n2`, when the target and name are complete. */
export function idOf(target: ArmTarget, type: string, name: string): string | undefined {
  if (!target.subscriptionId || !target.resourceGroup) return undefined;
  const [namespace, ...types] = type.split('/');
  const names = name.split('/');
  if (!namespace || types.length === 0 || names.length !== types.length) return undefined;
  return `/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroup}/providers/${namespace}/${types.map((t, i) => `${t}/${names[i]}`).join('/')}`;
}

export function objectEntries(node: Node | undefined): [string, Node][] {
  if (node?.type !== 'object') return [];
  const out: [string, Node][] = [];
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k && v && typeof k.value === 'string') out.push([k.value, v]);
  }
  return out;
}
