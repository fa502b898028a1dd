// The "default" resources Terraform adopts rather than creates (aws_default_security_group, _route_table,
// _network_acl, _vpc): the provider reads them into the same attribute shapes as their plain counterparts
// (the same flatten functions: flattenRoutes, flattenNetworkACLEntries, the group's rule flattening), so they
// reuse those mappers under their own type. Never listed as unmanaged: every VPC has them.
import type { AwsMapper } from './mapper';

export function adopted<I, E>(base: AwsMapper<I, E>, type: string): AwsMapper<I, E> {
  const { listInVpcs: _notListed, ...rest } = base;
  return { ...rest, type, normalization: { ...base.normalization, type } };
}
