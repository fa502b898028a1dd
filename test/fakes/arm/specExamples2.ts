// Bodies copied from the azure-rest-api-specs examples of the types issue 13 reads in depth (each
// function names its example file), with the example's subscription, group and names replaced by
// the test's. Read-only fields (provisioningState, etag, fqdn…) are kept: the service sends them.
import type { ArmJson } from './server';
import { SUB } from './examples';

export const rgPath = (rg: string) => `/subscriptions/${SUB}/resourceGroups/${rg}`;

/** ContainerApps_Get (app/resource-manager/Microsoft.App/stable/2024-03-01/examples/ContainerApps_Get.json). */
export function containerAppBody(rg: string, name: string, o: { external?: boolean; targetPort?: number; maxReplicas?: number; image?: string } = {}): ArmJson {
  const env = `${rgPath(rg)}/providers/Microsoft.App/managedEnvironments/demokube`;
  return {
    id: `${rgPath(rg)}/providers/Microsoft.App/containerApps/${name}`,
    name,
    type: 'Microsoft.App/containerApps',
    location: 'East US',
    properties: {
      provisioningState: 'Succeeded',
      managedEnvironmentId: env,
      workloadProfileName: 'My-GP-01',
      latestRevisionFqdn: `${name}-pjxhsye.demokube-t24clv0g.eastus.containerApps.k4apps.io`,
      latestReadyRevisionName: `${name}-pjxhsye`,
      configuration: {
        ingress: {
          fqdn: `${name}.demokube-t24clv0g.eastus.containerApps.k4apps.io`,
          external: o.external ?? true,
          targetPort: o.targetPort ?? 3000,
          transport: 'auto',
          customDomains: [
            { name: 'www.my-name.com', bindingType: 'SniEnabled', certificateId: `${env}/certificates/my-certificate-for-my-name-dot-com` },
            { name: 'www.my--other-name.com', bindingType: 'SniEnabled', certificateId: `${env}/certificates/my-certificate-for-my-other-name-dot-com` },
          ],
          traffic: [
            { weight: 80, revisionName: `${name}-ab1234` },
            { weight: 20, revisionName: `${name}-ab4321`, label: 'staging' },
          ],
          ipSecurityRestrictions: [
            { name: 'Allow work IP A subnet', description: "Allowing all IP's within the subnet below to access containerapp", ipAddressRange: '192.168.1.1/32', action: 'Allow' },
            { name: 'Allow work IP B subnet', description: "Allowing all IP's within the subnet below to access containerapp", ipAddressRange: '192.168.1.1/8', action: 'Allow' },
          ],
          stickySessions: { affinity: 'sticky' },
        },
        dapr: { enabled: true, appPort: 3000, appProtocol: 'http', httpReadBufferSize: 30, httpMaxRequestSize: 10, logLevel: 'debug', enableApiLogging: true },
        maxInactiveRevisions: 10,
        service: { type: 'redis' },
      },
      template: {
        containers: [{ image: o.image ?? `repo/${name}:v4`, name, resources: { cpu: 0.5, memory: '1Gi' } }],
        initContainers: [{ image: `repo/${name}:v4`, name: 'testinitcontainerApp0', resources: { cpu: 0.5, memory: '1Gi' } }],
        scale: { minReplicas: 1, maxReplicas: o.maxReplicas ?? 5, rules: [{ name: 'httpscalingrule', http: { metadata: { concurrentRequests: '50' } } }] },
        serviceBinds: [{ serviceId: `${rgPath(rg)}/providers/Microsoft.App/containerApps/service`, name: 'service' }],
      },
      eventStreamEndpoint: 'testEndpoint',
    },
  };
}
