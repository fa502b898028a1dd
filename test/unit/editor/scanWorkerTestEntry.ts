// The scan worker as shipped (scanWorkerService), started by the unit tests through tsx, with two test
// hooks: the fake Resource Manager's self-signed certificate trusted (NODE_EXTRA_CA_CERTS is read once
// per process, at start, so a test cannot set it for one thread), and a scan of a folder named
// "crash-me" ends the thread as a crash would.
import tls from 'node:tls';
import { parentPort } from 'node:worker_threads';
import { serveScans, type Port } from '../../../src/editor/scanWorkerService';
import type { HostMessage } from '../../../src/editor/scanWorkerProtocol';

const connect = tls.connect;
(tls as { connect: typeof tls.connect }).connect = ((options: tls.ConnectionOptions, ...rest: unknown[]) => {
  const ca = process.env.DRIFTLENS_TEST_WORKER_CA;
  const withCa = ca && typeof options === 'object' ? { ...options, ca: [...tls.rootCertificates, ca] } : options;
  return (connect as (...a: unknown[]) => tls.TLSSocket)(withCa, ...rest);
}) as typeof tls.connect;

if (parentPort) {
  const port = parentPort;
  serveScans({
    postMessage: (m) => port.postMessage(m),
    on: (_event, listener) =>
      port.on('message', (m: HostMessage) => {
        if (m.kind === 'scan' && m.options.dir.endsWith('crash-me')) process.exit(3);
        listener(m);
      }),
  } satisfies Port);
}
