// The severity of one Azure drift, from the attribute's policy: a security exposure in the live
// value (TLS below 1.2, HTTPS off, public access, a rule open to the Internet) is an error.
import type { Severity, Value } from '../../model';
import type { AttributePolicy } from './mappers/types';

/** The policy's severity for this difference, or undefined to let the engine's default policy decide. */
export function policySeverity(policy: AttributePolicy | undefined, expected: Value, actual: Value, extraLive?: Value[]): Severity | undefined {
  const rule = policy?.severity;
  if (rule === undefined) return undefined;
  return typeof rule === 'function' ? rule(expected, actual, extraLive) : rule;
}

/** The policy of a drift path (`site_config.minimum_tls_version`, `ip_configuration[1].subnet_id`, `tags.Env`). */
export function policyAt(attributes: Record<string, AttributePolicy>, path: string): AttributePolicy | undefined {
  let current: Record<string, AttributePolicy> | undefined = attributes;
  let policy: AttributePolicy | undefined;
  for (const part of path.split('.')) {
    const name = part.replace(/\[\d+\]$/, '');
    policy = current?.[name];
    if (!policy) return undefined;
    current = policy.attributes;
  }
  return policy;
}
