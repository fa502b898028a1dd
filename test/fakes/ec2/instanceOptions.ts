// The per-instance option elements of DescribeInstances (EC2 API reference, Instance:
// metadataOptions, maintenanceOptions, privateDnsNameOptions, enclaveOptions, cpuOptions,
// capacityReservationSpecification), with the values EC2 reports for an instance launched
// without them. The moto dialect leaves them all out (as it does metadataOptions).
import type { SeedInstance, SeedSubnet } from './seed';
import type { Dialect } from './dialect';
import type { XmlValue } from './xml';

export function instanceOptions(i: SeedInstance, dialect: Dialect): Record<string, XmlValue> {
  if (dialect.omitMetadataOptions) return {};
  const m = i.metadata ?? {};
  return {
    cpuOptions: { coreCount: i.cpu?.coreCount ?? 1, threadsPerCore: i.cpu?.threadsPerCore ?? 2 },
    capacityReservationSpecification: i.capacityReservationId
      ? { capacityReservationPreference: undefined, capacityReservationTarget: { capacityReservationId: i.capacityReservationId } }
      : { capacityReservationPreference: i.capacityReservationPreference ?? 'open' },
    hibernationOptions: { configured: false },
    enclaveOptions: { enabled: i.enclave ?? false },
    metadataOptions: {
      state: 'applied',
      httpTokens: i.httpTokens ?? 'required',
      httpPutResponseHopLimit: m.httpPutResponseHopLimit ?? 2,
      httpEndpoint: m.httpEndpoint ?? 'enabled',
      httpProtocolIpv6: m.httpProtocolIpv6 ?? 'disabled',
      instanceMetadataTags: m.instanceMetadataTags ?? 'disabled',
    },
    maintenanceOptions: { autoRecovery: i.autoRecovery ?? 'default' },
    privateDnsNameOptions: { hostnameType: i.hostnameType ?? 'ip-name', enableResourceNameDnsARecord: false, enableResourceNameDnsAAAARecord: false },
  };
}

/** The subnet elements DescribeSubnets sends beside the basics (EC2 API reference, Subnet). */
export const subnetOptions = (s: SeedSubnet): Record<string, XmlValue> => ({
  enableDns64: s.enableDns64 ?? false,
  ipv6Native: false,
  mapCustomerOwnedIpOnLaunch: false,
  privateDnsNameOptionsOnLaunch: { hostnameType: s.hostnameTypeOnLaunch ?? 'ip-name', enableResourceNameDnsARecord: false, enableResourceNameDnsAAAARecord: false },
});
