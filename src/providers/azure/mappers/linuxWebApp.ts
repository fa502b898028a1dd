// azurerm_linux_web_app ↔ Microsoft.Web/sites. `site_config` is read from the `config/web`
// sub-resource, as the azurerm provider does: the site's own siteConfig is mostly empty on GET.
// Absent properties read as the LinuxWebAppResource Read (azurerm 4.x, appservice/linux_web_app_resource.go)
// and SiteConfigLinux.Flatten (helpers/linux_web_app_schema.go) set them: pointer.From → false / "",
// public network access is open unless it says "Disabled".
import type { AzureMapper } from './types';
import type { Value } from '../../../model';
import { armIdPolicy, at, bool, deriveTracked, exposedWhen, notDisabled, str, tlsBelow12, trackedAttributes, trackedShape } from './common';

const webConfig = 'config/web';

export const linuxWebApp: AzureMapper = {
  type: 'azurerm_linux_web_app',
  armType: 'Microsoft.Web/sites',
  attributes: {
    ...trackedAttributes,
    service_plan_id: armIdPolicy,
    https_only: { severity: exposedWhen((a: Value) => a === false) },
    enabled: {},
    client_affinity_enabled: {},
    public_network_access_enabled: { severity: exposedWhen((a: Value) => a === true) },
    site_config: {
      block: 'list',
      attributes: {
        minimum_tls_version: { severity: exposedWhen(tlsBelow12) },
        ftps_state: { caseInsensitive: true, severity: exposedWhen((a) => a === 'AllAllowed') },
      },
    },
  },
  extras: [{ path: webConfig, when: ['site_config'] }],
  map(arm, extras) {
    const p = arm.properties ?? {};
    const cfg = extras[webConfig]?.properties ?? (p.siteConfig as Record<string, unknown> | undefined) ?? {};
    return {
      ...trackedShape(arm),
      service_plan_id: str(p.serverFarmId) ?? '',
      https_only: bool(p.httpsOnly, false),
      enabled: bool(p.enabled, false),
      client_affinity_enabled: bool(p.clientAffinityEnabled, false),
      public_network_access_enabled: notDisabled(p.publicNetworkAccess),
      site_config: [
        {
          always_on: bool(at(cfg, 'alwaysOn'), false),
          minimum_tls_version: str(at(cfg, 'minTlsVersion')) ?? '',
          ftps_state: str(at(cfg, 'ftpsState')) ?? '',
          http2_enabled: bool(at(cfg, 'http20Enabled'), false),
        },
      ],
    };
  },
  deriveId: deriveTracked('Microsoft.Web/sites'),
};
