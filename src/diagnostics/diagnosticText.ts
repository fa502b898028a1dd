// The messages of DriftLens diagnostics, without vscode: what Problems and the squiggle hover show for a
// drifted value, a missing resource, and (when enabled) what could not be verified. driftDiagnostics.ts
// places them; the secret-corpus test reads them.
import type { Drift, ResourceResult, UnverifiedAttribute } from '../model';
import { instanceMessage, missingMessage } from '../editor/labels';

type Result = Pick<ResourceResult, 'address' | 'resource' | 'liveId' | 'reason'>;

export function driftMessage(r: Result, drift: Pick<Drift, 'message'>, root?: string): string {
  return instanceMessage(r, drift.message, root);
}

export function missingDiagnosticMessage(r: Result, root?: string): string {
  return root ? `${root} › ${missingMessage(r)}` : missingMessage(r);
}

export function unverifiedAttributeMessage(r: Result, u: Pick<UnverifiedAttribute, 'attribute' | 'reason'>, root?: string): string {
  return instanceMessage(r, `${u.attribute}: not verified — ${u.reason}`, root);
}

export function unverifiedResourceMessage(r: Result, root?: string): string {
  return `${root ? `${root} › ` : ''}${r.address}: not verified — ${r.reason ?? 'unknown reason'}`;
}

/** The related-information line of a drift whose expected value is written elsewhere (a variable default, a tfvars line). */
export function originNote(root?: string): string {
  return root ? `the expected value for ${root} is written here` : 'the expected value is written here';
}
