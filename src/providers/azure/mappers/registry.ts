// The mapper of each azurerm type. Adding a type means adding one file and one line here.
import type { AzureMapper } from './types';
import { nicAsgAssociation, nicNsgAssociation, subnetNatGatewayAssociation, subnetNsgAssociation, subnetRouteTableAssociation } from './associations';
import { managementLock, roleAssignment } from './authorization';
import { diagnosticSetting } from './diagnosticSetting';
import { genericMapper } from './generic';
import { issue13Mappers } from './issue13Mappers';
import { moduleCoverageMappers } from './moduleCoverageMappers';
import { azapiMappers } from '../azapi/azapiMappers';
import { keyVault } from './keyVault';
import { kubernetesCluster } from './kubernetesCluster';
import { linuxWebApp } from './linuxWebApp';
import { networkInterface } from './networkInterface';
import { networkSecurityGroup } from './networkSecurityGroup';
import { networkSecurityRule } from './networkSecurityRule';
import { publicIp } from './publicIp';
import { resourceGroup } from './resourceGroup';
import { servicePlan } from './servicePlan';
import { storageAccount } from './storageAccount';
import { storageNetworkRules } from './storageNetworkRules';
import { subnet } from './subnet';
import { linuxVirtualMachine, windowsVirtualMachine } from './virtualMachine';
import { virtualNetwork } from './virtualNetwork';

export const azureMappers: readonly AzureMapper[] = [
  resourceGroup,
  virtualNetwork,
  subnet,
  networkSecurityGroup,
  networkSecurityRule,
  publicIp,
  networkInterface,
  storageAccount,
  linuxVirtualMachine,
  windowsVirtualMachine,
  keyVault,
  servicePlan,
  linuxWebApp,
  kubernetesCluster,
  diagnosticSetting,
  roleAssignment,
  managementLock,
  subnetNsgAssociation,
  subnetRouteTableAssociation,
  subnetNatGatewayAssociation,
  nicNsgAssociation,
  nicAsgAssociation,
  storageNetworkRules,
  ...issue13Mappers,
  ...moduleCoverageMappers,
];

/** The in-depth mapper of an azurerm type, or the generic one (location, tags) for any other azurerm_* type. */
export function mapperFor(type: string): AzureMapper | undefined {
  const specific = azureMappers.find((m) => m.type === type) ?? azapiMappers.find((m) => m.type === type);
  if (specific) return specific;
  return type.startsWith('azurerm_') ? genericMapper(type) : undefined;
}

/** The azurerm type of a live ARM type, for unmanaged resources (first mapper wins: Linux VM for VMs; never an association). */
export function azurermTypeOf(armType: string): string | undefined {
  const t = armType.toLowerCase();
  return azureMappers.find((m) => m.armType.toLowerCase() === t && !m.absentReason)?.type;
}
