// A local Cloud Control API (JSON 1.0, X-Amz-Target CloudApiService.GetResource): resources by
// (CloudFormation type, primary identifier) with their Properties as a JSON string, as GetResource
// answers; an unknown one is ResourceNotFoundException. Only GetResource is served (read-only).
// As strict as the service: a type outside the registry is TypeNotFoundException, and an identifier
// whose number of `|`-joined parts differs from the schema's primaryIdentifier is a ValidationException.
import { JsonError, startJsonService, type JsonCall } from '../awsHttp';
import { CFN_TYPES } from './cfnTypes';

export interface FakeCloudControl {
  url: string;
  calls: JsonCall[];
  /** `AWS::KMS::Key|<id>` → properties. */
  resources: Map<string, Record<string, unknown>>;
  /** Types the caller is denied (`AWS::Lambda::Permission`): GetResource answers AccessDeniedException. */
  denied: Set<string>;
  close(): Promise<void>;
}

export const ccKey = (type: string, id: string): string => `${type}|${id}`;

export async function startFakeCloudControl(seed: Record<string, Record<string, unknown>> = {}): Promise<FakeCloudControl> {
  const resources = new Map(Object.entries(seed));
  const denied = new Set<string>();
  const calls: JsonCall[] = [];
  const server = await startJsonService('cloudcontrolapi', 'CloudApiService', 'application/x-amz-json-1.0', {
    GetResource: (input) => {
      const type = String(input.TypeName ?? '');
      const id = String(input.Identifier ?? '');
      if (!/^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}$/.test(type)) throw new JsonError('ValidationException', `Invalid TypeName ${type}`);
      const parts = CFN_TYPES[type];
      if (parts === undefined) throw new JsonError('TypeNotFoundException', `The type '${type}' cannot be found.`);
      if (id === '' || id.split('|').length !== parts || id.split('|').some((p) => p === '')) throw new JsonError('ValidationException', `Identifier '${id}' is not valid for ${type}`);
      // The caller may not call cloudcontrol:GetResource on this type (an IAM condition on the type name).
      if (denied.has(type)) throw new JsonError('AccessDeniedException', `User is not authorized to perform the read of ${type}`);
      const props = resources.get(ccKey(type, id));
      if (!props) throw new JsonError('ResourceNotFoundException', `${type} with identifier '${id}' was not found`);
      return { TypeName: type, ResourceDescription: { Identifier: id, Properties: JSON.stringify(props) } };
    },
  }, calls);
  return { url: server.url, calls, resources, denied, close: server.close };
}
