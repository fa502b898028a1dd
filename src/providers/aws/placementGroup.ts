// aws_placement_group: Terraform's ID is the name, so DescribePlacementGroups by GroupNames (it never pages).
// As resourcePlacementGroupRead sets them: strategy, partition_count (0 unless partition), spread_level.
import type { PlacementGroup } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

export const placementGroupMapper: AwsMapper<PlacementGroup> = {
  type: 'aws_placement_group',
  describe: {
    operation: 'DescribePlacementGroups',
    idsParam: 'GroupNames',
    items: (o) => o.PlacementGroups ?? [],
    idOf: (g) => g.GroupName,
    notFoundCodes: ['InvalidPlacementGroup.Unknown'],
    chunkSize: 100,
  },
  normalization: { type: 'aws_placement_group', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  gone: (g) => (['deleted', 'deleting'].includes(enumValue(g.State) ?? '') ? `placement group is ${enumValue(g.State)}` : undefined),
  toAttributes: (g) => ({
    name: token(g.GroupName),
    placement_group_id: token(g.GroupId),
    strategy: enumValue(g.Strategy),
    partition_count: g.PartitionCount ?? 0,
    spread_level: enumValue(g.SpreadLevel),
    tags: tagsToMap(g.Tags),
  }),
};
