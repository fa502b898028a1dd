// A local IAM (Query protocol: form-encoded POST, Version 2010-05-08, XML answers with `<member>`
// lists, `<ErrorResponse>` errors, NoSuchEntity 404). Documents are answered URL-encoded, as IAM does.
// Only the Get/List actions DriftLens sends are served; anything else is recorded and refused.
import { escapeXml } from '../ec2/xml';
import { isFailure, listen, readBody, verifySigV4 } from '../awsHttp';

const XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';

export interface FakeRole { path?: string; description?: string; maxSessionDuration?: number; assumeRolePolicy: string; attached?: string[]; inline?: Record<string, string>; tags?: Record<string, string> }
export interface FakePolicy { name: string; path?: string; description?: string; document: string; tags?: Record<string, string> }

export interface FakeIamSeed {
  roles?: Record<string, FakeRole>;
  /** By ARN. */
  policies?: Record<string, FakePolicy>;
  instanceProfiles?: Record<string, { path?: string; role?: string }>;
  users?: Record<string, { path?: string; tags?: Record<string, string>; attached?: string[]; accessKeys?: Record<string, 'Active' | 'Inactive'>; sshKeys?: Record<string, 'Active' | 'Inactive'> }>;
  groups?: Record<string, { path?: string; attached?: string[]; members?: string[] }>;
  /** User name → inline policy name → document; users with a console password. */
  userPolicies?: Record<string, Record<string, string>>;
  loginProfiles?: string[];
  passwordPolicy?: Record<string, number | boolean>;
  aliases?: string[];
}

export interface FakeIam {
  url: string;
  calls: { action: string; params: Record<string, string>; region: string }[];
  seed: Required<FakeIamSeed>;
  /** Actions the caller may not call: IAM answers AccessDenied (403). */
  deny: Set<string>;
  /** The most items one page of a paged list answers (IAM's default MaxItems is 100), to exercise Marker paging. */
  pageSize: number;
  close(): Promise<void>;
}

class IamError extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
  }
}

const tagsXml = (t?: Record<string, string>) => (t && Object.keys(t).length ? `<Tags>${Object.entries(t).map(([k, v]) => `<member><Key>${escapeXml(k)}</Key><Value>${escapeXml(v)}</Value></member>`).join('')}</Tags>` : '');
const enc = (doc: string) => escapeXml(encodeURIComponent(doc));

