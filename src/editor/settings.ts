// Typed reads of the `driftlens.*` settings (names and scopes: settingKeys.ts).
import * as vscode from 'vscode';
import { parseSeverityOverrides, type SeverityOverride } from './severityOverrides';
import type { ArmTarget } from '../iac/arm/scope';
import type { AzureCloudName } from '../providers/azure/clouds';
import { chosenValue, isSet, SETTINGS_SECTION, settings as specs, type SettingName } from './settingKeys';
import type { VariableArg } from '../engine/scan';
import { varFileArgs } from './varFiles';

export interface DriftLensSettings {
  awsProfile?: string;
  awsRegion?: string;
  scanOnOpen: boolean;
  /** 0: no periodic scan. */
  scanIntervalMinutes: number;
  codeLensEnabled: boolean;
  severityOverrides: SeverityOverride[];
  showUnverified: boolean;
  /** After the provider block's `subscription_id`, before ARM_SUBSCRIPTION_ID. */
  azureSubscriptionId?: string;
  /** Only when chosen: otherwise the provider block's `environment`, ARM_ENVIRONMENT, public Azure. */
  azureCloud?: AzureCloudName;
  /** From user/machine settings only; else DRIFTLENS_AZURE_ENDPOINT. */
  azureEndpoint?: string;
  /** Deployment target of ARM templates without a `.driftlens.json` beside them. */
  azureArmTarget: ArmTarget;
  /** Read a backend's state with `terraform state pull` (trusted workspaces only). */
  terraformRemoteState: boolean;
  /** From user/machine settings only; else `terraform` on PATH. */
  terraformPath?: string;
}

const CLOUDS: Record<string, AzureCloudName> = { AzureCloud: 'public', AzureChinaCloud: 'china', AzureUSGovernment: 'usgovernment' };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A typed getter over one configuration (the window's, or a folder's for resource-scoped settings). */
function reader(config: vscode.WorkspaceConfiguration, onInvalid?: (message: string) => void) {
  return <T>(name: SettingName, ok: (v: unknown) => v is T): T => {
    const value = chosenValue(specs[name], config.inspect(name), config.get<unknown>(name));
    if (value === undefined || ok(value)) return (value ?? specs[name].default) as T;
    onInvalid?.(`setting ${SETTINGS_SECTION}.${name} has an invalid value; using the default`);
    return specs[name].default as T;
  };
}

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The severity overrides that apply to a file: its workspace folder's (resource scope), else the window's. */
export function readSeverityOverrides(file: string, onInvalid?: (message: string) => void): SeverityOverride[] {
  const get = reader(vscode.workspace.getConfiguration(SETTINGS_SECTION, vscode.Uri.file(file)), onInvalid);
  return parseSeverityOverrides(get('severity.overrides', isRecord), (key) =>
    onInvalid?.(`${SETTINGS_SECTION}.severity.overrides: "${key}" needs one of error, warning, information, hint, off`));
}

/** Re-scan a saved Terraform file's root modules: the setting of the folder that holds `file` (resource scope). */
export function readScanOnSave(file: string, onInvalid?: (message: string) => void): boolean {
  return reader(vscode.workspace.getConfiguration(SETTINGS_SECTION, vscode.Uri.file(file)), onInvalid)('scan.onSave', isBoolean);
}

/** Scan on open: on when any workspace folder turns it on (resource scope: each folder has its own value). */
function anyFolderScansOnOpen(onInvalid?: (message: string) => void): boolean {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
  const configs = folders.length ? folders.map((uri) => vscode.workspace.getConfiguration(SETTINGS_SECTION, uri)) : [vscode.workspace.getConfiguration(SETTINGS_SECTION)];
  return configs.some((c) => reader(c, onInvalid)('scan.onOpen', isBoolean));
}

export function readSettings(onInvalid?: (message: string) => void): DriftLensSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const get = reader(config, onInvalid);
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const blankToUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim());
  const isGuid = (v: unknown): v is string => typeof v === 'string' && (v.trim() === '' || GUID.test(v.trim()));
  const subscriptionId = blankToUndefined(get('azure.subscriptionId', isGuid));
  const cloud = get('azure.cloud', (v): v is string => typeof v === 'string' && Object.hasOwn(CLOUDS, v));
  return {
    awsProfile: blankToUndefined(get('aws.profile', isString)),
    awsRegion: blankToUndefined(get('aws.region', isString)),
    scanOnOpen: anyFolderScansOnOpen(onInvalid),
    scanIntervalMinutes: get('scan.intervalMinutes', isCount),
    codeLensEnabled: get('codeLens.enabled', isBool),
    severityOverrides: parseSeverityOverrides(get('severity.overrides', isObject), (key) =>
      onInvalid?.(`${SETTINGS_SECTION}.severity.overrides: "${key}" needs one of error, warning, information, hint, off`)),
    showUnverified: get('diagnostics.showUnverified', isBool),
    azureSubscriptionId: subscriptionId,
    azureCloud: isSet(config.inspect('azure.cloud')) ? CLOUDS[cloud] : undefined,
    azureEndpoint: blankToUndefined(get('azure.resourceManagerEndpoint', isString)),
    azureArmTarget: withoutUndefined({
      subscriptionId,
      resourceGroup: blankToUndefined(get('azure.armResourceGroup', isString)),
      location: blankToUndefined(get('azure.armLocation', isString)),
    }),
    terraformRemoteState: get('terraform.remoteState', isBool),
    terraformPath: blankToUndefined(get('terraform.path', isString)),
  };
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** `driftlens.terraform.varFiles` of one workspace folder (resource scope: each folder has its own), as `--var-file` arguments. */
export function readVarFiles(folder: string, onInvalid?: (message: string) => void): VariableArg[] {
  const value = vscode.workspace.getConfiguration(SETTINGS_SECTION, vscode.Uri.file(folder)).get<unknown>('terraform.varFiles');
  const { args, problems } = varFileArgs(folder, value);
  for (const p of problems) onInvalid?.(p);
  return args;
}

export function affectsDriftLens(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SETTINGS_SECTION);
}

/**
 * Opens the Settings UI filtered to DriftLens (and `query`, e.g. `aws`). When VS Code runs remotely
 * (code-server, SSH, WSL) the machine-scoped settings (profile, endpoints, terraform path) live under the
 * Remote tab, so that is the one opened.
 */
export function openSettings(query?: string): Thenable<unknown> {
  const search = `@ext:driftlens.driftlens${query ? ` ${query}` : ''}`;
  return vscode.env.remoteName
    ? vscode.commands.executeCommand('workbench.action.openRemoteSettings', { query: search })
    : vscode.commands.executeCommand('workbench.action.openSettings', search);
}
