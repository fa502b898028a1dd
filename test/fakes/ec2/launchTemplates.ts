// Launch templates: DescribeLaunchTemplates (by ID, NextToken paging) and DescribeLaunchTemplateVersions,
// whose `$Latest` / `$Default` without a template ID answer every template's version, as EC2 does.
import { applyFilters, filters, listParam, page, type Params } from './query';
import type { NetworkContext } from './network';
import type { SeedTags } from './seed';
import { Ec2Error, namedList, type XmlValue } from './xml';

export interface SeedLaunchTemplateData {
  imageId?: string;
  instanceType?: string;
  keyName?: string;
  securityGroupIds?: string[];
  ebsOptimized?: boolean;
  httpTokens?: 'optional' | 'required';
  /** Base64, as RunInstances takes it. */
  userData?: string;
  /**
   * Other launchTemplateData members in the API reference's wire shape (ResponseLaunchTemplateData):
   * `blockDeviceMappingSet`, `networkInterfaceSet`, `tagSpecificationSet`, `placement`, `iamInstanceProfile`…
   */
  wire?: Record<string, XmlValue>;
}

export interface SeedLaunchTemplate {
  id: string;
  name: string;
  /** Versions 1…n, oldest first; the last is the latest. */
  versions: { description?: string; data: SeedLaunchTemplateData }[];
  defaultVersion?: number;
  tags?: SeedTags;
}

const CREATED = '2026-01-05T10:00:00.000Z';

function describeLaunchTemplates(params: Params, ctx: NetworkContext): Record<string, XmlValue> {
  const ids = listParam(params, 'LaunchTemplateId');
  const map = ctx.network.launchTemplates;
  const bad = ids.find((id) => !/^lt-([0-9a-f]{8}|[0-9a-f]{17})$/.test(id));
  if (bad) throw new Ec2Error('InvalidLaunchTemplateId.Malformed', `The specified launch template ID '${bad}' is malformed.`);
  if (ids.some((id) => !map.has(id))) throw new Ec2Error('InvalidLaunchTemplateId.NotFound', 'At least one of the launch templates specified in the request does not exist.');
  let items = ids.length ? [...new Set(ids)].map((id) => map.get(id)!) : [...map.values()];
  items = applyFilters(items, filters(params), { 'launch-template-name': (t) => [t.name] }, (t) => t.tags);
  const p = page(items, params, { action: 'DescribeLaunchTemplates', idParam: 'LaunchTemplateId', maxResultsExcludesIds: true, combinationMessage: 'The parameter LaunchTemplateIds cannot be used with the parameter MaxResults' }, ctx.pageSize);
  return {
    launchTemplates: p.items.map((t) => ({
      launchTemplateId: t.id,
      launchTemplateName: t.name,
      createTime: CREATED,
      createdBy: `arn:aws:iam::${ctx.ownerId}:user/terraform`,
      defaultVersionNumber: t.defaultVersion ?? 1,
      latestVersionNumber: t.versions.length,
      tagSet: Object.entries(t.tags ?? {}).map(([key, value]) => ({ key, value })),
    })),
    nextToken: p.nextToken,
  };
}

/** The seed's wire members as EC2 sends them: an interface's groupSet lists `<groupId>` members, not `<item>`. */
function wireData(wire: Record<string, XmlValue> | undefined): Record<string, XmlValue> {
  if (!wire) return {};
  const nis = wire.networkInterfaceSet;
  if (!Array.isArray(nis)) return wire;
  const withGroups = nis.map((ni) => (ni !== null && typeof ni === 'object' && !Array.isArray(ni) && Array.isArray(ni.groupSet) ? { ...ni, groupSet: namedList('groupId', ni.groupSet) } : ni));
  return { ...wire, networkInterfaceSet: withGroups };
}

function describeLaunchTemplateVersions(params: Params, ctx: NetworkContext): Record<string, XmlValue> {
  const id = params.LaunchTemplateId;
  const versions = listParam(params, 'LaunchTemplateVersion');
  const templates = id ? [ctx.network.launchTemplates.get(id)] : [...ctx.network.launchTemplates.values()];
  if (id && !templates[0]) throw new Ec2Error('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`);
  // Without a template, only $Latest / $Default may be asked (numbers name no template).
  if (!id && (versions.length === 0 || versions.some((v) => v !== '$Latest' && v !== '$Default'))) {
    throw new Ec2Error('MissingParameter', 'The request must contain the parameter launchTemplateName or launchTemplateId');
  }
  const rows = templates.flatMap((t) =>
    t!.versions
      .map((v, i) => ({ t: t!, v, n: i + 1 }))
      .filter(({ t: tt, n }) => versions.length === 0 || versions.some((want) => (want === '$Latest' ? n === tt.versions.length : want === '$Default' ? n === (tt.defaultVersion ?? 1) : Number(want) === n))),
  );
  const filtered = applyFilters(rows, filters(params), {
    'is-default-version': ({ t, n }) => [String(n === (t.defaultVersion ?? 1))],
    'image-id': ({ v }) => (v.data.imageId ? [v.data.imageId] : []),
    'instance-type': ({ v }) => (v.data.instanceType ? [v.data.instanceType] : []),
  });
  const p = page(filtered, params, { action: 'DescribeLaunchTemplateVersions', idParam: 'LaunchTemplateVersion', maxResultsExcludesIds: false, combinationMessage: '', maxResults: [1, 200] }, ctx.pageSize);
  return {
    launchTemplateVersionSet: p.items.map(({ t, v, n }) => ({
      launchTemplateId: t.id,
      launchTemplateName: t.name,
      versionNumber: n,
      versionDescription: v.description,
      createTime: CREATED,
      defaultVersion: n === (t.defaultVersion ?? 1),
      launchTemplateData: {
        imageId: v.data.imageId,
        instanceType: v.data.instanceType,
        keyName: v.data.keyName,
        securityGroupIdSet: v.data.securityGroupIds,
        ebsOptimized: v.data.ebsOptimized,
        metadataOptions: v.data.httpTokens ? { httpTokens: v.data.httpTokens, httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 } : undefined,
        userData: v.data.userData,
        ...wireData(v.data.wire),
      },
    })),
    nextToken: p.nextToken,
  };
}

export const LAUNCH_TEMPLATE_HANDLERS = { DescribeLaunchTemplates: describeLaunchTemplates, DescribeLaunchTemplateVersions: describeLaunchTemplateVersions };
