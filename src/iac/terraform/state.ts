// Terraform state (format version 4, as `terraform.tfstate` or `terraform state pull` prints it):
// which cloud object each declared instance is, and the attributes references resolve through.
import type { Value } from '../../engine/model';

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
  /** `list` for count, `map` for for_each, absent for a single instance. */
  each?: 'list' | 'map';
  instances: StateInstance[];
}

export interface TerraformState {
  version: 4;
  terraformVersion?: string;
  serial?: number;
  lineage?: string;
  /** By resource address (no instance key). */
  resources: Map<string, StateResource>;
}

export class StateError extends Error {
  constructor(message: string, readonly file?: string) {
    super(message);
    this.name = 'StateError';
  }
}

/** `[0]` / `["a"]`: Terraform's instance key syntax. */
export function instanceKeyText(key: number | string | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

export function parseState(text: string, file = 'terraform.tfstate'): TerraformState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new StateError(`${file} is not valid JSON (${err instanceof Error ? err.message : String(err)}); restore it from your backend with \`terraform state pull > ${file}\``, file);
  }
  if (!isObject(raw)) throw new StateError(`${file} is not a Terraform state file (expected a JSON object)`, file);
  const version = raw.version;
  if (version !== 4) {
    const seen = typeof version === 'number' ? `format version ${version}` : 'no format version';
    const hint = typeof version === 'number' && version < 4 ? '; run any `terraform` command with Terraform 0.12 or later to upgrade it' : '';
    throw new StateError(`${file} has ${seen}; DriftLens reads state format version 4${hint}`, file);
  }
  const state: TerraformState = {
    version: 4,
    terraformVersion: typeof raw.terraform_version === 'string' ? raw.terraform_version : undefined,
    serial: typeof raw.serial === 'number' ? raw.serial : undefined,
    lineage: typeof raw.lineage === 'string' ? raw.lineage : undefined,
    resources: new Map(),
  };
  const resources = raw.resources ?? [];
  if (!Array.isArray(resources)) throw new StateError(`${file}: "resources" is not a list`, file);
  resources.forEach((r, i) => {
    if (!isObject(r) || typeof r.type !== 'string' || typeof r.name !== 'string') throw new StateError(`${file}: resources[${i}] has no type or name`, file);
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
    for (const inst of instances) {
      // A deposed object is one create_before_destroy left behind: not the resource's current identity.
      if (!isObject(inst) || inst.deposed !== undefined) continue;
      const key = typeof inst.index_key === 'number' || typeof inst.index_key === 'string' ? inst.index_key : undefined;
      const attributes = isObject(inst.attributes) ? (inst.attributes as Record<string, Value>) : {};
      const id = typeof attributes.id === 'string' && attributes.id !== '' ? attributes.id : null;
      resource.instances.push({ address: address + instanceKeyText(key), ...(key !== undefined ? { indexKey: key } : {}), id, attributes, sensitivePaths: sensitivePaths(inst.sensitive_attributes) });
    }
    // Several entries for one address cannot come from Terraform; keep the first, as it would fail anyway.
    if (!state.resources.has(address)) state.resources.set(address, resource);
  });
  return state;
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
