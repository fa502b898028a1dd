// azurerm_monitor_data_collection_rule_association ↔ Microsoft.Insights/dataCollectionRuleAssociations, an
// extension resource on the monitored resource (`<target>/providers/Microsoft.Insights/dataCollectionRuleAssociations/<name>`).
// Read as DataCollectionRuleAssociationResource.Read (azurerm 4.x monitor/, insights 2023-03-11): nil strings "".
import type { AzureMapper } from './types';
import { armIdPolicy, str } from './common';

const SEGMENT = '/providers/microsoft.insights/datacollectionruleassociations/';

export const dataCollectionRuleAssociation: AzureMapper = {
  type: 'azurerm_monitor_data_collection_rule_association',
  armType: 'Microsoft.Insights/dataCollectionRuleAssociations',
  attributes: { name: { caseInsensitive: true }, target_resource_id: armIdPolicy, data_collection_rule_id: armIdPolicy, data_collection_endpoint_id: armIdPolicy, description: {} },
  map(arm) {
    const p = arm.properties ?? {};
    const i = arm.id.toLowerCase().lastIndexOf(SEGMENT);
    return {
      name: arm.name,
      target_resource_id: i > 0 ? arm.id.slice(0, i) : '',
      data_collection_rule_id: str(p.dataCollectionRuleId) ?? '',
      data_collection_endpoint_id: str(p.dataCollectionEndpointId) ?? '',
      description: str(p.description) ?? '',
    };
  },
  deriveId(attrs) {
    const { target_resource_id: target, name } = attrs;
    return typeof target === 'string' && target && typeof name === 'string' && name ? `${target.replace(/\/+$/, '')}/providers/Microsoft.Insights/dataCollectionRuleAssociations/${name}` : undefined;
  },
};
