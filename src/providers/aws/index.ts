// Public surface of the AWS provider for the engine and the compare layer.
export { createAwsProvider, type AwsProviderOptions } from './awsProvider';
export { AWS_MAPPERS, awsMapperFor, awsNormalization } from './mappers';
export type { AwsMapper, TypeNormalization } from './mapper';
export { compareRuleSets, expandRule, expandRules, isOpenToWorld, normalizePorts, normalizeProtocol, permissionsToRules, ruleKey, type RuleContext, type RuleSetDiff, type RuleTuple } from './securityGroupRules';
export { isSystemTag, tagsToMap } from './tags';
export { awsTypeSchema } from './schema';
export { awsCoverage } from './coverage';
