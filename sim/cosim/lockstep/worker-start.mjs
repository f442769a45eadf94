// Entry of a lockstep worker thread (parallel.ts): the sources are TypeScript and a worker
// does not inherit its parent's loader hooks (Node 20), so it registers tsx's own (tsx is
// resolved from this file, wherever the package is installed), then runs worker.ts.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
