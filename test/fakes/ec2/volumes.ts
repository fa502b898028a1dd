// EBS volumes as instances map them: the root volume and the other EBS volumes a seed instance
// names, their attachments (device, delete-on-termination) and the IOPS EC2 reports per type.
import type { SeedInstance } from './seed';
import type { XmlValue } from './xml';

export interface Attachment {
  instance: SeedInstance;
  device: string;
  deleteOnTermination: boolean;
}

/** Every EBS volume an instance maps, root first. */
export function instanceVolumes(i: SeedInstance): { id: string; device: string; deleteOnTermination: boolean }[] {
  const root = i.rootVolume?.id ? [{ id: i.rootVolume.id, device: i.rootVolume.deviceName ?? '/dev/xvda', deleteOnTermination: i.rootVolume.deleteOnTermination ?? true }] : [];
  // Volumes attached at launch from an ebs_block_device default to delete-on-termination, as the provider's schema does.
  const others = (i.ebsVolumes ?? []).map((v) => ({ id: v.id!, device: v.deviceName, deleteOnTermination: v.deleteOnTermination ?? true }));
  return [...root, ...others];
}

/** The instance's blockDeviceMapping element. */
export const blockDeviceMapping = (i: SeedInstance, attachTime: string): XmlValue[] =>
  instanceVolumes(i).map((v) => ({ deviceName: v.device, ebs: { volumeId: v.id, status: 'attached', attachTime, deleteOnTermination: v.deleteOnTermination } }));

/** Volume ID → where it is attached (terminated instances have let go of theirs). */
export function attachments(instances: Iterable<SeedInstance>): Map<string, Attachment> {
  const out = new Map<string, Attachment>();
  for (const instance of instances) {
    if (instance.state === 'terminated') continue;
    for (const v of instanceVolumes(instance)) out.set(v.id, { instance, device: v.device, deleteOnTermination: v.deleteOnTermination });
  }
  return out;
}

/** EC2 reports iops for SSD and io volumes (gp2: its baseline, 3 per GiB, at least 100), none for magnetic ones. */
export function volumeIops(type: string, size: number): number | undefined {
  if (type === 'gp3') return 3000;
  if (type === 'gp2') return Math.min(16000, Math.max(100, size * 3));
  return type === 'io1' || type === 'io2' ? 3000 : undefined;
}
