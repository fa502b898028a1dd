// Resources an AWS service created and owns inside a managed VPC: not "unmanaged" by default, and
// with --include-service-managed listed with the owner and the tag (or name) that proves it. The
// raw tag list is read here: the `aws:` keys the comparison drops are exactly the proof.
import type { SecurityGroup, Subnet, Tag } from '@aws-sdk/client-ec2';
import { token } from './wireValues';

const tagOf = (tags: Tag[] | undefined, key: string): string | undefined => tags?.find((t) => t.Key?.trim().toLowerCase() === key.toLowerCase())?.Value?.trim();

/** The first tag whose key starts with `prefix` and whose value is `value` (any value when omitted). */
const tagWithPrefix = (tags: Tag[] | undefined, prefix: string, value?: string): Tag | undefined =>
  tags?.find((t) => !!t.Key?.startsWith(prefix) && (value === undefined || t.Value?.trim() === value));

// Tags a service sets on what it launches; each names the owner.
const OWNER_TAGS: { key: string; owner: string }[] = [
  { key: 'aws:autoscaling:groupName', owner: 'Auto Scaling group' },
  { key: 'aws:cloudformation:stack-name', owner: 'CloudFormation stack' },
  { key: 'aws:cloudformation:stack-id', owner: 'CloudFormation stack' },
  { key: 'aws:ec2:fleet-id', owner: 'EC2 Fleet' },
  { key: 'aws:ec2spot:fleet-request-id', owner: 'Spot Fleet' },
  { key: 'aws:eks:cluster-name', owner: 'EKS cluster' },
  { key: 'eks:nodegroup-name', owner: 'EKS managed node group' },
  { key: 'karpenter.sh/nodepool', owner: 'Karpenter node pool' },
  { key: 'karpenter.sh/provisioner-name', owner: 'Karpenter provisioner' },
  { key: 'elbv2.k8s.aws/cluster', owner: 'AWS Load Balancer Controller of cluster' },
];

/** `EKS cluster prod (tag aws:eks:cluster-name=prod)`, or undefined when no owner tag is present. */
export function ownerFromTags(tags: Tag[] | undefined): string | undefined {
  for (const { key, owner } of OWNER_TAGS) {
    const v = tagOf(tags, key);
    if (v) return `${owner} ${v} (tag ${key}=${v})`;
  }
  // Kubernetes' cloud provider marks what it creates for a cluster: kubernetes.io/cluster/<name> = owned.
  const k8s = tagWithPrefix(tags, 'kubernetes.io/cluster/', 'owned');
  if (k8s?.Key) return `Kubernetes cluster ${k8s.Key.slice('kubernetes.io/cluster/'.length)} (tag ${k8s.Key}=owned)`;
  return undefined;
}

/** Instances: launched by a group, stack, fleet or cluster autoscaler that owns them. */
export const instanceOwner = (tags: Tag[] | undefined): string | undefined => ownerFromTags(tags);

// The description EKS gives the cluster security group it creates (eks-cluster-sg-<cluster>-<id>).
const EKS_CLUSTER_SG = /^EKS created security group applied to ENI/i;
// Classic Load Balancers create default_elb_<id> when none is given.
const ELB_DEFAULT_SG = /^default_elb_/;

/** Security groups: the VPC's default group, EKS's cluster group, load balancer groups. */
export function securityGroupOwner(g: SecurityGroup): string | undefined {
  const name = token(g.GroupName) ?? '';
  // Every VPC has one; Terraform never creates it (aws_default_security_group only adopts it).
  if (name === 'default') return 'EC2: the VPC\'s default security group (group name "default")';
  const tagged = ownerFromTags(g.Tags);
  if (tagged) return tagged;
  if (EKS_CLUSTER_SG.test(g.Description ?? '')) return `EKS cluster security group (description "${g.Description?.trim()}")`;
  if (name === 'amazon-elb-sg' || ELB_DEFAULT_SG.test(name)) return `Elastic Load Balancing (group name "${name}")`;
  if (name.startsWith('k8s-elb-')) return `Kubernetes service load balancer (group name "${name}")`;
  return undefined;
}

/** Subnets: a default VPC's per-zone subnets come with the account (Terraform only adopts them: aws_default_subnet). */
export function subnetOwner(s: Subnet): string | undefined {
  if (s.DefaultForAz === true) return 'EC2: a default subnet of the default VPC (default-for-az)';
  return ownerFromTags(s.Tags);
}
