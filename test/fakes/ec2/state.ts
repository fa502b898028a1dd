// The fake account's resources, plus the "console drift" a test applies between scans.
import { NetworkStore } from './network';
import type { Ec2Seed, SeedInstance, SeedRule, SeedSecurityGroup, SeedSubnet, SeedTags, SeedVolume, SeedVpc } from './seed';

const clone = <T>(v: T): T => structuredClone(v);

export class FakeEc2State {
  readonly ownerId: string;
  readonly vpcs = new Map<string, SeedVpc>();
  readonly subnets = new Map<string, SeedSubnet>();
  readonly securityGroups = new Map<string, SeedSecurityGroup>();
  readonly instances = new Map<string, SeedInstance>();
  readonly volumes = new Map<string, SeedVolume>();
  private volumeSeq = 0;
  /** Route tables, ACLs, gateways, addresses, key pairs (network.ts). */
  readonly network = new NetworkStore();

  constructor(seed: Ec2Seed = {}) {
    this.ownerId = seed.ownerId ?? '123456789012';
    this.load(seed);
  }

  /** Adds more resources (IDs already present are replaced). */
  load(seed: Ec2Seed): void {
    for (const v of seed.vpcs ?? []) this.vpcs.set(v.id, clone(v));
    for (const s of seed.subnets ?? []) this.subnets.set(s.id, clone(s));
    for (const g of seed.securityGroups ?? []) this.securityGroups.set(g.id, clone(g));
    for (const v of seed.volumes ?? []) this.volumes.set(v.id, clone(v));
    for (const i of seed.instances ?? []) this.addInstance(i);
    this.network.load(seed);
  }

  addInstance(seed: SeedInstance): void {
    const inst = clone(seed);
    if (inst.rootVolume) {
      inst.rootVolume.id ??= `vol-${inst.id.slice(2)}`;
      const az = inst.availabilityZone ?? (inst.subnetId ? this.subnets.get(inst.subnetId)?.availabilityZone : undefined);
      this.volumes.set(inst.rootVolume.id, {
        id: inst.rootVolume.id,
        size: inst.rootVolume.size,
        type: inst.rootVolume.type ?? 'gp3',
        encrypted: inst.rootVolume.encrypted ?? false,
        availabilityZone: az,
        ...(inst.rootVolume.iops !== undefined ? { iops: inst.rootVolume.iops } : {}),
        ...(inst.rootVolume.throughput !== undefined ? { throughput: inst.rootVolume.throughput } : {}),
        ...(inst.rootVolume.kmsKeyId !== undefined ? { kmsKeyId: inst.rootVolume.kmsKeyId } : {}),
        ...(inst.rootVolume.tags ? { tags: inst.rootVolume.tags } : {}),
      });
    }
    (inst.ebsVolumes ?? []).forEach((v) => {
      // The root volume is vol-<instance hex>; the others are numbered vol-f…1, vol-f…2 in load order (EC2's ID shape).
      v.id ??= `vol-f${(++this.volumeSeq).toString(16).padStart(16, '0')}`;
      const { deviceName: _d, deleteOnTermination: _t, ...volume } = v;
      this.volumes.set(v.id, { ...volume, id: v.id, type: v.type ?? 'gp3', availabilityZone: v.availabilityZone ?? inst.availabilityZone ?? (inst.subnetId ? this.subnets.get(inst.subnetId)?.availabilityZone : undefined) });
    });
    this.instances.set(inst.id, inst);
  }

  // --- console drift -------------------------------------------------------

  setInstanceType(id: string, instanceType: string): void {
    this.mustGet(this.instances, id).instanceType = instanceType;
  }

  updateInstance(id: string, patch: Partial<Omit<SeedInstance, 'id'>>): void {
    Object.assign(this.mustGet(this.instances, id), clone(patch));
  }

  updateVpc(id: string, patch: Partial<Omit<SeedVpc, 'id'>>): void {
    Object.assign(this.mustGet(this.vpcs, id), clone(patch));
  }

  updateSubnet(id: string, patch: Partial<Omit<SeedSubnet, 'id'>>): void {
    Object.assign(this.mustGet(this.subnets, id), clone(patch));
  }

  updateSecurityGroup(id: string, patch: Partial<Omit<SeedSecurityGroup, 'id'>>): void {
    Object.assign(this.mustGet(this.securityGroups, id), clone(patch));
  }

  updateVolume(id: string, patch: Partial<Omit<SeedVolume, 'id'>>): void {
    Object.assign(this.mustGet(this.volumes, id), clone(patch));
  }

  /** Sets (or, with `undefined`, removes) one tag on any resource. */
  setTag(id: string, key: string, value: string | undefined): void {
    const r = this.find(id);
    const tags: SeedTags = { ...(r.tags ?? {}) };
    if (value === undefined) delete tags[key];
    else tags[key] = value;
    r.tags = tags;
  }

  replaceTags(id: string, tags: SeedTags): void {
    this.find(id).tags = { ...tags };
  }

  addIngressRule(groupId: string, rule: SeedRule): void {
    const g = this.mustGet(this.securityGroups, groupId);
    g.ingress = [...(g.ingress ?? []), clone(rule)];
  }

  addEgressRule(groupId: string, rule: SeedRule): void {
    const g = this.mustGet(this.securityGroups, groupId);
    g.egress = [...(g.egress ?? []), clone(rule)];
  }

  /** The instance stays visible (as EC2 shows it for about an hour) in state `terminated`. */
  terminateInstance(id: string): void {
    this.mustGet(this.instances, id).state = 'terminated';
  }

  /** Removes any resource outright: the API answers NotFound for it. */
  delete(id: string): void {
    for (const m of this.maps()) if (m.delete(id)) return;
    throw new Error(`fake EC2: no resource ${id}`);
  }

  private maps(): Map<string, { tags?: SeedTags }>[] {
    return [this.instances, this.securityGroups, this.vpcs, this.subnets, this.volumes, ...this.network.maps()];
  }

  private find(id: string): { tags?: SeedTags } {
    for (const m of this.maps()) {
      const r = m.get(id);
      if (r) return r;
    }
    throw new Error(`fake EC2: no resource ${id}`);
  }

  private mustGet<T>(map: Map<string, T>, id: string): T {
    const r = map.get(id);
    if (!r) throw new Error(`fake EC2: no resource ${id}`);
    return r;
  }
}
