// DNS: azurerm_dns_zone ↔ Microsoft.Network/dnsZones, azurerm_private_dns_a_record ↔ privateDnsZones/A and
// azurerm_dns_a_record ↔ dnsZones/A. Read as resourceDnsZoneRead, resourcePrivateDnsARecordRead and
// resourceDnsARecordRead (azurerm 4.x, dns/ and privatedns/): `records` a TypeSet of IPv4 addresses, ttl a number.
import type { Value } from '../../../model';
import type { AzureMapper } from './types';
import { deriveTracked, num, str, tagsPolicy, trackedShape } from './common';
import { nameAfter } from './parentIds';

const addresses = (v: unknown, field: 'ipv4Address' | 'ipv6Address'): string[] =>
  ((Array.isArray(v) ? v : []) as Record<string, unknown>[]).map((r) => str(r[field] ?? r[field.replace(/^ip/, 'IP')])).filter((x): x is string => !!x);
/** IPv6 addresses have many spellings of one address: compared lower-cased with zero runs compressed. */
const ipv6Set = { set: true, normalize: (v: Value): Value => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? compressIpv6(x) : x)) : v) };

function compressIpv6(a: string): string {
  const lower = a.toLowerCase();
  if (!lower.includes(':')) return lower;
  const [head, tail] = lower.split('::');
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const full = tail === undefined ? groups(head) : [...groups(head), ...Array(8 - groups(head).length - groups(tail).length).fill('0'), ...groups(tail)];
  return full.map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}

/** What every record set reads alike: its name, group, zone, TTL and tags (metadata in public DNS). */
function recordCommon(arm: Parameters<AzureMapper['map']>[0], zoneType: string): Record<string, Value> {
  const p = arm.properties ?? {};
  return {
    name: arm.name,
    resource_group_name: trackedShape(arm).resource_group_name ?? null,
    zone_name: nameAfter(arm.id, zoneType.split('/').pop() as string),
    ttl: num(p.TTL ?? p.ttl) ?? 0,
    tags: { ...((p.metadata as Record<string, string> | undefined) ?? arm.tags ?? {}) },
  };
}

function aRecord(type: string, zoneType: string, aProp: string, recordType: 'A' | 'AAAA' = 'A'): AzureMapper {
  const field = recordType === 'A' ? 'ipv4Address' : 'ipv6Address';
  return {
    type,
    armType: `${zoneType}/${recordType}`,
    attributes: {
      name: { caseInsensitive: true },
      resource_group_name: { caseInsensitive: true },
      zone_name: { caseInsensitive: true },
      ttl: {},
      records: recordType === 'A' ? { set: true } : ipv6Set,
      // Alias records exist in public DNS only.
      ...(!zoneType.endsWith('privateDnsZones') ? { target_resource_id: { caseInsensitive: true } } : {}),
      tags: tagsPolicy,
    },
    map(arm) {
      const p = arm.properties ?? {};
      const out: Record<string, Value> = { ...recordCommon(arm, zoneType), records: addresses(p[aProp], field) };
      if (!zoneType.endsWith('privateDnsZones')) out.target_resource_id = str((p.targetResource as { id?: string } | undefined)?.id) ?? '';
      return out;
    },
    deriveId: deriveTracked(`${zoneType}/${recordType}`, ['zone_name']),
  };
}

export const privateDnsARecord = aRecord('azurerm_private_dns_a_record', 'Microsoft.Network/privateDnsZones', 'aRecords');
export const dnsARecord = aRecord('azurerm_dns_a_record', 'Microsoft.Network/dnsZones', 'ARecords');
/** AAAA records: resourceDnsAAAARecordRead / resourcePrivateDnsAaaaRecordRead, `records` a TypeSet of IPv6 addresses. */
export const dnsAaaaRecord = aRecord('azurerm_dns_aaaa_record', 'Microsoft.Network/dnsZones', 'AAAARecords', 'AAAA');
export const privateDnsAaaaRecord = aRecord('azurerm_private_dns_aaaa_record', 'Microsoft.Network/privateDnsZones', 'aaaaRecords', 'AAAA');

/**
 * CNAME records: azurerm_dns_cname_record (resourceDnsCNameRecordRead: `record` "" without a CNAME, alias
 * target_resource_id "") and azurerm_private_dns_cname_record (resourcePrivateDnsCNameRecordFlatten; azurerm 4.x
 * names the zone by zone_name + resource_group_name, 5.x by private_dns_zone_id: both are read).
 */
function cnameRecord(type: string, zoneType: string, recordProp: string): AzureMapper {
  const priv = type === 'azurerm_private_dns_cname_record';
  return {
    type,
    armType: `${zoneType}/CNAME`,
    attributes: {
      name: { caseInsensitive: true },
      resource_group_name: { caseInsensitive: true },
      zone_name: { caseInsensitive: true },
      ttl: {},
      // DNS names are case-insensitive.
      record: { caseInsensitive: true },
      ...(priv ? { private_dns_zone_id: { caseInsensitive: true } } : { target_resource_id: { caseInsensitive: true } }),
      tags: tagsPolicy,
    },
    map(arm) {
      const p = arm.properties ?? {};
      const out: Record<string, Value> = { ...recordCommon(arm, zoneType), record: str((p[recordProp] as { cname?: string } | undefined)?.cname) ?? '' };
      if (priv) out.private_dns_zone_id = arm.id.replace(/\/CNAME\/[^/]+\/?$/i, '');
      else out.target_resource_id = str((p.targetResource as { id?: string } | undefined)?.id) ?? '';
      return out;
    },
    deriveId(attrs, subscriptionId) {
      const zoneId = attrs.private_dns_zone_id;
      if (priv && typeof zoneId === 'string' && zoneId && typeof attrs.name === 'string' && attrs.name) return `${zoneId.replace(/\/+$/, '')}/CNAME/${attrs.name}`;
      return deriveTracked(`${zoneType}/CNAME`, ['zone_name'])(attrs, subscriptionId);
    },
  };
}

export const dnsCnameRecord = cnameRecord('azurerm_dns_cname_record', 'Microsoft.Network/dnsZones', 'CNAMERecord');
export const privateDnsCnameRecord = cnameRecord('azurerm_private_dns_cname_record', 'Microsoft.Network/privateDnsZones', 'cnameRecord');

export const dnsZone: AzureMapper = {
  type: 'azurerm_dns_zone',
  armType: 'Microsoft.Network/dnsZones',
  attributes: { name: { caseInsensitive: true }, resource_group_name: { caseInsensitive: true }, tags: tagsPolicy },
  map(arm) {
    const { name, resource_group_name, tags } = trackedShape(arm);
    return { name, resource_group_name: resource_group_name ?? null, tags };
  },
  deriveId: deriveTracked('Microsoft.Network/dnsZones'),
};
