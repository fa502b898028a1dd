// A loopback Azure Resource Manager over HTTPS, strict like the real one: Bearer token required,
// api-version required and checked against the resource provider's list, ARM error bodies,
// nextLink paging, GET only. Faults per path (401, 403, 404, 429 + Retry-After, 500). Every
// request is logged (method, path, query) so tests can assert what the client sent.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeLoopbackCertificate, type TestCertificate } from './certificate';
import { findNamespace, findType } from './catalog';

export type ArmJson = Record<string, unknown> & { id: string; name: string; type: string };

export interface ArmFault {
  /** Ignored when `wire` is set. */
  status: 401 | 403 | 404 | 429 | 500;
  /**
   * A fault on the wire instead of an error answer: `hang` accepts and never answers, `reset-mid-body`
   * sends half the body and resets the connection, `truncated` sends a complete 200 whose JSON stops
   * halfway, `next-link-loop` answers a collection page whose nextLink points back at itself.
   */
  wire?: 'hang' | 'reset-mid-body' | 'truncated' | 'next-link-loop';
  /** How many requests get the fault before the path answers normally (default: all). */
  times?: number;
  /** Seconds, for 429. */
  retryAfter?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface FakeArmOptions {
  /** Items per page of a list (forces nextLink paging). Default 100. */
  pageSize?: number;
  /** When set, only this bearer token is accepted. */
  token?: string;
  /** Full types (`Microsoft.Web/sites`) whose collection lists leave out `properties`, as some resource providers do. */
  thinListTypes?: string[];
  /** Serve this certificate instead of a new one (one the client process already trusts, e.g. through NODE_EXTRA_CA_CERTS). */
  certificate?: TestCertificate;
}

const key = (path: string) => decodeURIComponent(path).replace(/\/+$/, '').toLowerCase();

/** A path the resource routes do not serve (the Activity Log): an answer, or undefined to pass. */
export type ExtraRoute = (url: URL) => { status: 200; body: unknown } | { status: number; code: string; message: string } | undefined;

export class FakeArm {
  readonly requests: LoggedRequest[] = [];
  /** Served before the resource routes (activityLog.ts adds Microsoft.Insights event values). */
  readonly extraRoutes: ExtraRoute[] = [];
  private readonly resources = new Map<string, ArmJson>();
  private readonly faults = new Map<string, ArmFault & { used: number }>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    /** The PEM certificate clients must trust. */
    readonly ca: string,
    private readonly options: FakeArmOptions,
  ) {}

