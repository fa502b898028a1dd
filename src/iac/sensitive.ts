// Which attributes hold secrets, for every resource type — not only the ones a mapper knows.
// Two sources: (a) attributes the Terraform providers' schemas mark `Sensitive: true`, and
// (b) a conservative name heuristic for any provider. Values are masked as "(sensitive)" wherever
// they leave the engine (inventory, scan results, reports, editor). Pure; no `vscode`.
import type { Value } from '../model';
import type { EvalValue } from './terraform/evalValue';
import { setOwn } from './terraform/literal';

export const SENSITIVE_TEXT = '(sensitive)';

/**
 * Attribute paths (block names joined by `.`, no indexes) the providers' schemas mark `Sensitive: true`.
 * Sources: hashicorp/terraform-provider-aws `internal/service/<svc>/*.go` and hashicorp/terraform-provider-azurerm
 * `internal/services/<svc>/*_resource.go` schemas (read there: `ssm/parameter.go` value/value_wo,
 * `compute/linux_virtual_machine_resource.go` admin_password/custom_data; `user_data` is not sensitive in
 * either provider). `aws_ssm_parameter.value` is masked whatever its `type`.
 * Everything below a listed path is sensitive too (`kube_config.client_key`).
 */
const SCHEMA_SENSITIVE: Readonly<Record<string, readonly string[]>> = {
  // AWS
  aws_db_instance: ['password', 'password_wo'],
  aws_rds_cluster: ['master_password', 'master_password_wo'],
  aws_docdb_cluster: ['master_password', 'master_password_wo'],
  aws_redshift_cluster: ['master_password', 'master_password_wo'],
  aws_redshiftserverless_namespace: ['admin_user_password', 'admin_user_password_wo'],
  aws_dms_endpoint: ['password'],
  aws_directory_service_directory: ['password'],
  aws_iam_access_key: ['secret', 'ses_smtp_password_v4'],
  aws_iam_user_login_profile: ['password'],
  aws_iam_service_specific_credential: ['service_password'],
  aws_secretsmanager_secret_version: ['secret_string', 'secret_binary', 'secret_string_wo'],
  aws_ssm_parameter: ['value', 'value_wo'],
  aws_kms_ciphertext: ['plaintext'],
  aws_elasticache_replication_group: ['auth_token'],
  aws_elasticache_user: ['passwords'],
  aws_memorydb_user: ['authentication_mode.passwords'],
  aws_mq_broker: ['user.password'],
  aws_opensearch_domain: ['advanced_security_options.master_user_options.master_user_password'],
  aws_elasticsearch_domain: ['advanced_security_options.master_user_options.master_user_password'],
  aws_vpn_connection: ['tunnel1_preshared_key', 'tunnel2_preshared_key'],
  aws_codebuild_source_credential: ['token'],
  aws_acm_certificate: ['private_key'],
  aws_iam_server_certificate: ['private_key'],
  aws_cognito_user_pool_client: ['client_secret'],
  aws_api_gateway_api_key: ['value'],
  aws_appsync_api_key: ['key'],
  aws_amplify_app: ['access_token', 'oauth_token', 'basic_auth_credentials'],
  aws_instance: ['password_data'],
  // Azure
  azurerm_linux_virtual_machine: ['admin_password', 'custom_data'],
  azurerm_windows_virtual_machine: ['admin_password', 'custom_data', 'additional_unattend_content.content'],
  azurerm_linux_virtual_machine_scale_set: ['admin_password', 'custom_data'],
  azurerm_windows_virtual_machine_scale_set: ['admin_password', 'custom_data', 'additional_unattend_content.content'],
  azurerm_orchestrated_virtual_machine_scale_set: ['os_profile.linux_configuration.admin_password', 'os_profile.windows_configuration.admin_password', 'os_profile.custom_data'],
  azurerm_virtual_machine: ['os_profile.admin_password', 'os_profile.custom_data'],
  azurerm_virtual_machine_extension: ['protected_settings'],
  azurerm_key_vault_secret: ['value', 'value_wo'],
  azurerm_mssql_server: ['administrator_login_password', 'administrator_login_password_wo'],
  azurerm_sql_server: ['administrator_login_password'],
  azurerm_mssql_managed_instance: ['administrator_login_password'],
  azurerm_postgresql_server: ['administrator_login_password'],
  azurerm_postgresql_flexible_server: ['administrator_password', 'administrator_password_wo'],
  azurerm_mysql_server: ['administrator_login_password'],
  azurerm_mysql_flexible_server: ['administrator_password', 'administrator_password_wo'],
  azurerm_storage_account: [
    'primary_access_key',
    'secondary_access_key',
    'primary_connection_string',
    'secondary_connection_string',
    'primary_blob_connection_string',
    'secondary_blob_connection_string',
  ],
  azurerm_kubernetes_cluster: ['kube_config', 'kube_config_raw', 'kube_admin_config', 'kube_admin_config_raw', 'windows_profile.admin_password', 'service_principal.client_secret'],
  azurerm_container_registry: ['admin_password'],
  azurerm_redis_cache: ['primary_access_key', 'secondary_access_key', 'primary_connection_string', 'secondary_connection_string'],
  azurerm_cosmosdb_account: ['primary_key', 'secondary_key', 'primary_readonly_key', 'secondary_readonly_key', 'connection_strings'],
  azurerm_application_insights: ['instrumentation_key', 'connection_string'],
  azurerm_linux_web_app: ['site_credential', 'connection_string.value'],
  azurerm_windows_web_app: ['site_credential', 'connection_string.value'],
  azurerm_linux_function_app: ['storage_account_access_key', 'site_credential', 'connection_string.value'],
  azurerm_windows_function_app: ['storage_account_access_key', 'site_credential', 'connection_string.value'],
  azurerm_eventhub_namespace: ['default_primary_key', 'default_secondary_key', 'default_primary_connection_string', 'default_secondary_connection_string'],
  azurerm_servicebus_namespace: ['default_primary_key', 'default_secondary_key', 'default_primary_connection_string', 'default_secondary_connection_string'],
  azurerm_virtual_network_gateway_connection: ['shared_key'],
  azurerm_search_service: ['primary_key', 'secondary_key', 'query_keys'],
};

