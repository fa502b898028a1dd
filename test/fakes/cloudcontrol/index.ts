// A local Cloud Control API (JSON 1.0, X-Amz-Target CloudApiService.GetResource): resources by
// (CloudFormation type, primary identifier) with their Properties as a JSON string, as GetResource
// answers; an unknown one is ResourceNotFoundException. Only GetResource is served (read-only).
import { JsonError, startJsonService, type JsonCall } from '../awsHttp';

export interface FakeCloudControl {
  url: string;
  calls: JsonCall[];
  /** `AWS::KMS::Key|<id>` → properties. */
  resources: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

export const ccKey = (type: string, id: string): string => `${type}|${id}`;

export async function startFakeCloudControl(seed: Record<string, Record<string, unknown>> = {}): Promise<FakeCloudControl> {
  const resources = new Map(Object.entries(seed));
  const calls: JsonCall[] = [];
  const server = await startJsonService('cloudcontrolapi', 'CloudApiService', 'application/x-amz-json-1.0', {
    GetResource: (input) => {
      const type = String(input.TypeName ?? '');
      const id = String(input.Identifier ?? '');
      if (!/^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}$/.test(type)) throw new JsonError('ValidationException', `Invalid TypeName ${type}`);
      const props = resources.get(ccKey(type, id));
      if (!props) throw new JsonError('ResourceNotFoundException', `${type} with identifier '${id}' was not found`);
      return { TypeName: type, ResourceDescription: { Identifier: id, Properties: JSON.stringify(props) } };
    },
  }, calls);
  return { url: server.url, calls, resources, close: server.close };
}
