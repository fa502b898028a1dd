// A local S3 (REST-XML, path style: GET/HEAD /<bucket>?<subresource>), as strict as S3 where DriftLens
// could go wrong: SigV4 with the `s3` scope and the payload hash header, a bucket answered only in its
// own region (301 PermanentRedirect with x-amz-bucket-region otherwise, which the SDK follows), each
// sub-configuration's own NotFound code, and only GET/HEAD (anything else is recorded and refused).
import { escapeXml } from '../ec2/xml';
import { isFailure, listen, readBody, verifySigV4 } from '../awsHttp';

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export interface FakeBucket {
  region?: string;
  publicAccessBlock?: { blockPublicAcls: boolean; blockPublicPolicy: boolean; ignorePublicAcls: boolean; restrictPublicBuckets: boolean };
  versioning?: 'Enabled' | 'Suspended';
  /** Absent: S3's default since 2023, SSE-S3 (AES256). */
  encryption?: { algorithm: string; kmsKeyId?: string; bucketKey?: boolean };
  policy?: string;
  ownership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';
  /** Extra grants beside the owner's FULL_CONTROL (`AllUsers:READ`). */
  publicGrants?: string[];
  lifecycle?: { id: string; status: 'Enabled' | 'Disabled' }[];
  logging?: { targetBucket: string; targetPrefix: string };
  tags?: Record<string, string>;
  /** Objects by key (HeadObject): their content type and ETag. */
  objects?: Record<string, { contentType?: string; etag?: string }>;
  /** Subresources the caller's policy denies (`encryption`): 403 AccessDenied, as S3 answers. */
  deny?: string[];
}

export interface FakeS3 {
  url: string;
  calls: { method: string; bucket: string; subresource: string; region: string }[];
  buckets: Map<string, FakeBucket>;
  close(): Promise<void>;
}

const notFound = (code: string, message: string) => ({ status: 404, code, message });
const GROUP = 'http://acs.amazonaws.com/groups/global/';

function answer(sub: string, name: string, b: FakeBucket): string | { status: number; code: string; message: string } {
  switch (sub) {
    case 'publicAccessBlock': {
      const p = b.publicAccessBlock;
      if (!p) return notFound('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');
      return `<PublicAccessBlockConfiguration xmlns="${NS}"><BlockPublicAcls>${p.blockPublicAcls}</BlockPublicAcls><IgnorePublicAcls>${p.ignorePublicAcls}</IgnorePublicAcls><BlockPublicPolicy>${p.blockPublicPolicy}</BlockPublicPolicy><RestrictPublicBuckets>${p.restrictPublicBuckets}</RestrictPublicBuckets></PublicAccessBlockConfiguration>`;
    }
    case 'versioning':
      return `<VersioningConfiguration xmlns="${NS}">${b.versioning ? `<Status>${b.versioning}</Status>` : ''}</VersioningConfiguration>`;
    case 'encryption': {
      const e = b.encryption ?? { algorithm: 'AES256', bucketKey: false };
      return `<ServerSideEncryptionConfiguration xmlns="${NS}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${e.algorithm}</SSEAlgorithm>${e.kmsKeyId ? `<KMSMasterKeyID>${escapeXml(e.kmsKeyId)}</KMSMasterKeyID>` : ''}</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>${e.bucketKey ?? false}</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`;
    }
    case 'policy':
      return b.policy ?? notFound('NoSuchBucketPolicy', 'The bucket policy does not exist');
    case 'ownershipControls':
      if (!b.ownership) return notFound('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found');
      return `<OwnershipControls xmlns="${NS}"><Rule><ObjectOwnership>${b.ownership}</ObjectOwnership></Rule></OwnershipControls>`;
    case 'acl': {
      const owner = `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>owner-canonical-id</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>`;
      const extra = (b.publicGrants ?? []).map((g) => {
        const [group, perm] = g.split(':');
        return `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>${GROUP}${group}</URI></Grantee><Permission>${perm}</Permission></Grant>`;
      });
      return `<AccessControlPolicy xmlns="${NS}"><Owner><ID>owner-canonical-id</ID></Owner><AccessControlList>${owner}${extra.join('')}</AccessControlList></AccessControlPolicy>`;
    }
    case 'lifecycle':
      if (!b.lifecycle?.length) return notFound('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist');
      return `<LifecycleConfiguration xmlns="${NS}">${b.lifecycle.map((r) => `<Rule><ID>${escapeXml(r.id)}</ID><Filter><Prefix></Prefix></Filter><Status>${r.status}</Status><Expiration><Days>30</Days></Expiration></Rule>`).join('')}</LifecycleConfiguration>`;
    case 'logging':
      return `<BucketLoggingStatus xmlns="${NS}">${b.logging ? `<LoggingEnabled><TargetBucket>${escapeXml(b.logging.targetBucket)}</TargetBucket><TargetPrefix>${escapeXml(b.logging.targetPrefix)}</TargetPrefix></LoggingEnabled>` : ''}</BucketLoggingStatus>`;
    case 'tagging':
      if (!b.tags || Object.keys(b.tags).length === 0) return notFound('NoSuchTagSet', 'The TagSet does not exist');
      return `<Tagging xmlns="${NS}"><TagSet>${Object.entries(b.tags).map(([k, v]) => `<Tag><Key>${escapeXml(k)}</Key><Value>${escapeXml(v)}</Value></Tag>`).join('')}</TagSet></Tagging>`;
    case 'location':
      return `<LocationConstraint xmlns="${NS}">${b.region && b.region !== 'us-east-1' ? b.region : ''}</LocationConstraint>`;
    default:
      return { status: 400, code: 'InvalidRequest', message: `the fake S3 does not serve ?${sub || '(object listing)'} on ${name}` };
  }
}

