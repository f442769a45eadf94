// A core co-simulation's programs over several threads (`jobs`: this one and jobs - 1 worker
// threads), each with its own emulator and engine (a Verilator model per thread, or the
// built-in simulator): the wall time of a regression on a machine with several cores. Program
// k is the same in every thread (workloads.ts derives the list from the options); each thread
// takes the next program from a shared counter, so none is idle while programs are left (and
// this thread starts at once, while the workers load the sources and their engines), and the
// results are put back in program order: the caller merges them into the report a serial run
// gives (runs in order, coverage counts added in program order).
import { availableParallelism } from 'node:os';
import { threadId, Worker } from 'node:worker_threads';
import { toolVersionsKnown, verilatorRootsKnown } from '../../verilator/index.js';
import { cosimDirs } from '../dirs.js';
import type { Exclusion } from './compare.js';
import { Coverage, type CoverageCounts } from './coverage.js';
import {
  engineFor,
  runWorkload,
  workloads,
  type CoreRun,
  type EngineEntry,
  type WorkloadOptions,
} from './workloads.js';

/** What a worker is given (workerData). */
export interface WorkerJob {
  readonly options: WorkloadOptions;
  /** Root of what is written (sim/cosim/dirs.ts; the threads share the working directory). */
  readonly outDir: string | undefined;
  /** Int32Array over a SharedArrayBuffer: the next program to take. */
  readonly next: Int32Array;
  readonly total: number;
  /** What this thread knows of Verilator (version, root): each answer is a perl start the worker saves. */
  readonly tools: { readonly versions: [string, string | null][]; readonly roots: [string, string][] };
}

/** One program's result, as a worker sends it. */
export interface ProgramResult {
  readonly k: number;
  /** The thread that ran it (worker_threads threadId; 0 is the main thread). */
  readonly thread: number;
  readonly run: CoreRun;
  readonly exclusions: readonly Exclusion[];
  readonly counts: CoverageCounts;
}

/** Messages from a worker: a program's result, the end, or the error that stopped it. */
export type WorkerMessage =
  | ({ readonly type: 'run' } & ProgramResult)
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string; readonly stack: string };

/** The default number of jobs: the cores this process may use. */
export const defaultJobs = (): number => availableParallelism();

/**
 * Takes programs from the shared counter until none is left and runs each (engines opened on
 * first use, kept in `engines` for the caller to close), with a coverage of its own; `send`
 * gets each result. What every thread of a parallel run does.
 */
export async function takePrograms(
  job: WorkerJob,
  engines: Map<string, EngineEntry>,
  send: (r: ProgramResult) => void,
): Promise<void> {
  const dirs = cosimDirs(job.outDir);
  const ws = workloads(job.options, dirs);
  for (;;) {
    const k = Atomics.add(job.next, 0, 1);
    if (k >= job.total) return;
    const w = ws[k]!;
    const e = await engineFor(engines, w, job.options, false);
    const cov = new Coverage(w.gen);
    const { run, exclusions } = await runWorkload(w, e, cov, job.options, dirs);
    send({ k, thread: threadId, run, exclusions, counts: cov.counts() });
  }
}

/** The worker's entry (JavaScript: it registers the TypeScript loader, then imports `entry`). */
const START = new URL('./worker-start.mjs', import.meta.url);

/**
 * Runs programs 0..total-1 of `options` on this thread and jobs - 1 worker threads; `onResult`
 * gets each as it ends (any order), and the returned array holds them in program order. The
 * first error in any thread stops the workers and is thrown here. `here: false`: this thread
 * runs none of them (jobs workers do; the tests use it to see the workers' results).
 */
export async function runInWorkers(
  options: WorkloadOptions,
  outDir: string | undefined,
  total: number,
  jobs: number,
  onResult?: (r: ProgramResult, done: number) => void,
  here = true,
): Promise<ProgramResult[]> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const job: WorkerJob = {
    options,
    outDir,
    next,
    total,
    tools: { versions: toolVersionsKnown(), roots: verilatorRootsKnown() },
  };
  const results = new Array<ProgramResult | undefined>(total);
  const entry = new URL('./worker.ts', import.meta.url).href;
  const workers: Worker[] = [];
  const engines = new Map<string, EngineEntry>();
  let done = 0;
  const keep = (r: ProgramResult) => {
    results[r.k] = r;
    onResult?.(r, ++done);
  };
  try {
    const others = new Promise<void>((resolve, reject) => {
      let running = Math.max(0, Math.min(jobs, total) - (here ? 1 : 0));
      if (running === 0) resolve();
      for (let w = 0; w < running; w++) {
        const worker = new Worker(START, { workerData: { ...job, entry } });
        workers.push(worker);
        let finished = false;
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'run') keep(m);
          else if (m.type === 'done') {
            finished = true;
            if (--running === 0) resolve();
          } else {
            const e = new Error(m.message);
            e.stack = m.stack;
            reject(e);
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (!finished)
            reject(new Error(`lockstep worker ${w} stopped (exit code ${code}) before its programs were run`));
        });
      }
    });
    // A worker's failure ends the wait at once (this thread's programs are not waited for).
    await Promise.race([Promise.all([here ? takePrograms(job, engines, keep) : null, others]), others]);
  } finally {
    Atomics.store(next, 0, total); // after a failure, this thread takes no further program
    await Promise.all(workers.map((w) => w.terminate()));
    for (const e of engines.values()) await e.engine.close();
  }
  return results.map((r, k) => {
    if (!r) throw new Error(`lockstep workers: no result for program ${k}`);
    return r;
  });
}