  static async start(options: FakeArmOptions = {}): Promise<FakeArm> {
    const { cert, key: privateKey } = options.certificate ?? (await makeLoopbackCertificate());
    const holder: { fake?: FakeArm } = {};
    const server = createServer({ cert, key: privateKey }, (req, res) => holder.fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.fake = new FakeArm(server, `https://127.0.0.1:${port}`, cert, options);
    return holder.fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Adds or replaces a resource (keyed by its ID, case-insensitively). */
  put(resource: ArmJson): void {
    this.resources.set(key(resource.id), structuredClone(resource));
  }

  /** Changes a stored resource in place (to apply drift). */
  patch(id: string, change: (r: ArmJson) => void): void {
    const r = this.resources.get(key(id));
    if (!r) throw new Error(`fake ARM has no ${id}`);
    change(r);
  }

  delete(id: string): void {
    this.resources.delete(key(id));
  }

  get(id: string): ArmJson | undefined {
    const r = this.resources.get(key(id));
    return r && structuredClone(r);
  }

  /** Makes GETs of `path` (an ID or collection path) fail. */
  fault(path: string, fault: ArmFault): void {
    this.faults.set(key(path), { ...fault, used: 0 });
  }

  /** Requests whose path is `path` (case-insensitive). */
  requestsTo(path: string): LoggedRequest[] {
    return this.requests.filter((r) => key(r.path) === key(path));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const query = Object.fromEntries(url.searchParams);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ method: req.method ?? '', path: url.pathname, query, status });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': `fake-${this.requests.length}`, ...headers });
      res.end(JSON.stringify(body));
    };
    const fail = (status: number, code: string, message: string, headers?: Record<string, string>) => send(status, { error: { code, message } }, headers);
    // Drain any body, then answer.
    req.resume();
    req.on('end', () => {
      if (req.method !== 'GET') return fail(405, 'MethodNotAllowed', `The fake Resource Manager serves GET only, not ${req.method}.`);
      const auth = req.headers.authorization ?? '';
      if (!/^Bearer \S+/.test(auth)) {
        return fail(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", {
          'www-authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."',
        });
      }
      if (this.options.token && auth !== `Bearer ${this.options.token}`) {
        return fail(401, 'InvalidAuthenticationToken', 'The access token is invalid.', { 'www-authenticate': 'Bearer error="invalid_token", error_description="The access token is invalid."' });
      }
      const apiVersion = url.searchParams.get('api-version');
      if (!apiVersion) return fail(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
      for (const extra of this.extraRoutes) {
        const a = extra(url);
        if (a) return 'body' in a ? send(200, a.body) : fail(a.status, a.code, a.message);
      }
      const route = this.route(url.pathname);
      if ('error' in route) return fail(route.error.status, route.error.code, route.error.message);
      const versionError = checkVersion(route.namespace, route.resourceType, apiVersion);
      if (versionError) return fail(400, versionError.code, versionError.message);
      const fault = this.faults.get(key(url.pathname));
      if (fault && (fault.times === undefined || fault.used < fault.times)) {
        fault.used++;
        if (fault.wire) return this.sendWire(fault.wire, url, route.answer(url), res, send);
        return this.sendFault(fault, route.fullType, url.pathname, fail);
      }
      const answer = route.answer(url);
      if ('error' in answer) return fail(answer.error.status, answer.error.code, answer.error.message);
      return send(200, answer.body);
    });
  }

  private sendWire(wire: NonNullable<ArmFault['wire']>, url: URL, answer: ReturnType<Route['answer']>, res: ServerResponse, send: (status: number, body: unknown) => void): void {
    if (wire === 'hang') return; // accepted, never answered
    const body = 'error' in answer ? { error: answer.error } : answer.body;
    if (wire === 'next-link-loop') return send(200, { ...(body as object), nextLink: url.href });
    const text = JSON.stringify(body);
    const half = text.slice(0, Math.floor(text.length / 2));
    if (wire === 'truncated') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(half) });
      res.end(half);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.write(half);
    // A TLS socket cannot send a TCP reset from Node: destroyed mid-body, the client sees the connection drop.
    setTimeout(() => res.socket?.destroy(), 20);
  }

  private sendFault(fault: ArmFault, fullType: string, path: string, fail: (s: number, c: string, m: string, h?: Record<string, string>) => void): void {
    switch (fault.status) {
      case 401:
        return fail(401, 'InvalidAuthenticationToken', 'The access token is invalid.', { 'www-authenticate': 'Bearer error="invalid_token"' });
      case 403:
        return fail(
          403,
          'AuthorizationFailed',
          `The client '00000000-0000-0000-0000-000000000001' with object id '00000000-0000-0000-0000-000000000001' does not have authorization to perform action '${fullType}/read' over scope '${path}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
        );
      case 404:
        return fail(404, 'ResourceNotFound', `The Resource '${fullType}/${path.split('/').pop()}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
      case 429:
        return fail(429, 'TooManyRequests', 'The request is being throttled as the limit has been reached for operation type - Read.', { 'retry-after': String(fault.retryAfter ?? 1) });
      case 500:
        return fail(500, 'InternalServerError', 'Encountered internal server error. Diagnostic information: timestamp, subscription id, tracking id, request correlation id.');
    }
  }

  private route(pathname: string): Route | { error: HttpError } {
    const segs = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const lower = segs.map((s) => s.toLowerCase());
    // Tenant scope (management groups and extension resources on them): `/providers/NS/type/name…`.
    if (lower[0] === 'providers' && segs.length >= 4) return this.providerRoute(pathname, segs, 0, () => false, { error: { status: 404, code: 'NotFound', message: '' } });
    if (lower[0] !== 'subscriptions' || segs.length < 2) return notFound('InvalidRequestUri', `The request URI '${pathname}' is not valid.`);
    const sub = `/subscriptions/${segs[1]}`;
    const resources = (rest: string[]) => ({ namespace: 'Microsoft.Resources', resourceType: 'resourceGroups', fullType: `Microsoft.Resources/${rest.join('/')}` });
    if (lower[2] === 'providers' && segs.length === 4) {
      return { ...resources(['providers']), answer: () => providerBody(segs[1], segs[3]) };
    }
    // Subscription-scope resources (role assignments, locks): `/subscriptions/S/providers/NS/type/name`.
    if (lower[2] === 'providers') return this.providerRoute(pathname, segs, 2, () => false, { error: { status: 404, code: 'SubscriptionNotFound', message: '' } });
    if (lower[2] !== 'resourcegroups') return notFound('InvalidRequestUri', `The request URI '${pathname}' is not valid.`);
    if (segs.length === 3) return { ...resources(['resourceGroups']), answer: (url) => this.page(url, this.all((r) => key(r.id).split('/').length === 5 && key(r.id).startsWith(key(sub)))) };
    const rgId = `${sub}/resourceGroups/${segs[3]}`;
    const rgMissing = () => !this.resources.has(key(rgId));
    const rgNotFound = { error: { status: 404, code: 'ResourceGroupNotFound', message: `Resource group '${segs[3]}' could not be found.` } };
    if (segs.length === 4) return { ...resources(['resourceGroups']), answer: () => (rgMissing() ? rgNotFound : { body: this.get(rgId)! }) };
    if (segs.length === 5 && lower[4] === 'resources') {
      return {
        ...resources(['resourceGroups', 'resources']),
        answer: (url) => (rgMissing() ? rgNotFound : this.page(url, this.all((r) => isTopLevelIn(r.id, rgId)).map(listedShape))),
      };
    }
    if (lower[4] !== 'providers' || segs.length < 7) return notFound('InvalidRequestUri', `The request URI '${pathname}' is not valid.`);
    return this.providerRoute(pathname, segs, 4, rgMissing, rgNotFound);
  }

  /**
   * `…/providers/NS/type/name[/type/name…]` from segment `base`, and extension resources on it
   * (`…/providers/Microsoft.Insights/diagnosticSettings/x`): the type is the one after the last `providers`.
   */
  private providerRoute(pathname: string, segs: string[], base: number, rgMissing: () => boolean, rgNotFound: { error: HttpError }): Route | { error: HttpError } {
    let last = base;
    for (let k = base + 2; k < segs.length; k += 2) if (segs[k].toLowerCase() === 'providers') last = k;
    if (segs.length < last + 3) return notFound('InvalidRequestUri', `The request URI '${pathname}' is not valid.`);
    const namespace = segs[last + 1];
    const rest = segs.slice(last + 2);
    // An extension resource on a resource that does not exist: the target's 404.
    const scope = last > base ? `/${segs.slice(0, last).join('/')}` : undefined;
    const types = rest.filter((_, i) => i % 2 === 0);
    const resourceType = types.join('/');
    const fullType = `${namespace}/${resourceType}`;
    if (rest.length % 2 === 1) {
      // A collection: everything whose ID is this path plus one name.
      const thin = (this.options.thinListTypes ?? []).some((t) => t.toLowerCase() === fullType.toLowerCase());
      return {
        namespace,
        resourceType,
        fullType,
        answer: (url) => (rgMissing() ? rgNotFound : this.page(url, this.all((r) => isDirectChild(r.id, pathname)).map((r) => (thin ? listedShape(r) : r)))),
      };
    }
    return {
      namespace,
      resourceType,
      fullType,
      answer: () => {
        const r = this.get(pathname);
        if (r) return { body: r };
        if (rgMissing()) return rgNotFound;
        if (scope && !this.resources.has(key(scope))) {
          return { error: { status: 404, code: 'ResourceNotFound', message: `The Resource '${scope.split('/').slice(-3).join('/')}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix` } };
        }
        const parent = rest.length > 2 ? segs.slice(0, segs.length - 2).join('/') : undefined;
        if (!this.resources.has(key(pathname)) && /^roleassignments$/i.test(resourceType)) {
          return { error: { status: 404, code: 'RoleAssignmentNotFound', message: `The role assignment '${segs[segs.length - 1]}' is not found.` } };
        }
        if (parent && !this.resources.has(key(`/${parent}`))) {
          return { error: { status: 404, code: 'ParentResourceNotFound', message: `Can not perform requested operation on nested resource. Parent resource '${segs[segs.length - 3]}' not found.` } };
        }
        return { error: { status: 404, code: 'ResourceNotFound', message: `The Resource '${fullType}/${segs[segs.length - 1]}' under resource group '${segs[3]}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix` } };
      },
    };
  }

  private all(filter: (r: ArmJson) => boolean): ArmJson[] {
    return [...this.resources.values()].filter(filter).sort((a, b) => key(a.id).localeCompare(key(b.id))).map((r) => structuredClone(r));
  }

  /** One page of `items`, with a nextLink (absolute, carrying api-version and $skiptoken) when more remain. */
  private page(url: URL, items: unknown[]): { body: unknown } {
    const size = this.options.pageSize ?? 100;
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0') || 0;
    const value = items.slice(skip, skip + size);
    const body: { value: unknown[]; nextLink?: string } = { value };
    if (skip + size < items.length) {
      const next = new URL(url.pathname, this.url);
      next.searchParams.set('api-version', url.searchParams.get('api-version') ?? '');
      next.searchParams.set('$skiptoken', String(skip + size));
      body.nextLink = next.toString();
    }
    return { body };
  }
}

