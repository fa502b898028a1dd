// Azure clouds: where Resource Manager lives, who issues its tokens, and the audience a token
// must carry. A custom endpoint (Azure Stack Hub, a test double) brings its own audience.

export type AzureCloudName = 'public' | 'china' | 'usgovernment';

export interface AzureCloud {
  name: AzureCloudName | 'custom';
  /** Resource Manager base URL, no trailing slash. */
  resourceManager: string;
  /** Entra ID authority host for this cloud (DefaultAzureCredential's `authorityHost`). */
  authorityHost: string;
  /** The token scope: the audience followed by `/.default`. */
  scope: string;
}

const known: Record<AzureCloudName, Omit<AzureCloud, 'name'>> = {
  public: { resourceManager: 'https://management.azure.com', authorityHost: 'https://login.microsoftonline.com', scope: 'https://management.azure.com/.default' },
  china: { resourceManager: 'https://management.chinacloudapi.cn', authorityHost: 'https://login.chinacloudapi.cn', scope: 'https://management.chinacloudapi.cn/.default' },
  usgovernment: { resourceManager: 'https://management.usgovcloudapi.net', authorityHost: 'https://login.microsoftonline.us', scope: 'https://management.usgovcloudapi.net/.default' },
};

/** The azurerm provider's `environment` names (and ours) → cloud; undefined for an unknown name. */
export function cloudByName(name: string | undefined): AzureCloud | undefined {
  const n = (name ?? 'public').trim().toLowerCase().replace(/[\s_-]/g, '');
  const alias: Record<string, AzureCloudName> = {
    public: 'public',
    azurecloud: 'public',
    china: 'china',
    azurechinacloud: 'china',
    usgovernment: 'usgovernment',
    azureusgovernment: 'usgovernment',
    usgov: 'usgovernment',
  };
  const key = alias[n];
  return key ? { name: key, ...known[key] } : undefined;
}

export interface CustomCloudOptions {
  /** Resource Manager endpoint, `https://…`. */
  endpoint: string;
  /** Token audience; defaults to the endpoint itself. */
  audience?: string;
  authorityHost?: string;
}

/** A custom Resource Manager endpoint. Refuses anything but https: the token would travel in clear. */
export function customCloud(options: CustomCloudOptions): AzureCloud {
  let url: URL;
  try {
    url = new URL(options.endpoint);
  } catch {
    throw new Error(`Azure endpoint "${options.endpoint}" is not a URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`Azure endpoint "${options.endpoint}" must use https (a bearer token is sent to it)`);
  const resourceManager = url.origin + url.pathname.replace(/\/+$/, '');
  const audience = (options.audience ?? resourceManager).replace(/\/+$/, '');
  return { name: 'custom', resourceManager, authorityHost: options.authorityHost ?? known.public.authorityHost, scope: `${audience}/.default` };
}
