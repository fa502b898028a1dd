// Terraform state (format version 4, as `terraform.tfstate` or `terraform state pull` prints it):
// which cloud object each declared instance is, and the attributes references resolve through.
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Value } from '../../model';

export interface StateInstance {
  /** Full instance address: `module.net.aws_subnet.a[0]`, `aws_instance.web["api"]`. */
  address: string;
  /** Absent for a resource without count/for_each. */
  indexKey?: number | string;
  /** `attributes.id`, when the provider set one. */
  id: string | null;
  attributes: Record<string, Value>;
  /** Attribute paths Terraform marked sensitive (`sensitive_attributes`), as dotted names / indexes. */
  sensitivePaths: (string | number)[][];
  /** `status: "tainted"`: the object exists and is still this address's identity, but the next apply replaces it. */
  tainted?: boolean;
}

export interface StateResource {
  /** Resource address without instance key: `module.net.aws_subnet.a`, `data.aws_ami.x`. */
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `module.net`, `module.net[0]`; empty for the root module. */
  module: string;
  /** `provider["registry.terraform.io/hashicorp/aws"]`, or with `.west` for an alias. */
  provider: string;
  /**
   * `list` for count, `map` for for_each, absent for a single instance. Only Terraform 0.12 wrote
   * `each`; for later states it is inferred from the instance keys (numbers: list, strings: map).
   */
  each?: 'list' | 'map';
  instances: StateInstance[];
}

export interface TerraformState {
  version: 4;
  terraformVersion?: string;
  serial?: number;
  lineage?: string;
  /** By resource address (no instance key). Managed and data resources only. */
  resources: Map<string, StateResource>;
  /** Root module outputs; a sensitive one keeps its value here, and callers must mask it. */
  outputs: Map<string, { value: Value; sensitive: boolean }>;
}

export class StateError extends Error {
  constructor(message: string, readonly file?: string) {
    super(message);
    this.name = 'StateError';
  }
}

/**
 * `[0]` / `["a"]`: Terraform's instance key syntax, quoted as Terraform's `toHCLQuotedString` does
 * (`${` and `%{` doubled, non-printable characters as `\uXXXX`), so addresses match state's `module` strings.
 */
export function instanceKeyText(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${hclQuoted(key)}]`;
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

function hclQuoted(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    if (ESCAPES[ch]) out += ESCAPES[ch];
    else if ((ch === '$' || ch === '%') && s[i] === '{') out += ch + ch;
    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    else if (ch !== ' ' && !/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
    else out += ch;
  }
  return out + '"';
}

export function parseState(text: string, file = 'terraform.tfstate'): TerraformState {
  // `terraform state pull > file` in Windows PowerShell 5 writes UTF-16 with a byte-order mark.
  if (text.includes('\u0000') || text.startsWith('\uFFFD\uFFFD')) {
    throw new StateError(`${file} is not UTF-8 (saved as UTF-16, as PowerShell's \`>\` does); write it with \`terraform state pull | Out-File -Encoding utf8 ${file}\``, file);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // Not JSON.parse's own message: V8 quotes the text around the error, and state holds secrets.
    throw new StateError(`${file} is not valid JSON (${jsonErrorWhere(text)}); restore it from your backend with \`terraform state pull > ${file}\``, file);
  }
  if (!isObject(raw)) throw new StateError(`${file} is not a Terraform state file (expected a JSON object)`, file);
  const state = newState(raw, file);
  const resources = raw.resources ?? [];
  if (!Array.isArray(resources)) throw new StateError(`${file}: "resources" is not a list`, file);
  resources.forEach((r, i) => addStateResource(state, r, i, file));
  return state;
}

/**
 * The state's header (format version checked first, as Terraform does) and its root outputs, from the
 * top-level members; `resources` is left empty for addStateResource. stateStream.ts calls it with the
 * members other than `resources`, parsed one by one.
 */
export function newState(raw: Record<string, unknown>, file: string): TerraformState {
  const version = raw.version;
  if (version !== 4) {
    const seen = typeof version === 'number' ? `format version ${version}` : 'no format version';
    const hint =
      typeof version === 'number' && version < 4
        ? ' (it was written by Terraform 0.11 or older); upgrade it with Terraform 0.12 or later: `terraform apply -refresh-only` rewrites it in format 4'
        : typeof version === 'number'
          ? ', and this one is newer than DriftLens understands: update DriftLens'
          : '';
    throw new StateError(`${file} has ${seen}; DriftLens reads state format version 4${hint}`, file);
  }
  const state: TerraformState = {
    version: 4,
    terraformVersion: typeof raw.terraform_version === 'string' ? raw.terraform_version : undefined,
    serial: typeof raw.serial === 'number' ? raw.serial : undefined,
    lineage: typeof raw.lineage === 'string' ? raw.lineage : undefined,
    resources: new Map(),
    outputs: new Map(),
  };
  if (isObject(raw.outputs)) {
    for (const [name, o] of Object.entries(raw.outputs)) {
      if (isObject(o) && 'value' in o) state.outputs.set(name, { value: o.value as Value, sensitive: o.sensitive === true });
    }
  }
  return state;
}

