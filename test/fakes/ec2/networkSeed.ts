// The seed format of the fake's VPC family (network.ts): plain JSON-like data, Terraform/console names.
import type { SeedLaunchTemplate } from './launchTemplates';
import type { SeedTags } from './seed';
import type { WireSeed } from './wireResources';

export interface SeedRoute {
  destinationCidrBlock?: string;
  destinationIpv6CidrBlock?: string;
  destinationPrefixListId?: string;
  gatewayId?: string;
  natGatewayId?: string;
  networkInterfaceId?: string;
  transitGatewayId?: string;
  vpcPeeringConnectionId?: string;
  egressOnlyInternetGatewayId?: string;
  /** `CreateRoute` (default) or `EnableVgwRoutePropagation`. */
  origin?: string;
}

export interface SeedRouteTable {
  id: string;
  vpcId: string;
  /** The VPC's main route table (associated implicitly). */
  main?: boolean;
  routes?: SeedRoute[];
  associations?: { id: string; subnetId?: string; gatewayId?: string }[];
  propagatingVgws?: string[];
  tags?: SeedTags;
}

export interface SeedNaclEntry {
  ruleNumber: number;
  egress?: boolean;
  /** A protocol number as EC2 stores it (`6`, `-1`). */
  protocol: string;
  action: 'allow' | 'deny';
  cidrBlock?: string;
  ipv6CidrBlock?: string;
  fromPort?: number;
  toPort?: number;
}

export interface SeedNetworkAcl {
  id: string;
  vpcId: string;
  isDefault?: boolean;
  entries?: SeedNaclEntry[];
  subnetIds?: string[];
  tags?: SeedTags;
}

export interface SeedInternetGateway {
  id: string;
  vpcId?: string;
  tags?: SeedTags;
}

export interface SeedNatGateway {
  id: string;
  vpcId: string;
  subnetId: string;
  allocationId?: string;
  publicIp?: string;
  privateIp: string;
  networkInterfaceId: string;
  connectivityType?: 'public' | 'private';
  state?: 'pending' | 'available' | 'deleting' | 'deleted' | 'failed';
  tags?: SeedTags;
}

export interface SeedAddress {
  allocationId: string;
  publicIp: string;
  instanceId?: string;
  networkInterfaceId?: string;
  privateIp?: string;
  associationId?: string;
  /** An address a service allocated and manages (`alb`, `nlb`, `rnat`, `rds`). */
  serviceManaged?: string;
  tags?: SeedTags;
}

export interface SeedKeyPair {
  id: string;
  name: string;
  type?: 'rsa' | 'ed25519';
  fingerprint: string;
  /** OpenSSH public key (`ssh-ed25519 AAAA…`), answered with IncludePublicKey=true, the key name as its comment, as EC2 does. */
  publicKey?: string;
  tags?: SeedTags;
}

export interface NetworkSeed {
  routeTables?: SeedRouteTable[];
  networkAcls?: SeedNetworkAcl[];
  internetGateways?: SeedInternetGateway[];
  egressOnlyInternetGateways?: SeedInternetGateway[];
  natGateways?: SeedNatGateway[];
  addresses?: SeedAddress[];
  keyPairs?: SeedKeyPair[];
  launchTemplates?: SeedLaunchTemplate[];
  /** Network interfaces, endpoints, peerings, DHCP options, flow logs, placement groups, transit and VPN gateways, in wire shape. */
  wire?: WireSeed;
}