interface HttpError {
  status: number;
  code: string;
  message: string;
}

interface Route {
  namespace: string;
  resourceType: string;
  fullType: string;
  answer(url: URL): { body: unknown } | { error: HttpError };
}

function notFound(code: string, message: string): { error: HttpError } {
  return { error: { status: 404, code, message } };
}

function checkVersion(namespace: string, resourceType: string, apiVersion: string): { code: string; message: string } | undefined {
  const ns = findNamespace(namespace);
  if (!ns) return { code: 'InvalidResourceNamespace', message: `The resource namespace '${namespace}' is invalid.` };
  const type = findType(namespace, resourceType);
  if (!type) return { code: 'InvalidResourceType', message: `The resource type '${resourceType}' could not be found in the namespace '${ns[0]}' for api version '${apiVersion}'.` };
  if (!/^\d{4}-\d{2}-\d{2}(-[a-z]+)?$/i.test(apiVersion)) {
    return { code: 'InvalidApiVersionParameter', message: `The api-version '${apiVersion}' is invalid. The supported versions are '${type.apiVersions.join(',')}'.` };
  }
  if (!type.apiVersions.includes(apiVersion)) {
    return {
      code: 'NoRegisteredProviderFound',
      message: `No registered resource provider found for location 'westeurope' and API version '${apiVersion}' for type '${resourceType}'. The supported api-versions are '${type.apiVersions.join(', ')}'. The supported locations are 'westeurope, northeurope, eastus'.`,
    };
  }
  return undefined;
}

