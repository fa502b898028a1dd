// The only place that touches `@aws-sdk/client-s3`, `-iam`, `-ssm`, `-cloudcontrol`, `-elastic-load-balancing-v2` (and the Route 53 client) at run time:
// each loaded lazily on the first resource of its service, one client per (service, identity, region),
// read-only operations only. Endpoints: the SDK's own AWS_ENDPOINT_URL_<SERVICE> variables.
import type { CredentialProvider } from '../credentials';
import type { AwsService, Output, ServiceCall } from './serviceType';
import { ServiceCallError } from './serviceType';
import { awsRequestHandler, awsTimeouts } from '../httpHandler';

interface SdkClient {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  destroy(): void;
}
type ClientClass = new (config: Record<string, unknown>) => SdkClient;
export type ServiceSdk = Record<string, unknown>;

const CLIENT_CLASS: Record<AwsService, string> = { s3: 'S3Client', iam: 'IAMClient', ssm: 'SSMClient', cloudcontrol: 'CloudControlClient', route53: 'Route53Client', elbv2: 'ElasticLoadBalancingV2Client' };

export const loadServiceSdk = (service: AwsService): Promise<ServiceSdk> => {
  switch (service) {
    case 's3':
      return import('@aws-sdk/client-s3') as Promise<ServiceSdk>;
    case 'iam':
      return import('@aws-sdk/client-iam') as Promise<ServiceSdk>;
    case 'ssm':
      return import('@aws-sdk/client-ssm') as Promise<ServiceSdk>;
    case 'cloudcontrol':
      return import('@aws-sdk/client-cloudcontrol') as Promise<ServiceSdk>;
    // The registry serves no @aws-sdk/client-route53: a client of the same shape (route53/route53Client.ts).
    case 'route53':
      return import('./route53/route53Client') as Promise<ServiceSdk>;
    case 'elbv2':
      return import('@aws-sdk/client-elastic-load-balancing-v2') as Promise<ServiceSdk>;
  }
};

/** True for the read-only calls DriftLens may send; a SecureString is never asked for decrypted. */
export function isReadOnly(operation: string, input: Record<string, unknown>): boolean {
  if (!/^(Get|List|Describe|Head)[A-Z]/.test(operation)) return false;
  return input.WithDecryption !== true;
}

export interface ServicePoolSettings {
  maxAttempts: number;
  signal: AbortSignal;
  loadSdk?: (service: AwsService) => Promise<ServiceSdk>;
  onCall?: (service: AwsService, operation: string) => void;
}

export interface ServicePool {
  caller(service: AwsService, region: string, auth: { key: string; profile?: string; credentials?: CredentialProvider }): ServiceCall;
  destroy(): void;
}

export function createServicePool(settings: ServicePoolSettings): ServicePool {
  const sdks = new Map<AwsService, Promise<ServiceSdk>>();
  const clients = new Map<string, Promise<{ sdk: ServiceSdk; client: SdkClient }>>();
  const clientFor = (service: AwsService, region: string, auth: { key: string; profile?: string; credentials?: CredentialProvider }) => {
    const key = `${service}\u0000${auth.key}\u0000${region}`;
    let c = clients.get(key);
    if (!c) {
      const sdk = sdks.get(service) ?? sdks.set(service, (settings.loadSdk ?? loadServiceSdk)(service)).get(service)!;
      c = sdk.then((s) => {
        const Client = s[CLIENT_CLASS[service]] as ClientClass;
        const client = new Client({
          ...(auth.credentials ? { credentials: auth.credentials } : auth.profile ? { profile: auth.profile } : {}),
          region,
          retryMode: 'adaptive',
          maxAttempts: settings.maxAttempts,
          // Connection, request and idle timeouts (DRIFTLENS_TIMEOUT): a call never hangs the scan.
          requestHandler: awsRequestHandler(awsTimeouts()),
          // S3: path-style works for every bucket name and any endpoint; a bucket in another region is followed there (x-amz-bucket-region).
          ...(service === 's3' ? { forcePathStyle: true, followRegionRedirects: true } : {}),
        });
        return { sdk: s, client };
      });
      clients.set(key, c);
    }
    return c;
  };
  return {
    caller: (service, region, auth) => async (operation, input) => {
      if (!isReadOnly(operation, input)) throw new Error(`refusing to send ${service}:${operation}: DriftLens only reads`);
      const { sdk, client } = await clientFor(service, region, auth);
      const Command = sdk[`${operation}Command`] as new (input: unknown) => unknown;
      if (!Command) throw new Error(`${service}:${operation} is not in the SDK`);
      settings.onCall?.(service, operation);
      try {
        return (await client.send(new Command(input), { abortSignal: settings.signal })) as Output;
      } catch (e) {
        throw new ServiceCallError(service, operation, e);
      }
    },
    destroy() {
      for (const c of clients.values()) void c.then(({ client }) => client.destroy(), () => undefined);
      clients.clear();
    },
  };
}
