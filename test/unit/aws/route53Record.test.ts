// aws_route53_record in depth (issue 12, the long tail), end to end through the CLI against the Route 53 fake
// (REST-XML, SigV4, global endpoint): records compared as a set, TXT quotes, `\052` wildcards, alias names with
// a trailing dot and another case, relative names completed with the zone's name, weighted sets found across
// pages of set identifiers — in sync; console changes are drift; a deleted set or zone is missing; access
// denied is unverified naming the action; only GETs are sent.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanCommand } from '../../../src/cli/scanCommand';
import { serviceTypeFor } from '../../../src/providers/aws/services/serviceTypes';
import { parseRecordId } from '../../../src/providers/aws/services/route53/route53Record';
import { listZone, listZoneWhole } from '../../../src/providers/aws/services/route53/route53Zone';
import { startFakeRoute53, type FakeRoute53, type FakeZone } from '../../fakes/route53';
import { FAKE_ACCESS_KEY, setAwsEnv, sharedStsUrl } from './awsTestEnv';

const ZONE = 'Z0123456789ABCDEFGHIJ';
const ELB_ZONE = 'Z35SXDOTRQ7X7K';

const MAIN_TF = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_route53_record" "www" {
  zone_id = "${ZONE}"
  name    = "www"
  type    = "A"
  ttl     = 300
  records = ["192.0.2.10", "192.0.2.11"]
}

