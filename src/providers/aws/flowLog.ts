// aws_flow_log: DescribeFlowLogs (its filter member is `Filter`). EC2 answers an unknown flow log ID with an
// empty set, never an error, so absent is not found here (FindFlowLogByID treats it so). As resourceLogFlowRead
// sets them: traffic_type, log_destination_type, log_destination, log_format, max_aggregation_interval,
// iam_role_arn (deliver_logs_permission_arn), and the resource it watches as vpc_id/subnet_id/eni_id.
import type { FlowLog } from '@aws-sdk/client-ec2';
import type { Value } from '../../model';
import type { AwsMapper } from './mapper';
import { tagsToMap } from './tags';
import { token } from './wireValues';

function watched(f: FlowLog): Record<string, Value> {
  const id = token(f.ResourceId) ?? '';
  return {
    vpc_id: id.startsWith('vpc-') ? id : null,
    subnet_id: id.startsWith('subnet-') ? id : null,
    eni_id: id.startsWith('eni-') ? id : null,
    transit_gateway_id: id.startsWith('tgw-') && !id.startsWith('tgw-attach-') ? id : null,
    transit_gateway_attachment_id: id.startsWith('tgw-attach-') ? id : null,
  };
}

export const flowLogMapper: AwsMapper<FlowLog> = {
  type: 'aws_flow_log',
  describe: {
    operation: 'DescribeFlowLogs',
    idsParam: 'FlowLogIds',
    items: (o) => o.FlowLogs ?? [],
    idOf: (f) => f.FlowLogId,
    notFoundCodes: ['InvalidFlowLogId.NotFound', 'InvalidFlowLogId.Malformed'],
    chunkSize: 200,
    absentIsNotFound: true,
  },
  normalization: { type: 'aws_flow_log', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {}, normalizers: { traffic_type: { normalize: (v) => (typeof v === 'string' ? v.toUpperCase() : v) } } },
  toAttributes: (f) => ({
    ...watched(f),
    traffic_type: token(f.TrafficType),
    log_destination_type: token(f.LogDestinationType),
    log_destination: token(f.LogDestination),
    log_format: token(f.LogFormat),
    max_aggregation_interval: f.MaxAggregationInterval ?? 600,
    iam_role_arn: token(f.DeliverLogsPermissionArn),
    tags: tagsToMap(f.Tags),
  }),
};
