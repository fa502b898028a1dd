// The text of the diff documents (code and live sides of one resource), without vscode.
import type { Value } from '../model';

/** Keys sorted at every level so the two sides line up. */
export function normalizedJson(value: Record<string, Value> | undefined): string {
  const sort = (v: Value): Value =>
    Array.isArray(v) ? v.map(sort)
      : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])]))
        : v;
  return `${JSON.stringify(value === undefined ? null : sort(value), null, 2)}\n`;
}
