// The endpoints rule of endpoints.ts for S3, IAM, SSM and Cloud Control: a provider block that sends a
// service to an emulator (`endpoints { s3 = "http://localhost:4566" }`) is not followed, and real AWS is
// not asked about the emulator's resources either (they would all look "missing"): unverified with the fix,
// unless AWS_ENDPOINT_URL_<SERVICE> (or AWS_ENDPOINT_URL) already points there.
import type { Value } from '../../../model';
import type { ServiceType } from './serviceType';

const ENV_NAME: Record<ServiceType['service'], string> = { s3: 'S3', iam: 'IAM', ssm: 'SSM', cloudcontrol: 'CLOUDCONTROL', route53: 'ROUTE_53', elbv2: 'ELASTIC_LOAD_BALANCING_V2' };

const canonical = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
const isAwsHost = (url: string) => {
  try {
    return /(^|\.)amazonaws\.com(\.cn)?$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
};

/** The `endpoints` keys that would carry this type's calls in the Terraform provider (Cloud Control types: their own service's). */
function endpointKeys(t: ServiceType): string[] {
  if (t.service !== 'cloudcontrol') return [t.service];
  const own = t.permissions.map((p) => p.split(':')[0]).filter((s) => s !== 'cloudcontrol');
  return [...new Set(['cloudcontrol', 'cloudcontrolapi', ...own])];
}

export function serviceEndpointMismatch(t: ServiceType, settings: Record<string, Value>, env: Record<string, string | undefined>): string | undefined {
  const blocks = Array.isArray(settings.endpoints) ? settings.endpoints : [];
  for (const b of blocks) {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) continue;
    for (const key of endpointKeys(t)) {
      const declared = b[key];
      if (typeof declared !== 'string' || declared.trim() === '' || isAwsHost(declared)) continue;
      const variable = `AWS_ENDPOINT_URL_${ENV_NAME[t.service]}`;
      const effective = env[variable] || env.AWS_ENDPOINT_URL;
      if (effective && canonical(effective) === canonical(declared)) return undefined;
      return `the provider block sends ${key} calls to ${declared.trim()}, and DriftLens does not follow endpoints from workspace code: set ${variable}=${declared.trim()} to scan there`;
    }
  }
  return undefined;
}