resource "aws_route53_record" "apex" {
  zone_id = "${ZONE}"
  name    = "example.com"
  type    = "A"
  alias {
    name                   = "dualstack.web-123.eu-west-1.elb.amazonaws.com"
    zone_id                = "${ELB_ZONE}"
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "wildcard" {
  zone_id = "${ZONE}"
  name    = "*.example.com"
  type    = "CNAME"
  ttl     = 60
  records = ["www.example.com"]
}

resource "aws_route53_record" "spf" {
  zone_id = "${ZONE}"
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 include:amazonses.com ~all"]
}

resource "aws_route53_record" "api_blue" {
  zone_id        = "${ZONE}"
  name           = "api.example.com"
  type           = "CNAME"
  ttl            = 60
  records        = ["blue.example.com"]
  set_identifier = "zz-blue"
  weighted_routing_policy {
    weight = 90
  }
}
`;

const rec = (name: string, tfName: string, type: string, setIdentifier = '') => ({
  mode: 'managed', type: 'aws_route53_record', name, provider: 'provider["registry.terraform.io/hashicorp/aws"]',
  instances: [{ schema_version: 2, attributes: { id: [ZONE, tfName, type, ...(setIdentifier ? [setIdentifier] : [])].join('_'), zone_id: ZONE, name: tfName, type, set_identifier: setIdentifier, fqdn: tfName } }],
});
const STATE = {
  version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'route53', outputs: {},
  resources: [rec('www', 'www', 'A'), rec('apex', 'example.com', 'A'), rec('wildcard', '*.example.com', 'CNAME'), rec('spf', 'example.com', 'TXT'), rec('api_blue', 'api.example.com', 'CNAME', 'zz-blue')],
};

/** `filler` more A records: a zone of many pages, where one lookup per declared record takes fewer calls. */
function zone(filler = 0): FakeZone {
  // 100 other weighted sets sort before zz-blue: with MaxItems 100 it is on the second page.
  const others = Array.from({ length: 100 }, (_, i) => ({ name: 'api.example.com', type: 'CNAME', ttl: 60, values: ['green.example.com'], setIdentifier: `a${String(i).padStart(3, '0')}`, weight: 0 }));
  const hosts = Array.from({ length: filler }, (_, i) => ({ name: `host${i}.filler.example.com`, type: 'A', ttl: 300, values: [`10.0.${i >> 8}.${i & 255}`] }));
  return {
    name: 'example.com',
    records: [
      { name: 'www.example.com', type: 'A', ttl: 300, values: ['192.0.2.11', '192.0.2.10'] },
      { name: 'example.com', type: 'A', alias: { dnsName: 'DualStack.web-123.eu-west-1.elb.amazonaws.com.', zoneId: ELB_ZONE, evaluateTargetHealth: true } },
      { name: '*.example.com', type: 'CNAME', ttl: 60, values: ['www.example.com'] },
      { name: 'example.com', type: 'TXT', ttl: 300, values: ['"v=spf1 include:amazonses.com ~all"'] },
      { name: 'api.example.com', type: 'CNAME', ttl: 60, values: ['blue.example.com'], setIdentifier: 'zz-blue', weight: 90 },
      ...others,
      ...hosts,
    ],
  };
}

interface Report {
  resources: { address: string; status: string; reason?: string; drifts: { attribute: string; expected: unknown; actual: unknown; severity: string }[] }[];
}

describe('aws_route53_record in depth (issue 12, long tail)', () => {
  let dir: string;
  let r53: FakeRoute53;
  let restore: () => void;
  const scan = async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await scanCommand([dir, '--format', 'json'], { stdout: (s) => out.push(s), stderr: (s) => err.push(s), stderrIsTty: false, env: process.env });
    assert.ok(out.length > 0, err.join(''));
    const report = JSON.parse(out.join('')) as Report;
    return { code, report, at: (a: string) => report.resources.find((r) => r.address === `aws_route53_record.${a}`)! };
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'driftlens-route53-'));
    writeFileSync(join(dir, 'main.tf'), MAIN_TF);
    writeFileSync(join(dir, 'terraform.tfstate'), JSON.stringify(STATE));
    r53 = await startFakeRoute53({ [ZONE]: zone() });
    restore = setAwsEnv({ AWS_ENDPOINT_URL_STS: sharedStsUrl(), AWS_ENDPOINT_URL_ROUTE_53: r53.url, AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-tests', AWS_REGION: 'eu-west-1' });
  });
  afterEach(async () => {
    restore();
    await r53.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a deep type with its permissions; the ID parses as the provider parses it', () => {
    const t = serviceTypeFor('aws_route53_record')!;
    assert.deepEqual([t.depth, t.permissions], ['deep', ['route53:GetHostedZone', 'route53:ListResourceRecordSets']]);
    assert.deepEqual(parseRecordId(`${ZONE}_api.example.com_CNAME_zz_blue`), { zoneId: ZONE, name: 'api.example.com', type: 'CNAME', setIdentifier: 'zz_blue' });
    // The zone apex written as an empty name (recordParseResourceID accepts it); too few parts is no ID.
    assert.deepEqual(parseRecordId(`${ZONE}__A`), { zoneId: ZONE, name: '', type: 'A', setIdentifier: '' });
    assert.equal(parseRecordId(`${ZONE}_A`), undefined);
  });

  it('in sync: record sets, TXT quotes, wildcards, alias names and pages of set identifiers; one zone read, only GETs signed in us-east-1', async () => {
    // 2,000 more sets: 7 pages of the zone against 5 declared records, so each is looked up by name.
    r53.zones[ZONE] = zone(2000);
    const { code, report } = await scan();
    assert.deepEqual(report.resources.map((r) => [r.address, r.status, r.drifts.length]).sort(), [
      ['aws_route53_record.apex', 'in-sync', 0], ['aws_route53_record.api_blue', 'in-sync', 0], ['aws_route53_record.spf', 'in-sync', 0],
      ['aws_route53_record.wildcard', 'in-sync', 0], ['aws_route53_record.www', 'in-sync', 0],
    ]);
    assert.equal(code, 0);
    assert.equal(r53.calls.filter((c) => c.operation === 'GetHostedZone').length, 1);
    const www = r53.calls.find((c) => c.operation === 'ListResourceRecordSets' && c.query.name === 'www.example.com.');
    assert.deepEqual(www?.query, { name: 'www.example.com.', type: 'A', maxitems: '1' });
    // The weighted set is on the second page, asked from the page's NextRecordIdentifier.
    assert.deepEqual(r53.calls.filter((c) => c.query.name === 'api.example.com.').map((c) => c.query.identifier), [undefined, 'zz-blue']);
    assert.ok(r53.calls.every((c) => c.region === 'us-east-1'));
  });

  it('console changes are drift: a record value, the TTL, the weight and the alias target', async () => {
    const z = r53.zones[ZONE];
    const find = (name: string, type: string, id?: string) => z.records.find((r) => r.name === name && r.type === type && r.setIdentifier === id)!;
    find('www.example.com', 'A').values = ['192.0.2.10', '198.51.100.7'];
    find('*.example.com', 'CNAME').ttl = 3600;
    find('api.example.com', 'CNAME', 'zz-blue').weight = 10;
    find('example.com', 'A').alias = { dnsName: 'other-456.eu-west-1.elb.amazonaws.com.', zoneId: ELB_ZONE, evaluateTargetHealth: false };
    const { code, at } = await scan();
    assert.equal(code, 2);
    assert.deepEqual(at('www').drifts.map((d) => [d.attribute, d.expected, d.actual, d.severity]), [['records', ['192.0.2.10', '192.0.2.11'], ['192.0.2.10', '198.51.100.7'], 'warning']]);
    assert.deepEqual(at('wildcard').drifts.map((d) => [d.attribute, d.expected, d.actual]), [['ttl', 60, 3600]]);
    assert.deepEqual(at('api_blue').drifts.map((d) => [d.attribute, d.expected, d.actual]), [['weighted_routing_policy.weight', 90, 10]]);
    assert.deepEqual(at('apex').drifts.map((d) => d.attribute).sort(), ['alias.evaluate_target_health', 'alias.name']);
    assert.equal(at('spf').status, 'in-sync');
  });

  it('missing when the set is deleted or the zone is gone; access denied is unverified naming the action', async () => {
    const z = r53.zones[ZONE];
    z.records = z.records.filter((r) => !(r.type === 'TXT'));
    const first = await scan();
    assert.deepEqual([first.at('spf').status, first.at('spf').reason], ['missing', `no TXT record example.com in zone ${ZONE}`]);
    assert.equal(first.at('www').status, 'in-sync');
    r53.deny.add('ListResourceRecordSets');
    const denied = (await scan()).at('www');
    assert.equal(denied.status, 'unverified');
    assert.match(denied.reason ?? '', /route53:ListResourceRecordSets/);
    r53.deny.clear();
    delete r53.zones[ZONE];
    const gone = (await scan()).at('www');
    assert.deepEqual([gone.status, gone.reason], ['missing', `hosted zone ${ZONE} does not exist`]);
  });

  it('a zone with fewer pages than declared records is listed whole: 300 sets a page, found, drifted and missing as by name', async () => {
    // 5 declared records in a zone of 107 + 550 + NS/SOA sets: 3 pages of 300 instead of 5 lookups.
    r53.zones[ZONE] = zone(550);
    const z = r53.zones[ZONE];
    z.records.find((r) => r.name === 'www.example.com')!.values = ['192.0.2.10', '198.51.100.7'];
    z.records = z.records.filter((r) => r.type !== 'TXT');
    const { code, at } = await scan();
    assert.equal(code, 2);
    assert.deepEqual(at('www').drifts.map((d) => [d.attribute, d.actual]), [['records', ['192.0.2.10', '198.51.100.7']]]);
    assert.deepEqual([at('spf').status, at('spf').reason], ['missing', `no TXT record example.com in zone ${ZONE}`]);
    assert.deepEqual(['apex', 'wildcard', 'api_blue'].map((a) => at(a).status), ['in-sync', 'in-sync', 'in-sync']);
    const lists = r53.calls.filter((c) => c.operation === 'ListResourceRecordSets');
    assert.deepEqual(lists.map((c) => c.query.maxitems), ['300', '300', '300']);
    assert.equal(lists[0].query.name, undefined);
    assert.equal(r53.calls.filter((c) => c.operation === 'GetHostedZone').length, 1);
  });

  it('a refused zone listing leaves its records unverified, never missing', async () => {
    r53.zones[ZONE] = zone(550);
    r53.deny.add('ListResourceRecordSets');
    const { at } = await scan();
    for (const a of ['www', 'apex', 'spf']) {
      assert.equal(at(a).status, 'unverified', a);
      assert.match(at(a).reason ?? '', /route53:ListResourceRecordSets/);
    }
  });
});

describe('Route 53 zone listing (route53Zone)', () => {
  it('chooses the whole zone only when its pages are fewer than the declared records', () => {
    assert.deepEqual([listZoneWhole(107, 5), listZoneWhole(2107, 5), listZoneWhole(2107, 9), listZoneWhole(undefined, 50), listZoneWhole(2, 1)], [true, false, true, false, false]);
  });

  it('a next page that repeats is a PagingLoop error, not an endless scan', async () => {
    let calls = 0;
    const call = async () => {
      calls++;
      return { ResourceRecordSets: [{ Name: 'a.example.com.', Type: 'A' }], IsTruncated: true, NextRecordName: 'b.example.com.', NextRecordType: 'A' };
    };
    await assert.rejects(listZone('Z1', 900, (n) => n, call), { name: 'PagingLoop' });
    assert.equal(calls, 2);
  });
});
