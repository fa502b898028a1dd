// Public surface of the Azure provider for the engine, the front-ends and the compare layer.
export { createAzureProvider, type AzureProvider, type AzureProviderOptions } from './provider';
export { cloudByName, customCloud, type AzureCloud, type AzureCloudName } from './clouds';
export { armIdKey, parseArmId, sameArmId, type ArmId } from './armId';
export { azureMappers, azurermTypeOf, mapperFor } from './mappers/registry';
export type { ArmResource, AttributePolicy, AzureMapper, SeverityRule } from './mappers/types';
export { policyAt, policySeverity } from './severity';
export { armRuleOpen, armSeverity } from './armSeverity';
export { managedResourceGroups, type UnmanagedListing } from './unmanaged';
export type { ArmCallCounts } from './client';
export { azureCoverage } from './coverage';
