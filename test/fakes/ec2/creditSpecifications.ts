// DescribeInstanceCreditSpecifications as EC2 answers it (API reference, 2016-11-15): explicit
// InstanceIds (at most 1000, not with MaxResults), paged by NextToken, and an error for the whole
// call when one ID is not a burstable performance instance. The docs say only "an error is returned";
// the fake answers UnsupportedOperation, the code terraform-provider-aws names for this call.
import { listParam, page, type PageRule, type Params } from './query';
import type { SeedInstance } from './seed';
import { Ec2Error, type XmlValue } from './xml';
import { ID_RULES, lookup, type HandlerContext } from './handlers';

const PAGE: PageRule = {
  action: 'DescribeInstanceCreditSpecifications',
  idParam: 'InstanceId',
  maxResultsExcludesIds: true,
  combinationMessage: 'The parameter InstanceIds cannot be used with the parameter MaxResults',
};

const BURSTABLE = new Set(['t2', 't3', 't3a', 't4g']);

/** T-family instance types; the family is the part before the dot. */
export const burstable = (instanceType: string): boolean => BURSTABLE.has(instanceType.split('.')[0]);

/** EC2's default for a new instance: t2 standard, later T families unlimited. */
const credits = (i: SeedInstance): string => i.cpuCredits ?? (i.instanceType.startsWith('t2.') ? 'standard' : 'unlimited');

export function describeInstanceCreditSpecifications(params: Params, ctx: HandlerContext, instances: Map<string, SeedInstance>): Record<string, XmlValue> {
  const ids = listParam(params, 'InstanceId');
  if (ids.length > 1000) throw new Ec2Error('InvalidParameterValue', `The maximum number of instance IDs is 1000; ${ids.length} were given`);
  let items: SeedInstance[];
  if (ids.length) {
    items = lookup(ids, instances, ID_RULES.instance, ctx);
    const other = items.find((i) => !burstable(i.instanceType));
    if (other) throw new Ec2Error('UnsupportedOperation', `The instance '${other.id}' is not a burstable performance instance (${other.instanceType}).`);
  } else {
    // Without IDs EC2 lists the unlimited burstable instances only.
    items = [...instances.values()].filter((i) => burstable(i.instanceType) && credits(i) === 'unlimited');
  }
  const p = page(items.filter((i) => i.state !== 'terminated'), params, PAGE, ctx.pageSize);
  return { instanceCreditSpecificationSet: p.items.map((i) => ({ instanceId: i.id, cpuCredits: credits(i) })), nextToken: p.nextToken };
}
