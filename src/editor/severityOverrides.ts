// `driftlens.severity.overrides`: glob → level, matched against `<type>.<attribute>`. Pure (unit-tested);
// the engine's policy decides the default, the user's setting only re-labels it.
import type { Severity } from '../model';

export type Level = 'error' | 'warning' | 'information' | 'hint' | 'off';
const LEVELS: readonly Level[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface SeverityOverride {
  pattern: string;
  regex: RegExp;
  level: Level;
}

/** Parses the setting, dropping entries with an unknown level (reported through `invalid`). */
export function parseSeverityOverrides(raw: unknown, invalid?: (key: string) => void): SeverityOverride[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const out: SeverityOverride[] = [];
  for (const [pattern, level] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof level === 'string' && (LEVELS as readonly string[]).includes(level)) {
      out.push({ pattern, regex: globToRegExp(pattern), level: level as Level });
    } else {
      invalid?.(pattern);
    }
  }
  return out;
}

/** `*` matches any run of characters (dots included); everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`);
}

/**
 * The level for one drifted attribute: the most specific (longest) matching pattern wins, so
 * `aws_security_group.*` can say error while `*.tags.*` says hint.
 */
export function levelFor(overrides: readonly SeverityOverride[], type: string, attribute: string, engine: Severity): Level {
  const subject = `${type}.${attribute}`;
  let best: SeverityOverride | undefined;
  for (const o of overrides) {
    if (o.regex.test(subject) && (!best || o.pattern.length > best.pattern.length)) best = o;
  }
  if (best) return best.level;
  return engine === 'info' ? 'information' : engine;
}
