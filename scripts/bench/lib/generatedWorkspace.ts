// Workspaces the benches share (scan.ts, scanWorker.ts, indexEditor.ts): the same N-resource workspace (VPCs, subnets,
// security groups, instances, all in sync, with state and the fake EC2's seed) and the same corpus of
// .tf files made from the test fixtures.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Ec2Seed } from '../../../test/fakes/ec2';
import { repoRoot } from './engine';

const TYPES = ['t3.micro', 't3.small', 'm5.large', 'c5.xlarge'];
const hex = (prefix: string, i: number) => `${prefix}-${i.toString(16).padStart(17, '0')}`;

/** The .tf text, the state and the fake account of a workspace with `count` resources, all in sync. */
export function generateScanWorkspace(count: number): { tf: string; state: string; seed: Ec2Seed } {
  const vpcs = Math.max(1, Math.floor(count / 100));
  const subnets = Math.max(1, Math.floor(count / 10));
  const groups = Math.max(1, Math.floor(count / 10));
  const instances = count - vpcs - subnets - groups;
  const tf: string[] = ['provider "aws" {\n  region = "us-east-1"\n}\n'];
  const resources: unknown[] = [];
  const seed: Required<Pick<Ec2Seed, 'vpcs' | 'subnets' | 'securityGroups' | 'instances'>> = { vpcs: [], subnets: [], securityGroups: [], instances: [] };
  const stateOf = (type: string, name: string, id: string) =>
    resources.push({ mode: 'managed', type, name, provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ schema_version: 0, attributes: { id }, sensitive_attributes: [] }] });
  for (let i = 0; i < vpcs; i++) {
    const id = hex('vpc', i + 1);
    tf.push(`resource "aws_vpc" "v${i}" {\n  cidr_block = "10.${i % 256}.0.0/16"\n  tags = {\n    Name = "vpc-${i}"\n  }\n}\n`);
    stateOf('aws_vpc', `v${i}`, id);
    seed.vpcs.push({ id, cidrBlock: `10.${i % 256}.0.0/16`, tags: { Name: `vpc-${i}` } });
  }
  for (let i = 0; i < subnets; i++) {
    const id = hex('subnet', i + 1);
    const v = i % vpcs;
    const cidr = `10.${v % 256}.${i % 256}.0/24`;
    tf.push(`resource "aws_subnet" "s${i}" {\n  vpc_id = aws_vpc.v${v}.id\n  cidr_block = "${cidr}"\n  availability_zone = "us-east-1a"\n}\n`);
    stateOf('aws_subnet', `s${i}`, id);
    seed.subnets.push({ id, vpcId: hex('vpc', v + 1), cidrBlock: cidr, availabilityZone: 'us-east-1a' });
  }
  for (let i = 0; i < groups; i++) {
    const id = hex('sg', i + 1);
    tf.push(`resource "aws_security_group" "g${i}" {\n  name = "g${i}"\n  description = "group ${i}"\n  ingress {\n    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n`);
    stateOf('aws_security_group', `g${i}`, id);
    seed.securityGroups.push({ id, name: `g${i}`, description: `group ${i}`, vpcId: hex('vpc', 1), ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['10.0.0.0/8'] }], egress: [] });
  }
  for (let i = 0; i < instances; i++) {
    const id = hex('i', i + 1);
    const type = TYPES[i % TYPES.length];
    const s = i % subnets;
    const g = i % groups;
    tf.push(`resource "aws_instance" "i${i}" {\n  ami = "ami-0abcdef1234567890"\n  instance_type = "${type}"\n  subnet_id = aws_subnet.s${s}.id\n  vpc_security_group_ids = [aws_security_group.g${g}.id]\n  tags = {\n    Name = "i-${i}"\n  }\n}\n`);
    stateOf('aws_instance', `i${i}`, id);
    seed.instances.push({ id, ami: 'ami-0abcdef1234567890', instanceType: type, subnetId: hex('subnet', s + 1), securityGroupIds: [hex('sg', g + 1)], tags: { Name: `i-${i}` } });
  }
  const state = JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'bench', outputs: {}, resources });
  return { tf: tf.join('\n'), state, seed };
}

/** `count` .tf files in folders of ten, made from the test fixtures with names made unique (the indexEditor corpus). */
export async function writeIndexCorpus(dir: string, count: number): Promise<void> {
  const fixtures: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else if (e.name.endsWith('.tf')) fixtures.push(await readFile(join(d, e.name), 'utf8'));
    }
  };
  await walk(join(repoRoot, 'test', 'fixtures', 'terraform'));
  for (let i = 0; i < count; i++) {
    const text = fixtures[(i * 7) % fixtures.length].replace(/^(resource|data|module|variable|output)(\s+"[^"]+")?\s+"([^"]+)"/gm, (_m, kw: string, type: string | undefined, n: string) => `${kw}${type ?? ''} "${n}_${i}"`);
    const file = join(dir, `stack${String(Math.floor(i / 10)).padStart(4, '0')}`, `file${i % 10}.tf`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}
