// aws_key_pair: Terraform's ID is the key name, so DescribeKeyPairs by KeyNames.
// resourceKeyPairRead (ec2_key_pair.go) sets key_name, key_pair_id, key_type, fingerprint and tags, and never
// public_key: Terraform keeps the configured key. DescribeKeyPairs answers the key material with
// IncludePublicKey=true (same call, same ec2:DescribeKeyPairs permission), so DriftLens compares it as the
// provider's own openSSHPublicKeysEqual does: key type and key body, the comment ignored.
import type { KeyPairInfo } from '@aws-sdk/client-ec2';
import type { Value } from '../../model';
import type { AwsMapper } from './mapper';
import { tagsToMap } from './tags';
import { enumValue, lacking, token } from './wireValues';

const OPENSSH = /^(ssh-|ecdsa-|sk-)/;
const BASE64 = /^[A-Za-z0-9+/]+={0,3}$/;

/** The key type a public key blob starts with (an SSH string: 4-byte length, then the name). */
function blobType(blob: string): string | undefined {
  const bytes = Buffer.from(blob, 'base64');
  if (bytes.length < 4) return undefined;
  const n = bytes.readUInt32BE(0);
  const name = n > 0 && n < 64 && bytes.length >= 4 + n ? bytes.subarray(4, 4 + n).toString('latin1') : '';
  return OPENSSH.test(name) ? name : undefined;
}

/**
 * `ssh-ed25519 AAAA… comment` → `ssh-ed25519 AAAA…`; an RFC 4716 block (`---- BEGIN SSH2 PUBLIC KEY ----`, which
 * ImportKeyPair also takes) → the same OpenSSH form EC2 answers. Undefined for a key in neither form.
 */
export function openSshKey(v: string): string | undefined {
  const text = v.trim();
  const parts = text.split(/\s+/);
  if (parts.length >= 2 && OPENSSH.test(parts[0]) && BASE64.test(parts[1])) return `${parts[0]} ${parts[1]}`;
  const rfc = /^---- BEGIN SSH2 PUBLIC KEY ----\s*([\s\S]*?)---- END SSH2 PUBLIC KEY ----$/.exec(text);
  if (!rfc) return undefined;
  // Header lines ("Comment: …", continued with a trailing backslash) come before the base64 body.
  const lines = rfc[1].split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  let i = 0;
  while (i < lines.length && (lines[i].includes(':') || (i > 0 && lines[i - 1].endsWith('\\')))) i++;
  const blob = lines.slice(i).join('');
  const type = BASE64.test(blob) ? blobType(blob) : undefined;
  return type ? `${type} ${blob}` : undefined;
}

/** Both sides in OpenSSH form without comment; anything else left as written. */
const keyBody = (v: Value): Value => (typeof v === 'string' ? (openSshKey(v) ?? v.trim()) : v);

export const keyPairMapper: AwsMapper<KeyPairInfo> = {
  type: 'aws_key_pair',
  describe: {
    operation: 'DescribeKeyPairs',
    idsParam: 'KeyNames',
    items: (o) => o.KeyPairs ?? [],
    idOf: (k) => k.KeyName,
    notFoundCodes: ['InvalidKeyPair.NotFound'],
    chunkSize: 200,
    request: { IncludePublicKey: true },
  },
  normalization: {
    type: 'aws_key_pair',
    scalarSets: [],
    singleBlocks: [],
    ruleBlocks: [],
    tagMaps: ['tags'],
    onDemand: {},
    // Another key under the same name lets whoever holds its private half into every instance launched
    // with this key name: an access change, rated as an exposure (error), never a mere setting.
    normalizers: { public_key: { normalize: keyBody, severity: () => 'error' } },
  },
  toAttributes: (k, _e, unreadable, b) => {
    let key = token(k.PublicKey);
    const written = b?.declared?.public_key;
    if (key === null) unreadable.public_key = lacking('publicKey (DescribeKeyPairs IncludePublicKey)');
    else if (typeof written === 'string' && openSshKey(written) === undefined) {
      // ImportKeyPair also takes base64 DER keys; EC2 answers OpenSSH, which DriftLens cannot match to them.
      unreadable.public_key = 'the code holds the key in neither OpenSSH nor RFC 4716 form, so it cannot be matched to the OpenSSH key EC2 answers';
      key = null;
    }
    return {
      key_name: token(k.KeyName),
      key_pair_id: token(k.KeyPairId),
      key_type: enumValue(k.KeyType),
      fingerprint: token(k.KeyFingerprint),
      ...(key !== null ? { public_key: key } : {}),
      tags: tagsToMap(k.Tags),
    };
  },
};
