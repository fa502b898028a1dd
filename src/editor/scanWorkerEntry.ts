// Entry of dist/scanWorker.js, started by scanWorkerClient.ts with `new Worker(...)`. Bundled without
// `vscode` as an external: the build fails if anything here reaches it.
import { parentPort } from 'node:worker_threads';
import { serveScans, type Port } from './scanWorkerService';

if (parentPort) serveScans(parentPort as unknown as Port);
