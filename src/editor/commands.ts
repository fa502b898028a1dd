// Every command id in one typed table, with what package.json contributes for it
// (a unit test keeps the manifest and this table in step). No vscode import: Node tests read it.

export interface CommandSpec {
  readonly title: string;
  /** Codicon for view toolbars. */
  readonly icon?: string;
  /** `when` for the command palette; 'false' hides commands that need a tree item or a lens. */
  readonly palette?: string;
}

export const commands = {
  scanWorkspace: { title: 'Scan workspace for drift', icon: '$(sync)' },
  cancelScan: { title: 'Cancel drift scan', icon: '$(debug-stop)', palette: 'driftlens.scanning' },
  showDiff: { title: 'Show drift diff (code ↔ live)', icon: '$(diff)', palette: 'false' },
  revealInTree: { title: 'Reveal in Drift view', icon: '$(list-tree)', palette: 'false' },
  updateCodeToLive: { title: 'Update code to live value', icon: '$(replace)', palette: 'false' },
  ignoreDrift: { title: 'Ignore this drift', icon: '$(eye-closed)', palette: 'false' },
  ignoreResource: { title: 'Ignore this resource', icon: '$(eye-closed)', palette: 'false' },
  copyApplyTarget: { title: 'Copy terraform apply -target command', icon: '$(terminal)', palette: 'false' },
  copyStateRm: { title: 'Copy terraform state rm command', icon: '$(terminal)', palette: 'false' },
  copyLiveId: { title: 'Copy cloud ID', icon: '$(copy)', palette: 'false' },
  openInConsole: { title: 'Open in cloud console', icon: '$(link-external)', palette: 'false' },
  openLogs: { title: 'Show logs' },
  // The palette has VS Code's own "Focus on Drift View"; this one is for the status bar and buttons.
  focusTree: { title: 'Show Drift view', palette: 'false' },
  signInToAzure: { title: 'Sign in to Azure' },
  // The tree's way to the engine's revert command (copyApplyTarget is the missing resource's quick-fix).
  revertLiveToCode: { title: 'Revert live to code…', icon: '$(history)', palette: 'false' },
  // On demand only (hover link, tree menu): one read-only audit-log lookup for one resource.
  whoChanged: { title: 'Who changed it?', icon: '$(person)', palette: 'false' },
  // Unmanaged resources have no code to hang a code action on: a Drift view item command.
  importIntoTerraform: { title: 'Import into Terraform…', icon: '$(cloud-download)', palette: 'false' },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof commands;

/** `driftlens.<name>` */
export type CommandId = `driftlens.${CommandName}`;

export function commandId(name: CommandName): CommandId {
  return `driftlens.${name}`;
}

export const CATEGORY = 'DriftLens';

/** View and container ids. */
export const VIEW_CONTAINER_ID = 'driftlens';
export const DRIFT_VIEW_ID = 'driftlens.drift';

/** Files that make a workspace one DriftLens scans: Terraform, and ARM templates by their usual names
 * (any JSON with the deploymentTemplate `$schema` is scanned; these names only decide activation). */
export const iacFileGlobs = ['**/*.tf', '**/*.tf.json', '**/azuredeploy.json', '**/*.deploymentTemplate.json', '**/mainTemplate.json', '**/.driftlens.json'] as const;

/** Context keys the manifest's `when` clauses read. */
export const contextKeys = {
  scanning: 'driftlens.scanning',
  scanned: 'driftlens.scanned',
  noIac: 'driftlens.noIac',
  restricted: 'driftlens.restricted',
  clean: 'driftlens.clean',
} as const;

/** Tree item `contextValue`s the context menus match. */
export const itemContext = {
  resource: 'driftlens.resource',
  resourceWithLive: 'driftlens.resource.live',
  resourceMissing: 'driftlens.resource.missing',
  /** Drifted (its live state is known too: menus matching `^driftlens\.resource\.live` apply). */
  resourceDrifted: 'driftlens.resource.live.drifted',
  unmanaged: 'driftlens.unmanaged',
  drift: 'driftlens.drift',
  driftFixable: 'driftlens.drift.fixable',
} as const;
