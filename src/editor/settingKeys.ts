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
  // Per workspace folder (multi-root): each folder's value is read for that folder.
  'scan.onOpen': { scope: 'resource', default: false },
  'scan.intervalMinutes': { scope: 'window', default: 0 },
  // Per workspace folder: the saved file's folder decides.
  'scan.onSave': { scope: 'resource', default: true },
  'codeLens.enabled': { scope: 'window', default: true },
  'severity.overrides': { scope: 'resource', default: {} },
  'diagnostics.showUnverified': { scope: 'window', default: false },
  // Which subscription to read is no secret and the code's provider block can name one anyway: a trusted
  // workspace may override it. The endpoint decides where the token goes: machine only.
  'azure.subscriptionId': { scope: 'machine-overridable', default: '', restricted: true },
  'azure.cloud': { scope: 'machine-overridable', default: 'AzureCloud', restricted: true },
  'azure.resourceManagerEndpoint': { scope: 'machine', default: '', restricted: true },
  'azure.armResourceGroup': { scope: 'window', default: '' },
  'azure.armLocation': { scope: 'window', default: '' },
  // Which executable runs against your backend is the user's choice alone; whether to run it at all may be turned off per workspace.
  'terraform.path': { scope: 'machine', default: '', restricted: true },
  'terraform.remoteState': { scope: 'machine-overridable', default: true, restricted: true },
  // Read per workspace folder, like Terraform's -var-file for that root; only files inside the folder.
  'terraform.varFiles': { scope: 'resource', default: [] },
} as const satisfies Record<string, SettingSpec>;

export type SettingName = keyof typeof settings;

export const SETTINGS_SECTION = 'driftlens';

/** The parts of `WorkspaceConfiguration.inspect()` we read. */
export interface InspectedSetting {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/**
 * The value to use: for machine and application settings only what the user (or the remote machine)
 * chose — a workspace or folder value is ignored even if VS Code let one through (defence in depth:
 * a cloned repo must not send your token elsewhere). Other settings take VS Code's effective value.
 */
export function chosenValue(spec: SettingSpec, inspected: InspectedSetting | undefined, effective: unknown): unknown {
  return spec.scope === 'machine' || spec.scope === 'application' ? inspected?.globalValue : effective;
}

/** Whether anybody set it (a default is not a choice). */
export function isSet(inspected: InspectedSetting | undefined): boolean {
  return inspected?.globalValue !== undefined || inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
}
