// The azurerm/azapi types whose state ID is not a Resource Manager path DriftLens can GET, and why. A GET of
// such an ID (a pool address, a logic app action) answers 404 although the object exists, so the generic
// mapper reports them unverified with this reason instead of ever calling them missing. ID formats from
// azurerm 4.x (each resource's parse.*ID / Read function) and the azapi provider.

const MG_SCOPE = 'its ID is at management-group or tenant scope, which DriftLens reads only for the management-group types it knows';
const DATA_PLANE = 'a data-plane object (its ID is a service URL, not a Resource Manager path): DriftLens does not call data planes';
const COMPOSITE = 'its ID is a composite state ID (two resource IDs joined by "|") that DriftLens has no reader for';
const NOT_A_RESOURCE = 'its ID names a part of another resource that Resource Manager does not serve by GET';

const UNREADABLE: Record<string, string> = {
  azurerm_management_group_policy_exemption: MG_SCOPE,
  azurerm_management_group_policy_remediation: MG_SCOPE,
  azurerm_management_group_template_deployment: MG_SCOPE,
  azurerm_tenant_template_deployment: MG_SCOPE,
  // `/providers/Microsoft.Subscription/aliases/<name>`.
  azurerm_subscription: MG_SCOPE,
  azurerm_key_vault_certificate: DATA_PLANE,
  azurerm_key_vault_certificate_issuer: DATA_PLANE,
  azurerm_key_vault_certificate_contacts: DATA_PLANE,
  azurerm_key_vault_managed_storage_account: DATA_PLANE,
  azurerm_storage_blob: DATA_PLANE,
  azurerm_storage_share_file: DATA_PLANE,
  azurerm_storage_share_directory: DATA_PLANE,
  azurerm_storage_table_entity: DATA_PLANE,
  azurerm_storage_data_lake_gen2_path: DATA_PLANE,
  azurerm_storage_data_lake_gen2_filesystem: DATA_PLANE,
  azurerm_synapse_role_assignment: DATA_PLANE,
  azurerm_batch_job: DATA_PLANE,
  azapi_data_plane_resource: DATA_PLANE,
  azurerm_network_interface_application_gateway_backend_address_pool_association: COMPOSITE,
  azurerm_network_interface_nat_rule_association: COMPOSITE,
  azurerm_virtual_desktop_workspace_application_group_association: COMPOSITE,
  azurerm_nat_gateway_public_ip_association: COMPOSITE,
  azurerm_nat_gateway_public_ip_prefix_association: COMPOSITE,
  azurerm_lb_backend_address_pool_address: NOT_A_RESOURCE,
  azurerm_virtual_hub_route_table_route: NOT_A_RESOURCE,
  azurerm_logic_app_action_custom: NOT_A_RESOURCE,
  azurerm_logic_app_action_http: NOT_A_RESOURCE,
  azurerm_container_registry_token_password: NOT_A_RESOURCE,
  azurerm_iothub_shared_access_policy: NOT_A_RESOURCE,
  azurerm_iothub_dps_shared_access_policy: NOT_A_RESOURCE,
  azurerm_virtual_desktop_host_pool_registration_info: NOT_A_RESOURCE,
  azurerm_resource_provider_registration: NOT_A_RESOURCE,
  // A POST, not a resource.
  azapi_resource_action: 'an action (a POST), not a resource: nothing to compare',
};

/** Whether DriftLens reads a type's state ID through Resource Manager at all, and if not, why. */
export function azureReadability(type: string): { readable: boolean; why?: string } {
  const why = UNREADABLE[type];
  if (why) return { readable: false, why };
  return { readable: type.startsWith('azurerm_') || type === 'azapi_resource' || type === 'azapi_update_resource' };
}
