// A lockstep worker thread (parallel.ts): runs programs from the shared counter on its own
// engines (takePrograms) and sends each result and its coverage counts back; at the end it
// closes its engines and says so, or sends the error that stopped it.
import { parentPort, workerData } from 'node:worker_threads';
import { rememberToolVersions, rememberVerilatorRoots } from '../../verilator/index.js';
import { programRunner, takePrograms, type WorkerJob, type WorkerMessage } from './parallel.js';
import type { EngineEntry } from './workloads.js';

const job = workerData as WorkerJob;
rememberToolVersions(job.tools.versions);
rememberVerilatorRoots(job.tools.roots);
const engines = new Map<string, EngineEntry>();
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
try {
  await takePrograms(job, programRunner(job, engines), (r) => post({ type: 'run', ...r }));
  for (const e of engines.values()) await e.engine.close();
  post({ type: 'done' });
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  post({ type: 'error', message: err.message, stack: err.stack ?? err.message });
}
