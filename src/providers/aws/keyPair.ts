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

/** `ssh-ed25519 AAAA… comment` → `ssh-ed25519 AAAA…`; anything that is not an OpenSSH public key is left as written (trimmed). */
export function openSshKeyBody(v: Value): Value {
  if (typeof v !== 'string') return v;
  const parts = v.trim().split(/\s+/);
  if (parts.length >= 2 && /^(ssh-|ecdsa-|sk-)/.test(parts[0]) && /^[A-Za-z0-9+/]+={0,3}$/.test(parts[1])) return `${parts[0]} ${parts[1]}`;
  return v.trim();
}

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
    normalizers: { public_key: { normalize: openSshKeyBody, severity: () => 'error' } },
  },
  toAttributes: (k, _e, unreadable) => {
    const key = token(k.PublicKey);
    if (key === null) unreadable.public_key = lacking('publicKey (DescribeKeyPairs IncludePublicKey)');
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
