// Resources on a Log Analytics workspace: azurerm_log_analytics_solution ↔ Microsoft.OperationsManagement/solutions,
// named `<solution>(<workspace>)` (SolutionResource Read, loganalytics/log_analytics_solution_resource.go: the name
// split at "(", the plan block from pointer.From fields) and azurerm_log_analytics_linked_service ↔
// Microsoft.OperationalInsights/workspaces/linkedServices (resourceLogAnalyticsLinkedServiceRead: workspace_id from
// the ID, read/write access IDs "" when absent; it sets no tags). azurerm 4.x.
import type { Value } from '../../../model';
import { resourceId } from '../armId';
import type { AzureMapper } from './types';
import { armIdPolicy, str, trackedAttributes, trackedShape } from './common';
import { parentId } from './parentIds';

const planPolicy = { block: 'list' as const, attributes: { publisher: { caseInsensitive: true }, product: { caseInsensitive: true }, promotion_code: {} } };

export const logAnalyticsSolution: AzureMapper = {
  type: 'azurerm_log_analytics_solution',
  armType: 'Microsoft.OperationsManagement/solutions',
  attributes: {
    ...trackedAttributes,
    solution_name: { caseInsensitive: true },
    workspace_name: { caseInsensitive: true },
    workspace_resource_id: armIdPolicy,
    plan: planPolicy,
  },
  map(arm) {
    const p = arm.properties ?? {};
    const [solution, workspace] = String(arm.name ?? '').split('(');
    const plan = arm.plan as Record<string, unknown> | undefined;
    const { name: _name, ...tracked } = trackedShape(arm);
    return {
      ...tracked,
      solution_name: solution ?? '',
      workspace_name: (workspace ?? '').replace(/\)$/, ''),
      workspace_resource_id: str(p.workspaceResourceId) ?? '',
      plan: plan ? [{ publisher: str(plan.publisher) ?? '', product: str(plan.product) ?? '', promotion_code: str(plan.promotionCode) ?? '' }] : ([] as Value[]),
    };
  },
  deriveId(attrs, subscriptionId) {
    const { resource_group_name: rg, solution_name: solution, workspace_name: workspace } = attrs;
    if (typeof rg !== 'string' || !rg || typeof solution !== 'string' || !solution || typeof workspace !== 'string' || !workspace) return undefined;
    return resourceId(subscriptionId, rg, 'Microsoft.OperationsManagement/solutions', [`${solution}(${workspace})`]);
  },
};

export const logAnalyticsLinkedService: AzureMapper = {
  type: 'azurerm_log_analytics_linked_service',
  armType: 'Microsoft.OperationalInsights/workspaces/linkedServices',
  attributes: { resource_group_name: { caseInsensitive: true }, workspace_id: armIdPolicy, read_access_id: armIdPolicy, write_access_id: armIdPolicy },
  map(arm) {
    const p = arm.properties ?? {};
    return {
      resource_group_name: trackedShape(arm).resource_group_name ?? null,
      workspace_id: parentId(arm.id),
      read_access_id: str(p.resourceId) ?? '',
      write_access_id: str(p.writeAccessResourceId) ?? '',
    };
  },
  // The linked service is named after what it links: "Automation" for read_access_id, "Cluster" for write_access_id.
  deriveId(attrs) {
    const ws = attrs.workspace_id;
    if (typeof ws !== 'string' || !ws) return undefined;
    const name = typeof attrs.read_access_id === 'string' && attrs.read_access_id ? 'Automation' : typeof attrs.write_access_id === 'string' && attrs.write_access_id ? 'Cluster' : undefined;
    return name ? `${ws.replace(/\/+$/, '')}/linkedServices/${name}` : undefined;
  },
};

