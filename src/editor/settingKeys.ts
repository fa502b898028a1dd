// The `driftlens.*` settings: names, scopes and defaults in one place (the manifest mirrors this,
// checked by a unit test). Credential-related settings are machine-scoped: a cloned repo cannot redirect them.

export type SettingScope = 'application' | 'machine' | 'machine-overridable' | 'window' | 'resource';

export interface SettingSpec {
  readonly scope: SettingScope;
  readonly default: unknown;
  /** Ignored from workspace settings in an untrusted workspace. */
  readonly restricted?: boolean;
}

export const settings = {
  'aws.profile': { scope: 'machine', default: '', restricted: true },
  'aws.region': { scope: 'machine-overridable', default: '', restricted: true },
  'scan.onOpen': { scope: 'window', default: false },
  'scan.intervalMinutes': { scope: 'window', default: 0 },
  'codeLens.enabled': { scope: 'window', default: true },
  'severity.overrides': { scope: 'window', default: {} },
  'diagnostics.showUnverified': { scope: 'window', default: false },
} as const satisfies Record<string, SettingSpec>;

export type SettingName = keyof typeof settings;

export const SETTINGS_SECTION = 'driftlens';
