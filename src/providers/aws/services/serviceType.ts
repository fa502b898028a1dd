// What a non-EC2 AWS type plugs into the provider (issue 12): S3, IAM, SSM and Cloud Control have
// their own clients and per-resource read calls, so they do not fit the EC2 batched-Describe mapper
// contract (mapper.ts). One ServiceType per Terraform type; the fetcher (serviceFetch.ts) groups,
// authenticates and bounds the calls, the type only reads and maps.
import type { Binding, CoverageDepth, LiveResult, TypeSchema } from '../../../model';

export type AwsService = 's3' | 'iam' | 'ssm' | 'cloudcontrol' | 'route53' | 'elbv2';

// The SDK outputs are typed per command; each type narrows what it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Output = Record<string, any>;

/** Sends one read-only call of the type's service, with the binding's credentials, region and cancellation. */
export type ServiceCall = (operation: string, input: Record<string, unknown>) => Promise<Output>;

export interface ServiceType {
  readonly type: string;
  readonly service: AwsService;
  readonly depth: Extract<CoverageDepth, 'deep' | 'existence+tags'>;
  /** What is read, for `driftlens types` (`s3:GetPublicAccessBlock`, `cloudcontrol:GetResource AWS::KMS::Key`). */
  readonly reads: string;
  /** Every IAM action a declared attribute may need. */
  readonly permissions: string[];
  readonly note?: string;
  /** How attributes compare (policy documents, sets, severity). */
  schema?(): TypeSchema;
  /**
   * Reads one resource. NotFound codes of the resource itself → not-found; a sub-configuration the provider's
   * read function treats as empty → its empty value; anything else thrown is classified by the fetcher.
   */
  read?(b: Binding, call: ServiceCall): Promise<LiveResult>;
  /**
   * Reads many at once (SSM GetParameters takes 10 names). A call that failed for some bindings only is
   * answered `{ failed: error }` for those, so the others keep their answers; the fetcher classifies it.
   */
  readMany?(bindings: Binding[], call: ServiceCall): Promise<Map<Binding, LiveResult | ReadFailure>>;
}

/** A binding whose read failed (the error is classified by the fetcher: access denied, throttled…). */
export interface ReadFailure {
  failed: unknown;
}

/** A service error thrown by `call`, naming the operation it came from (for "access denied: s3:GetBucketPolicy"). */
export class ServiceCallError extends Error {
  constructor(
    readonly service: AwsService,
    readonly operation: string,
    override readonly cause: unknown,
  ) {
    super(`${service}:${operation} failed`);
  }
}

/** The service's error code (`NoSuchBucket`, `NoSuchEntity`, `ParameterNotFound`). */
export function serviceErrorCode(e: unknown): string {
  const x = (e instanceof ServiceCallError ? e.cause : e) as { name?: string; Code?: string; code?: string } | undefined;
  return x?.Code ?? (x?.name && x.name !== 'Error' ? x.name : undefined) ?? x?.code ?? 'Error';
}

/** Runs `call`; an error whose code is in `codes` becomes `undefined` (the read function's empty value or not-found). */
export async function unless(codes: readonly string[], run: () => Promise<Output>): Promise<Output | undefined> {
  try {
    return await run();
  } catch (e) {
    if (codes.includes(serviceErrorCode(e))) return undefined;
    throw e;
  }
}

export const NOT_READ_HERE = 'existence and tags only';
