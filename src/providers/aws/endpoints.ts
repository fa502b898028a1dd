// Where EC2 calls go. A workspace's provider block may send EC2 to an emulator
// (`endpoints { ec2 = "http://localhost:4566" }`, the usual LocalStack setup). DriftLens never
// follows an endpoint from workspace code (a cloned repo must not redirect your credentials),
// but it must not ask real AWS about an emulator's IDs either: those would all look "missing".
import type { Value } from '../../model';

/** The EC2 endpoint a provider block's `endpoints` block names, if any. */
export function declaredEc2Endpoint(settings: Record<string, Value>): string | undefined {
  const blocks = Array.isArray(settings.endpoints) ? settings.endpoints : [];
  for (const b of blocks) {
    if (b !== null && typeof b === 'object' && !Array.isArray(b) && typeof b.ec2 === 'string' && b.ec2.trim() !== '') return b.ec2.trim();
  }
  return undefined;
}

/** The endpoint the SDK will use: an explicit setting, else the standard variables; undefined is AWS itself. */
export function effectiveEc2Endpoint(explicit: string | undefined, env: Record<string, string | undefined>): string | undefined {
  return explicit || env.AWS_ENDPOINT_URL_EC2 || env.AWS_ENDPOINT_URL || undefined;
}

function canonical(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return url.trim().replace(/\/+$/, '').toLowerCase();
  }
}

const isAwsHost = (url: string): boolean => {
  try {
    return /(^|\.)amazonaws\.com(\.cn)?$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
};

/** Why a binding cannot be fetched from here, or undefined when its provider block and our endpoint agree. */
export function endpointMismatch(settings: Record<string, Value>, effective: string | undefined): string | undefined {
  const declared = declaredEc2Endpoint(settings);
  if (!declared || isAwsHost(declared)) return undefined;
  if (effective && canonical(effective) === canonical(declared)) return undefined;
  return `the provider block sends EC2 calls to ${declared}, and DriftLens does not follow endpoints from workspace code: set AWS_ENDPOINT_URL_EC2=${declared} to scan there`;
}