const SUBRESOURCES = ['publicAccessBlock', 'versioning', 'encryption', 'policy', 'ownershipControls', 'acl', 'lifecycle', 'logging', 'tagging', 'location'];

export async function startFakeS3(seed: Record<string, FakeBucket> = {}): Promise<FakeS3> {
  const buckets = new Map(Object.entries(seed));
  const calls: FakeS3['calls'] = [];
  const server = await listen(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const name = decodeURIComponent(url.pathname.split('/')[1] ?? '');
    const head = req.method === 'HEAD';
    const fail = (status: number, code: string, message: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/xml', ...headers });
      res.end(head ? undefined : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><BucketName>${escapeXml(name)}</BucketName><RequestId>FAKE</RequestId><HostId>fake</HostId></Error>`);
    };
    const signed = verifySigV4(req, body, 's3');
    if (isFailure(signed)) return fail(403, signed.code === 'InvalidClientTokenId' ? 'InvalidAccessKeyId' : signed.code, signed.message);
    const sub = SUBRESOURCES.find((k) => url.searchParams.has(k)) ?? '';
    calls.push({ method: req.method ?? '', bucket: name, subresource: sub, region: signed.region });
    if (req.method !== 'GET' && !head) return fail(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    const b = buckets.get(name);
    if (!b) return fail(404, head ? 'NotFound' : 'NoSuchBucket', 'The specified bucket does not exist');
    if (b.deny?.includes(sub)) return fail(403, 'AccessDenied', 'Access Denied');
    const region = b.region ?? 'us-east-1';
    if (signed.region !== region && sub !== 'location') return fail(301, 'PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint.', { 'x-amz-bucket-region': region });
    const key = decodeURIComponent(url.pathname.split('/').slice(2).join('/'));
    if (key !== '') {
      // HeadObject. A missing key is 404 only for a caller allowed s3:ListBucket; S3 answers 403 otherwise.
      if (!head) return fail(405, 'MethodNotAllowed', 'Only HeadObject is served for objects.');
      const o = b.objects?.[key];
      if (!o) return fail(b.deny?.includes('listBucket') ? 403 : 404, b.deny?.includes('listBucket') ? 'Forbidden' : 'NotFound', 'Not Found');
      res.writeHead(200, { 'content-type': o.contentType ?? 'binary/octet-stream', etag: `"${o.etag ?? 'd41d8cd98f00b204e9800998ecf8427e'}"`, 'content-length': '0', 'x-amz-bucket-region': region });
      return void res.end();
    }
    if (head) {
      res.writeHead(200, { 'x-amz-bucket-region': region });
      return void res.end();
    }
    const a = answer(sub, name, b);
    if (typeof a !== 'string') return fail(a.status, a.code, a.message);
    res.writeHead(200, { 'content-type': sub === 'policy' ? 'application/json' : 'application/xml', 'x-amz-bucket-region': region });
    res.end(a);
  });
  return { url: server.url, calls, buckets, close: server.close };
}
