// The only place that touches `@aws-sdk/client-ec2` at run time: loaded lazily on the first
// fetch, one client per (profile, region), read-only operations only.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { CredentialProvider } from './credentials';
import { awsRequestHandler, awsTimeouts, collectAnswer, type AwsTimeouts } from './httpHandler';

/**
 * Every EC2 operation DriftLens may send. All are read-only; nothing else can be called. The bundled SDK
 * (dist/ec2Sdk.js) exports the client and these commands only: scripts/sdkEntries.mjs reads this list.
 */
export const DESCRIBE_OPERATIONS = [
  'DescribeInstances',
  'DescribeInstanceAttribute',
  'DescribeInstanceCreditSpecifications',
  'DescribeSecurityGroups',
  'DescribeVpcs',
  'DescribeVpcAttribute',
  'DescribeSubnets',
  'DescribeVolumes',
  'DescribeSecurityGroupRules',
  'DescribeRouteTables',
  'DescribeInternetGateways',
  'DescribeNatGateways',
  'DescribeAddresses',
  'DescribeNetworkAcls',
  'DescribeKeyPairs',
  'DescribeLaunchTemplates',
  'DescribeLaunchTemplateVersions',
  'DescribeEgressOnlyInternetGateways',
  'DescribeNetworkInterfaces',
  'DescribeVpcEndpoints',
  'DescribeVpcPeeringConnections',
  'DescribeDhcpOptions',
  'DescribeFlowLogs',
  'DescribePlacementGroups',
  'DescribeTransitGateways',
  'DescribeTransitGatewayVpcAttachments',
  'DescribeCustomerGateways',
  'DescribeVpnGateways',
] as const;

export type DescribeOperation = (typeof DESCRIBE_OPERATIONS)[number];

// The SDK's outputs are typed per command; the callers narrow them with `import type`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Output = Record<string, any>;

/** Sends one EC2 call with cancellation; bound to a (profile, region). */
export interface Ec2Caller {
  /** The region as configured; undefined when the SDK resolves it (AWS_REGION, profile). */
  readonly region?: string;
  /** The region calls go to: the configured one, else what the SDK resolved (AWS_REGION, profile); undefined if none. */
  resolvedRegion(): Promise<string | undefined>;
  call(operation: DescribeOperation, input: Record<string, unknown>, signal: AbortSignal): Promise<Output>;
}

export interface ClientSettings {
  maxAttempts: number;
  /** Explicit endpoint (a CLI flag or machine setting); AWS_ENDPOINT_URL(_EC2) is honoured by the SDK itself. */
  endpoint?: string;
  /** Connection and request timeouts (httpHandler.ts); default: DRIFTLENS_TIMEOUT, else 5 s / 30 s. */
  timeouts?: AwsTimeouts;
}

export type Ec2Sdk = typeof import('@aws-sdk/client-ec2');

export const loadEc2Sdk = (): Promise<Ec2Sdk> => import('@aws-sdk/client-ec2');

/** Clients for one fetch; `destroy()` closes their sockets. */
export interface ClientPool {
  /** `auth`: credentials of an assumed role, under a key naming that identity; absent: the SDK's chain for `profile`. */
  get(profile: string | undefined, region: string | undefined, auth?: { key: string; credentials?: CredentialProvider }): Ec2Caller;
  destroy(): void;
}

export function createClientPool(sdk: Ec2Sdk, settings: ClientSettings): ClientPool {
  const clients = new Map<string, EC2Client>();
  return {
    get(profile, region, auth) {
      const key = `${auth?.key ?? profile ?? ''}\u0000${region ?? ''}`;
      let client = clients.get(key);
      if (!client) {
        // Credentials: the SDK's default chain (env, SSO/profiles, IMDS); `profile` selects a named one; an assumed role's own.
        client = new sdk.EC2Client({
          ...(auth?.credentials ? { credentials: auth.credentials } : profile ? { profile } : {}),
          ...(region ? { region } : {}),
          ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
          retryMode: 'adaptive',
          maxAttempts: settings.maxAttempts,
          requestHandler: awsRequestHandler(settings.timeouts ?? awsTimeouts()),
          streamCollector: collectAnswer,
        });
        clients.set(key, client);
      }
      const c = client;
      return {
        region,
        async resolvedRegion() {
          if (region) return region;
          try {
            return await c.config.region();
          } catch {
            return undefined;
          }
        },
        async call(operation, input, signal) {
          if (!operation.startsWith('Describe')) throw new Error(`refusing to send ${operation}: DriftLens only reads`);
          const commands = sdk as unknown as Record<string, new (input: unknown) => Parameters<EC2Client['send']>[0]>;
          const Command = commands[`${operation}Command`];
          return (await c.send(new Command(input), { abortSignal: signal })) as Output;
        },
      };
    },
    destroy() {
      for (const c of clients.values()) c.destroy();
      clients.clear();
    },
  };
}