/** One word that names a secret on its own (`db_password`, `client_secret`, `auth_token`). */
const SECRET_WORDS: ReadonlySet<string> = new Set(['password', 'passwords', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'credential', 'credentials', 'apikey', 'kubeconfig', 'psk']);

/** Two consecutive words that name a secret (`private_key`, `connection_string`); `key` or `string` alone do not. */
const SECRET_PAIRS: readonly (readonly [string, string])[] = [
  ['private', 'key'],
  ['secret', 'key'],
  ['access', 'key'],
  ['api', 'key'],
  ['account', 'key'],
  ['shared', 'key'],
  ['preshared', 'key'],
  ['master', 'key'],
  ['primary', 'key'],
  ['secondary', 'key'],
  ['instrumentation', 'key'],
  ['connection', 'string'],
  ['connection', 'strings'],
  ['kube', 'config'],
  ['protected', 'settings'],
];

/**
 * A name whose last word says it is *about* a secret, not the secret: `secret_id`, `kms_key_id`,
 * `password_length`, `shared_access_key_enabled`, `master_password_wo_version`. Those values are
 * IDs, flags and numbers, and their drift matters (they stay visible).
 */
const META_LAST: ReadonlySet<string> = new Set([
  'id', 'ids', 'arn', 'arns', 'name', 'names', 'enabled', 'disabled', 'length', 'policy', 'version', 'versions', 'type', 'types',
  'expiry', 'expiration', 'days', 'age', 'count', 'required', 'reset', 'reuse', 'prevention', 'validity', 'units', 'rotation', 'period', 'ttl',
  // Key Vault access policies: `secret_permissions = ["Get"]` is who may read, not a secret.
  'permissions',
]);

/** A first word that makes the name a switch or a limit: `disable_password_authentication`, `manage_master_user_password`, `max_password_age`. */
const META_FIRST: ReadonlySet<string> = new Set(['disable', 'enable', 'allow', 'require', 'manage', 'get', 'generate', 'min', 'max', 'minimum', 'maximum', 'is', 'has', 'use']);

/** `DbPassword`, `db-password`, `DB_PASSWORD`, `db.password` → lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Verdicts by name: the same few thousand attribute names come back for every resource and instance. */
const nameVerdicts = new Map<string, boolean>();
const MAX_VERDICTS = 20_000;

