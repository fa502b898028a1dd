// azapi_resource and azapi_update_resource (Azure/azapi provider): the block names its ARM type and
// api-version (`type = "Microsoft.App/containerApps@2024-03-01"`) and `body` is the ARM payload. The
// resource is read with a GET at exactly that api-version, and `body` compares path by path with the
// whole GET answer (the engine's ARM payload rules: only declared paths, ARM's case and set rules,
// secrets masked). As azapi's read does (internal/services/azapi_resource.go, resourceAzApiResourceRead):
// a declared property the GET does not return is not a difference (ignore_missing_property, default
// true), and `ignore_body_changes` paths take the code's value.
import type { Value } from '../../../model';
import { armSeverity } from '../armSeverity';
import { armIdPolicy, locationPolicy, tagsPolicy } from '../mappers/common';
import type { ArmResource, AttributePolicy, AzureMapper } from '../mappers/types';
import { azapiResourceId, parseAzapiType } from './azapiType';
import { applyBodyOptions, bodyOptionsOf } from './bodyOptions';

/**
 * Arguments that steer the azapi provider itself (what it exports, validates, retries, sends as headers),
 * not the Azure resource: nothing live to compare, so the live side echoes the code. `sensitive_body` is not
 * among them: it is never read, and its value never copied anywhere.
 */
const TERRAFORM_ONLY = [
  'response_export_values',
  'schema_validation_enabled',
  'ignore_missing_property',
  'ignore_casing',
  'ignore_null_property',
  'ignore_body_changes',
  'locks',
  'retry',
  'replace_triggers_external_values',
  'replace_triggers_refs',
  'sensitive_body_version',
  ...['create', 'read', 'update', 'delete'].flatMap((op) => [`${op}_headers`, `${op}_query_parameters`]),
];

function terraformOnly(declared: Record<string, Value> | undefined): Record<string, Value> {
  return Object.fromEntries(TERRAFORM_ONLY.filter((k) => declared?.[k] !== undefined).map((k) => [k, declared![k]]));
}

const bodyPolicy: AttributePolicy = {
  armPayload: { severity: armSeverity, absent: 'not returned by the GET (azapi ignores missing properties: ignore_missing_property)' },
};

/** The live `type`: what the GET answered, at the api-version the code asked for. */
function liveType(arm: ArmResource, declared: Record<string, Value> | undefined): string {
  return `${arm.type}@${parseAzapiType(declared?.type)?.apiVersion ?? ''}`;
}

/**
 * `a.b.c` paths of `ignore_body_changes`: the live payload takes the code's value there; then azapi's read
 * options (ignore_casing, ignore_missing_property) shape it against the declared body (bodyOptions.ts).
 */
function withIgnoredBodyPaths(arm: ArmResource, declared: Record<string, Value> | undefined): Record<string, Value> {
  const live = applyBodyOptions(declared?.body, arm as Record<string, Value>, bodyOptionsOf(declared));
  const paths = Array.isArray(declared?.ignore_body_changes) ? declared.ignore_body_changes : [];
  for (const path of paths) {
    if (typeof path !== 'string') continue;
    const steps = path.split('.');
    let want: Value | undefined = declared?.body;
    let into: Value = live;
    for (const [i, step] of steps.entries()) {
      want = isObject(want) ? want[step] : undefined;
      if (!isObject(into)) break;
      if (i === steps.length - 1) {
        if (want === undefined) delete into[step];
        else into[step] = want;
      } else {
        into[step] ??= {};
        into = into[step];
      }
    }
  }
  return live;
}

/** The ID without its last `type/name` (and the `providers/<namespace>` before it), as azapi's parent_id. */
export function parentOf(id: string): string {
  const segs = id.replace(/\/+$/, '').split('/');
  segs.splice(-2);
  if (segs.length >= 2 && segs[segs.length - 2].toLowerCase() === 'providers') segs.splice(-2);
  return segs.join('/');
}

function isObject(v: Value | undefined): v is { [key: string]: Value } {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

/** The ARM ID to GET, or why not: the state ID (a resource path), read only when `type` says its api-version. */
function armIdOf(stateId: string, declared: Record<string, Value> | undefined): string | { unreadable: string } {
  if (!parseAzapiType(declared?.type)) return { unreadable: 'its type (and so the api-version to read) is not known statically' };
  return stateId;
}

export const azapiResource: AzureMapper = {
  type: 'azapi_resource',
  armType: '<type>',
  attributes: {
    type: { caseInsensitive: true },
    name: { caseInsensitive: true },
    parent_id: armIdPolicy,
    location: locationPolicy,
    tags: tagsPolicy,
    body: bodyPolicy,
    ...Object.fromEntries(TERRAFORM_ONLY.map((k) => [k, {}])),
  },
  armId: armIdOf,
  apiVersionOf: (declared) => parseAzapiType(declared?.type)?.apiVersion,
  idFromAttributes: true,
  map(arm, _extras, declared) {
    return {
      ...terraformOnly(declared),
      type: liveType(arm, declared),
      name: arm.name,
      parent_id: parentOf(arm.id),
      location: arm.location ?? '',
      tags: { ...(arm.tags ?? {}) },
      body: withIgnoredBodyPaths(arm, declared),
    };
  },
  deriveId(attrs) {
    const t = parseAzapiType(attrs.type);
    const { parent_id: parent, name } = attrs;
    return t && typeof parent === 'string' && parent && typeof name === 'string' && name ? azapiResourceId(parent, name, t.armType) : undefined;
  },
};

/** Only the properties it sets are its own: `body` and the identity of the resource it updates. */
export const azapiUpdateResource: AzureMapper = {
  type: 'azapi_update_resource',
  armType: '<type>',
  attributes: {
    type: { caseInsensitive: true },
    resource_id: armIdPolicy,
    name: { caseInsensitive: true },
    parent_id: armIdPolicy,
    body: bodyPolicy,
    ...Object.fromEntries(TERRAFORM_ONLY.map((k) => [k, {}])),
  },
  armId: armIdOf,
  apiVersionOf: (declared) => parseAzapiType(declared?.type)?.apiVersion,
  idFromAttributes: true,
  map(arm, _extras, declared) {
    return { ...terraformOnly(declared), type: liveType(arm, declared), resource_id: arm.id, name: arm.name, body: withIgnoredBodyPaths(arm, declared) };
  },
  deriveId(attrs) {
    if (typeof attrs.resource_id === 'string' && attrs.resource_id) return attrs.resource_id;
    return azapiResource.deriveId!(attrs, '');
  },
};

export const azapiMappers: readonly AzureMapper[] = [azapiResource, azapiUpdateResource];
