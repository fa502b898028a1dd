// The declared values a provider may need to pick the right live object (AKS: the agent pool the
// code names as `default_node_pool`). Known values only: an unknown stays out, never guessed.
import type { Value } from '../model';
import { toValue } from '../iac/terraform/evalValue';
import type { DesiredBody } from './desired';

/** Top-level attributes as values, blocks as lists of objects; unknown parts are left out. */
export function declaredValues(body: DesiredBody): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [name, entry] of body.entries) {
    if (entry.kind === 'attribute') {
      const v = toValue(entry.value);
      if (v !== undefined) out[name] = v;
    } else if (entry.kind === 'blocks') {
      out[name] = entry.blocks.map((b) => declaredValues(b));
    }
  }
  return out;
}
