// The workspace every EC2 fault cell scans: two regions (us-east-1 and, through `aws.eu`, eu-west-1),
// each with a VPC, a subnet, a security group and instances, all in sync with the fake account. A
// fault on one call type or one region must leave exactly those resources unverified.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ec2Seed } from '../../fakes/ec2';

export const ACCOUNT = '123456789012';

interface Res {
  type: string;
  name: string;
  region: 'us-east-1' | 'eu-west-1';
  ids: string[];
}

const hex = (prefix: string, n: number) => `${prefix}-0${n.toString(16).padStart(16, '0')}`;

const RESOURCES: Res[] = [
  { type: 'aws_vpc', name: 'main', region: 'us-east-1', ids: [hex('vpc', 1)] },
  { type: 'aws_subnet', name: 'a', region: 'us-east-1', ids: [hex('subnet', 1)] },
  { type: 'aws_security_group', name: 'web', region: 'us-east-1', ids: [hex('sg', 1)] },
  { type: 'aws_instance', name: 'web', region: 'us-east-1', ids: [hex('i', 1), hex('i', 2)] },
  { type: 'aws_vpc', name: 'eu', region: 'eu-west-1', ids: [hex('vpc', 2)] },
  { type: 'aws_subnet', name: 'eu', region: 'eu-west-1', ids: [hex('subnet', 2)] },
  { type: 'aws_instance', name: 'eu', region: 'eu-west-1', ids: [hex('i', 3)] },
];

/** Every instance address and where it lives. */
export const ADDRESSES: { address: string; type: string; region: string }[] = RESOURCES.flatMap((r) =>
  r.ids.map((_, i) => ({ address: r.ids.length > 1 ? `${r.type}.${r.name}[${i}]` : `${r.type}.${r.name}`, type: r.type, region: r.region })),
);

const TF = `provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags = { Name = "main" }
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "Web servers"
  vpc_id      = aws_vpc.main.id
}

resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.a.id
  tags = { Name = "web-\${count.index}" }
}

resource "aws_vpc" "eu" {
  provider   = aws.eu
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "eu" {
  provider          = aws.eu
  vpc_id            = aws_vpc.eu.id
  cidr_block        = "10.1.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_instance" "eu" {
  provider      = aws.eu
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  subnet_id     = aws_subnet.eu.id
}
`;

const ARN_KIND: Record<string, string> = { aws_vpc: 'vpc', aws_subnet: 'subnet', aws_security_group: 'security-group', aws_instance: 'instance' };

function state(): string {
  const resources = RESOURCES.map((r) => ({
    mode: 'managed',
    type: r.type,
    name: r.name,
    provider: r.region === 'eu-west-1' ? 'provider["registry.terraform.io/hashicorp/aws"].eu' : 'provider["registry.terraform.io/hashicorp/aws"]',
    ...(r.ids.length > 1 ? { each: 'list' } : {}),
    instances: r.ids.map((id, i) => ({
      ...(r.ids.length > 1 ? { index_key: i } : {}),
      schema_version: 1,
      attributes: { id, arn: `arn:aws:ec2:${r.region}:${ACCOUNT}:${ARN_KIND[r.type]}/${id}` },
      sensitive_attributes: [],
    })),
  }));
  return JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'faults', outputs: {}, resources }, null, 2);
}

/** The fake account that matches the code: everything in sync. */
export function seed(): Ec2Seed {
  const [vpc1, vpc2] = [hex('vpc', 1), hex('vpc', 2)];
  const [sub1, sub2] = [hex('subnet', 1), hex('subnet', 2)];
  return {
    vpcs: [
      { id: vpc1, region: 'us-east-1', cidrBlock: '10.0.0.0/16', tags: { Name: 'main' } },
      { id: vpc2, region: 'eu-west-1', cidrBlock: '10.1.0.0/16' },
    ],
    subnets: [
      { id: sub1, region: 'us-east-1', vpcId: vpc1, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' },
      { id: sub2, region: 'eu-west-1', vpcId: vpc2, cidrBlock: '10.1.1.0/24', availabilityZone: 'eu-west-1a' },
    ],
    securityGroups: [{ id: hex('sg', 1), region: 'us-east-1', name: 'web', description: 'Web servers', vpcId: vpc1 }],
    instances: [
      { id: hex('i', 1), region: 'us-east-1', ami: 'ami-0abcdef1234567890', instanceType: 't3.micro', subnetId: sub1, availabilityZone: 'us-east-1a', tags: { Name: 'web-0' } },
      { id: hex('i', 2), region: 'us-east-1', ami: 'ami-0abcdef1234567890', instanceType: 't3.micro', subnetId: sub1, availabilityZone: 'us-east-1a', tags: { Name: 'web-1' } },
      { id: hex('i', 3), region: 'eu-west-1', ami: 'ami-0abcdef1234567890', instanceType: 't3.small', subnetId: sub2, availabilityZone: 'eu-west-1a' },
    ],
  } as Ec2Seed;
}

/** Writes the workspace to a temp folder; `remove()` deletes it. */
export function writeWorkspace(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-faults-'));
  writeFileSync(join(dir, 'main.tf'), TF);
  writeFileSync(join(dir, 'terraform.tfstate'), state());
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