function providerBody(subscriptionId: string, namespace: string): { body: unknown } | { error: HttpError } {
  const ns = findNamespace(namespace);
  if (!ns) return notFound('InvalidResourceNamespace', `The resource namespace '${namespace}' is invalid.`);
  return {
    body: {
      id: `/subscriptions/${subscriptionId}/providers/${ns[0]}`,
      namespace: ns[0],
      registrationState: 'Registered',
      registrationPolicy: 'RegistrationRequired',
      resourceTypes: ns[1].map((t) => ({ resourceType: t.resourceType, locations: t.locations ?? ['West Europe', 'North Europe', 'East US'], apiVersions: t.apiVersions, capabilities: 'None' })),
    },
  };
}

function isTopLevelIn(id: string, rgId: string): boolean {
  const k = key(id);
  const prefix = `${key(rgId)}/providers/`;
  return k.startsWith(prefix) && k.slice(prefix.length).split('/').length === 3;
}

function isDirectChild(id: string, collection: string): boolean {
  const k = key(id);
  const c = key(collection);
  return k.startsWith(`${c}/`) && !k.slice(c.length + 1).includes('/');
}

/** What Resources_ListByResourceGroup shows of a resource: no `properties` unless expanded. */
function listedShape(r: ArmJson): Record<string, unknown> {
  const out: Record<string, unknown> = { id: r.id, name: r.name, type: r.type };
  for (const k of ['sku', 'kind', 'managedBy', 'location', 'identity', 'tags']) if (r[k] !== undefined) out[k] = r[k];
  return out;
}