/** `resources[i]` of the state file added to `state`: what the scan keeps of it (attributes, keys, sensitive paths), nothing else. */
export function addStateResource(state: TerraformState, r: unknown, i: number, file: string): void {
  if (!isObject(r) || typeof r.type !== 'string' || typeof r.name !== 'string') throw new StateError(`${file}: resources[${i}] has no type or name`, file);
  // Terraform itself refuses other modes; binding one as managed could compare the wrong object.
  if (r.mode !== 'managed' && r.mode !== 'data' && r.mode !== undefined) return;
  const mode = r.mode === 'data' ? 'data' : 'managed';
  const module = typeof r.module === 'string' ? r.module : '';
  const local = `${mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
  const address = module ? `${module}.${local}` : local;
  const resource: StateResource = {
    address,
    mode,
    type: r.type,
    name: r.name,
    module,
    provider: typeof r.provider === 'string' ? r.provider : '',
    ...(r.each === 'list' || r.each === 'map' ? { each: r.each } : {}),
    instances: [],
  };
  const instances = Array.isArray(r.instances) ? r.instances : [];
  const seen = new Set<string>();
  for (const inst of instances) {
    // A deposed object is one create_before_destroy left behind: not the resource's current identity.
    if (!isObject(inst) || (inst.deposed !== undefined && inst.deposed !== '')) continue;
    const rawKey = inst.index_key;
    // Terraform reads a whole JSON number as an int key and refuses any other key.
    if (rawKey !== undefined && rawKey !== null && !(typeof rawKey === 'string' || (typeof rawKey === 'number' && Number.isInteger(rawKey)))) continue;
    const key = typeof rawKey === 'number' || typeof rawKey === 'string' ? rawKey : undefined;
    const instAddress = address + instanceKeyText(key);
    if (seen.has(instAddress)) continue;
    seen.add(instAddress);
    // States upgraded from 0.11 keep `attributes_flat` (flatmap strings) until the next refresh.
    const attributes = isObject(inst.attributes) ? (inst.attributes as Record<string, Value>) : isObject(inst.attributes_flat) ? unflatten(inst.attributes_flat) : {};
    // Providers built on the plugin framework may have no `id` attribute; Terraform 1.12+ then may record a resource identity.
    const rawId = attributes.id ?? (isObject(inst.identity) ? (inst.identity.id as Value | undefined) : undefined);
    const id = typeof rawId === 'string' && rawId !== '' ? rawId : typeof rawId === 'number' ? String(rawId) : null;
    resource.instances.push({
      address: instAddress,
      ...(key !== undefined ? { indexKey: key } : {}),
      id,
      attributes,
      sensitivePaths: sensitivePaths(inst.sensitive_attributes),
      ...(inst.status === 'tainted' ? { tainted: true } : {}),
    });
  }
  if (!resource.each && resource.instances.length > 0) {
    const keys = resource.instances.map((x) => x.indexKey);
    if (keys.every((k) => typeof k === 'number')) resource.each = 'list';
    else if (keys.every((k) => typeof k === 'string')) resource.each = 'map';
  }
  // Several entries for one address cannot come from Terraform; keep the first, as it would fail anyway.
  if (!state.resources.has(address)) state.resources.set(address, resource);
}

/**
 * A flatmap (`{"id": "i-1", "tags.%": "1", "tags.Name": "web", "cidrs.#": "1", "cidrs.0": "10.0.0.0/8"}`)
 * as attributes: top-level strings, and maps and lists one level deep. Deeper structure is left out.
 */
function unflatten(flat: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  const str = (v: unknown) => (typeof v === 'string' ? v : String(v));
  for (const [k, v] of Object.entries(flat)) if (!k.includes('.')) out[k] = str(v);
  for (const k of Object.keys(flat)) {
    const m = /^([^.]+)\.([%#])$/.exec(k);
    if (!m) continue;
    const [, name, kind] = m;
    const children = Object.entries(flat).filter(([c]) => c.startsWith(`${name}.`) && c !== k && !c.slice(name.length + 1).includes('.'));
    if (kind === '%') out[name] = Object.fromEntries(children.map(([c, v]) => [c.slice(name.length + 1), str(v)]));
    else out[name] = children.sort(([a], [b]) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1))).map(([, v]) => str(v));
  }
  return out;
}

/** `sensitive_attributes` is a list of cty paths: `[{type:"get_attr",value:"password"}, {type:"index",value:{value:0,type:"number"}}]`. */
function sensitivePaths(raw: unknown): (string | number)[][] {
  if (!Array.isArray(raw)) return [];
  const out: (string | number)[][] = [];
  for (const path of raw) {
    if (!Array.isArray(path)) continue;
    const steps: (string | number)[] = [];
    for (const step of path) {
      if (!isObject(step)) continue;
      if (step.type === 'get_attr' && typeof step.value === 'string') steps.push(step.value);
      else if (step.type === 'index' && isObject(step.value) && (typeof step.value.value === 'string' || typeof step.value.value === 'number')) steps.push(step.value.value);
    }
    if (steps.length) out.push(steps);
  }
  return out;
}

/** What is wrong and where (`InvalidSymbol at line 3, column 17`), never the text itself. */
function jsonErrorWhere(text: string): string {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const e = errors[0];
  if (!e) return 'syntax error';
  const before = text.slice(0, e.offset);
  const line = before.split('\n').length;
  return `${printParseErrorCode(e.error)} at line ${line}, column ${e.offset - before.lastIndexOf('\n')}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
