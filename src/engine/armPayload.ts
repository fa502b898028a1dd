// An attribute that holds a Resource Manager payload (azapi `body`), compared path by path with the
// GET answer by the same rules as an ARM template resource (src/iac/arm/compareTemplate.ts): only
// the paths the code declares, case-insensitive where Resource Manager is, unnamed arrays as sets,
// named arrays paired by name, secrets masked and write-only ones unverified.
import type { ArmSeverity, Drift, SourceLocation, UnverifiedAttribute, Value } from '../model';
import { compareArmResource, defaultArmSeverity } from '../iac/arm/compareTemplate';
import type { ArmDesiredEntry } from '../iac/arm/template';
import { fromValue, isSensitive, scalar, type EvalValue } from '../iac/terraform/evalValue';

export interface PayloadComparison {
  drifts: Drift[];
  unverified: UnverifiedAttribute[];
}

/**
 * `path` is the attribute (`body`); drift paths are `body.properties.…`. `live` is the whole GET answer:
 * its `type` names the ARM type for the write-only and severity rules.
 */
export function compareArmPayload(path: string, declared: EvalValue, live: Value | undefined, location: SourceLocation, rules: { severity?: ArmSeverity; absent?: string } = {}): PayloadComparison {
  const out: PayloadComparison = { drifts: [], unverified: [] };
  const body = payloadOf(declared);
  if (typeof body === 'string') {
    out.unverified.push({ attribute: path, reason: body, location });
    return out;
  }
  const liveObj = live !== null && typeof live === 'object' && !Array.isArray(live) ? live : undefined;
  if (!liveObj) {
    out.unverified.push({ attribute: path, reason: 'the live resource has no payload to compare', location });
    return out;
  }
  const desired = new Map<string, ArmDesiredEntry>();
  for (const [key, value] of body.entries) desired.set(key, { value, location: within(value, location) });
  const armType = typeof liveObj.type === 'string' ? liveObj.type : '';
  const compared = compareArmResource(
    { file: location.file, type: armType, name: scalar(typeof liveObj.name === 'string' ? liveObj.name : ''), nameText: '', range: location.range, headerRange: location.range, desired },
    liveObj,
    rules.severity ?? defaultArmSeverity,
    rules.absent ? absentPaths(body, liveObj, '', rules.absent) : {},
  );
  for (const d of compared.drifts) out.drifts.push({ ...d, attribute: `${path}.${d.attribute}`, message: `${path}.${d.message}` });
  for (const u of compared.unverified) out.unverified.push({ ...u, attribute: `${path}.${u.attribute}` });
  return out;
}

/**
 * The declared payload as an object: an HCL object as written (origins kept for ranges and quick-fixes),
 * or the JSON text of `jsonencode({...})` in older code, parsed (its parts then point at the attribute).
 * A string says why it cannot be compared.
 */
function payloadOf(v: EvalValue): Extract<EvalValue, { kind: 'map' }> | string {
  if (v.kind === 'unknown') return v.reason;
  if (v.kind === 'map') return v;
  if (v.kind === 'scalar' && typeof v.value === 'string') {
    try {
      const parsed = fromValue(JSON.parse(v.value) as Value, isSensitive(v));
      if (parsed.kind === 'map') return parsed;
    } catch {
      // falls through: not JSON
    }
  }
  return 'the body is not an object (nor the JSON of one)';
}

/** Declared object keys (outside arrays) the live object does not have at all → `why`. Keys compare case-insensitively, as ARM's do. */
function absentPaths(declared: Extract<EvalValue, { kind: 'map' }>, live: Record<string, Value>, at: string, why: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, sub] of declared.entries) {
    if (sub.kind === 'scalar' && sub.value === null) continue;
    const path = at ? `${at}.${key}` : key;
    const liveKey = Object.keys(live).find((k) => k.toLowerCase() === key.toLowerCase());
    const liveSub = liveKey === undefined ? undefined : live[liveKey];
    // Only a key the answer lacks: a null the mapper left there says "compare me" (azapi ignore_missing_property = false).
    if (liveSub === undefined) out[path] = why;
    else if (sub.kind === 'map' && liveSub !== null && typeof liveSub === 'object' && !Array.isArray(liveSub)) Object.assign(out, absentPaths(sub, liveSub, path, why));
  }
  return out;
}

/** The literal's own range when it is written inside the attribute, else the attribute's. */
function within(v: EvalValue, fallback: SourceLocation): SourceLocation {
  const o = v.kind === 'unknown' ? undefined : v.origin;
  if (o && o.file === fallback.file && fallback.range.start.offset <= o.range.start.offset && o.range.end.offset <= fallback.range.end.offset) return o;
  return fallback;
}
