// Terraform semantics that change what a resource block asks for: the AWS provider's
// `default_tags` / `ignore_tags` (`lifecycle { ignore_changes }` is in ignoreChanges.ts).
import type { DeclaredBody, DeclaredProvider } from '../model';
import type { DesiredBody } from './desired';
import type { EvalScope } from '../iac/terraform/evaluate';
import { evaluateExpr } from '../iac/terraform/evaluate';
import type { EvalValue } from '../iac/terraform/evalValue';
import { asString } from '../iac/terraform/evalValue';

export interface AwsTagSettings {
  defaultTags?: EvalValue;
  ignoreKeys: string[];
  ignorePrefixes: string[];
}

/** `default_tags { tags = {...} }` and `ignore_tags { keys, key_prefixes }` of an `aws` provider block. */
export function awsTagSettings(provider: DeclaredProvider | undefined, scope: EvalScope): AwsTagSettings {
  const out: AwsTagSettings = { ignoreKeys: [], ignorePrefixes: [] };
  if (!provider) return out;
  const block = (name: string): DeclaredBody | undefined => provider.body.blocks.find((b) => b.type === name)?.body;
  const tags = block('default_tags')?.attributes.tags;
  if (tags) out.defaultTags = evaluateExpr(tags.expr, { scope, file: provider.file });
  const ignore = block('ignore_tags');
  const strings = (name: string): string[] => {
    const attr = ignore?.attributes[name];
    if (!attr) return [];
    const v = evaluateExpr(attr.expr, { scope, file: provider.file });
    return v.kind === 'list' ? v.items.flatMap((i) => (i.kind === 'scalar' && asString(i) !== undefined ? [asString(i) as string] : [])) : [];
  };
  out.ignoreKeys = strings('keys');
  out.ignorePrefixes = strings('key_prefixes');
  return out;
}

/**
 * The provider's default tags join a declared `tags` map (the resource's own keys win), as the
 * live object carries both. A resource without `tags` keeps "don't care".
 */
export function applyDefaultTags(desired: DesiredBody, settings: AwsTagSettings): void {
  const entry = desired.entries.get('tags');
  const defaults = settings.defaultTags;
  if (!entry || entry.kind !== 'attribute' || entry.value.kind !== 'map' || !defaults) return;
  if (defaults.kind === 'unknown') {
    desired.entries.set('tags', { ...entry, value: defaults });
    return;
  }
  if (defaults.kind !== 'map') return;
  const entries = new Map(defaults.entries);
  for (const [k, v] of entry.value.entries) entries.set(k, v);
  desired.entries.set('tags', { ...entry, value: { ...entry.value, entries } });
}

export function isIgnoredTag(key: string, settings: AwsTagSettings): boolean {
  return settings.ignoreKeys.includes(key) || settings.ignorePrefixes.some((p) => key.startsWith(p));
}
