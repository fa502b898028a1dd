// Rule sets: both sides expand to (protocol, from, to, source) tuples, so layout and order never matter.
import assert from 'node:assert/strict';
import type { Value } from '../../../src/model';
import { compareRuleSets, expandRules, isOpenToWorld, normalizePorts, normalizeProtocol, ruleKey } from '../../../src/providers/aws/securityGroupRules';

const SELF = { selfId: 'sg-0000000000000000a', ownerId: '123456789012' };
const keys = (rules: Value) => expandRules(rules, SELF).map((t) => ruleKey(t)).sort();

describe('security-group rule expansion', () => {
  it('normalizes protocols as the AWS provider does', () => {
    assert.deepEqual(['-1', 'all', 'ALL', '6', 'TCP', '17', 'udp', '1', '58', '50'].map((p) => normalizeProtocol(p)), ['-1', '-1', '-1', 'tcp', 'tcp', 'udp', 'udp', 'icmp', 'icmpv6', '50']);
    assert.deepEqual(normalizePorts('-1', 0, 65535), [0, 0]);
    assert.deepEqual(normalizePorts('50', 10, 20), [0, 0]);
    assert.deepEqual(normalizePorts('tcp', '22', 22), [22, 22]);
    assert.deepEqual(normalizePorts('icmp', -1, -1), [-1, -1]);
  });

  it('a block with several sources equals the same rules written one per block, in any order', () => {
    const combined = [{ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8', '0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'] }];
    const split: Value = [
      { protocol: '6', from_port: 443, to_port: 443, ipv6_cidr_blocks: ['::/0'] },
      { protocol: 'TCP', from_port: '443', to_port: '443', cidr_blocks: ['0.0.0.0/0'] },
      { protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'] },
    ];
    assert.deepEqual(keys(combined), keys(split));
    assert.deepEqual(keys(combined), ['tcp|443|443|cidr:0.0.0.0/0', 'tcp|443|443|cidr:10.0.0.0/8', 'tcp|443|443|ipv6:::/0']);
  });

  it('self, the own group ID and account/ID all mean self; other groups and prefix lists are sources', () => {
    assert.deepEqual(keys([{ protocol: 'all', from_port: 0, to_port: 0, self: true }]), ['-1|0|0|self']);
    assert.deepEqual(keys([{ protocol: '-1', from_port: 0, to_port: 0, security_groups: ['sg-0000000000000000a'] }]), ['-1|0|0|self']);
    assert.deepEqual(keys([{ protocol: '-1', security_groups: ['123456789012/sg-0000000000000000b', '999999999999/sg-0000000000000000c'], prefix_list_ids: ['pl-1'] }]), [
      '-1|0|0|pl:pl-1', '-1|0|0|sg:999999999999/sg-0000000000000000c', '-1|0|0|sg:sg-0000000000000000b',
    ]);
  });

  it('finds a rule opened to the world that the code does not declare, and nothing else', () => {
    const declared = [{ protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['10.0.0.0/8'], description: 'ssh' }];
    const live = [
      { protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['10.0.0.0/8'], description: 'ssh' },
      { protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'], description: '' },
    ];
    const diff = compareRuleSets(declared, live, SELF);
    assert.equal(diff.missing.length, 0);
    assert.deepEqual(diff.extra.map((t) => ruleKey(t)), ['tcp|22|22|cidr:0.0.0.0/0']);
    assert.ok(isOpenToWorld(diff.extra[0]));
    assert.deepEqual(diff.descriptionChanged, []);
  });

  it('tells a changed description apart from a changed rule', () => {
    const diff = compareRuleSets([{ protocol: 'tcp', from_port: 80, to_port: 80, cidr_blocks: ['10.0.0.0/8'], description: 'old' }], [{ protocol: 'tcp', from_port: 80, to_port: 80, cidr_blocks: ['10.0.0.0/8'], description: 'new' }], SELF);
    assert.deepEqual([diff.missing.length, diff.extra.length, diff.descriptionChanged.length], [0, 0, 1]);
    assert.equal(isOpenToWorld(expandRules([{ protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }])[0]), false);
  });
});
