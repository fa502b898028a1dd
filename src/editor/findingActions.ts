// The text of the actions a missing or unmanaged finding offers: the terraform command to copy, the
// cloud console address to open. Pure (no vscode), so plain-Node tests pin the exact strings.
import { relativePath } from './labels';

/** A POSIX-shell word: single-quoted unless it is plain (addresses with `["key"]` need quoting). */
export function shellWord(s: string): string {
  return /^[\w./:=@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `-chdir=envs/dev ` when the root is not the folder a terminal opens in. */
function chdir(root: string, folder: string): string {
  const rel = relativePath(root, folder);
  return rel === '' ? '' : `-chdir=${shellWord(rel)} `;
}

/** Recreate a missing resource: `terraform -chdir=envs/dev apply -target='module.app.aws_instance.this'`. */
export function applyTargetCommand(address: string, root: string, folder: string): string {
  return `terraform ${chdir(root, folder)}apply -target=${shellWord(address)}`;
}

/** Forget a resource deleted on purpose: `terraform -chdir=envs/dev state rm 'module.app.aws_instance.this'`. */
export function stateRmCommand(address: string, root: string, folder: string): string {
  return `terraform ${chdir(root, folder)}state rm ${shellWord(address)}`;
}

/**
 * The console page of one live resource, or undefined when we know none. AWS pages per EC2/VPC type
 * (region-scoped consoles); Azure resource IDs open in the portal whatever their type.
 */
export function consoleUrl(type: string, liveId: string, region?: string): string | undefined {
  if (liveId.startsWith('/subscriptions/')) return `https://portal.azure.com/#@/resource${liveId}`;
  if (!region) return undefined;
  const r = encodeURIComponent(region);
  const id = encodeURIComponent(liveId);
  const ec2 = (fragment: string) => `https://${r}.console.aws.amazon.com/ec2/home?region=${r}#${fragment}`;
  const vpc = (fragment: string) => `https://${r}.console.aws.amazon.com/vpcconsole/home?region=${r}#${fragment}`;
  switch (type) {
    case 'aws_instance': return ec2(`InstanceDetails:instanceId=${id}`);
    case 'aws_security_group': return ec2(`SecurityGroup:groupId=${id}`);
    case 'aws_ebs_volume': return ec2(`VolumeDetails:volumeId=${id}`);
    case 'aws_vpc': return vpc(`VpcDetails:VpcId=${id}`);
    case 'aws_subnet': return vpc(`SubnetDetails:subnetId=${id}`);
    case 'aws_internet_gateway': return vpc(`InternetGateway:internetGatewayId=${id}`);
    case 'aws_route_table': return vpc(`RouteTableDetails:RouteTableId=${id}`);
    default: return undefined;
  }
}
