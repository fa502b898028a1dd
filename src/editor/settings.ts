// Typed reads of the `driftlens.*` settings (names and scopes: settingKeys.ts).
import * as vscode from 'vscode';
import { parseSeverityOverrides, type SeverityOverride } from '../diagnostics/severityOverrides';
import { SETTINGS_SECTION, settings as specs, type SettingName } from './settingKeys';

export interface DriftLensSettings {
  awsProfile?: string;
  awsRegion?: string;
  scanOnOpen: boolean;
  /** 0: no periodic scan. */
  scanIntervalMinutes: number;
  codeLensEnabled: boolean;
  severityOverrides: SeverityOverride[];
  showUnverified: boolean;
}

export function readSettings(onInvalid?: (message: string) => void): DriftLensSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const get = <T>(name: SettingName, ok: (v: unknown) => v is T): T => {
    const value = config.get<unknown>(name);
    if (value === undefined || ok(value)) return (value ?? specs[name].default) as T;
    onInvalid?.(`setting ${SETTINGS_SECTION}.${name} has an invalid value; using the default`);
    return specs[name].default as T;
  };
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const blankToUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return {
    awsProfile: blankToUndefined(get('aws.profile', isString)),
    awsRegion: blankToUndefined(get('aws.region', isString)),
    scanOnOpen: get('scan.onOpen', isBool),
    scanIntervalMinutes: get('scan.intervalMinutes', isCount),
    codeLensEnabled: get('codeLens.enabled', isBool),
    severityOverrides: parseSeverityOverrides(get('severity.overrides', isObject), (key) =>
      onInvalid?.(`${SETTINGS_SECTION}.severity.overrides: "${key}" needs one of error, warning, information, hint, off`)),
    showUnverified: get('diagnostics.showUnverified', isBool),
  };
}

export function affectsDriftLens(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SETTINGS_SECTION);
}

/** Opens the Settings UI filtered to DriftLens. */
export function openSettings(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', `@ext:driftlens.driftlens`);
}
