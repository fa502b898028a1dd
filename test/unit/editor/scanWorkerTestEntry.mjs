// A worker thread does not inherit the test process's tsx hooks: this plain script registers them,
// then loads the TypeScript test entry.
import { register } from 'tsx/esm/api';

register();
await import('./scanWorkerTestEntry.ts');
