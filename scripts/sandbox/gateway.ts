// One port for every fake AWS service, as LocalStack offers: each request goes to the fake of the service
// its SigV4 credential scope names (`Credential=AKID/20261204/eu-west-1/ec2/aws4_request`), so a user sets
// one `AWS_ENDPOINT_URL` and the SDKs, the CLI and the extension all reach the sandbox.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The service of a signed request, from its Authorization header (or a presigned URL's X-Amz-Credential). */
export function serviceOf(req: Pick<IncomingMessage, 'headers' | 'url'>): string | undefined {
  const auth = String(req.headers.authorization ?? '');
  const scope = /Credential=[^/,\s]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(auth) ?? /X-Amz-Credential=[^&]*?%2F\d{8}%2F[^%]+%2F([^%]+)%2Faws4_request/i.exec(req.url ?? '');
  return scope?.[1]?.toLowerCase();
}

export interface Gateway {
  url: string;
  close(): Promise<void>;
}

/** `targets`: service name (`ec2`, `sts`…) → base URL of its fake. Unsigned or unknown services get AWS's own error shape. */
export async function startGateway(targets: Record<string, string>, port = 0): Promise<Gateway> {
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const service = serviceOf(req);
    const target = service ? targets[service] : undefined;
    if (!target) {
      res.writeHead(service ? 501 : 403, { 'content-type': 'text/xml' });
      res.end(`<Response><Errors><Error><Code>${service ? 'NotImplemented' : 'MissingAuthenticationToken'}</Code><Message>${service ? `The DriftLens sandbox does not emulate ${service}` : 'Request is not signed'}</Message></Error></Errors></Response>`);
      return;
    }
    const url = new URL(req.url ?? '/', target);
    // Headers as they came, `host` included: it is part of the SigV4 signature the fakes verify.
    const upstream = request(url, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (e) => {
      res.writeHead(502).end(`sandbox gateway: ${e.message}`);
    });
    req.pipe(upstream);
  };
  const server: Server = createServer(forward);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
