// One door to Azure Resource Manager: the @azure/arm-resources client (bearer token, the SDK's
// retry policy that honours Retry-After, TLS) per subscription, loaded lazily, GET only, counted.
import type { TokenCredential } from '@azure/core-auth';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { AzureCloud } from './clouds';
import { armIdPath } from './armId';
import type { ArmResource } from './mappers/types';

export interface ArmRetryOptions {
  maxRetries?: number;
  retryDelayInMs?: number;
  maxRetryDelayInMs?: number;
}

export interface ArmClientOptions {
  credential: TokenCredential;
  cloud: AzureCloud;
  /** Extra CA certificates (PEM) to trust, for a private Resource Manager endpoint. */
  ca?: string | string[];
  retry?: ArmRetryOptions;
  /**
   * Per call (and per page) in ms: a call Resource Manager accepts and never answers ends as a timeout.
   * Default: DRIFTLENS_TIMEOUT (seconds), else 30 s. The pipeline's own `request.timeout` is not used: it
   * stops at the headers, and it surfaces as an AbortError, which reads as the user's cancel.
   */
  timeoutMs?: number;
}

export const DEFAULT_ARM_TIMEOUT_MS = 30_000;

/** What an attempt that got no (complete) answer in time says; classifyArmError reads it as `timeout`. */
export const armTimeoutMessage = (ms: number): string => `no answer from Azure Resource Manager within ${ms / 1000} s (request timeout; raise it with --timeout or DRIFTLENS_TIMEOUT)`;

/**
 * Gives each attempt `ms` to deliver the whole answer (the node client reads the body before it returns),
 * under the caller's signal too. The timer's abort becomes a RestError with code ETIMEDOUT, which the
 * SDK's retry policy retries (a plain Error it would not); the caller's abort stays an AbortError.
 */
function attemptTimeoutPolicy(ms: number, RestError: typeof import('@azure/core-rest-pipeline').RestError): PipelinePolicy {
  return {
    name: 'driftlensAttemptTimeout',
    async sendRequest(request, next) {
      const timer = new AbortController();
      const t = setTimeout(() => timer.abort(), ms);
      const caller = request.abortSignal;
      // Our callers pass a real AbortSignal (the scan's); the pipeline types it as AbortSignalLike.
      request.abortSignal = caller ? AbortSignal.any([caller as AbortSignal, timer.signal]) : timer.signal;
      try {
        return await next(request);
      } catch (e) {
        if (timer.signal.aborted && !caller?.aborted) throw new RestError(armTimeoutMessage(ms), { code: 'ETIMEDOUT', request });
        throw e;
      } finally {
        clearTimeout(t);
        request.abortSignal = caller;
      }
    },
  };
}

function armTimeoutMs(options: ArmClientOptions, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number(env.DRIFTLENS_TIMEOUT);
  if (options.timeoutMs && options.timeoutMs > 0) return options.timeoutMs;
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv * 1000 : DEFAULT_ARM_TIMEOUT_MS;
}

/** Logical calls made, by kind (each may be retried by the SDK). */
export interface ArmCallCounts {
  providers: number;
  getById: number;
  listCollection: number;
  listByResourceGroup: number;
}

export interface ProviderResourceType {
  resourceType: string;
  apiVersions: string[];
}

/** An error shaped like the SDK's RestError, for calls made through the raw pipeline. */
class ArmHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RestError';
  }
}

export class ArmClient {
  readonly calls: ArmCallCounts = { providers: 0, getById: 0, listCollection: 0, listByResourceGroup: 0 };
  private readonly clients = new Map<string, ResourceManagementClient>();

  private constructor(
    private readonly options: ArmClientOptions,
    private readonly sdk: typeof import('@azure/arm-resources'),
    private readonly pipeline: typeof import('@azure/core-rest-pipeline'),
  ) {}

  static async create(options: ArmClientOptions): Promise<ArmClient> {
    const [sdk, pipeline] = await Promise.all([import('@azure/arm-resources'), import('@azure/core-rest-pipeline')]);
    return new ArmClient(options, sdk, pipeline);
  }

  get endpoint(): string {
    return this.options.cloud.resourceManager;
  }