/** The name heuristic for one attribute or map key, whatever the provider. */
export function isSensitiveName(name: string): boolean {
  let verdict = nameVerdicts.get(name);
  if (verdict === undefined) {
    verdict = judgeName(name);
    // Bounded: map keys of generated code are endless.
    if (nameVerdicts.size >= MAX_VERDICTS) nameVerdicts.clear();
    nameVerdicts.set(name, verdict);
  }
  return verdict;
}

function judgeName(name: string): boolean {
  const ws = words(name);
  if (ws.length === 0) return false;
  if (META_LAST.has(ws[ws.length - 1]) || (ws.length > 1 && META_FIRST.has(ws[0]))) return false;
  if (ws.some((w) => SECRET_WORDS.has(w))) return true;
  for (let i = 0; i + 1 < ws.length; i++) {
    if (SECRET_PAIRS.some(([a, b]) => ws[i] === a && ws[i + 1] === b)) return true;
  }
  return false;
}

/**
 * `root_block_device[0].volume_size`, `tags.Env`, `os_profile.admin_password` → name segments,
 * without list indexes (`["key"]` map keys are kept as segments).
 */
export function pathSegments(attributePath: string): string[] {
  const out: string[] = [];
  const re = /\[\s*("(?:[^"\\]|\\.)*"|\d+)\s*\]|([^.[\]]+)/g;
  for (let m = re.exec(attributePath); m; m = re.exec(attributePath)) {
    if (m[2] !== undefined) out.push(m[2]);
    else if (m[1].startsWith('"')) out.push(JSON.parse(m[1]) as string);
  }
  return out;
}

/** True when the attribute at `attributePath` (or a block or map it sits in) holds a secret. */
export function isSensitiveAttribute(resourceType: string, attributePath: string): boolean {
  return isSensitiveSegments(resourceType, pathSegments(attributePath));
}

/** `isSensitiveAttribute` for a path already split into names (block, attribute, map key…). */
export function isSensitiveSegments(resourceType: string, segments: readonly string[]): boolean {
  for (let i = 0; i < segments.length; i++) if (sensitiveAt(resourceType, segments, i)) return true;
  return false;
}

/**
 * `isSensitiveSegments` for a walk that descends from a part it already found not sensitive: only
 * the last segment is judged (a value's keys were each judged with every prefix again, per key and
 * per list element).
 */
function isSensitiveStep(resourceType: string, segments: readonly string[]): boolean {
  return segments.length > 0 && sensitiveAt(resourceType, segments, segments.length - 1);
}

/** Whether segments[0..i] is sensitive by its last name, given that no shorter prefix is. */
function sensitiveAt(resourceType: string, segments: readonly string[], i: number): boolean {
  if (isSensitiveName(segments[i])) return true;
  const listed = Object.hasOwn(SCHEMA_SENSITIVE, resourceType) ? SCHEMA_SENSITIVE[resourceType] : undefined;
  if (listed?.includes(segments.slice(0, i + 1).join('.'))) return true;
  // The `value` of a `secrets` element (ARM payloads: Container Apps and jobs mark it x-ms-secret).
  return i > 0 && segments[i].toLowerCase() === 'value' && segments[i - 1].toLowerCase() === 'secrets';
}

/**
 * The value with every sensitive part (by the rules above, for the keys inside it) replaced by
 * "(sensitive)". `path` is where the value sits in the resource; `''` for the whole body.
 */
export function maskSensitiveValue(resourceType: string, path: string, value: Value): Value {
  const segments = pathSegments(path);
  return isSensitiveSegments(resourceType, segments) ? SENSITIVE_TEXT : maskParts(resourceType, segments, value);
}

/**
 * The parts of a value sitting at `at` (already judged not sensitive) masked key by key: each key is
 * judged on its way down, on `at` itself (pushed and popped). A part with nothing to mask is returned
 * as it is, never changed: the first change makes a copy in the same key order. `spare` may answer
 * for a part that holds no value, such as the inventory's unknown markers: what it returns stands,
 * even under a sensitive key.
 */
