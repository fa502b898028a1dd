// A local SSM (JSON 1.1, X-Amz-Target AmazonSSM.*), as strict as SSM where DriftLens could go wrong:
// GetParameters takes at most 10 names and answers absent ones in InvalidParameters; a SecureString
// is answered encrypted unless WithDecryption (which the fake records, so a test can prove it is never
// asked); DescribeParameters pages with MaxResults ≤ 50; ListTagsForResource fails for an unknown ID.
import { JsonError, startJsonService, type JsonCall } from '../awsHttp';

export interface FakeParameter {
  type: 'String' | 'StringList' | 'SecureString';
  value: string;
  version?: number;
  description?: string;
  tier?: 'Standard' | 'Advanced' | 'Intelligent-Tiering';
  allowedPattern?: string;
  dataType?: string;
  keyId?: string;
  tags?: Record<string, string>;
}

export interface FakeSsm {
  url: string;
  calls: JsonCall[];
  parameters: Map<string, FakeParameter>;
  close(): Promise<void>;
}

export async function startFakeSsm(seed: Record<string, FakeParameter> = {}): Promise<FakeSsm> {
  const parameters = new Map(Object.entries(seed));
  const calls: JsonCall[] = [];
  const wire = (name: string, p: FakeParameter, decrypt: boolean) => ({
    Name: name,
    Type: p.type,
    // Without decryption SSM answers a SecureString's ciphertext, never the value.
    Value: p.type === 'SecureString' && !decrypt ? Buffer.from(`kms-ciphertext:${name}`).toString('base64') : p.value,
    Version: p.version ?? 1,
    DataType: p.dataType ?? 'text',
    ARN: `arn:aws:ssm:us-east-1:123456789012:parameter${name.startsWith('/') ? '' : '/'}${name}`,
    LastModifiedDate: 1700000000,
  });
  const server = await startJsonService('ssm', 'AmazonSSM', 'application/x-amz-json-1.1', {
    GetParameters: (input) => {
      const names = (input.Names ?? []) as string[];
      if (names.length < 1 || names.length > 10) throw new JsonError('ValidationException', `1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length less than or equal to 10`);
      const decrypt = input.WithDecryption === true;
      return { Parameters: names.filter((n) => parameters.has(n)).map((n) => wire(n, parameters.get(n)!, decrypt)), InvalidParameters: names.filter((n) => !parameters.has(n)) };
    },
    DescribeParameters: (input) => {
      const max = Number(input.MaxResults ?? 10);
      if (max > 50) throw new JsonError('ValidationException', "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50");
      const filters = (input.ParameterFilters ?? []) as { Key: string; Option?: string; Values?: string[] }[];
      const wanted = filters.find((f) => f.Key === 'Name')?.Values;
      const all = [...parameters.keys()].filter((n) => !wanted || wanted.includes(n)).sort();
      const start = Number(input.NextToken ?? 0);
      const page = all.slice(start, start + max);
      return {
        Parameters: page.map((n) => {
          const p = parameters.get(n)!;
          return { Name: n, Type: p.type, Version: p.version ?? 1, Tier: p.tier ?? 'Standard', DataType: p.dataType ?? 'text', Policies: [], ...(p.description ? { Description: p.description } : {}), ...(p.allowedPattern ? { AllowedPattern: p.allowedPattern } : {}), ...(p.keyId ? { KeyId: p.keyId } : {}) };
        }),
        ...(start + max < all.length ? { NextToken: String(start + max) } : {}),
      };
    },
    ListTagsForResource: (input) => {
      const p = parameters.get(String(input.ResourceId));
      if (input.ResourceType !== 'Parameter' || !p) throw new JsonError('InvalidResourceId', 'The resource ID is not valid. Verify that you entered the correct ID and try again.');
      return { TagList: Object.entries(p.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) };
    },
  }, calls);
  return { url: server.url, calls, parameters, close: server.close };
}
