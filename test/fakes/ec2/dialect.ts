// How an independent emulator differs from EC2 on the wire, so the provider is tested against
// those shapes too. `moto` (also LocalStack's EC2, which is moto underneath) follows
// getmoto/moto `moto/ec2/responses/instances.py`, `security_groups.py` and the backends' NotFound
// errors: pretty-printed XML whose whitespace the SDK keeps inside `<state> enabled </state>`,
// no `<tagSet>` on an untagged instance, no `metadataOptions`, protocols and ports echoed as
// sent, and NotFound messages that name IDs loosely.

export type DialectName = 'aws' | 'moto';

export type IdKind = 'instance' | 'group' | 'vpc' | 'subnet' | 'volume';

export interface Dialect {
  name: DialectName;
  /** Indented XML with newlines between elements. */
  pretty: boolean;
  /** Pads `monitoring.state` with spaces, as moto's template does. */
  paddedMonitoring: boolean;
  /** Leaves out an instance's `tagSet` when it has no tags. */
  omitEmptyInstanceTags: boolean;
  /** Leaves out `metadataOptions` (moto before IMDS support). */
  omitMetadataOptions: boolean;
  /** Echoes the protocol as sent (`6`, `-1` with ports) instead of EC2's names and portless `-1`. */
  rawRules: boolean;
  /** The NotFound message for `missing` of `requested`, or undefined for EC2's own wording. */
  notFound?(kind: IdKind, requested: string[], missing: string[]): { code?: string; message: string };
}

const pySet = (ids: string[]) => `{${ids.map((i) => `'${i}'`).join(', ')}}`;

export const DIALECTS: Record<DialectName, Dialect> = {
  aws: { name: 'aws', pretty: false, paddedMonitoring: false, omitEmptyInstanceTags: false, omitMetadataOptions: false, rawRules: false },
  moto: {
    name: 'moto',
    pretty: true,
    paddedMonitoring: true,
    omitEmptyInstanceTags: true,
    omitMetadataOptions: true,
    rawRules: true,
    notFound(kind, requested, missing) {
      switch (kind) {
        // get_reservations_by_instance_ids: one of the missing IDs.
        case 'instance':
          return { message: `The instance ID '${missing[0]}' does not exist` };
        // describe_security_groups: `set(group_ids) - set(matches)` compares IDs with objects, so every requested ID.
        case 'group':
          return { code: 'InvalidGroup.NotFound', message: `The security group '${pySet(requested)}' does not exist` };
        case 'vpc':
          return { message: `VpcID ${pySet(requested)} does not exist.` };
        // describe_subnets: `list(unknown_ids)[0]` of the same broken difference: any requested ID, existing or not.
        case 'subnet':
          return { message: `The subnet ID '${requested[0]}' does not exist` };
        case 'volume':
          return { message: `The volume '${pySet(requested)}' does not exist.` };
      }
    },
  },
};
