// aws_key_pair: Terraform's ID is the key name, so DescribeKeyPairs by KeyNames.
// resourceKeyPairRead sets key_name, key_pair_id, key_type, fingerprint and tags; public_key is never returned.
import type { KeyPairInfo } from '@aws-sdk/client-ec2';
import type { AwsMapper } from './mapper';
import { tagsToMap } from './tags';
import { enumValue, token } from './wireValues';

export const keyPairMapper: AwsMapper<KeyPairInfo> = {
  type: 'aws_key_pair',
  describe: {
    operation: 'DescribeKeyPairs',
    idsParam: 'KeyNames',
    items: (o) => o.KeyPairs ?? [],
    idOf: (k) => k.KeyName,
    notFoundCodes: ['InvalidKeyPair.NotFound'],
    chunkSize: 200,
  },
  normalization: { type: 'aws_key_pair', scalarSets: [], singleBlocks: [], ruleBlocks: [], tagMaps: ['tags'], onDemand: {} },
  toAttributes: (k, _e, unreadable) => {
    // EC2 never returns the public key material; a changed key shows as another fingerprint.
    unreadable.public_key = 'the key material is not read (EC2 keeps only its fingerprint in the description)';
    return { key_name: token(k.KeyName), key_pair_id: token(k.KeyPairId), key_type: enumValue(k.KeyType), fingerprint: token(k.KeyFingerprint), tags: tagsToMap(k.Tags) };
  },
};
