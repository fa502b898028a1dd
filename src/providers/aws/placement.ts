// Is this the account and region the resource lives in? State records both: the `arn` attribute
// (`arn:aws:ec2:us-east-1:111111111111:instance/i-…`) and, for VPC resources, `owner_id`. Asking
// another account or region for an ID always answers "not found": that must never read as missing.

/** Account and region state records for an instance, when it records them. */
export function statePlacement(state: Record<string, string> | undefined): { account?: string; region?: string } {
  if (!state) return {};
  const arn = /^arn:aws[a-z-]*:[^:]*:([^:]*):(\d{12})?:/.exec(state.arn ?? '');
  const owner = /^\d{12}$/.test(state.owner_id ?? '') ? state.owner_id : undefined;
  const account = arn?.[2] || owner;
  const region = arn?.[1] || undefined;
  return { ...(account ? { account } : {}), ...(region ? { region } : {}) };
}

/** Why the placement asked differs from the one state records, or undefined when nothing contradicts it. */
export function placementMismatch(state: Record<string, string> | undefined, account: string | undefined, region: string | undefined): string | undefined {
  const recorded = statePlacement(state);
  if (account && recorded.account && recorded.account !== account) return `state says account ${recorded.account}, credentials are for ${account}`;
  if (region && recorded.region && recorded.region !== region) return `state says region ${recorded.region}, the provider configuration resolves to ${region}`;
  return undefined;
}

/** True when a cross-check needs the credentials' account (state records one). */
export function recordsAccount(state: Record<string, string> | undefined): boolean {
  return statePlacement(state).account !== undefined;
}
