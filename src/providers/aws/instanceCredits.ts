// aws_instance credit_specification, as resourceInstanceRead (terraform-provider-aws,
// internal/service/ec2/ec2_instance.go) reads it: DescribeInstanceCreditSpecifications only for a
// burstable performance type, stored as [{ cpu_credits }] (flattenInstanceCreditSpecification).
// For any other type the read sets nothing, so the declared block is never compared there.
import type { InstanceCreditSpecification } from '@aws-sdk/client-ec2';
import type { DescribeSpec } from './describe';
import { enumValue, token } from './wireValues';

export const CREDIT_SPECIFICATION = 'credit_specification';

/** One call answers up to 1000 explicit IDs (API reference); the whole call fails if one is not burstable. */
export const creditSpecifications: DescribeSpec<InstanceCreditSpecification> = {
  operation: 'DescribeInstanceCreditSpecifications',
  idsParam: 'InstanceIds',
  items: (o) => o.InstanceCreditSpecifications ?? [],
  idOf: (c) => token(c.InstanceId) ?? undefined,
  notFoundCodes: ['InvalidInstanceID.NotFound', 'InvalidInstanceID.Malformed'],
  chunkSize: 1000,
};

// The provider asks DescribeInstanceTypes for BurstablePerformanceSupported; the burstable families are the T ones.
const BURSTABLE = new Set(['t2', 't3', 't3a', 't4g']);

/** Undefined when the type is burstable; otherwise why credit_specification is not read. */
export function notBurstable(instanceType: string | null): string | undefined {
  if (!instanceType) return 'the instance type is not known, so whether it is burstable (and credit_specification read) is not known';
  if (BURSTABLE.has(instanceType.split('.')[0])) return undefined;
  return `not a burstable instance type (${instanceType}): terraform-provider-aws does not read credit_specification for it`;
}

/** flattenInstanceCreditSpecification: cpu_credits as the API sends it. */
export const creditSpecification = (c: InstanceCreditSpecification) => [{ cpu_credits: enumValue(c.CpuCredits) }];
