// What identifies a resource read through its parent (a rule's group, a route's destination): state
// first (what Terraform last read), then the code. Numbers and booleans only exist in the code's values.
import type { Binding, Value } from '../../model';

/** A top-level attribute as a string, from state or code; undefined when neither knows it. */
export function identityOf(b: Binding, name: string): string | undefined {
  const fromState = b.stateAttributes?.[name];
  if (fromState !== undefined && fromState !== '') return fromState;
  const v = b.declared?.[name];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** The declared value (code), for identity parts state keeps as lists or numbers. */
export const declaredOf = (b: Binding, name: string): Value | undefined => b.declared?.[name];

/**
 * Arguments that only steer what Terraform does (update_default_version, skip_destroy): no API returns
 * them, the provider keeps them from the configuration, so the code's value is the value — never drift.
 */
export function terraformOnly(b: Binding | undefined, names: readonly string[]): Record<string, Value> {
  return Object.fromEntries(names.filter((n) => b?.declared?.[n] !== undefined).map((n) => [n, b!.declared![n]]));
}
