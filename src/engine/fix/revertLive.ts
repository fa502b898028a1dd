// "Revert live to code" (issue 14, item 3): the terraform command that would put a drifted or missing
// resource back to what the code says, for a person to copy and run (DriftLens itself never changes the
// cloud). `-target` limits the plan to the resource; when a drifted argument can only change by replacing
// the resource (the provider schema's ForceNew, from `LiveStateProvider.forcesReplacement`), `-replace` says
// so up front. Pure: front-ends copy the text to the clipboard or a terminal.
import type { ResourceResult } from '../../model';

export interface RevertCommand {
  command: string;
  mode: 'target' | 'replace';
  /** The drifted attributes that force the replacement (empty for `target`). */
  forcing: string[];
  /** Shown beside the command, always. */
  warning: string;
}

export interface RevertOptions {
  /** The root module folder relative to where the command runs (`envs/dev`); empty or absent: here. */
  chdir?: string;
}

const PLAN_WARNING =
  'DriftLens does not change the cloud: this command is for you to run. Terraform shows its plan first; read it, and apply only if it is what you want. -target limits the run to this resource and what it depends on (Terraform warns that -target is for exceptional cases).';

/** A POSIX-shell word: single-quoted unless it is plain (addresses with `["key"]` need quoting). */
export function shellWord(s: string): string {
  return /^[\w./:=@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Whether `attribute` (`tags.Env`, `root_block_device[0].encrypted`) is, or lies under, a ForceNew argument path. */
function forcedBy(attribute: string, forceNew: readonly string[]): boolean {
  const plain = attribute.replace(/\[\d+\]/g, '');
  return forceNew.some((f) => plain === f || plain.startsWith(`${f}.`));
}

/** The command for a drifted or missing resource; undefined for any other status (nothing to revert, or not verified). */
export function revertLiveCommand(r: ResourceResult, forcesReplacement: (type: string) => readonly string[], options: RevertOptions = {}): RevertCommand | undefined {
  if (r.status !== 'drifted' && r.status !== 'missing') return undefined;
  const chdir = options.chdir ? `-chdir=${shellWord(options.chdir)} ` : '';
  const address = shellWord(r.address);
  const forcing = r.status === 'drifted' ? r.drifts.map((d) => d.attribute).filter((a) => forcedBy(a, forcesReplacement(r.type))) : [];
  if (forcing.length === 0) return { command: `terraform ${chdir}apply -target=${address}`, mode: 'target', forcing, warning: PLAN_WARNING };
  return {
    command: `terraform ${chdir}apply -target=${address} -replace=${address}`,
    mode: 'replace',
    forcing,
    warning: `${forcing.join(', ')} cannot change in place: Terraform will destroy ${r.address} and create it again. ${PLAN_WARNING}`,
  };
}