export async function startFakeIam(seed: FakeIamSeed = {}): Promise<FakeIam> {
  const s: Required<FakeIamSeed> = { roles: {}, policies: {}, instanceProfiles: {}, users: {}, groups: {}, userPolicies: {}, loginProfiles: [], passwordPolicy: {}, aliases: [], ...seed };
  const calls: FakeIam['calls'] = [];
  const noSuch = (what: string, name: string) => new IamError('NoSuchEntity', `The ${what} with name ${name} cannot be found.`, 404);
  const roleXml = (name: string, r: FakeRole) =>
    `<Role><Path>${r.path ?? '/'}</Path><RoleName>${escapeXml(name)}</RoleName><RoleId>AROAFAKE${name.length}</RoleId><Arn>arn:aws:iam::123456789012:role${r.path ?? '/'}${escapeXml(name)}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>${enc(r.assumeRolePolicy)}</AssumeRolePolicyDocument>${r.description ? `<Description>${escapeXml(r.description)}</Description>` : ''}<MaxSessionDuration>${r.maxSessionDuration ?? 3600}</MaxSessionDuration>${tagsXml(r.tags)}</Role>`;
  const deny = new Set<string>();
  const fake: FakeIam = { url: '', calls, seed: s, deny, pageSize: 100, close: async () => undefined };
  const attachedXml = (arns: string[] | undefined) =>
    `<AttachedPolicies>${(arns ?? []).map((arn) => `<member><PolicyArn>${escapeXml(arn)}</PolicyArn><PolicyName>${escapeXml(arn.split('/').pop()!)}</PolicyName></member>`).join('')}</AttachedPolicies><IsTruncated>false</IsTruncated>`;
  const handlers: Record<string, (p: Record<string, string>) => string> = {
    GetRole: (p) => {
      const r = s.roles[p.RoleName];
      if (!r) throw noSuch('role', p.RoleName);
      return roleXml(p.RoleName, r);
    },
    ListAttachedRolePolicies: (p) => {
      const r = s.roles[p.RoleName];
      if (!r) throw noSuch('role', p.RoleName);
      const members = (r.attached ?? []).map((arn) => `<member><PolicyArn>${escapeXml(arn)}</PolicyArn><PolicyName>${escapeXml(arn.split('/').pop()!)}</PolicyName></member>`).join('');
      return `<AttachedPolicies>${members}</AttachedPolicies><IsTruncated>false</IsTruncated>`;
    },
    GetRolePolicy: (p) => {
      const doc = s.roles[p.RoleName]?.inline?.[p.PolicyName];
      if (doc === undefined) throw new IamError('NoSuchEntity', `The role policy with name ${p.PolicyName} cannot be found.`, 404);
      return `<RoleName>${escapeXml(p.RoleName)}</RoleName><PolicyName>${escapeXml(p.PolicyName)}</PolicyName><PolicyDocument>${enc(doc)}</PolicyDocument>`;
    },
    GetPolicy: (p) => {
      const pol = s.policies[p.PolicyArn];
      if (!pol) throw new IamError('NoSuchEntity', `Policy ${p.PolicyArn} does not exist or is not attachable.`, 404);
      return `<Policy><PolicyName>${escapeXml(pol.name)}</PolicyName><Arn>${escapeXml(p.PolicyArn)}</Arn><Path>${pol.path ?? '/'}</Path><DefaultVersionId>v1</DefaultVersionId>${pol.description ? `<Description>${escapeXml(pol.description)}</Description>` : ''}<IsAttachable>true</IsAttachable>${tagsXml(pol.tags)}</Policy>`;
    },
    GetPolicyVersion: (p) => {
      const pol = s.policies[p.PolicyArn];
      if (!pol || p.VersionId !== 'v1') throw new IamError('NoSuchEntity', `Policy ${p.PolicyArn} version ${p.VersionId} does not exist or is not attachable.`, 404);
      return `<PolicyVersion><Document>${enc(pol.document)}</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion></PolicyVersion>`;
    },
    GetInstanceProfile: (p) => {
      const ip = s.instanceProfiles[p.InstanceProfileName];
      if (!ip) throw noSuch('instance profile', p.InstanceProfileName);
      const role = ip.role && s.roles[ip.role] ? `<member>${roleXml(ip.role, s.roles[ip.role]).replace(/^<Role>|<\/Role>$/g, '')}</member>` : '';
      return `<InstanceProfile><InstanceProfileName>${escapeXml(p.InstanceProfileName)}</InstanceProfileName><Path>${ip.path ?? '/'}</Path><Roles>${role}</Roles></InstanceProfile>`;
    },
    GetUser: (p) => {
      const u = s.users[p.UserName];
      if (!u) throw noSuch('user', p.UserName);
      return `<User><UserName>${escapeXml(p.UserName)}</UserName><Path>${u.path ?? '/'}</Path>${tagsXml(u.tags)}</User>`;
    },
    ListAccessKeys: (p) => {
      const u = s.users[p.UserName];
      if (!u) throw noSuch('user', p.UserName);
      const keys = Object.entries(u.accessKeys ?? {}).map(([id, st]) => `<member><UserName>${escapeXml(p.UserName)}</UserName><AccessKeyId>${id}</AccessKeyId><Status>${st}</Status></member>`).join('');
      return `<AccessKeyMetadata>${keys}</AccessKeyMetadata><IsTruncated>false</IsTruncated>`;
    },
    GetSSHPublicKey: (p) => {
      const st = s.users[p.UserName]?.sshKeys?.[p.SSHPublicKeyId];
      if (!['SSH', 'PEM'].includes(p.Encoding)) throw new IamError('ValidationError', `Encoding ${p.Encoding} is not valid`, 400);
      if (!st) throw new IamError('NoSuchEntity', `The Public Key with id ${p.SSHPublicKeyId} cannot be found.`, 404);
      return `<SSHPublicKey><UserName>${escapeXml(p.UserName)}</UserName><SSHPublicKeyId>${p.SSHPublicKeyId}</SSHPublicKeyId><Fingerprint>aa:bb</Fingerprint><SSHPublicKeyBody>ssh-rsa AAAA</SSHPublicKeyBody><Status>${st}</Status></SSHPublicKey>`;
    },
    GetUserPolicy: (p) => {
      const doc = s.userPolicies[p.UserName]?.[p.PolicyName];
      if (doc === undefined) throw new IamError('NoSuchEntity', `The user policy with name ${p.PolicyName} cannot be found.`, 404);
      return `<UserName>${escapeXml(p.UserName)}</UserName><PolicyName>${escapeXml(p.PolicyName)}</PolicyName><PolicyDocument>${enc(doc)}</PolicyDocument>`;
    },
    GetLoginProfile: (p) => {
      if (!s.loginProfiles.includes(p.UserName)) throw new IamError('NoSuchEntity', `Login Profile for User ${p.UserName} cannot be found.`, 404);
      return `<LoginProfile><UserName>${escapeXml(p.UserName)}</UserName><CreateDate>2024-01-01T00:00:00Z</CreateDate><PasswordResetRequired>false</PasswordResetRequired></LoginProfile>`;
    },
    // An account without a password policy answers NoSuchEntity; absent fields are left out, as IAM does.
    GetAccountPasswordPolicy: () => {
      const entries = Object.entries(s.passwordPolicy);
      if (entries.length === 0) throw new IamError('NoSuchEntity', 'The Password Policy with domain name 123456789012 cannot be found.', 404);
      return `<PasswordPolicy>${entries.map(([k, v]) => `<${k}>${v}</${k}>`).join('')}</PasswordPolicy>`;
    },
    ListAccountAliases: () => `<AccountAliases>${s.aliases.map((a) => `<member>${escapeXml(a)}</member>`).join('')}</AccountAliases><IsTruncated>false</IsTruncated>`,
    ListAttachedGroupPolicies: (p) => {
      const g = s.groups[p.GroupName];
      if (!g) throw noSuch('group', p.GroupName);
      return attachedXml(g.attached);
    },
    ListAttachedUserPolicies: (p) => {
      const u = s.users[p.UserName];
      if (!u) throw noSuch('user', p.UserName);
      return attachedXml(u.attached);
    },
    // Every user, role and group the managed policy is attached to, in pages (Marker/IsTruncated) as IAM pages them.
    ListEntitiesForPolicy: (p) => {
      const arn = p.PolicyArn ?? '';
      if (!s.policies[arn] && !arn.startsWith('arn:aws:iam::aws:policy/')) throw new IamError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404);
      const has = (x: { attached?: string[] }) => (x.attached ?? []).includes(arn);
      const all = [
        ...Object.entries(s.groups).filter(([, g]) => has(g)).map(([n]) => ['PolicyGroups', `<GroupName>${escapeXml(n)}</GroupName><GroupId>AGPAFAKE${n.length}</GroupId>`]),
        ...Object.entries(s.users).filter(([, u]) => has(u)).map(([n]) => ['PolicyUsers', `<UserName>${escapeXml(n)}</UserName><UserId>AIDAFAKE${n.length}</UserId>`]),
        ...Object.entries(s.roles).filter(([, r]) => has(r)).map(([n]) => ['PolicyRoles', `<RoleName>${escapeXml(n)}</RoleName><RoleId>AROAFAKE${n.length}</RoleId>`]),
      ];
      const start = p.Marker ? Number(Buffer.from(p.Marker, 'base64').toString('utf8').replace(/^page:/, '')) : 0;
      if (!Number.isInteger(start) || start < 0 || start > all.length) throw new IamError('InvalidInput', 'Invalid Marker.', 400);
      const size = Math.min(Number(p.MaxItems ?? 100), fake.pageSize);
      const page = all.slice(start, start + size);
      const list = (kind: string) => `<${kind}>${page.filter(([k]) => k === kind).map(([, x]) => `<member>${x}</member>`).join('')}</${kind}>`;
      const more = start + size < all.length;
      return `${list('PolicyGroups')}${list('PolicyUsers')}${list('PolicyRoles')}<IsTruncated>${more}</IsTruncated>${more ? `<Marker>${Buffer.from(`page:${start + size}`).toString('base64')}</Marker>` : ''}`;
    },
    GetGroup: (p) => {
      const g = s.groups[p.GroupName];
      if (!g) throw noSuch('group', p.GroupName);
      return `<Group><GroupName>${escapeXml(p.GroupName)}</GroupName><Path>${g.path ?? '/'}</Path></Group><Users>${(g.members ?? []).map((u) => `<member><UserName>${escapeXml(u)}</UserName><Path>/</Path></member>`).join('')}</Users><IsTruncated>false</IsTruncated>`;
    },
  };
  const server = await listen(async (req, res) => {
    const body = await readBody(req);
    const send = (status: number, xml: string) => {
      res.writeHead(status, { 'content-type': 'text/xml' });
      res.end(xml);
    };
    const fail = (code: string, message: string, status: number) =>
      send(status, `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`);
    const signed = verifySigV4(req, body, 'iam');
    if (isFailure(signed)) return fail(signed.code, signed.message, signed.status);
    // IAM's endpoint is global and signs in us-east-1.
    if (signed.region !== 'us-east-1') return fail('SignatureDoesNotMatch', `Credential should be scoped to a valid region, not '${signed.region}'.`, 403);
    const params = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    calls.push({ action: params.Action ?? '', params, region: signed.region });
    if (params.Version !== '2010-05-08') return fail('InvalidAction', `Could not find operation ${params.Action} for version ${params.Version ?? 'NO_VERSION_SPECIFIED'}`, 400);
    const h = handlers[params.Action ?? ''];
    if (deny.has(params.Action ?? '')) return fail('AccessDenied', `User: arn:aws:iam::123456789012:user/driftlens is not authorized to perform: iam:${params.Action}`, 403);
    if (!h) return fail('InvalidAction', `Could not find operation ${params.Action} for version 2010-05-08`, 400);
    try {
      send(200, `<${params.Action}Response xmlns="${XMLNS}"><${params.Action}Result>${h(params)}</${params.Action}Result><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></${params.Action}Response>`);
    } catch (e) {
      const err = e instanceof IamError ? e : new IamError('ServiceFailure', String(e), 500);
      fail(err.code, err.message, err.status);
    }
  });
  fake.url = server.url;
  fake.close = server.close;
  return fake;
}