  /** GET one resource (or sub-resource) at an api-version; the raw JSON body. */
  async getById(id: string, apiVersion: string, signal?: AbortSignal): Promise<ArmResource> {
    this.calls.getById++;
    let body: unknown;
    await this.client(subscriptionOf(id)).resources.getById(armIdPath(id), apiVersion, {
      abortSignal: signal,
      // The SDK's model drops fields it does not know (zones, etag…): keep the body as sent.
      onResponse: (raw) => {
        body = raw.parsedBody;
      },
    });
    return body as ArmResource;
  }

  /** The resource types and api-versions of a resource-provider namespace. */
  async providerTypes(subscriptionId: string, namespace: string, signal?: AbortSignal): Promise<ProviderResourceType[]> {
    this.calls.providers++;
    const p = await this.client(subscriptionId).providers.get(namespace, { abortSignal: signal });
    return (p.resourceTypes ?? []).map((t) => ({ resourceType: t.resourceType ?? '', apiVersions: t.apiVersions ?? [] }));
  }

  /** GET a collection (`…/storageAccounts`) and every nextLink page: the items as sent. */
  async listCollection(path: string, apiVersion: string, signal?: AbortSignal, query: Record<string, string> = {}): Promise<ArmResource[]> {
    const client = this.client(subscriptionOf(path));
    const out: ArmResource[] = [];
    // Extra parameters (the Activity Log's `$filter`): the `$` stays literal, the value is encoded.
    const extra = Object.entries(query).map(([k, v]) => `&${k}=${encodeURIComponent(v)}`).join('');
    let url: string | undefined = `${this.endpoint}/${armIdPath(path)}?api-version=${encodeURIComponent(apiVersion)}${extra}`;
    const seen = new Set<string>();
    while (url && !seen.has(url)) {
      seen.add(url);
      this.calls.listCollection++;
      const request = this.pipeline.createPipelineRequest({ url, method: 'GET', abortSignal: signal });
      request.headers.set('Accept', 'application/json');
      const response = await client.sendRequest(request);
      const body = parseJson(response.bodyAsText ?? undefined);
      if (response.status >= 400) throw errorFrom(response.status, body);
      const page = body as { value?: ArmResource[]; nextLink?: string | null } | undefined;
      out.push(...(page?.value ?? []));
      url = page?.nextLink ? this.sameOrigin(page.nextLink) : undefined;
    }
    return out;
  }

  /** Every resource in a resource group (id, name, type, location, tags…), following nextLink. */
  async listByResourceGroup(subscriptionId: string, resourceGroup: string, signal?: AbortSignal): Promise<ArmResource[]> {
    const out: ArmResource[] = [];
    const pages = this.client(subscriptionId).resources.listByResourceGroup(resourceGroup, { abortSignal: signal }).byPage();
    for (;;) {
      this.calls.listByResourceGroup++;
      const page = await pages.next();
      if (page.done) {
        this.calls.listByResourceGroup--;
        break;
      }
      for (const r of page.value) out.push(r as unknown as ArmResource);
    }
    return out;
  }

  private client(subscriptionId: string): ResourceManagementClient {
    let c = this.clients.get(subscriptionId.toLowerCase());
    if (!c) {
      const { cloud, credential, ca, retry } = this.options;
      c = new this.sdk.ResourceManagementClient(credential, subscriptionId, {
        endpoint: cloud.resourceManager,
        credentialScopes: [cloud.scope],
        retryOptions: retry,
        ...(ca ? { tlsOptions: { ca: Array.isArray(ca) ? ca.join('\n') : ca } } : {}),
        userAgentOptions: { userAgentPrefix: 'driftlens' },
        // Per attempt, so the SDK's retry policy retries a timed-out attempt (ETIMEDOUT) like a dropped one.
        additionalPolicies: [{ policy: attemptTimeoutPolicy(armTimeoutMs(this.options), this.pipeline.RestError), position: 'perRetry' }],
      });
      this.clients.set(subscriptionId.toLowerCase(), c);
    }
    return c;
  }

  /** A nextLink must stay on the Resource Manager endpoint: the bearer token goes with it. */
  private sameOrigin(link: string): string | undefined {
    try {
      return new URL(link).origin === new URL(this.endpoint).origin ? link : undefined;
    } catch {
      return undefined;
    }
  }
}

function subscriptionOf(idOrPath: string): string {
  return /^\/?subscriptions\/([^/]+)/i.exec(idOrPath)?.[1] ?? '';
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFrom(status: number, body: unknown): ArmHttpError {
  const err = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new ArmHttpError(status, err?.code ?? '', err?.message ?? `HTTP ${status}`);
}
