// EC2 tag lists → Terraform's `tags` map. `aws:` keys are reserved system tags (CloudFormation,
// Auto Scaling…) that no Terraform configuration can set, so they never count.
import type { Tag } from '@aws-sdk/client-ec2';

export const isSystemTag = (key: string): boolean => key.toLowerCase().startsWith('aws:');

export function tagsToMap(tags: Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined && !isSystemTag(t.Key)) out[t.Key] = t.Value ?? '';
  return out;
}

/** The `Name` tag, as the console shows it. */
export function nameTag(tags: Tag[] | undefined): string | undefined {
  const v = tags?.find((t) => t.Key === 'Name')?.Value;
  return v ? v : undefined;
}
