// src/providers/aws/sdkXmlParser.ts stands in for the AWS SDK's XML parser in every bundled SDK file
// (scripts/sdkEntries.mjs). It must give exactly what the SDK's gives — the same objects, the same errors —
// on the fake EC2's real answers (both wire dialects), on documents with every construct the SDK's parser
// knows, and on those documents cut short or damaged at random.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseXML as sdkParseXML } from '@aws-sdk/xml-builder';
import { parseXML } from '../../../src/providers/aws/sdkXmlParser';
import { DESCRIBE_OPERATIONS } from '../../../src/providers/aws/client';
import { startFakeEc2, type DialectName } from '../../fakes/ec2';
import { FIXTURES } from '../engine/helpers';

const SEED = join(FIXTURES, 'vpc-modules', 'seed.json');

type Outcome = { value: unknown } | { error: string };

function outcome(parse: (xml: string) => unknown, xml: string): Outcome {
  try {
    return { value: parse(xml) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function assertSame(xml: string, label: string): Outcome {
  const theirs = outcome(sdkParseXML, xml);
  assert.deepStrictEqual(outcome(parseXML, xml), theirs, `${label}: ${JSON.stringify(xml.slice(0, 300))}`);
  return theirs;
}

/** A deterministic random sequence (tests repeat exactly). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/** Every Describe answer of a seeded account, as the fake EC2 writes it in `dialect`. */
async function describeAnswers(dialect: DialectName): Promise<string[]> {
  const fake = await startFakeEc2(JSON.parse(readFileSync(SEED, 'utf8')), { dialect });
  try {
    const answers: string[] = [];
    for (const action of DESCRIBE_OPERATIONS) {
      const amzDate = new Date().toISOString().replace(/[-:]|\.\d+/g, '');
      const res = await fetch(fake.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-amz-date': amzDate,
          authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${amzDate.slice(0, 8)}/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
        },
        body: `Action=${action}&Version=2016-11-15`,
      });
      answers.push(await res.text());
    }
    return answers;
  } finally {
    await fake.close();
  }
}

const CONSTRUCTS = [
  '<?xml version="1.0" encoding="UTF-8"?>\n<a><b>x</b></a>',
  '<!DOCTYPE a [<!ENTITY e "x">]><a>1</a>',
  '<!doctype a><a/>',
  '<!-- c --><a><!-- inner -->t<!---->u</a>',
  '<a>\r\n  <b>1</b>\r\n</a>',
  '<a>&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#x1F600;&bogus;&#99999999;</a>',
  '<a><![CDATA[<not> &amp; a tag]]></a>',
  '<a>\n<![CDATA[ x ]]>\n</a>',
  '<a>\n  \n</a>',
  '<a>   </a>',
  '<a> <b/> </a>',
  '<a>t<b>1</b>u<b>2</b><b>3</b>v</a>',
  '<a x="1" y=\'2\'><b z="&amp;">t</b></a>',
  '<a x="1"/>',
  '<a x="1">text</a>',
  '<a __proto__="p"><__proto__>1</__proto__><__proto__>2</__proto__></a>',
  '<a><constructor>1</constructor><toString/></a>',
  '<a ="v">1</a>',
  '<a x=unquoted y>1</a>',
  '<a><b>1</b ></a>',
  '<a><b>1</b\n></a>',
  '<a><?pi x?>1</a>',
  '<a>\u00e9\u4e2d\ud83d\ude00 caf\u00e9</a>',
  '<averyveryverylongelementname><anotherveryverylongname>value-with-more-than-thirteen-characters</anotherveryverylongname></averyveryverylongelementname>',
  '<a><item>1</item><item>2</item><item><item>3</item></item></a>',
  '<a>#text<b/>more</a>',
  '<a><#text>1</#text></a>',
  '  \n <a/>  ',
  '<a></a>',
  '<a/>',
  'text',
  '',
  '<a>',
  '<a></b>',
  '<a><b></a>',
  '<a x="1"',
  '<a/ >',
  '<a x>',
  '<?xml',
  '<!--',
  '<!DOCTYPE a [',
  '<a><![CDATA[x</a>',
];

describe('our AWS SDK XML parser (sdkXmlParser.ts) against the SDK\'s own', function () {
  this.timeout(60_000);
  // The fake's answers, asked once for the suite.
  const answers = {} as Record<DialectName, string[]>;
  before(async () => {
    answers.aws = await describeAnswers('aws');
    answers.moto = await describeAnswers('moto');
  });

  it('decodes every Describe answer of the fake EC2, in both dialects, exactly as the SDK does', () => {
    for (const dialect of ['aws', 'moto'] as const) {
      assert.equal(answers[dialect].length, DESCRIBE_OPERATIONS.length);
      for (const [k, xml] of answers[dialect].entries()) {
        const r = assertSame(xml, `${dialect} ${DESCRIBE_OPERATIONS[k]}`);
        assert.ok('value' in r, `${DESCRIBE_OPERATIONS[k]} should parse`);
      }
    }
  });

  it('gives the same value or the same error on every construct the SDK handles', () => {
    for (const xml of CONSTRUCTS) assertSame(xml, 'construct');
  });

  it('agrees on answers and constructs cut short, and damaged at random, 8,000 times', () => {
    const docs = [...CONSTRUCTS, ...answers.moto.slice(0, 6), ...answers.aws.slice(0, 6)];
    const next = random(15);
    const noise = ['<', '>', '/', '&', ';', '"', "'", '=', ' ', '\n', '\r', '<!--', ']]>', '<![CDATA[', '</', 'x', '&amp;', '\u00e9'];
    let errors = 0;
    for (let n = 0; n < 8000; n++) {
      const doc = docs[Math.floor(next() * docs.length)];
      const at = Math.floor(next() * (doc.length + 1));
      const damaged =
        n % 2 === 0
          ? doc.slice(0, at)
          : doc.slice(0, at) + noise[Math.floor(next() * noise.length)] + doc.slice(at + Math.floor(next() * 3));
      if ('error' in assertSame(damaged, `damaged #${n}`)) errors++;
    }
    // Both paths were exercised: many damaged documents fail, many still parse.
    assert.ok(errors > 1000 && errors < 7000, `errors: ${errors}`);
  });

  it('keeps no view into the answer: long values kept after the parse do not hold their documents', () => {
    // 40 answers of ~1 MB, one long value kept from each: views would keep ~40 MB alive, copies a few KB.
    const script = [
      `const { parseXML } = require(${JSON.stringify(join(__dirname, '..', '..', '..', 'src', 'providers', 'aws', 'sdkXmlParser.ts'))});`,
      'const kept = [];',
      'global.gc(); const before = process.memoryUsage().heapUsed;',
      "for (let n = 0; n < 40; n++) { const doc = '<r><pad>' + 'x'.repeat(1e6) + n + '</pad><id>i-0123456789abcdef' + n + '</id><t a=\"arn:aws:iam::123456789012:role/r' + n + '\"/></r>';",
      '  const r = parseXML(doc).r; kept.push(r.id, r.t.a); }',
      'global.gc(); console.log(JSON.stringify({ grew: process.memoryUsage().heapUsed - before, sample: kept[0] }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', script], { encoding: 'utf8' });
    const { grew, sample } = JSON.parse(out) as { grew: number; sample: string };
    assert.equal(sample, 'i-0123456789abcdef0');
    assert.ok(grew < 4e6, `the heap grew ${(grew / 1e6).toFixed(1)} MB`);
  });
});
