// The scan worker as shipped (scanWorkerService), started by the unit tests through tsx, with two test
// hooks: the fake Resource Manager's self-signed certificate trusted (NODE_EXTRA_CA_CERTS is read once
// per process, at start, so a test cannot set it for one thread), a scan of a folder named "crash-me"
// ends the thread as a crash would, and a log line before each final answer says how many result
// slices went out and how many times the host asked for the next one.
import tls from 'node:tls';
import { parentPort } from 'node:worker_threads';
import { serveScans, type Port } from '../../../src/editor/scanWorkerService';
import type { HostMessage, WorkerMessage } from '../../../src/editor/scanWorkerProtocol';

const connect = tls.connect;
(tls as { connect: typeof tls.connect }).connect = ((options: tls.ConnectionOptions, ...rest: unknown[]) => {
  const ca = process.env.DRIFTLENS_TEST_WORKER_CA;
  const withCa = ca && typeof options === 'object' ? { ...options, ca: [...tls.rootCertificates, ca] } : options;
  return (connect as (...a: unknown[]) => tls.TLSSocket)(withCa, ...rest);
}) as typeof tls.connect;

if (parentPort) {
  const port = parentPort;
  let slices = 0;
  let asked = 0;
  serveScans({
    postMessage: (m) => {
      if (m.kind === 'resources') slices++;
      if (m.kind === 'scanned' || m.kind === 'recompared') {
        port.postMessage({ kind: 'log', level: 'debug', message: `test: ${slices} slices, ${asked} asked` } satisfies WorkerMessage);
        slices = asked = 0;
      }
      port.postMessage(m);
    },
    on: (_event, listener) =>
      port.on('message', (m: HostMessage) => {
        if (m.kind === 'scan' && m.options.dir.endsWith('crash-me')) process.exit(3);
        if (m.kind === 'more') asked++;
        listener(m);
      }),
  } satisfies Port);
}
