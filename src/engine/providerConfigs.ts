// Provider configurations as Terraform resolves them: the root's blocks (`aws`, `aws.west`), and the
// blocks a module declares itself, each evaluated in the scope of the module that writes it (its
// variables, tfvars, TF_VAR_, --var). A setting whose value is unknown is recorded with the reason,
// never dropped silently: a region nobody can name must not become "the default region".
import type { DeclaredProvider, ModuleIndex, ProviderConfig, Value } from '../model';
import type { EvalScope } from '../iac/terraform/evaluate';
import type { EvalValue } from '../iac/terraform/evalValue';
import { toValue } from '../iac/terraform/evalValue';
import { evaluateBody, type DesiredBody } from './desired';

/** A configuration, the block that wrote it and the scope it was evaluated in (for `default_tags`). */
export interface ConfigEntry {
  config: ProviderConfig;
  declared?: DeclaredProvider;
  scope: EvalScope;
}

export class ProviderConfigs {
  /** By key: the root's `aws.west`, a module's own `module.net.aws`. */
  private readonly entries = new Map<string, ConfigEntry>();

  constructor(root: ModuleIndex, private readonly rootScope: EvalScope) {
    for (const p of root.providers) this.entries.set(p.configName, { config: evaluateProvider(p, rootScope), declared: p, scope: rootScope });
  }

  /**
   * Registers the provider blocks module instance `prefix` (`module.net.`) declares itself, and returns the
   * configuration names its resources and calls see: inherited ones (`providers = {…}`, the parent's default
   * configurations), overridden by its own blocks.
   */
  enterModule(index: ModuleIndex, scope: EvalScope, prefix: string, inherited: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
    if (!prefix || index.providers.length === 0) return inherited;
    const names = new Map(inherited);
    for (const p of index.providers) {
      const key = `${prefix}${p.configName}`;
      this.entries.set(key, { config: { ...evaluateProvider(p, scope), module: prefix.slice(0, -1) }, declared: p, scope });
      names.set(p.configName, key);
    }
    return names;
  }

  /** The configuration `key` names; one without a block is the provider's empty default. */
  get(key: string): ConfigEntry {
    const found = this.entries.get(key);
    if (found) return found;
    // Module blocks are registered by enterModule: only the root's names get here (`aws`, `aws.west`).
    const [provider, alias] = key.split('.');
    const entry: ConfigEntry = { config: { provider, ...(alias ? { alias } : {}), settings: {} }, scope: this.rootScope };
    this.entries.set(key, entry);
    return entry;
  }
}

/** A sensitive value is never handed to a provider (it could end up in a message): the setting counts as unknown. */
const SENSITIVE = 'its value is sensitive, and DriftLens does not pass sensitive values to the cloud SDKs';

/** One provider block's evaluable settings, and the settings it writes whose value is unknown. */
export function evaluateProvider(p: DeclaredProvider, scope: EvalScope): ProviderConfig {
  const body = evaluateBody(p.body, p.range, p.file, scope, new Map(), false);
  const settings: Record<string, Value> = {};
  const unknown: Record<string, string> = {};
  for (const [name, entry] of body.entries) {
    if (name === 'alias') continue;
    if (entry.kind === 'attribute') {
      const v = toValue(entry.value);
      if (v !== undefined && !entry.value.sensitive) settings[name] = v;
      const why = unknownReason(entry.value) ?? (v !== undefined && entry.value.sensitive ? SENSITIVE : undefined);
      if (why) unknown[name] = why;
    } else if (entry.kind === 'blocks') {
      settings[name] = entry.blocks.map((b) => blockSettings(b, name, unknown));
    } else unknown[name] = entry.reason;
  }
  const region = typeof settings.region === 'string' ? settings.region : undefined;
  const profile = typeof settings.profile === 'string' ? settings.profile : undefined;
  return {
    provider: p.name,
    ...(p.alias ? { alias: p.alias } : {}),
    ...(region ? { region } : {}),
    ...(profile ? { profile } : {}),
    settings,
    ...(Object.keys(unknown).length ? { unknown } : {}),
  };
}

function blockSettings(b: DesiredBody, path: string, unknown: Record<string, string>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, e] of b.entries) {
    if (e.kind !== 'attribute') continue;
    const v = toValue(e.value);
    if (v !== undefined && !e.value.sensitive) out[k] = v;
    const why = unknownReason(e.value) ?? (v !== undefined && e.value.sensitive ? SENSITIVE : undefined);
    if (why) unknown[`${path}.${k}`] ??= why;
  }
  return out;
}

/** Why a value (or an element of it) is unknown; undefined when it is fully known. */
function unknownReason(v: EvalValue): string | undefined {
  if (v.kind === 'unknown') return v.reason;
  if (v.kind === 'list') for (const i of v.items) {
    const r = unknownReason(i);
    if (r) return r;
  }
  if (v.kind === 'map') for (const i of v.entries.values()) {
    const r = unknownReason(i);
    if (r) return r;
  }
  return undefined;
}
