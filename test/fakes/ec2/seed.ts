// The seed format of the fake EC2 account: plain JSON-like data a test or a workspace
// fixture can write down. Names follow the Terraform/console vocabulary, not the wire.

import type { NetworkSeed } from './networkSeed';

export type SeedTags = Record<string, string>;

export interface SeedVpc {
  id: string;
  /** The region it lives in; absent: every region answers for it (single-region tests). */
  region?: string;
  cidrBlock: string;
  instanceTenancy?: 'default' | 'dedicated' | 'host';
  enableDnsSupport?: boolean;
  enableDnsHostnames?: boolean;
  isDefault?: boolean;
  /** An Amazon-provided IPv6 block (assign_generated_ipv6_cidr_block). */
  ipv6CidrBlock?: string;
  enableNetworkAddressUsageMetrics?: boolean;
  tags?: SeedTags;
}

export interface SeedSubnet {
  id: string;
  /** The region it lives in; absent: every region answers for it (single-region tests). */
  region?: string;
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
  mapPublicIpOnLaunch?: boolean;
  enableDns64?: boolean;
  hostnameTypeOnLaunch?: 'ip-name' | 'resource-name';
  /** One of a default VPC's per-zone subnets (they come with the account). */
  defaultForAz?: boolean;
  tags?: SeedTags;
}

/** One rule as a console user would add it; the fake merges rules with equal (protocol, ports) like EC2 does. */
export interface SeedRule {
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `-1`, or a protocol number. */
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidrBlocks?: string[];
  ipv6CidrBlocks?: string[];
  prefixListIds?: string[];
  /** Security group IDs (the group's own ID for a self rule). */
  securityGroups?: string[];
  description?: string;
}

export interface SeedSecurityGroup {
  id: string;
  /** The region it lives in; absent: every region answers for it (single-region tests). */
  region?: string;
  name: string;
  description: string;
  vpcId?: string;
  ingress?: SeedRule[];
  egress?: SeedRule[];
  tags?: SeedTags;
}

export interface SeedVolume {
  id: string;
  /** The region it lives in; absent: every region answers for it (single-region tests). */
  region?: string;
  size: number;
  type?: string;
  encrypted?: boolean;
  availabilityZone?: string;
  iops?: number;
  /** The snapshot it was created from ('' when none). */
  snapshotId?: string;
  /** MiB/s; EC2 reports it for gp3 only (default 125). */
  throughput?: number;
  /** The KMS key ARN of an encrypted volume. */
  kmsKeyId?: string;
  tags?: SeedTags;
}

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export interface SeedInstance {
  id: string;
  /** The region it lives in; absent: every region answers for it (single-region tests). */
  region?: string;
  ami: string;
  instanceType: string;
  subnetId?: string;
  securityGroupIds?: string[];
  keyName?: string;
  /** Defaults to the subnet's zone. */
  availabilityZone?: string;
  privateIp?: string;
  /** A public IP on the primary network interface (associate_public_ip_address = true). */
  publicIp?: string;
  state?: InstanceStateName;
  monitoring?: boolean;
  ebsOptimized?: boolean;
  sourceDestCheck?: boolean;
  disableApiTermination?: boolean;
  disableApiStop?: boolean;
  shutdownBehavior?: 'stop' | 'terminate';
  /** Instance profile name (the fake builds the ARN). */
  iamInstanceProfile?: string;
  tags?: SeedTags;
  /** The root EBS volume; the fake adds it to the volumes and the block device mapping. */
  rootVolume?: { id?: string; size: number; type?: string; encrypted?: boolean; deviceName?: string; kmsKeyId?: string; iops?: number; throughput?: number; deleteOnTermination?: boolean; tags?: SeedTags };
  /** Other EBS volumes mapped at launch (ebs_block_device); the fake adds them to the volumes. */
  ebsVolumes?: (Omit<SeedVolume, 'id'> & { id?: string; deviceName: string; deleteOnTermination?: boolean })[];
  httpTokens?: 'optional' | 'required';
  /** CPU credit option of a burstable (T) instance; EC2's default: t2 standard, t3/t3a/t4g unlimited. */
  cpuCredits?: 'standard' | 'unlimited';
  /** The other instance metadata options (EC2 defaults: endpoint enabled, hop limit 2, IPv6 and tags disabled). */
  metadata?: { httpEndpoint?: 'enabled' | 'disabled'; httpPutResponseHopLimit?: number; httpProtocolIpv6?: 'enabled' | 'disabled'; instanceMetadataTags?: 'enabled' | 'disabled' };
  autoRecovery?: 'default' | 'disabled';
  hostnameType?: 'ip-name' | 'resource-name';
  enclave?: boolean;
  cpu?: { coreCount: number; threadsPerCore: number };
  capacityReservationPreference?: 'open' | 'none' | 'capacity-reservations-only';
  /** Launched into this capacity reservation (the API then names the target instead of a preference). */
  capacityReservationId?: string;
  /** Instances launched together share a reservation; default: one each. */
  reservationId?: string;
  /** The instance's rootDeviceName when it differs from the mapping's device name (`/dev/sda1` vs `sda1`). */
  rootDeviceName?: string;
  rootDeviceType?: 'ebs' | 'instance-store';
  /** Elements an emulator leaves out of this instance's description. */
  omit?: ('monitoring' | 'sourceDestCheck' | 'placement')[];
}

/** Route tables, ACLs, gateways, addresses and key pairs: network.ts. */
export interface Ec2Seed extends NetworkSeed {
  /** Account ID, default `123456789012`. */
  ownerId?: string;
  vpcs?: SeedVpc[];
  subnets?: SeedSubnet[];
  securityGroups?: SeedSecurityGroup[];
  instances?: SeedInstance[];
  volumes?: SeedVolume[];
}