export function maskParts<V>(type: string, at: string[], value: V, spare?: (part: V) => V | undefined): V {
  const spared = spare?.(value);
  if (spared !== undefined) return spared;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let list: V[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const m = maskParts(type, at, value[i] as V, spare);
      if (m !== value[i]) (list ??= value.slice())[i] = m;
    }
    return (list ?? value) as V;
  }
  const obj = value as Record<string, V>;
  const keys = Object.keys(obj);
  let out: Record<string, V> | undefined;
  for (const k of keys) {
    const x = obj[k];
    at.push(k);
    const m = isSensitiveStep(type, at) && spare?.(x) === undefined ? (SENSITIVE_TEXT as V) : maskParts(type, at, x, spare);
    at.pop();
    if (m === x) continue;
    if (out === undefined) {
      out = {};
      for (const key of keys) setOwn(out, key, obj[key]);
    }
    setOwn(out, k, m);
  }
  return (out ?? value) as V;
}

/** True when the value at `path`, or any part of it, is sensitive: a drift on it must be masked whole and never fixed. */
export function holdsSensitive(resourceType: string, path: string, value: Value | undefined): boolean {
  const segments = pathSegments(path);
  return (segments.length > 0 && isSensitiveSegments(resourceType, segments)) || (value !== undefined && containsAt(resourceType, segments, value));
}

function containsAt(type: string, segments: string[], value: Value): boolean {
  if (Array.isArray(value)) return value.some((v) => containsAt(type, segments, v));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => isSensitiveSegments(type, [...segments, k]) || containsAt(type, [...segments, k], v));
}

/** An evaluated value as plain JSON with its sensitive parts masked; undefined when any part is unknown. */
export function maskedValue(v: EvalValue): Value | undefined {
  if (v.kind === 'unknown') return undefined;
  if (v.sensitive) return SENSITIVE_TEXT;
  if (v.kind === 'scalar') return v.value;
  if (v.kind === 'list') {
    const out: Value[] = [];
    for (const item of v.items) {
      const x = maskedValue(item);
      if (x === undefined) return undefined;
      out.push(x);
    }
    return out;
  }
  const out: { [key: string]: Value } = {};
  for (const [k, item] of v.entries) {
    const x = maskedValue(item);
    if (x === undefined) return undefined;
    setOwn(out, k, x);
  }
  return out;
}

/**
 * The live value with the parts masked whose code counterpart is sensitive (a map entry by key;
 * a list whole, since its order may differ): what `password = var.secret` reads live is a secret too.
 */
export function maskLike(code: EvalValue, live: Value): Value {
  if (code.sensitive) return SENSITIVE_TEXT;
  if (code.kind === 'list') return code.items.some(hasSensitive) ? SENSITIVE_TEXT : live;
  if (code.kind !== 'map' || live === null || typeof live !== 'object' || Array.isArray(live)) return live;
  const out: { [key: string]: Value } = {};
  for (const [k, x] of Object.entries(live)) {
    const sub = code.entries.get(k);
    setOwn(out, k, sub ? maskLike(sub, x) : x);
  }
  return out;
}

function hasSensitive(v: EvalValue): boolean {
  if (v.sensitive) return true;
  if (v.kind === 'list') return v.items.some(hasSensitive);
  if (v.kind === 'map') return [...v.entries.values()].some(hasSensitive);
  return false;
}

/**
 * Reasons that name only what the code refers to, never a value. Anything else may quote the secret
 * itself: an argument (`failed to decode base64 data "…"`), or a password written without quotes
 * (`password = hunter2` reads as "reference to undeclared hunter2").
 */
const SAFE_SECRET_REASONS: readonly RegExp[] = [
  /^var\.[\w-]+ has no value\b[^"'`]*$/,
  /^[\w.-]+(\[\d+\])? is not in state$/,
  /^[\w.-]+(\[\d+\])?: no terraform\.tfstate$/,
  /^(data source|module output|ephemeral value) [\w.-]+$/,
  /^function [\w:-]+\(\) not supported$/,
  /^parameter "[\w-]+" comes from Key Vault$/,
];

/** Why a value could not be evaluated, safe to show: for a secret, only a reason of a known shape. */
export function safeReason(reason: string, secret: boolean): string {
  return !secret || SAFE_SECRET_REASONS.some((re) => re.test(reason)) ? reason : 'not known (details hidden: sensitive value)';
}

