// The AWS resource types DriftLens verifies. Adding a type = one mapper file + this line.
import { ec2InstanceMapper } from './ec2Instance';
import type { AwsMapper, TypeNormalization } from './mapper';
import { securityGroupMapper } from './securityGroup';
import { subnetMapper } from './subnet';
import { vpcMapper } from './vpc';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAwsMapper = AwsMapper<any, any>;

export const AWS_MAPPERS: readonly AnyAwsMapper[] = [ec2InstanceMapper, securityGroupMapper, vpcMapper, subnetMapper];

export function awsMapperFor(type: string): AnyAwsMapper | undefined {
  return AWS_MAPPERS.find((m) => m.type === type);
}

/** The normalizations the comparison applies for `type`, or undefined for unsupported types. */
export function awsNormalization(type: string): TypeNormalization | undefined {
  return awsMapperFor(type)?.normalization;
}
